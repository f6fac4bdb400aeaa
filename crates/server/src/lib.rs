//! The one assembly of the server: [`router`] and [`start_background`], used by
//! `newsdesk serve` and by every integration and browser test, so a test runs exactly
//! what `serve` runs.
//!
//! The layers every request passes (outermost first): the real client address (trusted
//! proxies only), a request id, the request log (one line per request: method, route,
//! status, latency, request id, client), panic → 500, a request timeout, and the
//! security headers.

mod background;
mod layers;
mod listener;

pub use background::{Background, consumers, registry, start_background};
pub use layers::with_layers;
pub use listener::{ConnectionLimits, bind, raise_fd_limit, serve};

use axum::Router;
use newsdesk_auth::{LoginLimits, ReaderLimits};
use newsdesk_site::AppState;

/// What tests may choose; `serve` uses the defaults.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub login_limits: LoginLimits,
    /// Readers' registration, login, email-link and comment limits.
    pub reader_limits: ReaderLimits,
}

/// The whole application: the reading site, the newsroom pages under `/admin` and the
/// Admin API under `/api/v1/admin`, with every layer. Serve it with
/// `into_make_service_with_connect_info::<SocketAddr>()` so client addresses are known.
pub fn router(state: AppState) -> Router {
    router_with(state, Options::default())
}

/// [`router`] with chosen options (tests use small login limits).
pub fn router_with(state: AppState, options: Options) -> Router {
    with_layers(routes(&state, &options), &state)
}

/// Every route, without the layers, for tests that add a route of their own (a handler
/// that panics) and then apply [`with_layers`] exactly as [`router`] does.
pub fn routes(state: &AppState, options: &Options) -> Router<AppState> {
    newsdesk_site::router::routes(state, options.reader_limits.clone()).merge(
        newsdesk_newsroom::routes(state, options.login_limits.clone()),
    )
}
