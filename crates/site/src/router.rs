//! The reading site's routes. The whole application (reading site plus newsroom and Admin
//! API, with the shared layers) is assembled by `newsdesk_server::router`; nothing else
//! serves these routes, so no test can run a different stack than `serve`.

use axum::Router;
use newsdesk_auth::ReaderLimits;

use crate::state::AppState;

/// Public routes with their page-cache layer; the server assembly merges the newsroom's
/// routes and applies the state and the layers (security headers among them).
pub fn routes(state: &AppState, reader_limits: ReaderLimits) -> Router<AppState> {
    crate::public::routes(state)
        .merge(crate::account::routes(reader_limits.clone()))
        .merge(crate::comments::routes(reader_limits.clone()))
        .merge(crate::live::routes(state, reader_limits.clone()))
        .merge(crate::newsletters::routes(reader_limits))
        .merge(crate::most_read::routes())
}
