//! What a reader does to a comment once it is there: edit their own (for a few minutes),
//! delete their own, like or report someone else's.

use axum::Extension;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use chrono::Duration;
use http::{HeaderMap, StatusCode};
use newsdesk_auth::{ClientIp, ReaderLimits};
use newsdesk_core::CommentStatus;
use newsdesk_store::{DiscussionFacts, StoreError, VoteKind};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::api::CommentView;
use super::request::{self, id_of, json_body, writer};
use crate::error::{ErrorBody, HttpError};
use crate::state::AppState;

/// How long after posting a comment may be edited.
pub const EDIT_WINDOW: Duration = Duration::minutes(5);

/// A comment's new text.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EditBody {
    /// Plain text, 1 to 3000 characters.
    pub body: String,
}

/// A like or report recorded.
#[derive(Debug, Serialize, ToSchema)]
pub struct VoteView {
    /// False when this reader had already liked (or reported) it.
    pub new: bool,
    /// The comment's likes (or reports) now.
    pub count: i64,
}

/// A visible comment under a published article, or 404.
async fn live_comment(
    state: &AppState,
    raw: &str,
) -> Result<(newsdesk_core::Comment, DiscussionFacts), HttpError> {
    let comment = match state.store().get_comment(id_of(raw)?).await {
        Ok(c) if c.status == CommentStatus::Visible => c,
        Ok(_) | Err(StoreError::NotFound) => return Err(HttpError::NotFound),
        Err(err) => return Err(err.into()),
    };
    let facts = super::api::public_article(state, comment.article_id).await?;
    Ok((comment, facts))
}

/// Edits the reader's own comment within five minutes of posting; it is then marked
/// "edited".
#[utoipa::path(
    patch, path = "/api/v1/comments/{id}", tag = "comments",
    security(("reader" = [], "reader_csrf" = [])),
    params(("id" = i64, Path, description = "The comment")),
    request_body(content = EditBody, content_type = "application/json"),
    responses(
        (status = 200, description = "The comment as edited", body = CommentView),
        (status = 400, description = "A body that is not the JSON described", body = ErrorBody),
        (status = 401, description = "Not logged in as a reader", body = ErrorBody),
        (status = 403, description = "A missing or wrong CSRF token, or an unconfirmed address", body = ErrorBody),
        (status = 404, description = "No such comment of this reader", body = ErrorBody),
        (status = 413, description = "More than 32 KiB", body = ErrorBody),
        (status = 415, description = "Not `application/json`", body = ErrorBody),
        (status = 422, description = "An empty or too long text, or the five minutes are over", body = ErrorBody),
    )
)]
pub async fn edit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, HttpError> {
    let found = writer(&state, &headers).await?;
    let edit: EditBody = json_body(&headers, body).await?;
    let (comment, facts) = live_comment(&state, &id).await?;
    let store = state.store();
    let settings = store.moderation_settings(&facts.edition).await?;
    newsdesk_core::comment::validate_comment_body(&edit.body)?;
    // An edit passes the same word lists as a new comment: otherwise any text could be
    // posted clean and edited afterwards.
    let hold = newsdesk_app::moderation::screen_text(&settings, &edit.body)?;
    let mut edited = store
        .edit_comment(comment.id, found.account.id, &edit.body, EDIT_WINDOW)
        .await?;
    if let Some(reason) = hold {
        edited = store
            .set_comment_status(edited.id, CommentStatus::Held, &reason)
            .await?;
    }
    Ok(Json(CommentView::for_author(&edited)).into_response())
}

/// Deletes the reader's own comment: its text goes; replies keep their place under "This
/// comment was deleted".
#[utoipa::path(
    delete, path = "/api/v1/comments/{id}", tag = "comments",
    security(("reader" = [], "reader_csrf" = [])),
    params(("id" = i64, Path, description = "The comment")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not logged in as a reader", body = ErrorBody),
        (status = 403, description = "A missing or wrong CSRF token, or an unconfirmed address", body = ErrorBody),
        (status = 404, description = "No such comment of this reader", body = ErrorBody),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    let found = writer(&state, &headers).await?;
    let (comment, _) = live_comment(&state, &id).await?;
    state
        .store()
        .delete_own_comment(comment.id, found.account.id)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn vote(
    state: &AppState,
    limits: &ReaderLimits,
    ip: Option<std::net::IpAddr>,
    id: &str,
    headers: &HeaderMap,
    kind: VoteKind,
) -> Result<Response, HttpError> {
    let found = writer(state, headers).await?;
    let (comment, _) = live_comment(state, id).await?;
    if comment.account_id == Some(found.account.id) {
        return Err(
            newsdesk_core::ValidationError::single("id", "this is your own comment").into(),
        );
    }
    if let Err(wait) = limits
        .comment
        .check(ip, Some(&found.account.id.to_string()))
    {
        return Ok(request::rate_limited(wait));
    }
    let (new, count) = state
        .store()
        .vote_comment(comment.id, found.account.id, kind)
        .await?;
    Ok(Json(VoteView { new, count }).into_response())
}

/// Likes someone else's comment, once per reader.
#[utoipa::path(
    post, path = "/api/v1/comments/{id}/like", tag = "comments",
    security(("reader" = [], "reader_csrf" = [])),
    params(("id" = i64, Path, description = "The comment")),
    responses(
        (status = 200, description = "Liked (or already liked)", body = VoteView),
        (status = 401, description = "Not logged in as a reader", body = ErrorBody),
        (status = 403, description = "A missing or wrong CSRF token, or an unconfirmed address", body = ErrorBody),
        (status = 404, description = "No such visible comment", body = ErrorBody),
        (status = 422, description = "The reader's own comment", body = ErrorBody),
        (status = 429, description = "Too many actions; see `Retry-After`", body = ErrorBody),
    )
)]
pub async fn like(
    State(state): State<AppState>,
    Extension(limits): Extension<ReaderLimits>,
    ClientIp(ip): ClientIp,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    vote(&state, &limits, ip, &id, &headers, VoteKind::Like).await
}

/// Reports someone else's comment to the moderators, once per reader; reports from three
/// readers hide it until a moderator decides.
#[utoipa::path(
    post, path = "/api/v1/comments/{id}/report", tag = "comments",
    security(("reader" = [], "reader_csrf" = [])),
    params(("id" = i64, Path, description = "The comment")),
    responses(
        (status = 200, description = "Reported (or already reported)", body = VoteView),
        (status = 401, description = "Not logged in as a reader", body = ErrorBody),
        (status = 403, description = "A missing or wrong CSRF token, or an unconfirmed address", body = ErrorBody),
        (status = 404, description = "No such visible comment", body = ErrorBody),
        (status = 422, description = "The reader's own comment", body = ErrorBody),
        (status = 429, description = "Too many actions; see `Retry-After`", body = ErrorBody),
    )
)]
pub async fn report(
    State(state): State<AppState>,
    Extension(limits): Extension<ReaderLimits>,
    ClientIp(ip): ClientIp,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    vote(&state, &limits, ip, &id, &headers, VoteKind::Report).await
}
