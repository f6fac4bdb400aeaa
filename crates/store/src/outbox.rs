//! The outbox: reading it, pruning it, and where its named consumers have got to.
//!
//! Rows are decoded one at a time: while instances of two releases run side by side, the
//! newer one may write a kind of change the older cannot read, and that row must not stop
//! the older instance's cache from following every other change.

use chrono::{DateTime, Utc};
use newsdesk_core::{Change, Event};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::sql::{micros, now};
use crate::types::OutboxPage;

/// The most rows one read returns, whatever the caller asks.
const MAX_PAGE: i64 = 10_000;

/// The `kind` column: lets an operator filter the outbox without parsing JSON.
pub(crate) fn change_kind(change: &Change) -> &'static str {
    match change {
        Change::Article { .. } => "article",
        Change::Taxonomy { .. } => "taxonomy",
        Change::Photo { .. } => "photo",
        Change::Comments { .. } => "comments",
        Change::NewsItem { .. } => "news_item",
    }
}

impl Store {
    /// Up to `limit` rows with `seq > seq`, oldest first. Rows this version cannot decode are
    /// logged and counted in `skipped`; resume from `next_cursor`, which moves past them.
    pub async fn outbox_after(&self, seq: i64, limit: i64) -> Result<OutboxPage> {
        // The payload as text, not as `Json<Change>`: decoding the whole batch in the query
        // would fail it on the first row of an unknown kind.
        let sql = format!(
            "SELECT seq, created_at, kind, CAST(payload AS TEXT) FROM events WHERE seq > $1 \
             ORDER BY seq {}",
            crate::sql::limit_clause(limit.clamp(0, MAX_PAGE), 0)
        );
        let rows: Vec<(i64, DateTime<Utc>, String, String)> =
            read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(seq)
                .fetch_all(db)
                .await)?;
        let mut page = OutboxPage {
            events: Vec::with_capacity(rows.len()),
            next_cursor: seq,
            skipped: 0,
        };
        for (seq, at, kind, payload) in rows {
            page.next_cursor = seq;
            match serde_json::from_str::<Change>(&payload) {
                Ok(change) => page.events.push(Event { seq, at, change }),
                Err(err) => {
                    tracing::warn!(
                        seq,
                        kind,
                        %err,
                        "outbox: skipping an event this version cannot decode"
                    );
                    page.skipped += 1;
                }
            }
        }
        Ok(page)
    }

    /// Events with `seq > seq`, oldest first, at most `limit`: consumers resume from the
    /// last one they saw. Undecodable rows are skipped as in [`Store::outbox_after`] (which
    /// also says how far it read; prefer it for new consumers).
    pub async fn events_after(&self, seq: i64, limit: i64) -> Result<Vec<Event>> {
        let limit = limit.clamp(0, MAX_PAGE);
        if limit == 0 {
            return Ok(Vec::new());
        }
        let mut cursor = seq;
        loop {
            let page = self.outbox_after(cursor, limit).await?;
            let read = page.events.len() + page.skipped;
            // A full page of undecodable rows returns nothing, and a caller that resumes
            // from its last event would ask for the same page forever: read on past it.
            if !page.events.is_empty() || i64::try_from(read).unwrap_or(i64::MAX) < limit {
                return Ok(page.events);
            }
            cursor = page.next_cursor;
        }
    }

    /// The newest event's seq, 0 when there is none.
    pub async fn latest_event_seq(&self) -> Result<i64> {
        let seq: Option<i64> = read!(self, |db| sqlx::query_scalar("SELECT MAX(seq) FROM events")
            .fetch_one(db)
            .await)?;
        Ok(seq.unwrap_or(0))
    }

    /// The oldest event still kept, 0 when there is none: a reader asking for changes
    /// after an earlier position has missed some that were pruned.
    pub async fn oldest_event_seq(&self) -> Result<i64> {
        let seq: Option<i64> = read!(self, |db| sqlx::query_scalar("SELECT MIN(seq) FROM events")
            .fetch_one(db)
            .await)?;
        Ok(seq.unwrap_or(0))
    }

    /// Deletes events with `seq <= up_to_seq` written before `older_than` (pass the lowest
    /// cursor of the consumers that must not miss any); returns how many went. The newest
    /// event always stays: `latest_event_seq` must never fall back, or followers that start
    /// from it would re-read (or wait for) seqs they already had.
    pub async fn prune_outbox(&self, up_to_seq: i64, older_than: DateTime<Utc>) -> Result<u64> {
        let n = exec!(self, |db| sqlx::query(
            "DELETE FROM events WHERE seq <= $1 AND created_at < $2 \
             AND seq < (SELECT MAX(seq) FROM events)"
        )
        .bind(up_to_seq)
        .bind(micros(older_than))
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(n)
    }

    /// The seq consumer `name` last recorded, None if it never did.
    pub async fn consumer_cursor(&self, name: &str) -> Result<Option<i64>> {
        let seq: Option<i64> = read!(self, |db| sqlx::query_scalar(
            "SELECT seq FROM consumer_cursors WHERE name = $1"
        )
        .bind(name)
        .fetch_optional(db)
        .await)?;
        Ok(seq)
    }

    /// Records that consumer `name` has handled everything up to `seq`. Never moves the
    /// cursor backwards: an instance still finishing an older page, or a second instance of
    /// the same consumer behind the first, must not make the next start re-read.
    pub async fn set_consumer_cursor(&self, name: &str, seq: i64) -> Result<()> {
        if name.trim().is_empty() {
            return Err(StoreError::invalid("name", "must not be empty"));
        }
        exec!(self, |db| sqlx::query(
            "INSERT INTO consumer_cursors (name, seq, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at \
             WHERE consumer_cursors.seq <= excluded.seq"
        )
        .bind(name)
        .bind(seq)
        .bind(now())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Every consumer's cursor, by name.
    pub async fn consumer_cursors(&self) -> Result<Vec<(String, i64)>> {
        let rows: Vec<(String, i64)> = read!(self, |db| sqlx::query_as(
            "SELECT name, seq FROM consumer_cursors ORDER BY name"
        )
        .fetch_all(db)
        .await)?;
        Ok(rows)
    }
}
