//! The discussion's moderation through the Admin API: the same actions as the
//! `/admin/comments` pages, for moderators, editors and admins; the rules for editors.

use axum::Json;
use axum::extract::State;
use http::StatusCode;
use newsdesk_site::AppState;
use newsdesk_store::Decision;

use crate::actions::moderation;
use crate::api::dto::moderation::{
    BanInput, DiscussionInput, FeatureInput, ModeratedComment, ModerationRules, QueueCounts,
    QueuePage, QueueQuery, RejectInput,
};
use crate::api::error::{ApiErrorBody, ApiResult};
use crate::api::extract::{ApiJson, ApiPath, ApiQuery};
use crate::auth::ApiActor;

/// A moderation queue, oldest first, with how many wait in each.
#[utoipa::path(
    get, path = "/api/v1/admin/comments", tag = "moderation",
    params(QueueQuery),
    responses(
        (status = 200, description = "A page of the queue", body = QueuePage),
        (status = 400, description = "Malformed query string", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Moderators, editors and admins only", body = ApiErrorBody),
    )
)]
pub async fn queue(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<QueueQuery>,
) -> ApiResult<Json<QueuePage>> {
    let edition = q.edition.as_deref().filter(|e| !e.is_empty());
    let items = moderation::queue(
        &state,
        &actor,
        q.queue.unwrap_or_default().into(),
        edition,
        q.limit.unwrap_or(50),
        q.offset.unwrap_or(0),
    )
    .await?;
    let [pending, held, reported] = moderation::queue_counts(&state, &actor, edition).await?;
    Ok(Json(QueuePage {
        counts: QueueCounts {
            pending,
            held,
            reported,
        },
        items: items.into_iter().map(Into::into).collect(),
    }))
}

/// Shows the comment (and clears its reports).
#[utoipa::path(
    post, path = "/api/v1/admin/comments/{id}/approve", tag = "moderation",
    params(("id" = i64, Path, description = "Comment id")),
    responses(
        (status = 200, description = "The comment, now visible", body = ModeratedComment),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Moderators, editors and admins only", body = ApiErrorBody),
        (status = 404, description = "No such comment", body = ApiErrorBody),
        (status = 422, description = "Its author deleted it", body = ApiErrorBody),
    )
)]
pub async fn approve(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<ModeratedComment>> {
    let comment = moderation::decide(&state, &actor, id, Decision::Approve).await?;
    Ok(Json(comment.into()))
}

/// Rejects the comment with a reason its author sees.
#[utoipa::path(
    post, path = "/api/v1/admin/comments/{id}/reject", tag = "moderation",
    params(("id" = i64, Path, description = "Comment id")),
    request_body = RejectInput,
    responses(
        (status = 200, description = "The comment, now rejected", body = ModeratedComment),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Moderators, editors and admins only", body = ApiErrorBody),
        (status = 404, description = "No such comment", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "No reason, or its author deleted it", body = ApiErrorBody),
    )
)]
pub async fn reject(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<RejectInput>,
) -> ApiResult<Json<ModeratedComment>> {
    let decision = Decision::Reject(input.reason.trim());
    let comment = moderation::decide(&state, &actor, id, decision).await?;
    Ok(Json(comment.into()))
}

/// Features the comment (shown first in its thread, approved if it waited), or stops.
#[utoipa::path(
    post, path = "/api/v1/admin/comments/{id}/feature", tag = "moderation",
    params(("id" = i64, Path, description = "Comment id")),
    request_body = FeatureInput,
    responses(
        (status = 200, description = "The comment", body = ModeratedComment),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Moderators, editors and admins only", body = ApiErrorBody),
        (status = 404, description = "No such comment", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Its author deleted it", body = ApiErrorBody),
    )
)]
pub async fn feature(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<FeatureInput>,
) -> ApiResult<Json<ModeratedComment>> {
    let decision = Decision::Feature(input.featured);
    let comment = moderation::decide(&state, &actor, id, decision).await?;
    Ok(Json(comment.into()))
}

/// Bans a reader from the discussion, or suspends them until `until`.
#[utoipa::path(
    put, path = "/api/v1/admin/readers/{id}/ban", tag = "moderation",
    params(("id" = i64, Path, description = "The reader's account id")),
    request_body = BanInput,
    responses(
        (status = 204, description = "Banned or suspended"),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Moderators, editors and admins only; staff accounts cannot be banned", body = ApiErrorBody),
        (status = 404, description = "No such account", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "`until` in the past, or a reason over 500 characters", body = ApiErrorBody),
    )
)]
pub async fn ban(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<BanInput>,
) -> ApiResult<StatusCode> {
    moderation::ban(&state, &actor, id, input.until, input.reason.trim()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Lifts a reader's ban or suspension.
#[utoipa::path(
    delete, path = "/api/v1/admin/readers/{id}/ban", tag = "moderation",
    params(("id" = i64, Path, description = "The reader's account id")),
    responses(
        (status = 204, description = "Lifted"),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Moderators, editors and admins only", body = ApiErrorBody),
        (status = 404, description = "The reader is not banned", body = ApiErrorBody),
    )
)]
pub async fn unban(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    moderation::lift_ban(&state, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Closes an article's discussion by hand, or reopens it.
#[utoipa::path(
    put, path = "/api/v1/admin/articles/{id}/discussion", tag = "moderation",
    params(("id" = i64, Path, description = "Article id")),
    request_body = DiscussionInput,
    responses(
        (status = 204, description = "Closed or reopened"),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Moderators, editors and admins only", body = ApiErrorBody),
        (status = 404, description = "No such article", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Not a JSON object with `closed`", body = ApiErrorBody),
    )
)]
pub async fn discussion(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<DiscussionInput>,
) -> ApiResult<StatusCode> {
    moderation::close_discussion(&state, &actor, id, input.closed).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An edition's moderation rules.
#[utoipa::path(
    get, path = "/api/v1/admin/moderation/{edition}", tag = "moderation",
    params(("edition" = String, Path, description = "Edition code")),
    responses(
        (status = 200, description = "The rules", body = ModerationRules),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Moderators, editors and admins only", body = ApiErrorBody),
        (status = 404, description = "No such edition", body = ApiErrorBody),
    )
)]
pub async fn rules(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(edition): ApiPath<String>,
) -> ApiResult<Json<ModerationRules>> {
    let settings = moderation::settings(&state, &actor, &edition).await?;
    let sections = moderation::premoderated_sections(&state, &actor, &edition).await?;
    Ok(Json(ModerationRules::from_settings(settings, sections)))
}

/// Replaces an edition's moderation rules.
#[utoipa::path(
    put, path = "/api/v1/admin/moderation/{edition}", tag = "moderation",
    params(("edition" = String, Path, description = "Edition code")),
    request_body = ModerationRules,
    responses(
        (status = 200, description = "The rules as saved", body = ModerationRules),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors and admins only", body = ApiErrorBody),
        (status = 404, description = "No such edition", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "A value out of range, a bad word list, or a section of another edition", body = ApiErrorBody),
    )
)]
pub async fn set_rules(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(edition): ApiPath<String>,
    ApiJson(input): ApiJson<ModerationRules>,
) -> ApiResult<Json<ModerationRules>> {
    moderation::set_settings(&state, &actor, &input.settings(&edition)).await?;
    moderation::set_premoderated_sections(&state, &actor, &edition, &input.premoderated_sections)
        .await?;
    let settings = moderation::settings(&state, &actor, &edition).await?;
    let sections = moderation::premoderated_sections(&state, &actor, &edition).await?;
    Ok(Json(ModerationRules::from_settings(settings, sections)))
}
