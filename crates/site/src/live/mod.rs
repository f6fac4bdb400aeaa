//! The live parts (issue 15): the newsfeed pushed over Server-Sent Events and the chats
//! over WebSocket, on one instance or many (see `docs/LIVE.md`).
//!
//! Each instance holds its own connections ([`hub::Hub`]); changes reach every instance
//! through the store's outbox (the newsfeed) and the bus's chat topics (chats), and every
//! client can reconcile from the store: outbox positions for the stream
//! (`Last-Event-ID`), message ids for a room (`?after=`).

pub mod chat;
pub mod feed;
pub mod hub;
mod pages;
pub mod sse;

use axum::Extension;
use axum::Router;
use axum::routing::get;
use newsdesk_auth::ReaderLimits;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use feed::{FeedItemView, NewsfeedConsumer};
pub use hub::Hub;

use crate::state::AppState;

/// Live connections (streams and sockets together) one client address may hold open.
pub const DEFAULT_MAX_PER_CLIENT: usize = 16;

/// The documented routes (for the OpenAPI document).
pub fn openapi_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(sse::stream))
        .routes(routes!(chat::room))
        .routes(routes!(chat::for_article))
        .routes(routes!(chat::socket::socket))
}

/// This part of the OpenAPI document.
pub fn document() -> utoipa::openapi::OpenApi {
    openapi_router().split_for_parts().1
}

/// The routes as served: the stream, the socket, the rooms' JSON, the AsyncAPI document
/// and the pages.
pub fn routes(state: &AppState, limits: ReaderLimits) -> Router<AppState> {
    let (api, _) = openapi_router().split_for_parts();
    let newsfeed_page = Router::new()
        .route("/{edition}/newsfeed", get(pages::newsfeed))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::cache::serve_cached,
        ));
    api.route("/api/v1/asyncapi.json", get(chat::asyncapi::serve))
        .route("/{edition}/chats", get(pages::rooms))
        .route("/{edition}/chats/{room}", get(pages::room))
        .merge(newsfeed_page)
        .layer(Extension(limits))
}

/// The live parts' background work on this instance (the chat relay); the newsfeed's
/// consumer is started with the other outbox consumers.
pub fn spawn_background(state: &AppState, stop: &CancellationToken) -> Vec<JoinHandle<()>> {
    chat::relay::spawn(state, stop)
}
