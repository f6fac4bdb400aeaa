//! The newsroom's CSS and JS, compiled into the binary and served under `/admin/static/`.

use std::sync::{LazyLock, OnceLock};

use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use http::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY,
};
use http::{HeaderMap, HeaderValue, StatusCode};
use newsdesk_site::cache::Encoded;

const FILES: &[(&str, &str, &str)] = &[
    (
        "admin.css",
        "text/css; charset=utf-8",
        include_str!("../../static/admin.css"),
    ),
    (
        "admin.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/admin.js"),
    ),
    (
        "editor.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/editor.js"),
    ),
    (
        "autosave.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/autosave.js"),
    ),
    (
        "word-count.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/word-count.js"),
    ),
    (
        "search-preview.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/search-preview.js"),
    ),
    (
        "editor-panels.css",
        "text/css; charset=utf-8",
        include_str!("../../static/editor-panels.css"),
    ),
    (
        "focus.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/focus.js"),
    ),
    (
        "crop.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/crop.js"),
    ),
    (
        "crop.css",
        "text/css; charset=utf-8",
        include_str!("../../static/crop.css"),
    ),
    (
        "chips.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/chips.js"),
    ),
    (
        "publish-check.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/publish-check.js"),
    ),
    (
        "pickers.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/pickers.js"),
    ),
    (
        "rich-editor.css",
        "text/css; charset=utf-8",
        include_str!("../../static/rich-editor.css"),
    ),
    // Built from editor/ (see editor/build.mjs); editor/check-bundle.sh checks it is current.
    (
        "rich-editor.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/rich-editor.js"),
    ),
    // The notices of the third-party code in rich-editor.js, written by the same build.
    (
        "rich-editor.licenses.txt",
        "text/plain; charset=utf-8",
        include_str!("../../static/rich-editor.licenses.txt"),
    ),
];

/// Each file compressed (brotli and gzip) on its first request, then kept: the editor
/// bundle is 535 KB as written and 186 KB gzipped, and an editor on a hotel connection
/// should not wait for the difference on every release.
static ENCODED: LazyLock<Vec<OnceLock<(Encoded, HeaderValue)>>> =
    LazyLock::new(|| FILES.iter().map(|_| OnceLock::new()).collect());

fn encoded(index: usize, body: &'static str) -> Option<&'static (Encoded, HeaderValue)> {
    let slot = ENCODED.get(index)?;
    Some(slot.get_or_init(|| {
        let encoded = Encoded::new(Bytes::from_static(body.as_bytes()));
        // A strong validator from the bytes: a new release with a changed file gets a new
        // one, so "revalidate after five minutes" costs a 304, not the file.
        let mut hash = std::hash::DefaultHasher::new();
        std::hash::Hash::hash(body, &mut hash);
        let etag = HeaderValue::from_str(&format!("\"{:016x}\"", std::hash::Hasher::finish(&hash)))
            .unwrap_or(HeaderValue::from_static("\"0\""));
        (encoded, etag)
    }))
}

pub async fn serve(Path(file): Path<String>, headers: HeaderMap) -> Response {
    let Some((index, (_, content_type, body))) = FILES
        .iter()
        .enumerate()
        .find(|(_, (name, _, _))| *name == file)
    else {
        return (StatusCode::NOT_FOUND, "no such file").into_response();
    };
    let Some((encoded, etag)) = encoded(index, body) else {
        return (StatusCode::NOT_FOUND, "no such file").into_response();
    };
    let mut out = HeaderMap::new();
    // Short: the files change with each release and carry no version in their name.
    out.insert(
        CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=300"),
    );
    out.insert(ETAG, etag.clone());
    out.insert(VARY, HeaderValue::from_static("Accept-Encoding"));
    if headers
        .get(IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes())
    {
        return (StatusCode::NOT_MODIFIED, out).into_response();
    }
    out.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    let (bytes, encoding) = encoded.pick(headers.get(ACCEPT_ENCODING));
    if let Some(encoding) = encoding {
        out.insert(CONTENT_ENCODING, encoding);
    }
    (StatusCode::OK, out, bytes).into_response()
}

/// Names of the served files (the role-matrix test requests one).
pub fn names() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(name, _, _)| *name)
}
