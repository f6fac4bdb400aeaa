//! The live parts' pages: `/{edition}/newsfeed` (cached like every list, kept current by
//! `live.js`), `/{edition}/chats` (the open rooms) and a room's page, which shows its
//! latest messages without JavaScript and mounts `chat.js` on them.

use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use http::HeaderValue;
use http::header::CACHE_CONTROL;
use newsdesk_core::ChatRoom;
use serde::Serialize;

use super::chat::{self, RoomView, protocol::AuthorView};
use super::feed::{self, FeedItemView};
use crate::error::HttpError;
use crate::head::HeadMeta;
use crate::i18n::LocalTime;
use crate::public::context::{Chrome, EditionCtx, Keys};
use crate::public::error_page::or_error_page;
use crate::public::page;
use crate::state::AppState;

/// Entries on the newsfeed page.
const PAGE_ITEMS: i64 = 100;
/// Messages a room's page shows.
const PAGE_MESSAGES: i64 = 50;

#[derive(Serialize)]
struct NewsfeedPage {
    #[serde(flatten)]
    chrome: Chrome,
    heading: String,
    intro: String,
    items: Vec<FeedItemView>,
    older: Option<String>,
}

/// `/{edition}/newsfeed`.
pub async fn newsfeed(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    let result = async {
        let ctx = EditionCtx::load(&state, &code).await?;
        let mut keys = Keys::for_edition(&code);
        keys.add(crate::cache::keys::newsfeed(&code));
        let entries = state.store().newsfeed(&code, None, PAGE_ITEMS).await?;
        let items = feed::views(&state, &ctx, &entries);
        let heading = ctx.t(&state, "newsfeed-page-title");
        let path = format!("/{code}/newsfeed");
        let mut head = HeadMeta::new(EditionCtx::absolute(&state, &path));
        head.description = ctx.t(&state, "newsfeed-page-intro");
        let mut chrome = ctx.chrome(&state, &heading, head, Vec::new());
        chrome.nav_current = "newsfeed".to_owned();
        let page_ctx = NewsfeedPage {
            chrome,
            intro: ctx.t(&state, "newsfeed-page-intro"),
            heading,
            older: Some(format!("/{code}/archive")),
            items,
        };
        page::render(&state, "newsfeed.html", &page_ctx, keys)
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

#[derive(Serialize)]
struct RoomCard {
    #[serde(flatten)]
    room: RoomView,
    messages: i64,
    last: Option<LocalTime>,
}

#[derive(Serialize)]
struct ChatsPage {
    #[serde(flatten)]
    chrome: Chrome,
    rooms: Vec<RoomCard>,
}

fn fresh(html: String) -> Response {
    let mut response = Html(html).into_response();
    // The rooms and their lines change by the second; not for caches.
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// `/{edition}/chats`: the edition's open rooms, the most recently active first.
pub async fn rooms(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    let result = async {
        let ctx = EditionCtx::load(&state, &code).await?;
        let rooms = state.store().chat_rooms(Some(&code), true, 50).await?;
        let tz = ctx.edition.tz();
        let cards = rooms
            .into_iter()
            .map(|r| {
                let title = r.headline.clone().unwrap_or_else(|| r.room.title.clone());
                RoomCard {
                    room: RoomView::new(&r.room, title, None, state.live().presence(r.room.id)),
                    messages: r.messages,
                    last: r
                        .room
                        .last_message_at
                        .map(|at| state.i18n().local_time(ctx.lang(), tz, at)),
                }
            })
            .collect();
        let title = ctx.t(&state, "chats-title");
        let head = HeadMeta::new(EditionCtx::absolute(&state, &format!("/{code}/chats")));
        let chrome = ctx.chrome(&state, &title, head, Vec::new());
        let html = state.templates().render(
            "chats.html",
            &ChatsPage {
                chrome,
                rooms: cards,
            },
        )?;
        Ok(fresh(html))
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

#[derive(Serialize)]
struct Line {
    id: i64,
    author: AuthorView,
    html: String,
    time: String,
    datetime: String,
}

#[derive(Serialize)]
struct RoomPage {
    #[serde(flatten)]
    chrome: Chrome,
    room: RoomView,
    messages: Vec<Line>,
}

/// `/{edition}/chats/{room}`, and `/{edition}/chats/article-{id}` for an article's room.
pub async fn room(
    State(state): State<AppState>,
    Path((code, room)): Path<(String, String)>,
) -> Response {
    let result = async {
        let ctx = EditionCtx::load(&state, &code).await?;
        let room: ChatRoom = match room.strip_prefix("article-") {
            Some(article) => chat::article_room(&state, chat::room_id(article)?).await?,
            None => chat::public_room(&state, chat::room_id(&room)?).await?,
        };
        if room.edition != code {
            return Err(HttpError::NotFound);
        }
        render_room(&state, &ctx, &room).await
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

async fn render_room(
    state: &AppState,
    ctx: &EditionCtx,
    room: &ChatRoom,
) -> Result<Response, HttpError> {
    let presence = state.live().presence(room.id);
    let view = chat::room_view(state, room, presence).await?;
    let tz = ctx.edition.tz();
    let messages = state
        .store()
        .chat_messages_before(room.id, None, PAGE_MESSAGES)
        .await?
        .iter()
        .map(|m| {
            let at = state.i18n().local_time(ctx.lang(), tz, m.created_at);
            Line {
                id: m.id,
                author: AuthorView {
                    name: m.author_name.clone(),
                    staff: m.staff,
                },
                html: crate::comments::comment_html(&m.body),
                time: at.time,
                datetime: at.datetime,
            }
        })
        .collect();
    let mut head = HeadMeta::new(EditionCtx::absolute(state, &view.href));
    // A room's page is a conversation, not an article: not for search results.
    head.noindex = true;
    let chrome = ctx.chrome(state, &view.title, head, Vec::new());
    let html = state.templates().render(
        "chat.html",
        &RoomPage {
            chrome,
            room: view,
            messages,
        },
    )?;
    Ok(fresh(html))
}
