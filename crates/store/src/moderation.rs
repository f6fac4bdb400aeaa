//! Moderation of the discussion: each edition's rules and word lists, pre-moderated
//! sections, closed discussions, bans, and the queues moderators work through.

use chrono::{DateTime, Duration, Utc};
use newsdesk_core::ValidationError;
use newsdesk_core::error::Validator;
use newsdesk_core::wordlist::validate_word_list;
use newsdesk_core::{ArticleStatus, Change, Comment, CommentStatus, Event};

use crate::Store;
use crate::comments::{CommentRow, comment};
use crate::error::{Result, StoreError};
use crate::sql::{limit_clause, now};

/// Reports that hide a visible comment until a moderator looks at it.
pub const HIDE_AFTER_REPORTS: i64 = 3;

/// An edition's moderation rules. An edition without a stored row has [`Default`]'s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModerationSettings {
    pub edition: String,
    /// Discussions close this many days after first publication; 0 keeps them open.
    pub close_after_days: i64,
    /// A reader's comments wait for a moderator until this many were approved; 0: never.
    pub trust_after: i64,
    /// Comments from accounts younger than this many minutes are held; 0: never.
    pub new_account_minutes: i64,
    /// A comment with more web links than this is held.
    pub max_links: i64,
    /// One entry per line; a comment with one is refused.
    pub banned_words: String,
    /// One entry per line; a comment with one is held for review.
    pub suspect_words: String,
}

impl ModerationSettings {
    pub fn defaults(edition: &str) -> Self {
        ModerationSettings {
            edition: edition.to_owned(),
            // Open until an editor sets a limit: closing discussions nobody chose to close
            // would surprise a newsroom more than an old thread staying open.
            close_after_days: 0,
            trust_after: 0,
            new_account_minutes: 0,
            max_links: 2,
            banned_words: String::new(),
            suspect_words: String::new(),
        }
    }

    pub fn validate(&self) -> std::result::Result<(), ValidationError> {
        let mut v = Validator::new();
        v.check(
            (0..=3650).contains(&self.close_after_days),
            "close_after_days",
            "must be from 0 (never close) to 3650 days",
        );
        v.check(
            (0..=100).contains(&self.trust_after),
            "trust_after",
            "must be from 0 (no pre-moderation of new readers) to 100 comments",
        );
        v.check(
            (0..=525_600).contains(&self.new_account_minutes),
            "new_account_minutes",
            "must be from 0 (off) to 525600 minutes (a year)",
        );
        v.check(
            (0..=50).contains(&self.max_links),
            "max_links",
            "must be from 0 to 50 links",
        );
        let mut errors = v.finish().err();
        for (field, text) in [
            ("banned_words", &self.banned_words),
            ("suspect_words", &self.suspect_words),
        ] {
            if let Err(e) = validate_word_list(field, text) {
                errors = Some(match errors {
                    Some(mut all) => {
                        all.merge(e);
                        all
                    }
                    None => e,
                });
            }
        }
        errors.map_or(Ok(()), Err)
    }
}

/// What the rules need to know about an article a reader comments on, in one query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscussionFacts {
    pub article_id: i64,
    pub edition: String,
    pub status: ArticleStatus,
    pub first_published_at: Option<DateTime<Utc>>,
    /// Its section pre-moderates comments.
    pub premoderated: bool,
    /// A moderator closed it by hand.
    pub closed_by_hand: bool,
}

impl DiscussionFacts {
    /// Whether readers may still post: not closed by hand, and younger than the edition's
    /// limit.
    pub fn open(&self, settings: &ModerationSettings, at: DateTime<Utc>) -> bool {
        if self.closed_by_hand || self.status != ArticleStatus::Published {
            return false;
        }
        match (settings.close_after_days, self.first_published_at) {
            (0, _) | (_, None) => true,
            (days, Some(first)) => at < first + Duration::days(days),
        }
    }
}

/// An article whose discussion a moderator closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedDiscussion {
    pub article_id: i64,
    pub headline: String,
    /// The article's public page.
    pub path: String,
    pub closed_at: DateTime<Utc>,
}

/// A ban (`until` None) or a suspension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderBan {
    pub account_id: i64,
    pub until: Option<DateTime<Utc>>,
    pub reason: String,
    pub created_at: DateTime<Utc>,
}

/// The moderation queues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queue {
    /// Waiting for approval: a pre-moderated section or a new reader.
    Pending,
    /// Held by a rule (a suspect word, links, a repeat, a new account, reports).
    Held,
    /// Shown, but reported by readers since a moderator last looked.
    Reported,
}

impl Queue {
    pub const ALL: [Queue; 3] = [Queue::Pending, Queue::Held, Queue::Reported];

