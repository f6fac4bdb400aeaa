//! Readers' comments: writing, threads, edits, deletions, likes and reports.

use chrono::{DateTime, Duration, Utc};
use newsdesk_core::comment::validate_comment_body;
use newsdesk_core::{Change, Comment, CommentStatus};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::sql::{limit_clause, now};

/// Top-level comments per thread page, at most.
pub const MAX_THREAD_PAGE: i64 = 100;

/// The order of a thread's top-level comments (featured ones always come first; replies
/// always read oldest first under their comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CommentSort {
    #[default]
    Newest,
    Oldest,
    MostLiked,
}

impl CommentSort {
    fn order_by(self) -> &'static str {
        match self {
            CommentSort::Newest => "c.featured DESC, c.created_at DESC, c.id DESC",
            CommentSort::Oldest => "c.featured DESC, c.created_at, c.id",
            CommentSort::MostLiked => "c.featured DESC, c.likes DESC, c.created_at DESC, c.id DESC",
        }
    }
}

/// A new comment or reply.
#[derive(Debug, Clone)]
pub struct NewComment<'a> {
    pub article_id: i64,
    pub account_id: i64,
    /// The comment replied to; a reply to a reply joins the same top-level comment.
    pub parent_id: Option<i64>,
    pub body: &'a str,
    pub status: CommentStatus,
    pub reason: &'a str,
}

/// One top-level comment with its replies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadItem {
    pub comment: Comment,
    pub replies: Vec<Comment>,
}

/// What a vote changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteKind {
    Like,
    Report,
}

impl VoteKind {
    fn as_str(self) -> &'static str {
        match self {
            VoteKind::Like => "like",
            VoteKind::Report => "report",
        }
    }

    fn column(self) -> &'static str {
        match self {
            VoteKind::Like => "likes",
            VoteKind::Report => "reports",
        }
    }
}

pub(crate) type CommentRow = (
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
);

macro_rules! comment_cols {
    () => {
        "c.id, c.article_id, c.account_id, a.name, c.parent_id, c.body, c.status, c.reason, \
         c.featured, c.likes, c.reports, c.created_at, c.edited_at \
         FROM comments c LEFT JOIN accounts a ON a.id = c.account_id"
    };
}

pub(crate) fn comment(row: CommentRow) -> Result<Comment> {
    let (
        id,
        article_id,
        account_id,
        author_name,
        parent_id,
        body,
        status,
        reason,
        featured,
        likes,
        reports,
        created_at,
        edited_at,
    ) = row;
    Ok(Comment {
        id,
        article_id,
        account_id,
        author_name,
        parent_id,
        body,
        status: status
            .parse()
            .map_err(|_| StoreError::invalid("status", "unknown comment status in the store"))?,
        reason,
        featured,
        likes,
        reports,
        created_at,
        edited_at,
    })
}

