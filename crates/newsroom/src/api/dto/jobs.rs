//! Background jobs (admins): the queue's rows, and which of them to list.

use chrono::{DateTime, Utc};
use newsdesk_store::{JobFilter, JobRow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Which jobs to list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum JobStateFilter {
    /// Used up their attempts; newest failure first.
    #[default]
    Failed,
    /// Waiting or running; in the order workers will take them.
    Pending,
    /// Every job; newest first.
    All,
}

impl From<JobStateFilter> for JobFilter {
    fn from(s: JobStateFilter) -> Self {
        match s {
            JobStateFilter::Failed => JobFilter::Failed,
            JobStateFilter::Pending => JobFilter::Pending,
            JobStateFilter::All => JobFilter::All,
        }
    }
}

/// The default and the largest `limit`.
pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = newsdesk_app::actions::jobs::MAX_LIMIT;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct JobListQuery {
    /// `failed` (the default), `pending` or `all`.
    pub state: Option<JobStateFilter>,
    /// How many jobs at most, at least 1 (default 50); values over 500 are cut to 500.
    #[param(minimum = 1)]
    #[serde(deserialize_with = "super::bounded::<_, 1, { i64::MAX }>")]
    pub limit: Option<i64>,
}

impl JobListQuery {
    /// (filter, limit) with the defaults and bounds applied.
    pub fn resolve(&self) -> (JobFilter, i64) {
        (
            self.state.unwrap_or_default().into(),
            self.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT),
        )
    }
}

/// Where a job is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum JobState {
    /// Waiting for its turn (or for its next retry, at `run_at`).
    Pending,
    /// A worker holds it until `locked_until`.
    Running,
    /// Used up its attempts; kept with `last_error` until retried or dropped.
    Failed,
}

/// A job in the durable queue.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct JobOut {
    pub id: i64,
    /// What kind of work, e.g. `renditions`.
    #[schema(example = "renditions")]
    pub kind: String,
    pub state: JobState,
    /// The job's input, as queued.
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    /// Attempts started so far.
    pub attempts: i32,
    /// Attempts it may use before it is given up.
    pub max_attempts: i32,
    /// When a worker may next take it.
    pub run_at: DateTime<Utc>,
    /// While a worker holds it.
    pub locked_until: Option<DateTime<Utc>>,
    /// The error of the last failed attempt.
    pub last_error: Option<String>,
    /// When it was given up.
    pub failed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl From<JobRow> for JobOut {
    fn from(j: JobRow) -> Self {
        let state = if j.failed_at.is_some() {
            JobState::Failed
        } else if j.locked_until.is_some_and(|until| until > Utc::now()) {
            JobState::Running
        } else {
            JobState::Pending
        };
        JobOut {
            id: j.id.0,
            kind: j.kind,
            state,
            payload: j.payload,
            attempts: j.attempts,
            max_attempts: j.max_attempts,
            run_at: j.run_at,
            locked_until: j.locked_until,
            last_error: j.last_error,
            failed_at: j.failed_at,
            created_at: j.created_at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_defaults_to_failed_jobs_and_clamps_the_limit() {
        assert_eq!(
            JobListQuery::default().resolve(),
            (JobFilter::Failed, DEFAULT_LIMIT)
        );
        let q = JobListQuery {
            state: Some(JobStateFilter::All),
            limit: Some(1_000_000),
        };
        assert_eq!(q.resolve(), (JobFilter::All, MAX_LIMIT));
        let q = JobListQuery {
            state: Some(JobStateFilter::Pending),
            limit: Some(-3),
        };
        assert_eq!(q.resolve(), (JobFilter::Pending, 1));
    }
}