    pub fn as_str(self) -> &'static str {
        match self {
            Queue::Pending => "pending",
            Queue::Held => "held",
            Queue::Reported => "reported",
        }
    }

    pub fn parse(s: &str) -> Option<Queue> {
        Queue::ALL.into_iter().find(|q| q.as_str() == s)
    }

    fn condition(self) -> &'static str {
        match self {
            Queue::Pending => "c.status = 'pending'",
            Queue::Held => "c.status = 'held'",
            Queue::Reported => "c.status = 'visible' AND c.open_reports > 0",
        }
    }
}

/// A comment in a queue, with what a moderator needs to judge it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueItem {
    pub comment: Comment,
    pub edition: String,
    pub article_headline: String,
    /// The public page of the article.
    pub article_path: String,
    pub open_reports: i64,
}

/// A moderator's decision on one comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision<'a> {
    /// Show it (and clear its reports).
    Approve,
    /// Refuse it, with a reason its author sees.
    Reject(&'a str),
    /// Show it first in its thread (approving it if it waited), or stop doing so.
    Feature(bool),
}

type SettingsRow = (String, i64, i64, i64, i64, String, String);
type BanRow = (i64, Option<DateTime<Utc>>, String, DateTime<Utc>);
/// id, edition, headline, slug, published_at, created_at: enough for an article's path.
type ArticlePathRow = (
    i64,
    String,
    String,
    String,
    Option<DateTime<Utc>>,
    DateTime<Utc>,
);
type FactsRow = (i64, String, String, Option<DateTime<Utc>>, bool, bool);

impl Store {
    pub async fn moderation_settings(&self, edition: &str) -> Result<ModerationSettings> {
        let row: Option<SettingsRow> = read!(self, |db| sqlx::query_as(
            "SELECT edition, close_after_days, trust_after, new_account_minutes, max_links, \
             banned_words, suspect_words FROM moderation_settings WHERE edition = $1"
        )
        .bind(edition)
        .fetch_optional(db)
        .await)?;
        Ok(match row {
            None => ModerationSettings::defaults(edition),
            Some((edition, close, trust, new_minutes, links, banned, suspect)) => {
                ModerationSettings {
                    edition,
                    close_after_days: close,
                    trust_after: trust,
                    new_account_minutes: new_minutes,
                    max_links: links,
                    banned_words: banned,
                    suspect_words: suspect,
                }
            }
        })
    }

