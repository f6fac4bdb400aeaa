//! Publishing, scheduling and taking down.

use chrono::{DateTime, Utc};
use newsdesk_core::{Article, ArticleStatus, Event};

use super::article_change;
use crate::Store;
use crate::error::{Result, StoreError};
use crate::sql::{micros, now};

/// Evaluates to `Result<()>`: the hero photo of `$article` must have alt text before the
/// article goes public (readers who cannot see it get a description, not nothing).
macro_rules! check_publishable {
    ($conn:ident, $article:expr) => {
        async {
            if let Some(photo) = $article.hero_photo_id {
                let alt: String = sqlx::query_scalar("SELECT alt_text FROM photos WHERE id = $1")
                    .bind(photo)
                    .fetch_one(&mut *$conn)
                    .await?;
                if alt.trim().is_empty() {
                    return Err(StoreError::invalid(
                        "hero_photo_id",
                        "the photo needs alt text before the article is published",
                    ));
                }
            }
            Ok(())
        }
        .await
    };
}

impl Store {
    /// Publishes now-ish: `published_at = at`, except on a re-publish, which keeps the
    /// original time (the URL carries its date). Sets `first_published_at` once.
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

    /// Sets the article to publish itself at `at` (see `publish_due`).
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

    /// Publishes every scheduled article whose time has come. The rows are claimed by the
    /// publishing UPDATE itself, so instances running this at once never publish one twice.
    pub async fn publish_due(&self, now_at: DateTime<Utc>) -> Result<Vec<(Article, Event)>> {
        let now_at = micros(now_at);
        let out = transaction!(self, |conn| {
            let ids: Vec<i64> = sqlx::query_scalar(crate::dialect::claim_due_articles(&*conn))
                .bind(now_at)
                .bind(now())
                .fetch_all(&mut *conn)
                .await?;
            let articles = load_articles!(&mut *conn, &ids)?;
            let mut out = Vec::with_capacity(articles.len());
            for article in articles {
                // Before the claim it was scheduled: same links, not public.
                let event = insert_event!(conn, article_change(None, Some(&article)))?;
                out.push((article, event));
            }
            out
        });
        Ok(out)
    }
}
