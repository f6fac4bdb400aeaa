//! The reading site's routes and their layers. The full application (reading site plus
//! newsroom and Admin API) is assembled by `newsdesk_newsroom::app`.

use axum::Router;

use crate::state::AppState;

/// Public routes, with state applied by the caller (`newsdesk_newsroom::app` merges more).
pub fn routes() -> Router<AppState> {
    crate::public::routes()
}

/// The reading site alone, for tests of the public pages.
pub fn router(state: AppState) -> Router {
    routes().with_state(state)
}