    pub async fn set_moderation_settings(&self, s: &ModerationSettings) -> Result<()> {
        s.validate()?;
        exec!(self, |db| sqlx::query(
            "INSERT INTO moderation_settings (edition, close_after_days, trust_after, \
             new_account_minutes, max_links, banned_words, suspect_words, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (edition) DO UPDATE SET \
             close_after_days = excluded.close_after_days, trust_after = excluded.trust_after, \
             new_account_minutes = excluded.new_account_minutes, max_links = excluded.max_links, \
             banned_words = excluded.banned_words, suspect_words = excluded.suspect_words, \
             updated_at = excluded.updated_at"
        )
        .bind(&s.edition)
        .bind(s.close_after_days)
        .bind(s.trust_after)
        .bind(s.new_account_minutes)
        .bind(s.max_links)
        .bind(&s.banned_words)
        .bind(&s.suspect_words)
        .bind(now())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))
        .map_err(|e| match StoreError::from(e) {
            StoreError::Conflict { .. } => StoreError::invalid("edition", "no such edition"),
            other => other,
        })?;
        Ok(())
    }

    /// Whether comments in a section wait for a moderator.
    pub async fn set_section_premoderated(&self, section_id: i64, on: bool) -> Result<()> {
        let done = exec!(self, |db| sqlx::query(
            "UPDATE sections SET premoderated = $2 WHERE id = $1"
        )
        .bind(section_id)
        .bind(on)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Ids of the pre-moderated sections.
    pub async fn premoderated_sections(&self) -> Result<Vec<i64>> {
        Ok(read!(self, |db| sqlx::query_scalar(
            "SELECT id FROM sections WHERE premoderated ORDER BY id"
        )
        .fetch_all(db)
        .await)?)
    }

    /// The article's discussion facts; `NotFound` for no article.
    pub async fn discussion_facts(&self, article_id: i64) -> Result<DiscussionFacts> {
        let (article_id, edition, status, first, premoderated, closed): FactsRow =
            read!(self, |db| sqlx::query_as(
                "SELECT a.id, a.edition, a.status, a.first_published_at, \
                 COALESCE(s.premoderated, FALSE), \
                 EXISTS (SELECT 1 FROM discussion_closures d WHERE d.article_id = a.id) \
                 FROM articles a LEFT JOIN sections s ON s.id = a.section_id WHERE a.id = $1"
            )
            .bind(article_id)
            .fetch_one(db)
            .await)?;
        Ok(DiscussionFacts {
            article_id,
            edition,
            status: status
                .parse()
                .map_err(|_| StoreError::invalid("status", "unknown article status"))?,
            first_published_at: first,
            premoderated,
            closed_by_hand: closed,
        })
    }

    /// Closes (or reopens) an article's discussion by hand.
    pub async fn set_discussion_closed(
        &self,
        article_id: i64,
        closed: bool,
        by: Option<i64>,
    ) -> Result<()> {
        if closed {
            exec!(self, |db| sqlx::query(
                "INSERT INTO discussion_closures (article_id, closed_at, closed_by) \
                 VALUES ($1, $2, $3) ON CONFLICT (article_id) DO NOTHING"
            )
            .bind(article_id)
            .bind(now())
            .bind(by)
            .execute(db)
            .await
            .map(|r| r.rows_affected()))
            .map_err(|e| match StoreError::from(e) {
                StoreError::Conflict { .. } => StoreError::NotFound,
                other => other,
            })?;
        } else {
            exec!(self, |db| sqlx::query(
                "DELETE FROM discussion_closures WHERE article_id = $1"
            )
            .bind(article_id)
            .execute(db)
            .await
            .map(|r| r.rows_affected()))?;
        }
        Ok(())
    }

    /// Discussions closed by hand, most recently closed first.
    pub async fn closed_discussions(&self, limit: i64) -> Result<Vec<ClosedDiscussion>> {
        // The last column is when it was closed (the shape of an article-path row).
        let rows: Vec<ArticlePathRow> = read!(self, |db| sqlx::query_as(
            "SELECT a.id, a.edition, a.headline, a.slug, a.published_at, d.closed_at \
                 FROM discussion_closures d JOIN articles a ON a.id = d.article_id \
                 ORDER BY d.closed_at DESC LIMIT $1"
        )
        .bind(limit.clamp(1, 500))
        .fetch_all(db)
        .await)?;
        Ok(rows
            .into_iter()
            .map(
                |(id, edition, headline, slug, published, closed_at)| ClosedDiscussion {
                    article_id: id,
                    headline,
                    path: newsdesk_core::article::article_path(
                        &edition,
                        published.unwrap_or(closed_at),
                        &slug,
                        id,
                    ),
                    closed_at,
                },
            )
            .collect())
    }

    /// Bans a reader (`until` None) or suspends them until a time, replacing an earlier one.
    pub async fn ban_reader(
        &self,
        account_id: i64,
        until: Option<DateTime<Utc>>,
        reason: &str,
        by: Option<i64>,
    ) -> Result<()> {
        exec!(self, |db| sqlx::query(
            "INSERT INTO reader_bans (account_id, until, reason, created_at, created_by) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (account_id) DO UPDATE SET \
             until = excluded.until, reason = excluded.reason, created_at = excluded.created_at, \
             created_by = excluded.created_by"
        )
        .bind(account_id)
        .bind(until)
        .bind(reason)
        .bind(now())
        .bind(by)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))
        .map_err(|e| match StoreError::from(e) {
            StoreError::Conflict { .. } => StoreError::NotFound,
            other => other,
        })?;
        Ok(())
    }

    pub async fn lift_ban(&self, account_id: i64) -> Result<bool> {
        let done = exec!(self, |db| sqlx::query(
            "DELETE FROM reader_bans WHERE account_id = $1"
        )
        .bind(account_id)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(done > 0)
    }

    /// The reader's ban or suspension in force now, if any.
    pub async fn active_ban(&self, account_id: i64) -> Result<Option<ReaderBan>> {
        let row: Option<BanRow> = read!(self, |db| sqlx::query_as(
            "SELECT account_id, until, reason, created_at FROM reader_bans \
                 WHERE account_id = $1 AND (until IS NULL OR until > $2)"
        )
        .bind(account_id)
        .bind(now())
        .fetch_optional(db)
        .await)?;
        Ok(
            row.map(|(account_id, until, reason, created_at)| ReaderBan {
                account_id,
                until,
                reason,
                created_at,
            }),
        )
    }

    /// Comments of the reader a moderator approved (or that were shown at once).
    pub async fn shown_comment_count(&self, account_id: i64) -> Result<i64> {
        Ok(read!(self, |db| sqlx::query_scalar(
            "SELECT COUNT(*) FROM comments WHERE account_id = $1 AND status = 'visible'"
        )
        .bind(account_id)
        .fetch_one(db)
        .await)?)
    }

    /// Whether the reader posted exactly this text since `since` (a repeat).
    pub async fn posted_same_since(
        &self,
        account_id: i64,
        body: &str,
        since: DateTime<Utc>,
    ) -> Result<bool> {
        Ok(read!(self, |db| sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM comments WHERE account_id = $1 AND created_at > $2 \
             AND body = $3)"
        )
        .bind(account_id)
        .bind(since)
        .bind(body)
        .fetch_one(db)
        .await)?)
    }

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
