//! Rendering a page template into a response the cache layer stores.

use axum::response::Response;
use chrono::Utc;
use serde::Serialize;

use super::context::Keys;
use crate::cache::{Cacheable, cacheable_html};
use crate::error::HttpError;
use crate::state::AppState;

/// Renders `template` with `ctx`, tagged with `keys`, cacheable.
pub fn render(
    state: &AppState,
    template: &str,
    ctx: &impl Serialize,
    keys: Keys,
) -> Result<Response, HttpError> {
    let html = state.templates().render(template, ctx)?;
    Ok(cacheable(html, keys))
}

/// Rendered HTML as a cacheable response. `Last-Modified` is the render time: a page
/// shows more than its articles' times say (the newsfeed column, section names), and
/// every change that touches it drops it from the cache, so a page rendered after a
/// change is always newer than a copy a reader holds from before it.
pub fn cacheable(html: String, keys: Keys) -> Response {
    cacheable_html(html, keys.into_vec(), Utc::now())
}

/// Like [`cacheable`], with keys the page follows lazily (see
/// [`crate::cache::CachedPage::refresh_keys`]).
pub fn cacheable_refreshing(html: String, keys: Vec<String>, refresh: Vec<String>) -> Response {
    let mut response = cacheable_html(html, keys, Utc::now());
    if let Some(cacheable) = response.extensions_mut().get_mut::<Cacheable>() {
        cacheable.refresh_keys = refresh;
    }
    response
}

/// `?page=N`, clamped to something a database can answer cheaply.
#[derive(Debug, Default, serde::Deserialize)]
pub struct PageQuery {
    pub page: Option<String>,
}

/// Deepest page a list serves: beyond it offsets get slow and only crawlers go there
/// (they have the sitemaps and the archive).
pub const MAX_PAGE: i64 = 500;

impl PageQuery {
    /// The 1-based page number; `None` for anything that is not a page number in range, so
    /// `?page=abc` or `?page=0` answers 404 rather than a duplicate of page 1.
    pub fn number(&self) -> Option<i64> {
        match &self.page {
            None => Some(1),
            Some(p) => p.parse::<i64>().ok().filter(|n| (1..=MAX_PAGE).contains(n)),
        }
    }
}

/// A redirect with the status the web has always used for it: 301 for a moved page
/// (search engines transfer its standing), 302 for a choice made per request.
pub fn redirect(status: axum::http::StatusCode, to: &str) -> Response {
    use axum::response::IntoResponse;
    match axum::http::HeaderValue::from_str(to) {
        Ok(location) => (status, [(axum::http::header::LOCATION, location)]).into_response(),
        Err(_) => axum::http::StatusCode::NOT_FOUND.into_response(),
    }
}
