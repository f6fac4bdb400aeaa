//! Publishing, scheduling and taking down.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use newsdesk_core::publishable::References;
use newsdesk_core::{Article, ArticleStatus, Event, ValidationError};

use super::article_change;
use crate::Store;
use crate::error::{Result, StoreError};
use crate::sql::{micros, now};

/// Evaluates to `Result<()>`: `$article` satisfies the publish rule
/// ([`check_publishable`](newsdesk_core::publishable::check_publishable)), judged on facts
/// read in this transaction and held to its commit.
macro_rules! check_publishable {
    ($conn:ident, $article:expr) => {
        async {
            let refs = References::of(&$article.draft());
            let facts = load_facts!(&mut *$conn, &[&refs], true)?;
            refs.check_publishable(&facts).map_err(StoreError::Invalid)
        }
        .await
    };
}

/// What one run of [`Store::publish_due`] did.
#[derive(Debug, Clone, Default)]
pub struct DueArticles {
    /// Published now, each with its event.
    pub published: Vec<(Article, Event)>,
    /// Due, but no longer publishable: not published, moved off the schedule.
    pub blocked: Vec<BlockedArticle>,
}

/// A scheduled article whose time came while it broke the publish rule (a photo lost its
/// alt text, a related article was taken down, …). It is moved back to `draft` (or to
/// `unpublished` if readers had seen it before), exactly as if its schedule had been
/// cancelled, so it shows up in the newsroom as needing attention instead of sitting
/// "scheduled" in the past and going out unannounced whenever someone fixes the photo.
#[derive(Debug, Clone)]
pub struct BlockedArticle {
    /// As it is now, after the move.
    pub article: Article,
    pub event: Event,
    /// Why, in the publish rule's words (for the audit log and the editor).
    pub reason: ValidationError,
}

impl Store {
    /// Publishes now-ish: `published_at = at`, except on a re-publish, which keeps the
    /// original time (the URL carries its date). Sets `first_published_at` once. Refused
    /// with `Invalid` unless the article satisfies the publish rule (see
    /// [`newsdesk_core::publishable`]).
    pub async fn publish_article(
        &self,
        id: i64,
        at: DateTime<Utc>,
        actor: Option<i64>,
    ) -> Result<(Article, Event)> {
        let _ = actor; // Publishing saves no content, so no revision names the actor.
        let at = micros(at);
        let out = transaction!(self, |conn| {
            let before = load_article!(&mut *conn, id)?;
            check_publishable!(conn, &before)?;
            let published_at = match (before.first_published_at, before.published_at) {
                (Some(_), Some(earlier)) => earlier,
                _ => at,
            };
            sqlx::query(
                "UPDATE articles SET status = 'published', published_at = $2, \
                 first_published_at = COALESCE(first_published_at, $2), updated_at = $3 \
                 WHERE id = $1",
            )
            .bind(id)
            .bind(published_at)
            .bind(now())
            .execute(&mut *conn)
            .await?;
            let after = load_article!(&mut *conn, id)?;
            let event = insert_event!(conn, article_change(Some(&before), Some(&after)))?;
            (after, event)
        });
        Ok(out)
    }

    /// Sets the article to publish itself at `at` (see `publish_due`). The publish rule is
    /// checked now, so the editor hears about problems while there is time, and again at `at`.
    pub async fn schedule_article(
        &self,
        id: i64,
        at: DateTime<Utc>,
        actor: Option<i64>,
    ) -> Result<(Article, Event)> {
        let _ = actor;
        let at = micros(at);
        let out = transaction!(self, |conn| {
            let before = load_article!(&mut *conn, id)?;
            if before.status == ArticleStatus::Published {
                return Err(StoreError::invalid(
                    "status",
                    "is already published; unpublish it first",
                ));
            }
            check_publishable!(conn, &before)?;
            sqlx::query(
                "UPDATE articles SET status = 'scheduled', published_at = $2, updated_at = $3 \
                 WHERE id = $1",
            )
            .bind(id)
            .bind(at)
            .bind(now())
            .execute(&mut *conn)
            .await?;
            let after = load_article!(&mut *conn, id)?;
            let event = insert_event!(conn, article_change(Some(&before), Some(&after)))?;
            (after, event)
        });
        Ok(out)
    }

