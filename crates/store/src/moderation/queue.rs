//! The queues moderators work through, and their decisions.

use chrono::{DateTime, Utc};
use newsdesk_core::{Change, Comment, CommentStatus, Event};

use super::{ArticlePathRow, Decision, Queue, QueueItem};
use crate::Store;
use crate::comments::{CommentRow, comment};
use crate::error::{Result, StoreError};
use crate::sql::limit_clause;

impl Store {
    /// A page of a queue, oldest first (first come, first judged), optionally of one edition.
    pub async fn moderation_queue(
        &self,
        queue: Queue,
        edition: Option<&str>,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<QueueItem>> {
        let sql = format!(
            "SELECT c.id, c.article_id, c.account_id, a.name, c.parent_id, c.body, c.status, \
             c.reason, c.featured, c.likes, c.reports, c.created_at, c.edited_at, c.open_reports \
             FROM comments c LEFT JOIN accounts a ON a.id = c.account_id \
             JOIN articles ar ON ar.id = c.article_id \
             WHERE {} AND ($1 = '' OR ar.edition = $1) ORDER BY c.created_at, c.id {}",
            queue.condition(),
            limit_clause(limit.clamp(1, 200), offset.max(0))
        );
        type Row = (
            i64,
            i64,
            Option<i64>,
            Option<String>,
            Option<i64>,
            String,
            String,
            String,
            bool,
            i64,
            i64,
            DateTime<Utc>,
            Option<DateTime<Utc>>,
            i64,
        );
        let rows: Vec<Row> = read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(edition.unwrap_or(""))
            .fetch_all(db)
            .await)?;
        let mut ids: Vec<String> = rows.iter().map(|r| r.1.to_string()).collect();
        ids.sort_unstable();
        ids.dedup();
        let articles: Vec<ArticlePathRow> = if ids.is_empty() {
            Vec::new()
        } else {
            // Ids from the store, not from a request: safe to inline.
            let sql = format!(
                "SELECT id, edition, headline, slug, published_at, created_at FROM articles \
                     WHERE id IN ({})",
                ids.join(", ")
            );
            read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .fetch_all(db)
                .await)?
        };
        rows.into_iter()
            .map(|r| {
                let open_reports = r.13;
                let row: CommentRow = (
                    r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8, r.9, r.10, r.11, r.12,
                );
                let comment = comment(row)?;
                let (edition, headline, path) = articles
                    .iter()
                    .find(|a| a.0 == comment.article_id)
                    .map(|(id, edition, headline, slug, published, created)| {
                        (
                            edition.clone(),
                            headline.clone(),
                            newsdesk_core::article::article_path(
                                edition,
                                published.unwrap_or(*created),
                                slug,
                                *id,
                            ),
                        )
                    })
                    .unwrap_or_default();
                Ok(QueueItem {
                    comment,
                    edition,
                    article_headline: headline,
                    article_path: path,
                    open_reports,
                })
            })
            .collect()
    }

    /// How many comments wait in each queue (in [`Queue::ALL`]'s order).
    pub async fn queue_counts(&self, edition: Option<&str>) -> Result<[i64; 3]> {
        let (pending, held, reported): (i64, i64, i64) = read!(self, |db| {
            sqlx::query_as(
            "SELECT \
             COALESCE(SUM(CASE WHEN c.status = 'pending' THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN c.status = 'held' THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN c.status = 'visible' AND c.open_reports > 0 THEN 1 ELSE 0 END), 0) \
             FROM comments c JOIN articles ar ON ar.id = c.article_id \
             WHERE (c.status IN ('pending', 'held') OR c.open_reports > 0) \
             AND ($1 = '' OR ar.edition = $1)"
        )
        .bind(edition.unwrap_or(""))
        .fetch_one(db)
        .await
        })?;
        Ok([pending, held, reported])
    }

    /// Applies a moderator's decision; returns the comment as it is now and the outbox
    /// event when the visible discussion changed.
    pub async fn moderate_comment(
        &self,
        id: i64,
        decision: Decision<'_>,
    ) -> Result<(Comment, Option<Event>)> {
        let before = self.get_comment(id).await?;
        if before.status == CommentStatus::Deleted {
            return Err(StoreError::invalid(
                "id",
                "its author deleted this comment; there is nothing to moderate",
            ));
        }
        let (status, reason, featured) = match decision {
            Decision::Approve => (CommentStatus::Visible, String::new(), before.featured),
            Decision::Reject(reason) => (CommentStatus::Rejected, reason.to_owned(), false),
            Decision::Feature(on) => {
                let status = if on {
                    CommentStatus::Visible
                } else {
                    before.status
                };
                let reason = if on {
                    String::new()
                } else {
                    before.reason.clone()
                };
                (status, reason, on)
            }
        };
        let clears_reports = status != CommentStatus::Rejected || before.status != status;
        let shown_changed = (before.status == CommentStatus::Visible)
            != (status == CommentStatus::Visible)
            || before.featured != featured;
        let event = transaction!(self, |conn| {
            sqlx::query(
                "UPDATE comments SET status = $2, reason = $3, featured = $4, \
                 open_reports = CASE WHEN $5 THEN 0 ELSE open_reports END WHERE id = $1",
            )
            .bind(id)
            .bind(status.as_str())
            .bind(&reason)
            .bind(featured)
            .bind(clears_reports)
            .execute(&mut *conn)
            .await?;
            if shown_changed {
                Some(insert_event!(
                    conn,
                    Change::Comments {
                        article_id: before.article_id
                    }
                )?)
            } else {
                None
            }
        });
        Ok((self.get_comment(id).await?, event))
    }
}
