//! The JSON Admin API under `/api/v1/admin`: everything the newsroom pages can do, for
//! Bearer tokens and staff sessions, with its OpenAPI 3.1 document at
//! `/api/v1/openapi.json`.
//!
//! Handlers are thin: typed input ([`extract`]), one call into [`crate::actions`] (or
//! [`crate::media_library`]), typed output ([`dto`]); the role checks are the actions'
//! (see [`crate::policy`]). [`ENDPOINTS`] lists every route with who may use it; a test
//! checks it against the generated document, and the role-matrix test iterates it.

pub mod articles;
pub mod dto;
pub mod entities;
pub mod error;
pub mod extract;
pub mod history;
pub mod idempotency;
pub mod jobs;
pub mod live;
pub mod moderation;
pub mod openapi;
pub mod people;
pub mod photos;
pub mod ratelimit;
pub mod table;
pub mod taxonomy;
pub mod workflow;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use newsdesk_site::AppState;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use table::{ENDPOINTS, Endpoint, Fixture};

/// The largest JSON body accepted (an article body is at most 200,000 characters).
pub const JSON_BODY_LIMIT: usize = 1024 * 1024;

/// Every Admin API route with its documentation. Each `routes!` adds the handler to the
/// router and its operation to the document together.
pub fn openapi_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .routes(routes!(openapi::serve))
        .routes(routes!(people::me))
        .routes(routes!(articles::list))
        .routes(routes!(articles::create))
        .routes(routes!(articles::get))
        .routes(routes!(articles::save))
        .routes(routes!(articles::delete))
        .routes(routes!(articles::search))
        .routes(routes!(workflow::publish))
        .routes(routes!(workflow::schedule))
        .routes(routes!(workflow::unpublish))
        .routes(routes!(workflow::correct))
        .routes(routes!(workflow::link_translation))
        .routes(routes!(history::corrections))
        .routes(routes!(history::list))
        .routes(routes!(history::get))
        .routes(routes!(history::compare))
        .routes(routes!(history::restore))
        .routes(routes!(photos::list))
        .routes(routes!(photos::upload))
        .routes(routes!(photos::get))
        .routes(routes!(photos::update))
        .routes(routes!(photos::put_crops))
        .routes(routes!(photos::delete))
        .routes(routes!(taxonomy::editions))
        .routes(routes!(taxonomy::list_sections))
        .routes(routes!(taxonomy::create_section))
        .routes(routes!(taxonomy::get_section))
        .routes(routes!(taxonomy::update_section))
        .routes(routes!(taxonomy::delete_section))
        .routes(routes!(taxonomy::list_tags))
        .routes(routes!(taxonomy::create_tag))
        .routes(routes!(taxonomy::get_tag))
        .routes(routes!(taxonomy::update_tag))
        .routes(routes!(taxonomy::delete_tag))
        .routes(routes!(entities::list))
        .routes(routes!(entities::create))
        .routes(routes!(entities::get))
        .routes(routes!(entities::update))
        .routes(routes!(entities::delete))
        .routes(routes!(people::list_authors))
        .routes(routes!(people::create_author))
        .routes(routes!(people::get_author))
        .routes(routes!(people::update_author))
        .routes(routes!(people::list_staff))
        .routes(routes!(people::invite))
        .routes(routes!(people::set_role))
        .routes(routes!(people::disable))
        .routes(routes!(people::enable))
        .routes(routes!(people::password_link))
        .routes(routes!(people::list_tokens))
        .routes(routes!(people::create_token))
        .routes(routes!(people::revoke_token))
        .routes(routes!(people::audit_log))
        .routes(routes!(jobs::list))
        .routes(routes!(jobs::retry))
        .routes(routes!(jobs::drop))
        .routes(routes!(moderation::queue))
        .routes(routes!(moderation::approve))
        .routes(routes!(moderation::reject))
        .routes(routes!(moderation::feature))
        .routes(routes!(moderation::ban, moderation::unban))
        .routes(routes!(moderation::discussion))
        .routes(routes!(moderation::rules, moderation::set_rules))
        .routes(routes!(live::list_items, live::create_item))
        .routes(routes!(
            live::get_item,
            live::update_item,
            live::delete_item
        ))
        .routes(routes!(live::publish_item))
        .routes(routes!(live::unpublish_item))
        .routes(routes!(live::rooms, live::create_room))
        .routes(routes!(live::set_room_state))
        .routes(routes!(live::room_messages))
        .routes(routes!(live::delete_message))
        .routes(routes!(live::mute))
        .routes(routes!(live::unmute))
        .routes(routes!(live::ban))
        .routes(routes!(live::lift_ban))
}

/// The Admin API and the media library pages, for [`crate::app`] to merge in front of the
/// auth middleware. JSON bodies are capped at [`JSON_BODY_LIMIT`]; uploads read their own
/// body up to `AppConfig::max_upload_bytes` (see [`crate::media_library::body`]).
/// POSTs with an `Idempotency-Key` go through [`idempotency`], after the rate limit.
pub fn routes(state: &AppState) -> Router<AppState> {
    let (api, _) = openapi_router().split_for_parts();
    api.layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            idempotency::layer,
        ))
        .layer(axum::middleware::from_fn(ratelimit::layer))
        // An API client mistyping a path gets a JSON 404, not the reading site's page.
        .route("/api/{*rest}", axum::routing::any(not_found))
        .merge(crate::media_library::pages_router())
}

async fn not_found() -> error::ApiError {
    error::ApiError(newsdesk_site::HttpError::NotFound)
}
