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

/// Evaluates to `Result<()>`: holds article `$id`'s row to the end of the transaction (a
/// no-op UPDATE; SQLite's IMMEDIATE transactions hold everything anyway), so a status read
/// after it cannot be changed by a concurrent request before this one commits.
/// `NotFound` when there is no such article.
macro_rules! hold_article {
    ($conn:ident, $id:expr) => {
        sqlx::query_scalar::<_, i64>(
            "UPDATE articles SET status = status WHERE id = $1 RETURNING id",
        )
        .bind($id)
        .fetch_one(&mut *$conn)
        .await
        .map(|_| ())
        .map_err(StoreError::from)
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

/// An audit-log entry written in the same transaction as the workflow step it records, so
/// the log can never say "published" twice for one publication (or miss one). The store
/// adds the article's resulting `status` to `details`.
#[derive(Debug, Clone)]
pub struct AuditNote {
    pub actor: Option<i64>,
    pub action: String,
    pub target: String,
    pub details: serde_json::Value,
}

/// What a workflow step did: changed the article (with the outbox event it wrote), or
/// found it already where the step would take it and wrote nothing.
#[derive(Debug, Clone)]
pub enum Transition {
    Changed { article: Article, event: Event },
    Unchanged(Article),
}

impl Transition {
    pub fn article(&self) -> &Article {
        match self {
            Transition::Changed { article, .. } | Transition::Unchanged(article) => article,
        }
    }
}

/// Evaluates to `Result<()>`: writes `$note` (an `Option<&AuditNote>`) about `$after`.
macro_rules! insert_audit {
    ($conn:ident, $note:expr, $after:expr) => {
        async {
            let Some(note) = $note else {
                return Ok::<_, StoreError>(());
            };
            let mut details = note.details.clone();
            if let Some(obj) = details.as_object_mut() {
                obj.insert("status".to_owned(), $after.status.as_str().into());
            }
            sqlx::query(
                "INSERT INTO audit_log (at, actor, action, target, details) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(now())
            .bind(note.actor)
            .bind(&note.action)
            .bind(&note.target)
            .bind(sqlx::types::Json(&details))
            .execute(&mut *$conn)
            .await?;
            Ok(())
        }
        .await
    };
}

/// Rounds of [`Store::publish_article_with`] lost to concurrent saves before it gives up.
const PUBLISH_ATTEMPTS: usize = 3;

impl Store {
    /// [`Store::publish_article_with`] without an audit entry; publishing an article that
    /// is already published is refused (`Invalid` on `status`), since there is no event to
    /// return.
    pub async fn publish_article(
        &self,
        id: i64,
        at: DateTime<Utc>,
        actor: Option<i64>,
    ) -> Result<(Article, Event)> {
        let _ = actor; // Publishing saves no content, so no revision names the actor.
        match self.publish_article_with(id, at, None).await? {
            Transition::Changed { article, event } => Ok((article, event)),
            Transition::Unchanged(_) => Err(StoreError::invalid("status", "is already published")),
        }
    }

    /// Publishes now-ish: `published_at = at`, except on a re-publish, which keeps the
    /// original time (the URL carries its date). Sets `first_published_at` once. Refused
    /// with `Invalid` unless the article satisfies the publish rule (see
    /// [`newsdesk_core::publishable`]).
    ///
    /// Idempotent: the publication is one conditional UPDATE (`status <> 'published'`), so
    /// of two publishes at once (on any number of instances) exactly one changes the row
    /// and writes the event and `audit`; the other, like any publish of a published
    /// article, is [`Transition::Unchanged`] and writes nothing.
    pub async fn publish_article_with(
        &self,
        id: i64,
        at: DateTime<Utc>,
        audit: Option<&AuditNote>,
    ) -> Result<Transition> {
        let at = micros(at);
        let out = transaction!(self, |conn| {
            let mut attempt = 0;
            loop {
                attempt += 1;
                let before = load_article!(&mut *conn, id)?;
                if before.status == ArticleStatus::Published {
                    break Transition::Unchanged(before);
                }
                // Judged before the claim, so rows are locked in the order every other
                // writer takes them (referenced rows, then the article).
                check_publishable!(conn, &before)?;
                // `version = $4`: the content judged above is the content published; a save
                // that slipped in between makes this match nothing and the check rerun.
                let claimed: Option<i64> = sqlx::query_scalar(
                    "UPDATE articles SET status = 'published', \
                     published_at = CASE WHEN first_published_at IS NOT NULL \
                     AND published_at IS NOT NULL THEN published_at ELSE $2 END, \
                     first_published_at = COALESCE(first_published_at, $2), updated_at = $3 \
                     WHERE id = $1 AND status <> 'published' AND version = $4 RETURNING id",
                )
                .bind(id)
                .bind(at)
                .bind(now())
                .bind(before.version)
                .fetch_optional(&mut *conn)
                .await?;
                if claimed.is_none() {
                    if attempt < PUBLISH_ATTEMPTS {
                        continue;
                    }
                    let now_at = load_article!(&mut *conn, id)?;
                    if now_at.status == ArticleStatus::Published {
                        break Transition::Unchanged(now_at);
                    }
                    return Err(StoreError::Stale {
                        current_version: now_at.version,
                    });
                }
                let after = load_article!(&mut *conn, id)?;
                // Publishing changes no content: the links before are the links after.
                let event = insert_event!(conn, article_change(Some(&before), Some(&after)))?;
                insert_audit!(conn, audit, &after)?;
                break Transition::Changed {
                    article: after,
                    event,
                };
            }
        });
        Ok(out)
    }

    /// [`Store::schedule_article_with`] without an audit entry.
    pub async fn schedule_article(
        &self,
        id: i64,
        at: DateTime<Utc>,
        actor: Option<i64>,
    ) -> Result<(Article, Event)> {
        let _ = actor;
        self.schedule_article_with(id, at, None).await
    }

    /// Sets the article to publish itself at `at` (see `publish_due`). The publish rule is
    /// checked now, so the editor hears about problems while there is time, and again at `at`.
    /// Refused (`Invalid` on `status`) for a published article, also one published by a
    /// concurrent request: the row is held before its status is read.
    pub async fn schedule_article_with(
        &self,
        id: i64,
        at: DateTime<Utc>,
        audit: Option<&AuditNote>,
    ) -> Result<(Article, Event)> {
        let at = micros(at);
        let out = transaction!(self, |conn| {
            hold_article!(conn, id)?;
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
            insert_audit!(conn, audit, &after)?;
            (after, event)
        });
        Ok(out)
    }

    /// [`Store::unpublish_article_with`] without an audit entry.
    pub async fn unpublish_article(&self, id: i64, actor: Option<i64>) -> Result<(Article, Event)> {
        let _ = actor;
        self.unpublish_article_with(id, None).await
    }

    /// Takes a published article down (its URL then answers 410), or cancels a schedule
    /// (back to draft, or to unpublished if it was public before). Refused (`Invalid` on
    /// `status`) for anything else, also for the second of two unpublishes at once: the row
    /// is held before its status is read.
    pub async fn unpublish_article_with(
        &self,
        id: i64,
        audit: Option<&AuditNote>,
    ) -> Result<(Article, Event)> {
        let out = transaction!(self, |conn| {
            hold_article!(conn, id)?;
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
            insert_audit!(conn, audit, &after)?;
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
