//! The job queue: rows claimed with a lease, retried with exponential backoff. How often
//! and how patiently to retry is the caller's [`RetryPolicy`]; the methods are on
//! [`crate::Store`].

use chrono::{DateTime, Duration, Utc};
use newsdesk_core::JobId;
use serde::{Deserialize, Serialize};
use sqlx::types::Json;

use crate::Store;
use crate::error::{Result, StoreError};
use crate::sql::now;
use crate::types::{Job, JobRow};

/// Attempts before a job is given up (kept with `failed_at` set), unless it was queued
/// with another limit ([`Store::enqueue_job_with`]).
pub const MAX_ATTEMPTS: i32 = 8;

/// How a kind of job is retried. `Default` is the queue's historical behaviour: 8 attempts,
/// 30 s doubling up to 1 hour, a 5-minute lease.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Passed to [`Store::enqueue_job_with`]. The row keeps it, so [`Store::fail_job`]
    /// judges a job by the limit it was queued with, not by today's policy.
    pub max_attempts: i32,
    /// Delay before the second attempt; each later one doubles it.
    pub base: Duration,
    /// The longest delay between attempts.
    pub cap: Duration,
    /// Passed to [`Store::claim_job`]: how long a worker may run before another may take
    /// the job. Longer than the slowest run, or two workers end up running it.
    pub lease: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: MAX_ATTEMPTS,
            base: Duration::seconds(30),
            cap: Duration::hours(1),
            lease: Duration::minutes(5),
        }
    }
}

impl RetryPolicy {
    /// Delay before attempt `attempts + 1`: `base`, `2 × base`, … at most `cap`.
    pub fn backoff(&self, attempts: i32) -> Duration {
        let mut delay = self.base.max(Duration::zero());
        for _ in 1..attempts {
            if delay >= self.cap || delay.is_zero() {
                break;
            }
            delay = delay.checked_add(&delay).unwrap_or(self.cap);
        }
        delay.min(self.cap)
    }
}

/// Which jobs [`Store::list_jobs`] returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum JobFilter {
    /// Given up; newest failure first.
    Failed,
    /// Waiting or running; in the order they will be claimed.
    Pending,
    /// Everything; newest first.
    All,
}

impl JobFilter {
    fn sql(self) -> &'static str {
        match self {
            JobFilter::Failed => {
                "WHERE failed_at IS NOT NULL ORDER BY failed_at DESC, id DESC LIMIT $1"
            }
            JobFilter::Pending => "WHERE failed_at IS NULL ORDER BY run_at, id LIMIT $1",
            JobFilter::All => "ORDER BY id DESC LIMIT $1",
        }
    }
}

/// Recorded on a job whose last attempt's worker vanished (crashed, killed, or stuck past
/// its lease): nothing else would ever give it up.
const ABANDONED: &str = "the worker stopped without reporting (lease expired) on the last attempt";

#[derive(sqlx::FromRow)]
struct JobRecord {
    id: i64,
    kind: String,
    payload: Json<serde_json::Value>,
    attempts: i32,
    max_attempts: i32,
    run_at: DateTime<Utc>,
    locked_until: Option<DateTime<Utc>>,
    last_error: Option<String>,
    failed_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
}

impl From<JobRecord> for JobRow {
    fn from(r: JobRecord) -> Self {
        JobRow {
            id: JobId(r.id),
            kind: r.kind,
            payload: r.payload.0,
            attempts: r.attempts,
            max_attempts: r.max_attempts,
            run_at: r.run_at,
            locked_until: r.locked_until,
            last_error: r.last_error,
            failed_at: r.failed_at,
            created_at: r.created_at,
        }
    }
}

macro_rules! job_cols {
    () => {
        "id, kind, payload, attempts, max_attempts, run_at, locked_until, last_error, \
         failed_at, created_at"
    };
}

impl Store {
    /// Queues a job to run as soon as a worker is free; returns its id.
    pub async fn enqueue_job(&self, kind: &str, payload: &serde_json::Value) -> Result<JobId> {
        self.enqueue_job_with(kind, payload, Utc::now(), MAX_ATTEMPTS)
            .await
    }

    /// Queues a job to run at `run_at` or later.
    pub async fn enqueue_job_at(
        &self,
        kind: &str,
        payload: &serde_json::Value,
        run_at: DateTime<Utc>,
    ) -> Result<JobId> {
        self.enqueue_job_with(kind, payload, run_at, MAX_ATTEMPTS)
            .await
    }

