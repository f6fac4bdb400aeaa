//! `GET /api/v1/live/{edition}`: the edition's newsfeed as Server-Sent Events.
//!
//! Event ids are outbox positions. A reconnect names the last one (`Last-Event-ID`) and is
//! sent, from the store, the current state of every entry that changed after it, so
//! whatever the bus lost in between costs nothing; a reader away longer than the outbox
//! keeps changes gets the whole list again (`reset`).

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use futures::stream::{self, Stream, StreamExt};
use http::HeaderMap;
use http::HeaderValue;
use http::header::CACHE_CONTROL;
use newsdesk_auth::ClientIp;
use newsdesk_store::FeedKind;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::wrappers::errors::BroadcastStreamRecvError;

use super::feed::{self, FeedItemView};
use super::hub::FeedFrame;
use crate::error::{ErrorBody, HttpError};
use crate::public::context::{EditionCtx, NEWSFEED_ITEMS};
use crate::state::AppState;

/// Changes a reconnect is sent one by one; beyond that, the whole list (`reset`).
const REPLAY_MAX: i64 = 500;
/// The banner shows breaking entries this recent.
pub const BREAKING_HOURS: i64 = 12;
/// A comment line this often keeps proxies and the server's idle timeout from closing a
/// quiet stream.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The edition's newsfeed, live (see `docs/LIVE.md`). Events: `hello` (first, with the
/// breaking entries for the banner), `item`, `remove`, `reset`; each `data` is JSON.
#[utoipa::path(
    get, path = "/api/v1/live/{edition}", tag = "live",
    params(
        ("edition" = String, Path, description = "Edition code, e.g. `en`"),
        ("Last-Event-ID" = Option<String>, Header, description = "The id of the last event received: the stream resumes after it"),
    ),
    responses(
        (status = 200, description = "An endless `text/event-stream`: `event: hello|item|remove|reset`, `id:` an outbox position, `data:` JSON (`{\"v\":1,\"item\":FeedItemView}`, `{\"v\":1,\"key\":…}`, `{\"v\":1,\"items\":[…]}`, `{\"v\":1,\"edition\":…,\"breaking\":[…]}`); a `: keep-alive` comment every 15 s", content_type = "text/event-stream", body = String),
        (status = 404, description = "No such edition", body = ErrorBody),
        (status = 429, description = "Too many live connections from this address", body = ErrorBody),
    )
)]
pub async fn stream(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    let ctx = EditionCtx::load(&state, &code).await?;
    let Some(slot) = state.live().claim(ip) else {
        return Err(HttpError::RateLimited);
    };
    // Subscribe first, then read the position: a change in between comes twice at worst.
    let frames = state.live().subscribe_feed(ctx.code());
    let store = state.store();
    let head = store.latest_event_seq().await?;
    let last = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|seq| *seq >= 0 && *seq <= head);
    let mut first: Vec<FeedFrame> = match last {
        Some(last) if last < head => replay(&state, &ctx, last, head).await?,
        _ => Vec::new(),
    };
    let since = Utc::now() - chrono::Duration::hours(BREAKING_HOURS);
    let today = Utc::now().with_timezone(&ctx.edition.tz()).date_naive();
    let breaking: Vec<FeedItemView> = store
        .breaking_entries(ctx.code(), since)
        .await?
        .iter()
        .map(|e| feed::FeedItemView::new(&state, ctx.lang(), ctx.edition.tz(), e, Some(today)))
        .collect();
    first.push(FeedFrame::hello(head, ctx.code(), &breaking));

    let closing = state.live().closing().clone();
    let live = BroadcastStream::new(frames)
        // A reader that fell a whole channel behind ends here and reconnects with its last
        // id: it catches up from the store instead of the server buffering for it.
        .take_while(|frame| {
            std::future::ready(!matches!(frame, Err(BroadcastStreamRecvError::Lagged(_))))
        })
        .filter_map(move |frame| {
            std::future::ready(match frame {
                Ok(frame) if frame.seq > head => Some(frame),
                _ => None,
            })
        });
    let events = stream::iter(first.into_iter().map(Arc::new))
        .chain(live)
        .map(move |frame| {
            // The slot is held as long as the stream lives.
            let _ = &slot;
            Ok::<Event, Infallible>(frame.to_sse())
        })
        .take_until(async move { closing.cancelled().await });
    let mut response = sse(events).into_response();
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // nginx and similar proxies: pass each event on at once.
    headers.insert("x-accel-buffering", HeaderValue::from_static("no"));
    Ok(response)
}

fn sse<S>(events: S) -> Sse<axum::response::sse::KeepAliveStream<S>>
where
    S: Stream<Item = Result<Event, Infallible>> + Send + 'static,
{
    Sse::new(events).keep_alive(KeepAlive::new().interval(KEEP_ALIVE).text("keep-alive"))
}

/// What changed in the edition's feed after `last`, up to `head`: the current state of
/// each changed entry once, in the order of their last change; or one `reset`.
async fn replay(
    state: &AppState,
    ctx: &EditionCtx,
    last: i64,
    head: i64,
) -> Result<Vec<FeedFrame>, HttpError> {
    let store = state.store();
    let oldest = store.oldest_event_seq().await?;
    let pruned = oldest > last + 1;
    let page = if pruned {
        None
    } else {
        Some(store.outbox_after(last, REPLAY_MAX).await?)
    };
    let page = match page {
        Some(page) if (page.events.len() as i64) < REPLAY_MAX || page.next_cursor >= head => page,
        _ => return Ok(vec![reset(state, ctx, head).await?]),
    };
    // The last change of each entry of this edition.
    let mut latest: HashMap<(FeedKind, i64), i64> = HashMap::new();
    for event in page.events.iter().filter(|e| e.seq <= head) {
        if let Some((edition, kind, id)) = feed::feed_change(event)
            && edition == ctx.code()
        {
            latest.insert((kind, id), event.seq);
        }
    }
    let mut changes: Vec<((FeedKind, i64), i64)> = latest.into_iter().collect();
    changes.sort_by_key(|(_, seq)| *seq);
    let mut frames = Vec::with_capacity(changes.len());
    for ((kind, id), seq) in changes {
        frames.push(feed::frame_for(state, seq, kind, id).await?);
    }
    Ok(frames)
}

async fn reset(state: &AppState, ctx: &EditionCtx, head: i64) -> Result<FeedFrame, HttpError> {
    let entries = state
        .store()
        .newsfeed(ctx.code(), None, NEWSFEED_ITEMS)
        .await?;
    let views = feed::views(state, ctx, &entries);
    Ok(FeedFrame::reset(head, &views))
}
