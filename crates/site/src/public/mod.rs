//! The reading site: fronts, lists, archive, articles, media, static files, errors.

pub mod archive;
pub mod article;
pub(crate) mod article_view;
pub mod context;
pub mod error_page;
pub mod front;
pub mod lists;
pub mod manifest;
pub mod media;
pub mod page;
pub mod root;
pub mod static_page;

use axum::Router;
use axum::middleware::from_fn_with_state;
use axum::routing::get;

pub use article::render_article_html;
pub use error_page::error_page;

use crate::cache::{CachedRoute, Param};
use crate::state::AppState;

/// The public routes. Pages go through the page cache; media and static files have their
/// own long-lived caching; unknown paths get the 404 page.
pub fn routes(state: &AppState) -> Router<AppState> {
    // Each group names the query parameters its pages read; the cache layer drops every
    // other one and redirects or refuses non-canonical spellings (see `cache::params`).
    let plain = Router::new()
        .route("/{edition}", get(front::show))
        .route("/{edition}/archive", get(archive::today))
        .route("/{edition}/pages/{slug}", get(static_page::show))
        .route_layer(from_fn_with_state(
            state.clone(),
            crate::cache::serve_cached,
        ));
    let paged = Router::new()
        .route("/{edition}/latest", get(lists::latest))
        .route("/{edition}/section/{slug}", get(lists::section))
        .route("/{edition}/tag/{slug}", get(lists::tag))
        .route("/{edition}/author/{slug}", get(lists::author))
        .route("/{edition}/archive/{yyyy}/{mm}/{dd}", get(archive::day))
        .route_layer(from_fn_with_state(
            CachedRoute::new(state, &[Param::Page]),
            crate::cache::serve_cached_route,
        ));
    let articles = Router::new()
        .route("/{edition}/{yyyy}/{mm}/{dd}/{slug}", get(article::show))
        .route_layer(from_fn_with_state(
            CachedRoute::new(state, &[Param::Fragment]),
            crate::cache::serve_cached_route,
        ));
    let pages = plain.merge(paged).merge(articles);
    Router::new()
        .route("/", get(root::home))
        .route("/healthz", get(root::healthz))
        // Pages name their icons; browsers and home screens still ask for these by name.
        .route("/favicon.ico", get(crate::assets::well_known_icon))
        .route("/apple-touch-icon.png", get(crate::assets::well_known_icon))
        .route("/{edition}/manifest.webmanifest", get(manifest::show))
        .route("/{edition}/", get(root::trailing_slash))
        .route("/static/{file}", get(crate::assets::serve))
        .route("/media/{*key}", get(media::serve))
        .merge(pages)
        .merge(crate::syndication::routes(state))
        .fallback(root::not_found)
}
