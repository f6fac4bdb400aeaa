//! What the rules ask of a reader: bans and suspensions, and their recent comments.

use chrono::{DateTime, Utc};

use super::{BanRow, ReaderBan};
use crate::Store;
use crate::error::Result;
use crate::sql::now;

impl Store {
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
        .map_err(super::absent)?;
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
}
