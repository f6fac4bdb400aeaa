//! `/{edition}/manifest.webmanifest`: the web app manifest, one per edition so a reader who
//! adds the site to a home screen gets their edition's name, language, direction and front
//! page (W3C Web Application Manifest).

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::context::EditionCtx;
use super::error_page::or_error_page;
use crate::error::HttpError;
use crate::state::AppState;

/// The masthead's blue: the browser's UI around the installed site.
pub const THEME_COLOR: &str = "#052962";

pub async fn show(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    let result = render(&state, &code).await;
    or_error_page(&state, Some(&code), result).await
}

async fn render(state: &AppState, code: &str) -> Result<Response, HttpError> {
    let ctx = EditionCtx::load(state, code).await?;
    let site = &state.config().site_name;
    let assets = state.assets();
    let manifest = json!({
        "id": format!("/{code}"),
        "name": format!("{site} ({})", ctx.edition.name),
        "short_name": site,
        "description": ctx.t(state, "site-tagline"),
        "lang": ctx.lang(),
        "dir": ctx.edition.direction.as_str(),
        "start_url": format!("/{code}"),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": "#ffffff",
        "icons": [
            { "src": assets.url("icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any maskable" },
            { "src": assets.url("icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any maskable" },
            { "src": assets.url("favicon.svg"), "sizes": "any", "type": "image/svg+xml" },
        ],
    });
    let mut response = axum::Json(manifest).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/manifest+json"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    Ok(response)
}
