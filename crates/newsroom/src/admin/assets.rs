//! The newsroom's CSS and JS, compiled into the binary and served under `/admin/static/`.

use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use http::header::{CACHE_CONTROL, CONTENT_TYPE};
use http::{HeaderValue, StatusCode};

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

pub async fn serve(Path(file): Path<String>) -> Response {
    match FILES.iter().find(|(name, _, _)| *name == file) {
        Some((_, content_type, body)) => {
            let mut response = (*body).into_response();
            let headers = response.headers_mut();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
            // Short: the files change with each release and carry no version in their name.
            headers.insert(
                CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=300"),
            );
            response
        }
        None => (StatusCode::NOT_FOUND, "no such file").into_response(),
    }
}

/// Names of the served files (the role-matrix test requests one).
pub fn names() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(name, _, _)| *name)
}
