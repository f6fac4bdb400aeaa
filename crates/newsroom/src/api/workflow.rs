//! Publishing an article: publish, schedule, unpublish, correct, link a translation.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use newsdesk_site::AppState;

use crate::actions::articles;
use crate::api::dto::articles::{
    ArticleOut, CorrectArticle, CorrectionOut, LinkTranslation, ScheduleArticle,
};
use crate::api::error::{ApiErrorBody, ApiResult, already_published};
use crate::api::extract::{ApiJson, ApiPath};
use crate::auth::ApiActor;

/// Makes the article public now. Contributors cannot publish; authors only their own.
/// Publishing is idempotent: an article that is already published (also by a concurrent
/// request) is left as it is, with no audit entry or event, and the answer is 409
/// `already_published` — a client retrying a publish can treat that as done.
#[utoipa::path(
    post, path = "/api/v1/admin/articles/{id}/publish", tag = "articles",
    params(("id" = i64, Path, description = "Article id")),
    responses(
        (status = 200, description = "The published article", body = ArticleOut),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not allowed to publish this article", body = ApiErrorBody),
        (status = 404, description = "No such article", body = ApiErrorBody),
        (status = 409, description = "Already published (`already_published`): nothing changed; or a save changed it while it was being published (`stale_version`)", body = ApiErrorBody),
        (status = 422, description = "A photo in it has no alt text", body = ApiErrorBody),
    )
)]
pub async fn publish(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Response> {
    let done = articles::publish(&state, &actor, id).await?;
    if done.changed {
        Ok(Json(ArticleOut::from(done.article)).into_response())
    } else {
        Ok(already_published(&done.article))
    }
}

/// The article publishes itself at `publish_at` (kept in the database: survives restarts).
#[utoipa::path(
    post, path = "/api/v1/admin/articles/{id}/schedule", tag = "articles",
    params(("id" = i64, Path, description = "Article id")),
    request_body = ScheduleArticle,
    responses(
        (status = 200, description = "The scheduled article", body = ArticleOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not allowed to publish this article", body = ApiErrorBody),
        (status = 404, description = "No such article", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Time in the past, already published, or photos without alt text", body = ApiErrorBody),
    )
)]
pub async fn schedule(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<ScheduleArticle>,
) -> ApiResult<Json<ArticleOut>> {
    Ok(Json(
        articles::schedule(&state, &actor, id, input.publish_at)
            .await?
            .into(),
    ))
}

/// Takes a published or scheduled article down; its address then answers 410 Gone.
#[utoipa::path(
    post, path = "/api/v1/admin/articles/{id}/unpublish", tag = "articles",
    params(("id" = i64, Path, description = "Article id")),
    responses(
        (status = 200, description = "The unpublished article", body = ArticleOut),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not allowed to unpublish this article", body = ApiErrorBody),
        (status = 404, description = "No such article", body = ApiErrorBody),
        (status = 422, description = "The article is not published or scheduled", body = ApiErrorBody),
    )
)]
pub async fn unpublish(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<ArticleOut>> {
    Ok(Json(articles::unpublish(&state, &actor, id).await?.into()))
}

/// Adds a dated correction note at the end of an article readers have seen.
#[utoipa::path(
    post, path = "/api/v1/admin/articles/{id}/corrections", tag = "articles",
    params(("id" = i64, Path, description = "Article id")),
    request_body = CorrectArticle,
    responses(
        (status = 201, description = "The correction", body = CorrectionOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not allowed to correct this article", body = ApiErrorBody),
        (status = 404, description = "No such article", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Empty text, or the article was never published", body = ApiErrorBody),
    )
)]
pub async fn correct(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<CorrectArticle>,
) -> ApiResult<(StatusCode, Json<CorrectionOut>)> {
    let correction = articles::correct(&state, &actor, id, &input.text).await?;
    Ok((StatusCode::CREATED, Json(correction.into())))
}

/// Marks the article and `other_id` (in another edition) as translations of each other.
#[utoipa::path(
    post, path = "/api/v1/admin/articles/{id}/translations", tag = "articles",
    params(("id" = i64, Path, description = "Article id")),
    request_body = LinkTranslation,
    responses(
        (status = 204, description = "Linked"),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not allowed to edit this article", body = ApiErrorBody),
        (status = 404, description = "No such article", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "The other article is in the same edition", body = ApiErrorBody),
    )
)]
pub async fn link_translation(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<LinkTranslation>,
) -> ApiResult<StatusCode> {
    articles::link_translation(&state, &actor, id, input.other_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
