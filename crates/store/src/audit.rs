//! The audit trail: who did what to what, kept apart from the content it describes.

use chrono::{DateTime, Utc};
use sqlx::types::Json;

use crate::Store;
use crate::error::Result;
use crate::sql::now;
use crate::types::AuditEntry;

type AuditRow = (
    i64,
    DateTime<Utc>,
    Option<i64>,
    Option<String>,
    String,
    String,
    Json<serde_json::Value>,
);

impl Store {
    pub async fn audit(
        &self,
        actor: Option<i64>,
        action: &str,
        target: &str,
        details: &serde_json::Value,
    ) -> Result<()> {
        exec!(self, |db| sqlx::query(
            "INSERT INTO audit_log (at, actor, action, target, details) VALUES ($1, $2, $3, $4, $5)"
        )
        .bind(now())
        .bind(actor)
        .bind(action)
        .bind(target)
        .bind(Json(details))
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Newest first, with the actor's current name.
    pub async fn list_audit(&self, limit: i64, offset: i64) -> Result<Vec<AuditEntry>> {
        let rows: Vec<AuditRow> = read!(self, |db| sqlx::query_as(
            "SELECT l.id, l.at, l.actor, a.name, l.action, l.target, l.details \
             FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor \
             ORDER BY l.id DESC LIMIT $1 OFFSET $2"
        )
        .bind(limit.clamp(0, 1000))
        .bind(offset.max(0))
        .fetch_all(db)
        .await)?;
        Ok(rows
            .into_iter()
            .map(
                |(id, at, actor, actor_name, action, target, details)| AuditEntry {
                    id,
                    at,
                    actor,
                    actor_name,
                    action,
                    target,
                    details: details.0,
                },
            )
            .collect())
    }

    /// Entries of `action` about `target` written after the actor's previous `since_action`
    /// entry (its second newest: the newest is the one that just happened), newest first.
    /// Used for "since your previous login" notices; at most `limit`.
    pub async fn audit_since_previous(
        &self,
        target: &str,
        action: &str,
        actor: i64,
        since_action: &str,
        limit: i64,
    ) -> Result<Vec<(DateTime<Utc>, serde_json::Value)>> {
        let rows: Vec<(DateTime<Utc>, Json<serde_json::Value>)> =
            read!(self, |db| sqlx::query_as(
                "SELECT at, details FROM audit_log \
             WHERE target = $1 AND action = $2 AND id > COALESCE(( \
               SELECT id FROM audit_log WHERE actor = $3 AND action = $4 \
               ORDER BY id DESC LIMIT 1 OFFSET 1), 0) \
             ORDER BY id DESC LIMIT $5"
            )
            .bind(target)
            .bind(action)
            .bind(actor)
            .bind(since_action)
            .bind(limit.clamp(1, 1000))
            .fetch_all(db)
            .await)?;
        Ok(rows.into_iter().map(|(at, d)| (at, d.0)).collect())
    }
}