    /// Takes a published article down (its URL then answers 410), or cancels a schedule
    /// (back to draft, or to unpublished if it was public before).
    pub async fn unpublish_article(&self, id: i64, actor: Option<i64>) -> Result<(Article, Event)> {
        let _ = actor;
        let out = transaction!(self, |conn| {
            let before = load_article!(&mut *conn, id)?;
            let (status, published_at) = match before.status {
                ArticleStatus::Published => ("unpublished", before.published_at),
                ArticleStatus::Scheduled if before.first_published_at.is_some() => {
                    ("unpublished", before.first_published_at)
                }
                ArticleStatus::Scheduled => ("draft", None),
                ArticleStatus::Draft | ArticleStatus::Unpublished => {
                    return Err(StoreError::invalid(
                        "status",
                        "is neither published nor scheduled",
                    ));
                }
            };
            sqlx::query(
                "UPDATE articles SET status = $2, published_at = $3, updated_at = $4 WHERE id = $1",
            )
            .bind(id)
            .bind(status)
            .bind(published_at)
            .bind(now())
            .execute(&mut *conn)
            .await?;
            let after = load_article!(&mut *conn, id)?;
            let event = insert_event!(conn, article_change(Some(&before), Some(&after)))?;
            (after, event)
        });
        Ok(out)
    }

    /// Publishes every scheduled article whose time has come and which still satisfies the
    /// publish rule; one that does not is never published: it goes back to draft (see
    /// [`BlockedArticle`]), is logged, and is returned with the reason so the caller can
    /// audit it. The rows are claimed by the publishing UPDATE itself, so instances running
    /// this at once never publish (or block) one twice.
    pub async fn publish_due(&self, now_at: DateTime<Utc>) -> Result<DueArticles> {
        let now_at = micros(now_at);
        let out = transaction!(self, |conn| {
            // The claim sets first_published_at; a blocked article must get back the value it
            // had, or a never-published draft would answer 410 Gone as if taken down.
            let earlier: HashMap<i64, Option<DateTime<Utc>>> = sqlx::query_as(
                "SELECT id, first_published_at FROM articles \
                 WHERE status = 'scheduled' AND published_at <= $1",
            )
            .bind(now_at)
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .collect();
            let ids: Vec<i64> = sqlx::query_scalar(crate::dialect::claim_due_articles(&*conn))
                .bind(now_at)
                .bind(now())
                .fetch_all(&mut *conn)
                .await?;
            let articles = load_articles!(&mut *conn, &ids)?;
            // Where a blocked article goes back to: what cancelling its schedule would do.
            let fallback = |article: &Article| {
                let first = earlier.get(&article.id).copied().unwrap_or_else(|| {
                    // Scheduled after the snapshot above. The claim copied published_at into
                    // an empty first_published_at; an earlier publication predates any
                    // schedule made since, so equal values mean it was empty.
                    article
                        .first_published_at
                        .filter(|first| Some(*first) != article.published_at)
                });
                match first {
                    Some(_) => (ArticleStatus::Unpublished, first),
                    None => (ArticleStatus::Draft, None),
                }
            };
            let refs: Vec<References> = articles
                .iter()
                .map(|a| References::of(&a.draft()))
                .collect();
            let mut facts = load_facts!(&mut *conn, &refs.iter().collect::<Vec<_>>(), true)?;
            // Articles due together may link each other: once one is blocked, the others
            // must not count it as published, so check again until nothing changes.
            let mut blocked: HashMap<i64, ValidationError> = HashMap::new();
            loop {
                let before = blocked.len();
                for (article, refs) in articles.iter().zip(&refs) {
                    if blocked.contains_key(&article.id) {
                        continue;
                    }
                    if let Err(reason) = refs.check_publishable(&facts) {
                        blocked.insert(article.id, reason);
                        if let Some(status) = facts.articles.get_mut(&article.id) {
                            *status = fallback(article).0;
                        }
                    }
                }
                if blocked.len() == before {
                    break;
                }
            }
            let mut out = DueArticles::default();
            for article in articles {
                let Some(reason) = blocked.remove(&article.id) else {
                    // Before the claim it was scheduled: same links, not public.
                    let event = insert_event!(conn, article_change(None, Some(&article)))?;
                    out.published.push((article, event));
                    continue;
                };
                let (status, first) = fallback(&article);
                sqlx::query(
                    "UPDATE articles SET status = $2, published_at = $3, \
                     first_published_at = $3, updated_at = $4 WHERE id = $1",
                )
                .bind(article.id)
                .bind(status.as_str())
                .bind(first)
                .bind(now())
                .execute(&mut *conn)
                .await?;
                tracing::warn!(
                    article = article.id,
                    %reason,
                    "scheduled article not published: it breaks the publish rule; moved back to {status}"
                );
                let after = load_article!(&mut *conn, article.id)?;
                let event = insert_event!(conn, article_change(None, Some(&after)))?;
                out.blocked.push(BlockedArticle {
                    article: after,
                    event,
                    reason,
                });
            }
            out
        });
        Ok(out)
    }
}
