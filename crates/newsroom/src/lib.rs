#![doc = include_str!("../README.md")]

pub mod actions;
pub mod actor;
pub mod admin;
pub mod api;
pub mod auth;
pub mod jobs;
pub mod media_library;
pub mod policy;
pub mod routes;

use axum::{Extension, Router};
use newsdesk_web::AppState;

pub use actor::Actor;

/// The whole application: the reading site, the newsroom pages under `/admin` and the
/// Admin API under `/api/v1/admin`, with state and the shared layers applied.
/// The binary serves this with `into_make_service_with_connect_info::<SocketAddr>()` so the
/// login rate limit sees client addresses.
pub fn app(state: AppState) -> Router {
    app_with_limits(state, auth::LoginLimits::default())
}

/// [`app`] with chosen login limits (tests use small ones).
pub fn app_with_limits(state: AppState, limits: auth::LoginLimits) -> Router {
    let staff = routes::router()
        // The Admin API (and the media library's pages, through it) sit behind the same
        // session and CSRF layer as the pages.
        .merge(crate::api::routes())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::middleware::layer,
        ))
        .layer(Extension(limits));
    let site = newsdesk_web::router::routes(&state)
        .merge(staff)
        .with_state(state);
    newsdesk_web::router::with_layers(site)
}
