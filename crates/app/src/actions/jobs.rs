//! The background job queue for admins: jobs that used up their attempts stay in the queue
//! with their last error (see [`crate::jobs`]); here they are listed, run again with a
//! fresh set of attempts, or dropped. Both changes go to the audit log.

use chrono::Utc;
use newsdesk_store::{JobFilter, JobId, JobRow};
use serde_json::json;

use crate::actions::audit;
use crate::actor::Actor;
use crate::policy::{Action, Resource, can};
use crate::{App, Error};

/// The most jobs one list returns.
pub const MAX_LIMIT: i64 = 500;

/// Jobs that gave up, newest failure first, at most `limit` (1–[`MAX_LIMIT`]).
pub async fn list_failed(app: &App, actor: &Actor, limit: i64) -> Result<Vec<JobRow>, Error> {
    list(app, actor, JobFilter::Failed, limit).await
}

/// Jobs matching `filter`, at most `limit` (clamped to 1–[`MAX_LIMIT`]).
pub async fn list(
    app: &App,
    actor: &Actor,
    filter: JobFilter,
    limit: i64,
) -> Result<Vec<JobRow>, Error> {
    can(actor, Action::ManageJobs, Resource::None)?;
    Ok(app
        .store()
        .list_jobs(filter, limit.clamp(1, MAX_LIMIT))
        .await?)
}

/// How many jobs gave up (for the dashboard's badge).
pub async fn count_failed(app: &App, actor: &Actor) -> Result<i64, Error> {
    can(actor, Action::ManageJobs, Resource::None)?;
    Ok(app.store().count_failed_jobs().await?)
}

/// Runs the job again as soon as a worker is free, with a fresh set of attempts (an
/// operator fixed the cause). On a job still waiting for a retry this skips the wait.
/// Returns the job as it is now queued.
pub async fn retry(app: &App, actor: &Actor, id: JobId) -> Result<JobRow, Error> {
    can(actor, Action::ManageJobs, Resource::None)?;
    let store = app.store();
    let before = store.get_job(id).await?;
    store.retry_job(id).await?;
    let now = match store.get_job(id).await {
        Ok(row) => row,
        // Already claimed and finished by a worker of another instance.
        Err(newsdesk_store::StoreError::NotFound) => JobRow {
            attempts: 0,
            failed_at: None,
            run_at: Utc::now(),
            ..before.clone()
        },
        Err(err) => return Err(err.into()),
    };
    app.wake_workers();
    audit::record(
        app,
        actor,
        "job.retry",
        &format!("job:{id}"),
        json!({
            "kind": before.kind,
            "attempts": before.attempts,
            "last_error": before.last_error,
        }),
    )
    .await;
    Ok(now)
}

/// Removes the job for good, whatever its state; returns it as it was.
pub async fn drop(app: &App, actor: &Actor, id: JobId) -> Result<JobRow, Error> {
    can(actor, Action::ManageJobs, Resource::None)?;
    let store = app.store();
    let job = store.get_job(id).await?;
    store.drop_job(id).await?;
    audit::record(
        app,
        actor,
        "job.drop",
        &format!("job:{id}"),
        json!({
            "kind": job.kind,
            "attempts": job.attempts,
            "last_error": job.last_error,
        }),
    )
    .await;
    Ok(job)
}
