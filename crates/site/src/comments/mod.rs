//! The discussion under each article (issue 14), as a JSON API the article page's script
//! uses: the cached page stays the same for every reader, and the thread, the form and the
//! reader's own state load beside it.
//!
//! The endpoints are in the one OpenAPI document (`/api/v1/openapi.json`, tag `comments`).

mod actions;
mod api;
mod render;
mod request;

use axum::Extension;
use newsdesk_auth::ReaderLimits;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use api::{CommentView, NewCommentBody, ReaderView, ThreadItemView, ThreadPage};
pub use render::comment_html;
pub(crate) use request::json_body;

use crate::state::AppState;

/// Largest comment request body: the longest comment, in any script, with room to spare.
pub const MAX_BODY: usize = 32 * 1024;

/// The documented routes, without layers (for the document).
pub fn openapi_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::thread, api::post))
        .routes(routes!(api::reader_me))
        .routes(routes!(api::mine))
        .routes(routes!(actions::edit, actions::delete))
        .routes(routes!(actions::like))
        .routes(routes!(actions::report))
}

/// The routes as served.
pub fn routes(limits: ReaderLimits) -> axum::Router<AppState> {
    let (router, _) = openapi_router().split_for_parts();
    // Bodies are read with their own limit (`MAX_BODY`), so a flood gets a JSON 413.
    router.layer(Extension(limits))
}

/// This part of the OpenAPI document.
pub fn document() -> utoipa::openapi::OpenApi {
    openapi_router().split_for_parts().1
}
