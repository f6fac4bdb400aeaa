//! Static assets (CSS, JS) compiled into the binary and served under a content-hash
//! fingerprint, `/static/{name}.{hash}.{ext}`, cached by browsers and CDNs for a year:
//! a changed file gets a new URL, so nothing ever has to be purged.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::cache::Encoded;
use crate::state::AppState;

/// `(name, content type, bytes)` of every asset.
const FILES: &[(&str, &str, &[u8])] = &[
    (
        "site.css",
        "text/css; charset=utf-8",
        include_bytes!("../static/site.css"),
    ),
    (
        "site.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/site.js"),
    ),
    (
        "comments.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/comments.js"),
    ),
    (
        "favicon.svg",
        "image/svg+xml",
        include_bytes!("../static/favicon.svg"),
    ),
    // Browsers that ask for /favicon.ico by habit, home screens (iOS asks for 180 px, the
    // web app manifest for 192 and 512).
    (
        "favicon.ico",
        "image/x-icon",
        include_bytes!("../static/favicon.ico"),
    ),
    (
        "apple-touch-icon.png",
        "image/png",
        include_bytes!("../static/apple-touch-icon.png"),
    ),
    (
        "icon-192.png",
        "image/png",
        include_bytes!("../static/icon-192.png"),
    ),
    (
        "icon-512.png",
        "image/png",
        include_bytes!("../static/icon-512.png"),
    ),
    (
        "share.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/share.js"),
    ),
    (
        "reads.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/reads.js"),
    ),
    (
        "infinite-scroll.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/infinite-scroll.js"),
    ),
    (
        "live.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/live.js"),
    ),
    (
        "chat.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/chat.js"),
    ),
    (
        "embeds.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/embeds.js"),
    ),
];

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// An unfingerprinted name (an old page, a hand-typed URL) may change under the same URL.
const SHORT: &str = "public, max-age=300";

pub struct Asset {
    /// `/static/site.3f2a9c0d1e.css`.
    pub url: String,
    content_type: HeaderValue,
    etag: HeaderValue,
    body: Encoded,
}

pub struct Assets {
    by_name: HashMap<&'static str, Arc<Asset>>,
    by_file: HashMap<String, Arc<Asset>>,
}

impl std::fmt::Debug for Assets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Assets")
            .field("files", &self.by_file.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Assets {
    /// Hashes and compresses every asset once, at start-up.
    pub fn load() -> Self {
        let mut by_name = HashMap::new();
        let mut by_file = HashMap::new();
        for (name, content_type, bytes) in FILES {
            let hash = hex::encode(&Sha256::digest(bytes)[..5]);
            let file = fingerprinted(name, &hash);
            let asset = Arc::new(Asset {
                url: format!("/static/{file}"),
                content_type: HeaderValue::from_static(content_type),
                etag: HeaderValue::from_str(&format!("\"{hash}\""))
                    .unwrap_or(HeaderValue::from_static("\"0\"")),
                body: Encoded::new(bytes::Bytes::from_static(bytes)),
            });
            by_name.insert(*name, asset.clone());
            by_file.insert(file, asset);
        }
        Self { by_name, by_file }
    }

    /// The URL to print for `name`; an unknown name is printed as-is under `/static/`
    /// (and answers 404), so a typo shows in the browser's console, not as a broken page.
    pub fn url(&self, name: &str) -> String {
        match self.by_name.get(name) {
            Some(asset) => asset.url.clone(),
            None => format!("/static/{name}"),
        }
    }
}

/// `site.css` + `3f2a9c0d1e` → `site.3f2a9c0d1e.css`.
fn fingerprinted(name: &str, hash: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

/// `GET /static/{file}`.
pub async fn serve(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    let assets = state.assets();
    let (asset, cache_control) = match assets.by_file.get(&file) {
        Some(asset) => (asset, IMMUTABLE),
        None => match assets.by_name.get(file.as_str()) {
            Some(asset) => (asset, SHORT),
            None => return StatusCode::NOT_FOUND.into_response(),
        },
    };
    let mut out = HeaderMap::new();
    out.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control),
    );
    out.insert(header::ETAG, asset.etag.clone());
    out.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == asset.etag.as_bytes())
    {
        return (StatusCode::NOT_MODIFIED, out).into_response();
    }
    out.insert(header::CONTENT_TYPE, asset.content_type.clone());
    let (body, encoding) = asset.body.pick(headers.get(header::ACCEPT_ENCODING));
    if let Some(encoding) = encoding {
        out.insert(header::CONTENT_ENCODING, encoding);
    }
    (StatusCode::OK, out, body).into_response()
}

/// `GET /favicon.ico` and `GET /apple-touch-icon.png`: the names browsers and home screens
/// ask for without reading the page (short-lived, as the name stays the same).
pub async fn well_known_icon(
    State(state): State<AppState>,
    uri: axum::http::Uri,
    headers: HeaderMap,
) -> Response {
    let name = uri.path().trim_start_matches('/').to_owned();
    serve(State(state), Path(name), headers).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_sits_before_the_extension() {
        assert_eq!(fingerprinted("site.css", "abc"), "site.abc.css");
        let assets = Assets::load();
        let url = assets.url("site.css");
        assert!(
            url.starts_with("/static/site.") && url.ends_with(".css") && url.len() > 20,
            "{url}"
        );
    }
}
