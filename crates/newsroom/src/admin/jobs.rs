//! `/admin/jobs` (admins): background jobs that used up their attempts, with their last
//! error, to retry or drop; and how many are waiting.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use chrono::{DateTime, Utc};
use minijinja::{Value, context};
use newsdesk_site::AppState;
use newsdesk_store::{JobFilter, JobId, JobRow};
use serde::Serialize;

use crate::actions::jobs;
use crate::admin::forms::Done;
use crate::admin::render::{AdminResult, page};
use crate::auth::Staff;

/// Failed jobs shown on the page.
const SHOWN: i64 = 200;
/// The payload is cut after this many characters.
const PAYLOAD_CHARS: usize = 300;

/// A failed job as the table shows it.
#[derive(Debug, Serialize)]
struct FailedJob {
    id: i64,
    kind: String,
    attempts: i32,
    max_attempts: i32,
    failed_at: Option<DateTime<Utc>>,
    last_error: String,
    payload: String,
}

impl From<JobRow> for FailedJob {
    fn from(j: JobRow) -> Self {
        FailedJob {
            id: j.id.0,
            kind: j.kind,
            attempts: j.attempts,
            max_attempts: j.max_attempts,
            failed_at: j.failed_at,
            last_error: j.last_error.unwrap_or_default(),
            payload: short_payload(&j.payload),
        }
    }
}

/// Indented JSON, cut to [`PAYLOAD_CHARS`].
fn short_payload(payload: &serde_json::Value) -> String {
    let pretty = serde_json::to_string_pretty(payload).unwrap_or_else(|_| payload.to_string());
    if pretty.chars().count() <= PAYLOAD_CHARS {
        return pretty;
    }
    let mut cut: String = pretty.chars().take(PAYLOAD_CHARS).collect();
    cut.push('…');
    cut
}

pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(done): Query<Done>,
) -> AdminResult {
    let failed: Vec<FailedJob> = jobs::list_failed(&state, &staff.actor, SHOWN)
        .await?
        .into_iter()
        .map(FailedJob::from)
        .collect();
    let pending = jobs::list(&state, &staff.actor, JobFilter::Pending, jobs::MAX_LIMIT)
        .await?
        .len();
    let ctx = context! {
        nav => "jobs",
        failed => Value::from_serialize(&failed),
        pending => pending,
        pending_capped => pending as i64 >= jobs::MAX_LIMIT,
        notice => done.notice(),
    };
    page(&staff, "admin/jobs.html", ctx)
}

pub async fn retry(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> AdminResult {
    jobs::retry(&state, &staff.actor, JobId(id)).await?;
    Ok(Redirect::to("/admin/jobs?done=retried").into_response())
}

pub async fn drop(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>) -> AdminResult {
    jobs::drop(&state, &staff.actor, JobId(id)).await?;
    Ok(Redirect::to("/admin/jobs?done=dropped").into_response())
}

#[cfg(test)]
mod tests {
    use super::short_payload;

    #[test]
    fn payloads_are_indented_and_cut() {
        assert_eq!(
            short_payload(&serde_json::json!({ "photo_id": 7 })),
            "{\n  \"photo_id\": 7\n}"
        );
        let long = short_payload(&serde_json::json!({ "text": "x".repeat(1000) }));
        assert_eq!(long.chars().count(), super::PAYLOAD_CHARS + 1);
        assert!(long.ends_with('…'));
    }
}