    /// Queues a job to run at `run_at` or later, given up after `max_attempts` (at least 1).
    pub async fn enqueue_job_with(
        &self,
        kind: &str,
        payload: &serde_json::Value,
        run_at: DateTime<Utc>,
        max_attempts: i32,
    ) -> Result<JobId> {
        if max_attempts < 1 {
            return Err(StoreError::invalid("max_attempts", "must be at least 1"));
        }
        let id: i64 = exec!(self, |db| sqlx::query_scalar(
            "INSERT INTO jobs (kind, payload, attempts, max_attempts, run_at, created_at) \
             VALUES ($1, $2, 0, $3, $4, $5) RETURNING id"
        )
        .bind(kind)
        .bind(Json(payload))
        .bind(max_attempts)
        .bind(crate::sql::micros(run_at))
        .bind(now())
        .fetch_one(db)
        .await)?;
        Ok(JobId(id))
    }

    /// Takes the oldest due job of one of `kinds`, or None. The job is leased to the caller
    /// for `lease`, who must `complete_job` or `fail_job` it; after that another worker may
    /// claim it again (the crashed worker's attempt counts).
    pub async fn claim_job(&self, kinds: &[&str], lease: Duration) -> Result<Option<Job>> {
        if kinds.is_empty() {
            return Ok(None);
        }
        if lease <= Duration::zero() {
            return Err(StoreError::invalid("lease", "must be positive"));
        }
        let at = now();
        let abandoned = exec!(self, |db| sqlx::query(
            crate::dialect::give_up_abandoned_jobs(db)
        )
        .bind(at)
        .bind(ABANDONED)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        if abandoned > 0 {
            tracing::warn!(
                jobs = abandoned,
                "gave up jobs whose last attempt's worker stopped without reporting"
            );
        }
        let row: Option<(i64, String, Json<serde_json::Value>, i32, i32)> = exec!(self, |db| {
            let sql = crate::dialect::claim_job(db, kinds.len());
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(at)
                .bind(crate::sql::micros(at + lease));
            for kind in kinds {
                q = q.bind(*kind);
            }
            q.fetch_optional(db).await
        })?;
        Ok(row.map(|(id, kind, payload, attempts, max_attempts)| Job {
            id: JobId(id),
            kind,
            payload: payload.0,
            attempts,
            max_attempts,
        }))
    }

    /// Sets a claimed job's lease to end `lease` from now: a kind whose runs are short
    /// takes a lease shorter than the longest one a claim asks for, so that after a crash
    /// it is taken up again sooner.
    pub async fn lease_job(&self, id: JobId, lease: Duration) -> Result<()> {
        if lease <= Duration::zero() {
            return Err(StoreError::invalid("lease", "must be positive"));
        }
        exec!(self, |db| sqlx::query(
            "UPDATE jobs SET locked_until = $2 WHERE id = $1"
        )
        .bind(id.0)
        .bind(crate::sql::micros(now() + lease))
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// The job is done: it leaves the queue.
    pub async fn complete_job(&self, id: JobId) -> Result<()> {
        self.delete_job(id).await
    }

    /// The attempt failed: retry later (backoff from `policy`), or, once the job has used
    /// the `max_attempts` it was queued with, give up and keep the row with `failed_at` and
    /// `last_error` for inspection ([`Store::list_jobs`], [`Store::retry_job`]).
    pub async fn fail_job(&self, id: JobId, error: &str, policy: &RetryPolicy) -> Result<()> {
        let at = now();
        transaction!(self, |conn| {
            let (attempts, max_attempts): (i32, i32) =
                sqlx::query_as("SELECT attempts, max_attempts FROM jobs WHERE id = $1")
                    .bind(id.0)
                    .fetch_one(&mut *conn)
                    .await?;
            if attempts >= max_attempts {
                sqlx::query(
                    "UPDATE jobs SET locked_until = NULL, last_error = $2, failed_at = $3 \
                     WHERE id = $1",
                )
                .bind(id.0)
                .bind(error)
                .bind(at)
                .execute(&mut *conn)
                .await?;
            } else {
                sqlx::query(
                    "UPDATE jobs SET locked_until = NULL, last_error = $2, run_at = $3 WHERE id = $1",
                )
                .bind(id.0)
                .bind(error)
                .bind(crate::sql::micros(at + policy.backoff(attempts)))
                .execute(&mut *conn)
                .await?;
            }
        });
        Ok(())
    }

    /// The job can never succeed (its payload names nothing, or no longer decodes): keep it
    /// with `failed_at` and `last_error` for review now, whatever attempts it has left.
    pub async fn give_up_job(&self, id: JobId, error: &str) -> Result<()> {
        let at = now();
        let done = exec!(self, |db| sqlx::query(
            "UPDATE jobs SET locked_until = NULL, last_error = $2, failed_at = $3 WHERE id = $1"
        )
        .bind(id.0)
        .bind(error)
        .bind(at)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Jobs for the operator, at most `limit` (capped at 1000).
    pub async fn list_jobs(&self, filter: JobFilter, limit: i64) -> Result<Vec<JobRow>> {
        let sql = format!(
            concat!("SELECT ", job_cols!(), " FROM jobs {}"),
            filter.sql()
        );
        let rows: Vec<JobRecord> = read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(limit.clamp(0, 1000))
            .fetch_all(db)
            .await)?;
        Ok(rows.into_iter().map(JobRow::from).collect())
    }

    /// Whether a job of `kind` is waiting or running (not given up).
    pub async fn job_pending(&self, kind: &str) -> Result<bool> {
        let found: Option<i64> = read!(self, |db| sqlx::query_scalar(
            "SELECT id FROM jobs WHERE kind = $1 AND failed_at IS NULL LIMIT 1"
        )
        .bind(kind)
        .fetch_optional(db)
        .await)?;
        Ok(found.is_some())
    }

    pub async fn get_job(&self, id: JobId) -> Result<JobRow> {
        let row: JobRecord = read!(self, |db| sqlx::query_as(concat!(
            "SELECT ",
            job_cols!(),
            " FROM jobs WHERE id = $1"
        ))
        .bind(id.0)
        .fetch_one(db)
        .await)?;
        Ok(row.into())
    }

    /// Runs the job again now with a fresh set of attempts (an operator fixed the cause).
    /// On a pending job this skips its backoff wait; a running one keeps its lease.
    pub async fn retry_job(&self, id: JobId) -> Result<()> {
        let n = exec!(self, |db| sqlx::query(
            "UPDATE jobs SET failed_at = NULL, attempts = 0, run_at = $2 WHERE id = $1"
        )
        .bind(id.0)
        .bind(now())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Removes the job whatever its state (an operator gave up on it). A worker still
    /// running it gets NotFound from `complete_job` / `fail_job`.
    pub async fn drop_job(&self, id: JobId) -> Result<()> {
        self.delete_job(id).await
    }

    pub async fn count_failed_jobs(&self) -> Result<i64> {
        let n: i64 = read!(self, |db| sqlx::query_scalar(
            "SELECT COUNT(*) FROM jobs WHERE failed_at IS NOT NULL"
        )
        .fetch_one(db)
        .await)?;
        Ok(n)
    }

    async fn delete_job(&self, id: JobId) -> Result<()> {
        let done = exec!(self, |db| sqlx::query("DELETE FROM jobs WHERE id = $1")
            .bind(id.0)
            .execute(db)
            .await
            .map(|r| r.rows_affected()))?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_backoff_grows_and_is_capped() {
        let p = RetryPolicy::default();
        assert_eq!(p.backoff(1), Duration::seconds(30));
        assert_eq!(p.backoff(2), Duration::seconds(60));
        assert_eq!(p.backoff(3), Duration::seconds(120));
        assert_eq!(p.backoff(12), Duration::seconds(3600));
        assert_eq!(p.backoff(i32::MAX), Duration::seconds(3600));
    }

    #[test]
    fn backoff_follows_the_policy() {
        let p = RetryPolicy {
            base: Duration::seconds(1),
            cap: Duration::seconds(5),
            ..RetryPolicy::default()
        };
        let delays: Vec<i64> = (0..6).map(|a| p.backoff(a).num_seconds()).collect();
        assert_eq!(delays, vec![1, 1, 2, 4, 5, 5]);
        let huge = RetryPolicy {
            cap: Duration::MAX,
            ..RetryPolicy::default()
        };
        assert!(huge.backoff(200) > Duration::days(365));
    }
}
