//! The live parts through the Admin API: the newsfeed's short items (authors, editors,
//! admins; marking one breaking: editors) and the chats' moderation (moderators, editors,
//! admins; opening a room: editors). The same actions as the `/admin/newsfeed` and
//! `/admin/chats` pages.

use axum::Json;
use axum::extract::State;
use chrono::{Duration, Utc};
use http::StatusCode;
use newsdesk_core::ValidationError;
use newsdesk_site::{AppState, HttpError};

use crate::actions::live;
use crate::admin::chats::{MAX_BAN_DAYS, MAX_MUTE_MINUTES};
use crate::admin::newsfeed::body_is_text;
use crate::api::dto::live::{
    ChatBanInput, ChatMessageOut, ChatRoomOut, CreateNewsItem, CreateRoom, MessagesQuery,
    MuteInput, NewsItemOut, NewsfeedQuery, RoomActivityOut, RoomStateInput, RoomsQuery,
    UpdateNewsItem,
};
use crate::api::error::{ApiError, ApiErrorBody, ApiResult};
use crate::api::extract::{ApiJson, ApiPath, ApiQuery};
use crate::auth::ApiActor;
use crate::policy::{Action, Resource, can};

/// An action's error, with problems of the item's paragraph named `text` as in the request.
fn item_error(err: newsdesk_app::Error) -> ApiError {
    ApiError(body_is_text(err.into()))
}

/// The newsfeed's short items, newest first (published ones by publication time, the rest
/// by their last change).
#[utoipa::path(
    get, path = "/api/v1/admin/newsfeed", tag = "live",
    params(NewsfeedQuery),
    responses(
        (status = 200, description = "A page of items", body = Vec<NewsItemOut>),
        (status = 400, description = "Malformed query string", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Authors, editors and admins only", body = ApiErrorBody),
    )
)]
pub async fn list_items(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<NewsfeedQuery>,
) -> ApiResult<Json<Vec<NewsItemOut>>> {
    can(&actor, Action::WriteNewsfeed, Resource::None)?;
    let edition = q.edition.as_deref().filter(|e| !e.is_empty());
    let items = live::news_items(
        &state,
        &actor,
        edition,
        q.status.map(Into::into),
        q.limit.unwrap_or(50),
        q.offset.unwrap_or(0),
    )
    .await?;
    Ok(Json(items.into_iter().map(Into::into).collect()))
}

/// Writes a short item, published at once when `publish` is true.
#[utoipa::path(
    post, path = "/api/v1/admin/newsfeed", tag = "live",
    request_body = CreateNewsItem,
    responses(
        (status = 201, description = "The new item", body = NewsItemOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Authors, editors and admins only; marking an item breaking takes an editor", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Invalid fields (an empty headline, a link that is not a web address or a path, no such edition)", body = ApiErrorBody),
    )
)]
pub async fn create_item(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiJson(input): ApiJson<CreateNewsItem>,
) -> ApiResult<(StatusCode, Json<NewsItemOut>)> {
    let item = live::create_news_item(&state, &actor, &input.draft(), input.publish)
        .await
        .map_err(item_error)?;
    Ok((StatusCode::CREATED, Json(item.into())))
}

