//! The job queue: rows claimed with a lease, retried with exponential backoff.
//! (Public only for [`MAX_ATTEMPTS`]; the methods are on [`crate::Store`].)

use chrono::{Duration, Utc};
use sqlx::types::Json;

use crate::Store;
use crate::error::{Result, StoreError};
use crate::sql::now;
use crate::types::Job;

/// How long a claimed job is reserved for its worker; after that another may take it.
const LEASE: Duration = Duration::minutes(5);
/// Attempts before a job is given up (kept with `failed_at` set).
pub const MAX_ATTEMPTS: i32 = 8;

/// Delay before retry `attempts + 1`: 30 s, 1 min, 2 min, … capped at 1 hour.
fn backoff(attempts: i32) -> Duration {
    let exp = u32::try_from(attempts.clamp(1, 12) - 1).unwrap_or(0);
    Duration::seconds((30_i64 << exp).min(3600))
}

impl Store {
    /// Queues a job to run as soon as a worker is free; returns its id.
    pub async fn enqueue_job(&self, kind: &str, payload: &serde_json::Value) -> Result<i64> {
        self.enqueue_job_at(kind, payload, Utc::now()).await
    }

    /// Queues a job to run at `run_at` or later.
    pub async fn enqueue_job_at(
        &self,
        kind: &str,
        payload: &serde_json::Value,
        run_at: chrono::DateTime<Utc>,
    ) -> Result<i64> {
        let id: i64 = exec!(self, |db| sqlx::query_scalar(
            "INSERT INTO jobs (kind, payload, attempts, run_at, created_at) \
             VALUES ($1, $2, 0, $3, $4) RETURNING id"
        )
        .bind(kind)
        .bind(Json(payload))
        .bind(crate::sql::micros(run_at))
        .bind(now())
        .fetch_one(db)
        .await)?;
        Ok(id)
    }

    /// Takes the oldest due job of one of `kinds`, or None. The job is leased to the caller,
    /// who must `complete_job` or `fail_job` it.
    pub async fn claim_job(&self, kinds: &[&str]) -> Result<Option<Job>> {
        if kinds.is_empty() {
            return Ok(None);
        }
        let at = now();
        let row: Option<(i64, String, Json<serde_json::Value>, i32)> = exec!(self, |db| {
            let sql = crate::dialect::claim_job(db, kinds.len());
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(at)
                .bind(at + LEASE);
            for kind in kinds {
                q = q.bind(*kind);
            }
            q.fetch_optional(db).await
        })?;
        Ok(row.map(|(id, kind, payload, attempts)| Job {
            id,
            kind,
            payload: payload.0,
            attempts,
        }))
    }

    /// The job is done: it leaves the queue.
    pub async fn complete_job(&self, id: i64) -> Result<()> {
        let done = exec!(self, |db| sqlx::query("DELETE FROM jobs WHERE id = $1")
            .bind(id)
            .execute(db)
            .await
            .map(|r| r.rows_affected()))?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// The attempt failed: retry later (exponential backoff), or give up after
    /// [`MAX_ATTEMPTS`] and keep the row with `failed_at` for inspection.
    pub async fn fail_job(&self, id: i64, error: &str) -> Result<()> {
        let at = now();
        transaction!(self, |conn| {
            let attempts: i32 = sqlx::query_scalar("SELECT attempts FROM jobs WHERE id = $1")
                .bind(id)
                .fetch_one(&mut *conn)
                .await?;
            if attempts >= MAX_ATTEMPTS {
                sqlx::query(
                    "UPDATE jobs SET locked_until = NULL, last_error = $2, failed_at = $3 \
                     WHERE id = $1",
                )
                .bind(id)
                .bind(error)
                .bind(at)
                .execute(&mut *conn)
                .await?;
            } else {
                sqlx::query(
                    "UPDATE jobs SET locked_until = NULL, last_error = $2, run_at = $3 WHERE id = $1",
                )
                .bind(id)
                .bind(error)
                .bind(at + backoff(attempts))
                .execute(&mut *conn)
                .await?;
            }
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(1), Duration::seconds(30));
        assert_eq!(backoff(2), Duration::seconds(60));
        assert_eq!(backoff(3), Duration::seconds(120));
        assert_eq!(backoff(12), Duration::seconds(3600));
    }
}
