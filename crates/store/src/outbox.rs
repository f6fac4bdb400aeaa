//! outbox
use newsdesk_core::Change;

/// The `kind` column: lets an operator filter the outbox without parsing JSON.
pub(crate) fn change_kind(change: &Change) -> &'static str {
    match change {
        Change::Article { .. } => "article",
        Change::Taxonomy { .. } => "taxonomy",
        Change::Photo { .. } => "photo",
    }
}

use chrono::{DateTime, Utc};
use newsdesk_core::Event;
use sqlx::types::Json;

use crate::Store;
use crate::error::Result;

impl Store {
    /// Events with `seq > seq`, oldest first: consumers resume from the last one they saw.
    pub async fn events_after(&self, seq: i64, limit: i64) -> Result<Vec<Event>> {
        let rows: Vec<(i64, DateTime<Utc>, Json<Change>)> = read!(self, |db| sqlx::query_as(
            "SELECT seq, created_at, payload FROM events WHERE seq > $1 ORDER BY seq LIMIT $2"
        )
        .bind(seq)
        .bind(limit.clamp(0, 10_000))
        .fetch_all(db)
        .await)?;
        Ok(rows
            .into_iter()
            .map(|(seq, at, change)| Event {
                seq,
                at,
                change: change.0,
            })
            .collect())
    }

    /// The newest event's seq, 0 when there is none.
    pub async fn latest_event_seq(&self) -> Result<i64> {
        let seq: Option<i64> = read!(self, |db| sqlx::query_scalar("SELECT MAX(seq) FROM events")
            .fetch_one(db)
            .await)?;
        Ok(seq.unwrap_or(0))
    }
}