#[utoipa::path(
    get, path = "/api/v1/admin/newsfeed/{id}", tag = "live",
    params(("id" = i64, Path, description = "Item id")),
    responses(
        (status = 200, description = "The item", body = NewsItemOut),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Authors, editors and admins only", body = ApiErrorBody),
        (status = 404, description = "No such item", body = ApiErrorBody),
    )
)]
pub async fn get_item(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<NewsItemOut>> {
    can(&actor, Action::WriteNewsfeed, Resource::None)?;
    Ok(Json(live::news_item(&state, &actor, id).await?.into()))
}

/// Replaces an item's text and marks; a published item changes in the newsfeed at once.
#[utoipa::path(
    put, path = "/api/v1/admin/newsfeed/{id}", tag = "live",
    params(("id" = i64, Path, description = "Item id")),
    request_body = UpdateNewsItem,
    responses(
        (status = 200, description = "The changed item", body = NewsItemOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Authors, editors and admins only; marking an item breaking takes an editor", body = ApiErrorBody),
        (status = 404, description = "No such item", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Invalid fields, or another edition than the item's", body = ApiErrorBody),
    )
)]
pub async fn update_item(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<UpdateNewsItem>,
) -> ApiResult<Json<NewsItemOut>> {
    can(&actor, Action::WriteNewsfeed, Resource::None)?;
    let current = live::news_item(&state, &actor, id).await?;
    let item = live::update_news_item(&state, &actor, id, &input.draft(&current.edition))
        .await
        .map_err(item_error)?;
    Ok(Json(item.into()))
}

#[utoipa::path(
    delete, path = "/api/v1/admin/newsfeed/{id}", tag = "live",
    params(("id" = i64, Path, description = "Item id")),
    responses(
        (status = 204, description = "Deleted; readers no longer see it"),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Authors, editors and admins only", body = ApiErrorBody),
        (status = 404, description = "No such item", body = ApiErrorBody),
    )
)]
pub async fn delete_item(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    live::delete_news_item(&state, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Puts the item in the newsfeed (publishing it again keeps its first time and place).
#[utoipa::path(
    post, path = "/api/v1/admin/newsfeed/{id}/publish", tag = "live",
    params(("id" = i64, Path, description = "Item id")),
    responses(
        (status = 200, description = "The item, published", body = NewsItemOut),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Authors, editors and admins only", body = ApiErrorBody),
        (status = 404, description = "No such item", body = ApiErrorBody),
    )
)]
pub async fn publish_item(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<NewsItemOut>> {
    let item = live::publish_news_item(&state, &actor, id, true).await?;
    Ok(Json(item.into()))
}

/// Takes the item out of the newsfeed.
#[utoipa::path(
    post, path = "/api/v1/admin/newsfeed/{id}/unpublish", tag = "live",
    params(("id" = i64, Path, description = "Item id")),
    responses(
        (status = 200, description = "The item, unpublished", body = NewsItemOut),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Authors, editors and admins only", body = ApiErrorBody),
        (status = 404, description = "No such item", body = ApiErrorBody),
    )
)]
pub async fn unpublish_item(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<NewsItemOut>> {
    let item = live::publish_news_item(&state, &actor, id, false).await?;
    Ok(Json(item.into()))
}

/// Chat rooms, the most recently active first (at most 200).
#[utoipa::path(
    get, path = "/api/v1/admin/chats", tag = "live",
    params(RoomsQuery),
    responses(
        (status = 200, description = "The rooms with their activity", body = Vec<RoomActivityOut>),
        (status = 400, description = "Malformed query string", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Moderators, editors and admins only", body = ApiErrorBody),
    )
)]
pub async fn rooms(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<RoomsQuery>,
) -> ApiResult<Json<Vec<RoomActivityOut>>> {
    let edition = q.edition.as_deref().filter(|e| !e.is_empty());
    let rooms = live::rooms(&state, &actor, edition).await?;
    Ok(Json(rooms.into_iter().map(Into::into).collect()))
}

/// Opens an extra room (a topic, a live event).
#[utoipa::path(
    post, path = "/api/v1/admin/chats", tag = "live",
    request_body = CreateRoom,
    responses(
        (status = 201, description = "The new room, open", body = ChatRoomOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors and admins only", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "An empty or too long title, or no such edition", body = ApiErrorBody),
    )
)]
pub async fn create_room(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiJson(input): ApiJson<CreateRoom>,
) -> ApiResult<(StatusCode, Json<ChatRoomOut>)> {
    let room = live::create_room(
        &state,
        &actor,
        input.edition.trim(),
        &input.title,
        &input.description,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(room.into())))
}

/// Opens or closes the room and sets its slow mode; everyone in it sees the change.
#[utoipa::path(
    put, path = "/api/v1/admin/chats/{id}/state", tag = "live",
    params(("id" = i64, Path, description = "Room id")),
    request_body = RoomStateInput,
    responses(
        (status = 200, description = "The room", body = ChatRoomOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Moderators, editors and admins only", body = ApiErrorBody),
        (status = 404, description = "No such room", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Slow mode out of 0–600 seconds", body = ApiErrorBody),
    )
)]
pub async fn set_room_state(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<RoomStateInput>,
) -> ApiResult<Json<ChatRoomOut>> {
    can(&actor, Action::Moderate, Resource::None)?;
    let max = newsdesk_core::live::MAX_SLOW_MODE_SECONDS;
    if !(0..=max).contains(&input.slow_mode_seconds) {
        return Err(invalid(
            "slow_mode_seconds",
            format!("must be 0 (off) to {max} seconds"),
        ));
    }
    let room =
        live::set_room_state(&state, &actor, id, input.open, input.slow_mode_seconds).await?;
    Ok(Json(room.into()))
}

