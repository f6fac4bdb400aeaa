//! Deliveries: one row per recipient and issue, claimed by a sender in small chunks.

use chrono::{DateTime, Duration, Utc};

use crate::error::{Result, StoreError};
use crate::sql::now;
use crate::{Backend, Store};

/// A delivery a sender now holds.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimedDelivery {
    pub issue_id: i64,
    pub subscriber_id: i64,
    pub email: String,
    /// The claim's time: the hand-over is refused if someone else claimed it since.
    pub claimed_at: DateTime<Utc>,
}

/// One recipient's line in the send log.
#[derive(Debug, Clone, PartialEq)]
pub struct DeliveryRow {
    pub subscriber_id: i64,
    pub email: String,
    pub status: String,
    pub attempts: i64,
    pub error: String,
    pub updated_at: DateTime<Utc>,
}

/// How an issue's deliveries stand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeliveryCounts {
    pub queued: i64,
    pub sending: i64,
    pub sent: i64,
    pub failed: i64,
    pub skipped: i64,
}

impl Store {
    /// Claims up to `limit` deliveries to send now: queued ones, and ones a sender claimed
    /// more than `stale` ago and never handed over (it died before the message's final dot,
    /// so the SMTP server dropped that transaction). Oldest issue first.
    pub async fn claim_deliveries(
        &self,
        limit: i64,
        stale: Duration,
    ) -> Result<Vec<ClaimedDelivery>> {
        let at = now();
        let lock = match self.backend() {
            Backend::Postgres => "FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let sql = format!(
            "UPDATE newsletter_deliveries SET status = 'sending', claimed_at = $1, \
             updated_at = $1 WHERE (issue_id, subscriber_id) IN (SELECT issue_id, subscriber_id \
             FROM newsletter_deliveries WHERE status = 'queued' \
             OR (status = 'sending' AND claimed_at < $2) \
             ORDER BY issue_id, subscriber_id LIMIT {} {lock}) \
             RETURNING issue_id, subscriber_id, email",
            limit.clamp(1, 1000)
        );
        let rows: Vec<(i64, i64, String)> =
            exec!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(at)
                .bind(at - stale)
                .fetch_all(db)
                .await)?;
        let mut claimed: Vec<ClaimedDelivery> = rows
            .into_iter()
            .map(|(issue_id, subscriber_id, email)| ClaimedDelivery {
                issue_id,
                subscriber_id,
                email,
                claimed_at: at,
            })
            .collect();
        claimed.sort_by_key(|d| (d.issue_id, d.subscriber_id));
        Ok(claimed)
    }

    /// The commit point, written just before the message's final dot: from here on the
    /// delivery counts as sent and is never sent again. `Conflict` when the claim was lost
    /// (another sender took it over), in which case the caller must not send.
    pub async fn hand_over_delivery(&self, d: &ClaimedDelivery) -> Result<()> {
        let changed = exec!(self, |db| sqlx::query(
            "UPDATE newsletter_deliveries SET status = 'sent', attempts = attempts + 1, \
             updated_at = $4 \
             WHERE issue_id = $1 AND subscriber_id = $2 AND status = 'sending' AND claimed_at = $3"
        )
        .bind(d.issue_id)
        .bind(d.subscriber_id)
        .bind(d.claimed_at)
        .bind(now())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        if changed == 0 {
            return Err(StoreError::Conflict {
                constraint: "delivery claim".to_owned(),
            });
        }
        Ok(())
    }

    /// Settles a delivery as failed (a permanent refusal), or notes an error on a sent one
    /// (`still_sent`: the connection failed after the hand-over; it may have arrived).
    pub async fn fail_delivery(
        &self,
        d: &ClaimedDelivery,
        error: &str,
        still_sent: bool,
    ) -> Result<()> {
        let status = if still_sent { "sent" } else { "failed" };
        exec!(self, |db| sqlx::query(
            "UPDATE newsletter_deliveries SET status = $3, error = $4, updated_at = $5 \
             WHERE issue_id = $1 AND subscriber_id = $2"
        )
        .bind(d.issue_id)
        .bind(d.subscriber_id)
        .bind(status)
        .bind(error.chars().take(500).collect::<String>())
        .bind(now())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Gives a claimed delivery back to the queue after a transient failure before the
    /// hand-over (nothing went); `give_up_after` attempts make it failed instead.
    pub async fn release_delivery(
        &self,
        d: &ClaimedDelivery,
        error: &str,
        give_up_after: i64,
    ) -> Result<()> {
        exec!(self, |db| {
            sqlx::query(
            "UPDATE newsletter_deliveries SET attempts = attempts + 1, error = $3, updated_at = $4, \
             status = CASE WHEN attempts + 1 >= $5 THEN 'failed' ELSE 'queued' END \
             WHERE issue_id = $1 AND subscriber_id = $2 AND status = 'sending'"
        )
        .bind(d.issue_id)
        .bind(d.subscriber_id)
        .bind(error.chars().take(500).collect::<String>())
        .bind(now())
        .bind(give_up_after)
        .execute(db)
        .await
        .map(|r| r.rows_affected())
        })?;
        Ok(())
    }

    /// Whether anything is waiting to be sent (queued, or claimed and not handed over).
    pub async fn deliveries_pending(&self) -> Result<bool> {
        let found: Option<i64> = read!(self, |db| sqlx::query_scalar(
            "SELECT 1 FROM newsletter_deliveries WHERE status IN ('queued', 'sending') LIMIT 1"
        )
        .fetch_optional(db)
        .await)?;
        Ok(found.is_some())
    }

    pub async fn delivery_counts(&self, issue_id: i64) -> Result<DeliveryCounts> {
        Ok(self
            .delivery_counts_of(&[issue_id])
            .await?
            .remove(&issue_id)
            .unwrap_or_default())
    }

    /// [`Store::delivery_counts`] of several issues in one query (the send log's page).
    pub async fn delivery_counts_of(
        &self,
        issue_ids: &[i64],
    ) -> Result<std::collections::HashMap<i64, DeliveryCounts>> {
        let mut counts = std::collections::HashMap::new();
        if issue_ids.is_empty() {
            return Ok(counts);
        }
        // Integers only: the list is written into the SQL text.
        let ids: Vec<String> = issue_ids.iter().map(i64::to_string).collect();
        let sql = format!(
            "SELECT issue_id, status, COUNT(*) FROM newsletter_deliveries \
             WHERE issue_id IN ({}) GROUP BY issue_id, status",
            ids.join(", ")
        );
        let rows: Vec<(i64, String, i64)> =
            read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .fetch_all(db)
                .await)?;
        for (issue_id, status, n) in rows {
            let c: &mut DeliveryCounts = counts.entry(issue_id).or_default();
            match status.as_str() {
                "queued" => c.queued = n,
                "sending" => c.sending = n,
                "sent" => c.sent = n,
                "failed" => c.failed = n,
                "skipped" => c.skipped = n,
                _ => {}
            }
        }
        Ok(counts)
    }

    /// An issue's deliveries of one status (all when `None`), by recipient id after `after`.
    pub async fn list_deliveries(
        &self,
        issue_id: i64,
        status: Option<&str>,
        after: i64,
        limit: i64,
    ) -> Result<Vec<DeliveryRow>> {
        let sql = format!(
            "SELECT subscriber_id, email, status, attempts, error, updated_at \
             FROM newsletter_deliveries WHERE issue_id = $1 AND ($2 IS NULL OR status = $2) \
             AND subscriber_id > $3 ORDER BY subscriber_id LIMIT {}",
            limit.clamp(1, 10_000)
        );
        let rows: Vec<(i64, String, String, i64, String, DateTime<Utc>)> =
            read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(issue_id)
                .bind(status)
                .bind(after)
                .fetch_all(db)
                .await)?;
        Ok(rows
            .into_iter()
            .map(
                |(subscriber_id, email, status, attempts, error, updated_at)| DeliveryRow {
                    subscriber_id,
                    email,
                    status,
                    attempts,
                    error,
                    updated_at,
                },
            )
            .collect())
    }
}