impl Store {
    /// Stores a comment. A reply must name a comment of the same article; a reply to a
    /// reply is filed under that reply's top-level comment.
    pub async fn create_comment(&self, new: &NewComment<'_>) -> Result<Comment> {
        validate_comment_body(new.body)?;
        let parent = match new.parent_id {
            None => None,
            Some(id) => {
                let parent = self.get_comment(id).await.map_err(|e| match e {
                    StoreError::NotFound => StoreError::invalid("parent_id", "no such comment"),
                    other => other,
                })?;
                if parent.article_id != new.article_id {
                    return Err(StoreError::invalid(
                        "parent_id",
                        "the comment replied to is under another article",
                    ));
                }
                Some(parent.parent_id.unwrap_or(parent.id))
            }
        };
        let visible = new.status == CommentStatus::Visible;
        let id: i64 = transaction!(self, |conn| {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO comments (article_id, account_id, parent_id, body, status, reason, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(new.article_id)
            .bind(new.account_id)
            .bind(parent)
            .bind(new.body)
            .bind(new.status.as_str())
            .bind(new.reason)
            .bind(now())
            .fetch_one(&mut *conn)
            .await?;
            if visible {
                insert_event!(
                    conn,
                    Change::Comments {
                        article_id: new.article_id
                    }
                )?;
            }
            id
        });
        self.get_comment(id).await
    }

    pub async fn get_comment(&self, id: i64) -> Result<Comment> {
        let row: CommentRow = read!(self, |db| sqlx::query_as(concat!(
            "SELECT ",
            comment_cols!(),
            " WHERE c.id = $1"
        ))
        .bind(id)
        .fetch_one(db)
        .await)?;
        comment(row)
    }

    /// A page of the article's thread as readers see it: visible top-level comments (and
    /// deleted ones that still have visible replies, as placeholders), each with its
    /// visible replies oldest first. Reads `limit + 1` so the caller knows whether there
    /// is a next page.
    pub async fn comment_thread(
        &self,
        article_id: i64,
        sort: CommentSort,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<ThreadItem>> {
        if !(1..=MAX_THREAD_PAGE + 1).contains(&limit) || offset < 0 {
            return Err(StoreError::invalid(
                "limit",
                "a thread page holds 1 to 100 comments, from offset 0 up",
            ));
        }
        let sql = format!(
            "SELECT {} WHERE c.article_id = $1 AND c.parent_id IS NULL AND (c.status = 'visible' \
             OR (c.status = 'deleted' AND EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = c.id \
             AND r.status = 'visible'))) ORDER BY {} {}",
            comment_cols!(),
            sort.order_by(),
            limit_clause(limit, offset)
        );
        let tops: Vec<CommentRow> =
            read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(article_id)
                .fetch_all(db)
                .await)?;
        let tops = tops.into_iter().map(comment).collect::<Result<Vec<_>>>()?;
        if tops.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<String> = tops.iter().map(|c| c.id.to_string()).collect();
        // Ids from the store, not from a request: safe to inline, and one statement per
        // page size rather than a bound list.
        let replies_sql = format!(
            "SELECT {} WHERE c.parent_id IN ({}) AND c.status = 'visible' ORDER BY c.created_at, c.id",
            comment_cols!(),
            ids.join(", ")
        );
        let replies: Vec<CommentRow> = read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(
            replies_sql.as_str()
        ))
        .fetch_all(db)
        .await)?;
        let mut items: Vec<ThreadItem> = tops
            .into_iter()
            .map(|mut c| {
                if c.status == CommentStatus::Deleted {
                    c.body.clear();
                }
                ThreadItem {
                    comment: c,
                    replies: Vec::new(),
                }
            })
            .collect();
        for reply in replies {
            let reply = comment(reply)?;
            if let Some(item) = items
                .iter_mut()
                .find(|i| Some(i.comment.id) == reply.parent_id)
            {
                item.replies.push(reply);
            }
        }
        Ok(items)
    }

    /// Visible comments and replies under the article (the count readers see).
    pub async fn comment_count(&self, article_id: i64) -> Result<i64> {
        let n: i64 = read!(self, |db| sqlx::query_scalar(
            "SELECT COUNT(*) FROM comments WHERE article_id = $1 AND status = 'visible'"
        )
        .bind(article_id)
        .fetch_one(db)
        .await)?;
        Ok(n)
    }

    /// Visible comments under each of `article_ids` (absent: none), in one query, for the
    /// counts on cards.
    pub async fn comment_counts(
        &self,
        article_ids: &[i64],
    ) -> Result<std::collections::HashMap<i64, i64>> {
        if article_ids.is_empty() {
            return Ok(std::collections::HashMap::new());
        }
        let ids: Vec<String> = article_ids.iter().map(i64::to_string).collect();
        // Ids are numbers, not text from a request: safe to inline.
        let sql = format!(
            "SELECT article_id, COUNT(*) FROM comments WHERE status = 'visible' \
             AND article_id IN ({}) GROUP BY article_id",
            ids.join(", ")
        );
        let rows: Vec<(i64, i64)> =
            read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .fetch_all(db)
                .await)?;
        Ok(rows.into_iter().collect())
    }

    /// Replaces the text of `account_id`'s own comment while it is younger than `window`.
    /// Someone else's comment is `NotFound`; a late edit is `Invalid`, with a message.
    pub async fn edit_comment(
        &self,
        id: i64,
        account_id: i64,
        body: &str,
        window: Duration,
    ) -> Result<Comment> {
        validate_comment_body(body)?;
        let current = self.get_comment(id).await?;
        if current.account_id != Some(account_id) {
            return Err(StoreError::NotFound);
        }
        if current.status == CommentStatus::Deleted || current.status == CommentStatus::Rejected {
            return Err(StoreError::invalid(
                "id",
                "this comment can no longer be edited",
            ));
        }
        let stamp = now();
        if stamp - current.created_at > window {
            return Err(StoreError::invalid(
                "id",
                "comments can be edited only in the first minutes after posting",
            ));
        }
        exec!(self, |db| sqlx::query(
            "UPDATE comments SET body = $2, edited_at = $3 WHERE id = $1"
        )
        .bind(id)
        .bind(body)
        .bind(stamp)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        self.get_comment(id).await
    }

    /// The author deletes their comment: its text goes, its place stays for its replies.
    pub async fn delete_own_comment(&self, id: i64, account_id: i64) -> Result<()> {
        let done = transaction!(self, |conn| {
            let article: Option<i64> = sqlx::query_scalar(
                "UPDATE comments SET status = 'deleted', body = '', edited_at = $3 \
                 WHERE id = $1 AND account_id = $2 AND status <> 'deleted' \
                 RETURNING article_id",
            )
            .bind(id)
            .bind(account_id)
            .bind(now())
            .fetch_optional(&mut *conn)
            .await?;
            if let Some(article_id) = article {
                insert_event!(conn, Change::Comments { article_id })?;
            }
            article.is_some()
        });
        if !done {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Records a like or report of `account_id` on comment `id`, once per reader; returns
    /// whether it was new, and the comment's count of that kind now.
    pub async fn vote_comment(
        &self,
        id: i64,
        account_id: i64,
        kind: VoteKind,
    ) -> Result<(bool, i64)> {
        let count_sql = format!(
            "UPDATE comments SET {col} = (SELECT COUNT(*) FROM comment_votes WHERE comment_id = $1 AND kind = $2) \
             WHERE id = $1 RETURNING {col}",
            col = kind.column()
        );
        let (new, count): (bool, i64) = transaction!(self, |conn| {
            let inserted = sqlx::query(
                "INSERT INTO comment_votes (comment_id, account_id, kind, created_at) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            )
            .bind(id)
            .bind(account_id)
            .bind(kind.as_str())
            .bind(now())
            .execute(&mut *conn)
            .await?
            .rows_affected();
            let count: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(count_sql.as_str()))
                .bind(id)
                .bind(kind.as_str())
                .fetch_one(&mut *conn)
                .await?;
            if kind == VoteKind::Report && inserted > 0 {
                // Reports since a moderator last looked; enough of them hide the comment
                // until one does.
                let hidden: Option<i64> = sqlx::query_scalar(
                    "UPDATE comments SET open_reports = open_reports + 1, \
                     status = CASE WHEN open_reports + 1 >= $2 AND status = 'visible' THEN 'held' ELSE status END, \
                     reason = CASE WHEN open_reports + 1 >= $2 AND status = 'visible' THEN $3 ELSE reason END \
                     WHERE id = $1 RETURNING CASE WHEN status = 'held' AND open_reports = $2 THEN article_id END",
                )
                .bind(id)
                .bind(crate::moderation::HIDE_AFTER_REPORTS)
                .bind(format!(
                    "reported by {} readers",
                    crate::moderation::HIDE_AFTER_REPORTS
                ))
                .fetch_one(&mut *conn)
                .await?;
                if let Some(article_id) = hidden {
                    insert_event!(conn, Change::Comments { article_id })?;
                }
            }
            (inserted > 0, count)
        });
        Ok((new, count))
    }

    /// Moves a comment to `status` (a hold, a moderator's decision) with the reason shown
    /// to moderators and its author.
    pub async fn set_comment_status(
        &self,
        id: i64,
        status: CommentStatus,
        reason: &str,
    ) -> Result<Comment> {
        let before = self.get_comment(id).await?;
        transaction!(self, |conn| {
            sqlx::query("UPDATE comments SET status = $2, reason = $3 WHERE id = $1")
                .bind(id)
                .bind(status.as_str())
                .bind(reason)
                .execute(&mut *conn)
                .await?;
            if (before.status == CommentStatus::Visible) != (status == CommentStatus::Visible) {
                insert_event!(
                    conn,
                    Change::Comments {
                        article_id: before.article_id
                    }
                )?;
            }
        });
        self.get_comment(id).await
    }

    /// Features a comment (shown first in its thread) or stops featuring it.
    pub async fn set_comment_featured(&self, id: i64, featured: bool) -> Result<()> {
        let done = exec!(self, |db| sqlx::query(
            "UPDATE comments SET featured = $2 WHERE id = $1"
        )
        .bind(id)
        .bind(featured)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Every comment `account_id` wrote, newest first (their data export).
    pub async fn comments_by_account(&self, account_id: i64) -> Result<Vec<Comment>> {
        let rows: Vec<CommentRow> = read!(self, |db| sqlx::query_as(concat!(
            "SELECT ",
            comment_cols!(),
            " WHERE c.account_id = $1 ORDER BY c.created_at DESC, c.id DESC"
        ))
        .bind(account_id)
        .fetch_all(db)
        .await)?;
        rows.into_iter().map(comment).collect()
    }

    /// `account_id`'s comments under one article that readers do not see: waiting for a
    /// moderator or rejected, newest first (shown to their author beside the thread).
    pub async fn unshown_comments_of(
        &self,
        account_id: i64,
        article_id: i64,
    ) -> Result<Vec<Comment>> {
        let rows: Vec<CommentRow> = read!(self, |db| sqlx::query_as(concat!(
            "SELECT ",
            comment_cols!(),
            " WHERE c.account_id = $1 AND c.article_id = $2 \
             AND c.status IN ('pending', 'held', 'rejected') ORDER BY c.created_at DESC, c.id DESC"
        ))
        .bind(account_id)
        .bind(article_id)
        .fetch_all(db)
        .await)?;
        rows.into_iter().map(comment).collect()
    }

    /// Removes every comment of `account_id` (the "remove my comments" choice when an
    /// account is deleted); replies of others under them go too.
    pub async fn delete_comments_of(&self, account_id: i64) -> Result<u64> {
        let done = transaction!(self, |conn| {
            let articles: Vec<i64> = sqlx::query_scalar(
                "SELECT DISTINCT article_id FROM comments WHERE account_id = $1 AND status = 'visible'",
            )
            .bind(account_id)
            .fetch_all(&mut *conn)
            .await?;
            let done = sqlx::query("DELETE FROM comments WHERE account_id = $1")
                .bind(account_id)
                .execute(&mut *conn)
                .await?
                .rows_affected();
            for article_id in articles {
                insert_event!(conn, Change::Comments { article_id })?;
            }
            done
        });
        Ok(done)
    }
}
