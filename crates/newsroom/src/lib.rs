#![doc = include_str!("../README.md")]

pub mod admin;
pub mod api;
pub mod auth;
pub mod body_limit;
pub mod media_library;
pub mod routes;

use axum::{Extension, Router};
use newsdesk_auth::LoginLimits;
use newsdesk_site::AppState;

// The actions, the policy and the actor live in the application core, below this crate;
// re-exported so the pages and the Admin API name them as before.
pub use newsdesk_app::{Actor, actions, actor, policy};

/// The newsroom's routes: the pages under `/admin` and the Admin API under
/// `/api/v1/admin`, behind the staff session and CSRF layer. `server::router` merges them
/// with the reading site and applies the shared layers.
pub fn routes(state: &AppState, limits: LoginLimits) -> Router<AppState> {
    routes::router()
        // The Admin API (and the media library's pages, through it) sit behind the same
        // session and CSRF layer as the pages.
        .merge(crate::api::routes(state))
        // Extractors may buffer up to the transport limit, so none of them answers an
        // oversized form itself; the Admin API keeps its smaller JSON limit (inner layer).
        .layer(axum::extract::DefaultBodyLimit::max(
            body_limit::FORM_BODY_LIMIT,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::middleware::layer,
        ))
        .layer(Extension(limits))
        // Outermost: a body over the limit is answered before anything buffers it.
        .layer(axum::middleware::from_fn(body_limit::layer))
}
