//! Background jobs (admins): list the queue, retry or drop a job that gave up.

use axum::Json;
use axum::extract::State;
use http::StatusCode;
use newsdesk_site::AppState;
use newsdesk_store::JobId;

use crate::actions::jobs;
use crate::api::dto::jobs::{JobListQuery, JobOut};
use crate::api::error::{ApiErrorBody, ApiResult};
use crate::api::extract::{ApiPath, ApiQuery};
use crate::auth::ApiActor;

/// Jobs in the durable queue: by default those that used up their attempts, with their
/// last error.
#[utoipa::path(
    get, path = "/api/v1/admin/jobs", tag = "jobs",
    params(JobListQuery),
    responses(
        (status = 200, description = "Jobs in the requested state", body = Vec<JobOut>),
        (status = 400, description = "Malformed query string (e.g. a `state` other than failed, pending or all)", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Admins only", body = ApiErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<JobListQuery>,
) -> ApiResult<Json<Vec<JobOut>>> {
    let (filter, limit) = q.resolve();
    Ok(Json(
        jobs::list(&state, &actor, filter, limit)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

/// Runs the job again as soon as a worker is free, with a fresh set of attempts; on a job
/// waiting for its next retry, skips the wait.
#[utoipa::path(
    post, path = "/api/v1/admin/jobs/{id}/retry", tag = "jobs",
    params(("id" = i64, Path, description = "Job id")),
    responses(
        (status = 200, description = "The job, queued again", body = JobOut),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Admins only", body = ApiErrorBody),
        (status = 404, description = "No such job", body = ApiErrorBody),
    )
)]
pub async fn retry(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<JobOut>> {
    Ok(Json(jobs::retry(&state, &actor, JobId(id)).await?.into()))
}

/// Removes the job for good, whatever its state: its work will not be done.
#[utoipa::path(
    delete, path = "/api/v1/admin/jobs/{id}", tag = "jobs",
    params(("id" = i64, Path, description = "Job id")),
    responses(
        (status = 204, description = "Dropped"),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Admins only", body = ApiErrorBody),
        (status = 404, description = "No such job", body = ApiErrorBody),
    )
)]
pub async fn drop(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    jobs::drop(&state, &actor, JobId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}
