//! Chats: one room per article and the rooms editors open, over WebSocket (see
//! `docs/LIVE.md` and the AsyncAPI document), with JSON endpoints for the page script and
//! the pages themselves in `live::pages`.

pub mod asyncapi;
pub mod protocol;
pub mod relay;
mod rules;
pub mod socket;

use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::header::CACHE_CONTROL;
use http::{HeaderMap, HeaderValue};
use newsdesk_auth::SessionKind;
use newsdesk_auth::cookies::{self, READER_COOKIE, SESSION_COOKIE};
use newsdesk_auth::session;
use newsdesk_core::{ArticleStatus, ChatRoom};
use newsdesk_store::StoreError;

pub use protocol::RoomView;
pub use rules::Writer;

use crate::error::{ErrorBody, HttpError};
use crate::state::AppState;

pub(crate) fn room_id(raw: &str) -> Result<i64, HttpError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(HttpError::NotFound)
}

/// The room, if readers may see it: an extra room, or the room of a published article.
pub(crate) async fn public_room(state: &AppState, id: i64) -> Result<ChatRoom, HttpError> {
    let room = state.store().chat_room(id).await?;
    if let Some(article_id) = room.article_id {
        let article = state.store().get_article(article_id).await?;
        if article.status != ArticleStatus::Published {
            return Err(HttpError::NotFound);
        }
    }
    Ok(room)
}

/// The article's room (made on first use) if the article is published.
pub(crate) async fn article_room(state: &AppState, article_id: i64) -> Result<ChatRoom, HttpError> {
    let article = match state.store().get_article(article_id).await {
        Ok(article) => article,
        Err(StoreError::NotFound) => return Err(HttpError::NotFound),
        Err(err) => return Err(err.into()),
    };
    if article.status != ArticleStatus::Published {
        return Err(HttpError::NotFound);
    }
    Ok(state
        .store()
        .article_chat_room(article.id, &article.edition)
        .await?)
}

/// The room as clients see it: an article's room is titled by the article's headline.
pub(crate) async fn room_view(
    state: &AppState,
    room: &ChatRoom,
    presence: u32,
) -> Result<RoomView, StoreError> {
    let (title, href) = match room.article_id {
        Some(id) => {
            let article = state.store().get_article(id).await?;
            (article.headline.clone(), Some(article.path()))
        }
        None => (room.title.clone(), None),
    };
    Ok(RoomView::new(room, title, href, presence))
}

/// Who opened the socket. A page on another site cannot write: browsers send cookies
/// with a cross-site WebSocket handshake, so the `Origin` must be this site's.
pub(crate) async fn writer(state: &AppState, headers: &HeaderMap) -> Result<Writer, HttpError> {
    if let Some(header) = headers.get(http::header::AUTHORIZATION) {
        let token = header
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or(HttpError::Unauthorized)?;
        return bearer_writer(state, token).await;
    }
    if !same_origin(state, headers) {
        return Ok(Writer::OtherOrigin);
    }
    if let Some(token) = cookies::read(headers, READER_COOKIE)
        && let Some(found) = session::lookup(state.store(), SessionKind::Reader, &token)
            .await
            .map_err(HttpError::internal)?
    {
        return Ok(Writer::Reader(found.account));
    }
    if let Some(token) = cookies::read(headers, SESSION_COOKIE)
        && let Some(found) = session::lookup(state.store(), SessionKind::Staff, &token)
            .await
            .map_err(HttpError::internal)?
        && found.account.role.is_staff()
    {
        return Ok(Writer::Staff {
            account_id: Some(found.account.id),
            name: found.account.name,
        });
    }
    Ok(Writer::Anonymous)
}

/// An Admin API token writes as staff (tools, and the load tests). It acts with the lesser
/// of its role and its creator's role now, as in the Admin API.
async fn bearer_writer(state: &AppState, token: &str) -> Result<Writer, HttpError> {
    match newsdesk_app::actor::token_role(state.store(), token).await? {
        Some((t, role)) if role.is_staff() => Ok(Writer::Staff {
            account_id: t.created_by,
            name: t.name,
        }),
        _ => Err(HttpError::Unauthorized),
    }
}

/// No `Origin` (not a browser), or the one this site is served from.
fn same_origin(state: &AppState, headers: &HeaderMap) -> bool {
    let Some(origin) = headers
        .get(http::header::ORIGIN)
        .and_then(|v| v.to_str().ok())
    else {
        return true;
    };
    let base = state.config().base_url.trim_end_matches('/');
    if origin.eq_ignore_ascii_case(base) {
        return true;
    }
    // Behind no proxy (a demo on a chosen port) the configured base may differ from the
    // address the browser used: the Host the request came to is this site too.
    let host = headers
        .get(http::header::HOST)
        .and_then(|v| v.to_str().ok());
    match (url::Url::parse(origin).ok(), host) {
        (Some(url), Some(host)) => {
            let origin_host = match url.port() {
                Some(port) => format!("{}:{port}", url.host_str().unwrap_or_default()),
                None => url.host_str().unwrap_or_default().to_owned(),
            };
            origin_host.eq_ignore_ascii_case(host)
        }
        _ => false,
    }
}

fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A room, with how many are in it now.
#[utoipa::path(
    get, path = "/api/v1/chat/rooms/{room}", tag = "live",
    params(("room" = i64, Path, description = "The room")),
    responses(
        (status = 200, description = "The room", body = RoomView),
        (status = 404, description = "No such room, or its article is not published", body = ErrorBody),
    )
)]
pub async fn room(
    State(state): State<AppState>,
    Path(room): Path<String>,
) -> Result<Response, HttpError> {
    let room = public_room(&state, room_id(&room)?).await?;
    let presence = state.live().presence(room.id);
    let view = room_view(&state, &room, presence).await?;
    Ok(no_store(Json(view).into_response()))
}

/// The article's room, opened on first use.
#[utoipa::path(
    get, path = "/api/v1/chat/articles/{article}/room", tag = "live",
    params(("article" = i64, Path, description = "A published article")),
    responses(
        (status = 200, description = "The article's room", body = RoomView),
        (status = 404, description = "No such published article", body = ErrorBody),
    )
)]
pub async fn for_article(
    State(state): State<AppState>,
    Path(article): Path<String>,
) -> Result<Response, HttpError> {
    let room = article_room(&state, room_id(&article)?).await?;
    let presence = state.live().presence(room.id);
    let view = room_view(&state, &room, presence).await?;
    Ok(no_store(Json(view).into_response()))
}
