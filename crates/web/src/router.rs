//! The reading site's routes and their layers. The full application (reading site plus
//! newsroom and Admin API) is assembled by `newsdesk_newsroom::app`, which merges its own
//! routes into [`routes`] (or its own state-applied router into [`router`]).

use axum::Router;
use axum::middleware::from_fn;

use crate::state::AppState;

/// Public routes with their page-cache layer; the caller applies the state (and may merge
/// more routes before doing so). Security headers are added by [`with_layers`].
pub fn routes(state: &AppState) -> Router<AppState> {
    crate::public::routes(state)
}

/// Layers every response gets, whoever routed it: security headers.
pub fn with_layers(router: Router) -> Router {
    router.layer(from_fn(crate::security::headers))
}

/// The reading site alone, ready to serve (tests, and the binary before the newsroom
/// merges in).
pub fn router(state: AppState) -> Router {
    with_layers(routes(&state).with_state(state))
}