/// The room's latest 100 messages (older ones with `before`), newest first, deleted and
/// flagged ones included.
#[utoipa::path(
    get, path = "/api/v1/admin/chats/{id}/messages", tag = "live",
    params(("id" = i64, Path, description = "Room id"), MessagesQuery),
    responses(
        (status = 200, description = "Up to 100 messages, newest first", body = Vec<ChatMessageOut>),
        (status = 400, description = "Malformed query string", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Moderators, editors and admins only", body = ApiErrorBody),
        (status = 404, description = "No such room", body = ApiErrorBody),
    )
)]
pub async fn room_messages(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<MessagesQuery>,
) -> ApiResult<Json<Vec<ChatMessageOut>>> {
    can(&actor, Action::Moderate, Resource::None)?;
    // A room that does not exist is a 404, not an empty list.
    state.store().chat_room(id).await?;
    let messages = live::room_messages(&state, &actor, id, q.before).await?;
    Ok(Json(messages.into_iter().map(Into::into).collect()))
}

/// Deletes a message for everyone (it is kept, marked, for the record).
#[utoipa::path(
    delete, path = "/api/v1/admin/chat-messages/{id}", tag = "live",
    params(("id" = i64, Path, description = "Message id")),
    responses(
        (status = 204, description = "Deleted (or it already was)"),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Moderators, editors and admins only", body = ApiErrorBody),
        (status = 404, description = "No such message", body = ApiErrorBody),
    )
)]
pub async fn delete_message(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    live::delete_message(&state, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Mutes a reader in the room for a while (a second mute replaces the first).
#[utoipa::path(
    post, path = "/api/v1/admin/chats/{id}/mutes", tag = "live",
    params(("id" = i64, Path, description = "Room id")),
    request_body = MuteInput,
    responses(
        (status = 204, description = "Muted"),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Moderators, editors and admins only; staff accounts cannot be muted", body = ApiErrorBody),
        (status = 404, description = "No such room or account", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "`minutes` out of 1–10080, or a reason over 500 characters", body = ApiErrorBody),
    )
)]
pub async fn mute(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<MuteInput>,
) -> ApiResult<StatusCode> {
    can(&actor, Action::Moderate, Resource::None)?;
    if !(1..=MAX_MUTE_MINUTES).contains(&input.minutes) {
        return Err(invalid(
            "minutes",
            format!("a mute lasts 1 to {MAX_MUTE_MINUTES} minutes"),
        ));
    }
    let until = Utc::now() + Duration::minutes(input.minutes);
    live::mute(
        &state,
        &actor,
        id,
        input.account_id,
        until,
        input.reason.trim(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Lifts a reader's mute in the room.
#[utoipa::path(
    delete, path = "/api/v1/admin/chats/{id}/mutes/{account_id}", tag = "live",
    params(
        ("id" = i64, Path, description = "Room id"),
        ("account_id" = i64, Path, description = "The reader's account id"),
    ),
    responses(
        (status = 204, description = "Lifted"),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Moderators, editors and admins only", body = ApiErrorBody),
        (status = 404, description = "The reader is not muted in this room", body = ApiErrorBody),
    )
)]
pub async fn unmute(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath((id, account_id)): ApiPath<(i64, i64)>,
) -> ApiResult<StatusCode> {
    live::unmute(&state, &actor, id, account_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Bans a reader from every chat, for some days or for good (a second ban replaces the
/// first).
#[utoipa::path(
    post, path = "/api/v1/admin/chat-bans", tag = "live",
    request_body = ChatBanInput,
    responses(
        (status = 204, description = "Banned"),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Moderators, editors and admins only; staff accounts cannot be banned", body = ApiErrorBody),
        (status = 404, description = "No such account", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "`days` out of 1–3650, or a reason over 500 characters", body = ApiErrorBody),
    )
)]
pub async fn ban(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiJson(input): ApiJson<ChatBanInput>,
) -> ApiResult<StatusCode> {
    can(&actor, Action::Moderate, Resource::None)?;
    let until = match input.days {
        None => None,
        Some(days) if (1..=MAX_BAN_DAYS).contains(&days) => Some(Utc::now() + Duration::days(days)),
        Some(_) => {
            return Err(invalid(
                "days",
                format!("a ban lasts 1 to {MAX_BAN_DAYS} days, or null for good"),
            ));
        }
    };
    live::ban(&state, &actor, input.account_id, until, input.reason.trim()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Lifts a reader's ban from chats.
#[utoipa::path(
    delete, path = "/api/v1/admin/chat-bans/{account_id}", tag = "live",
    params(("account_id" = i64, Path, description = "The reader's account id")),
    responses(
        (status = 204, description = "Lifted"),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Moderators, editors and admins only", body = ApiErrorBody),
        (status = 404, description = "The reader is not banned from chats", body = ApiErrorBody),
    )
)]
pub async fn lift_ban(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(account_id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    live::lift_ban(&state, &actor, account_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn invalid(field: &'static str, message: String) -> ApiError {
    ApiError(HttpError::Invalid(ValidationError::single(field, message)))
}
