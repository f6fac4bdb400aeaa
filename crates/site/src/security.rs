//! Security headers on every response: a Content-Security-Policy without inline scripts,
//! no MIME sniffing, no framing, and a referrer policy that keeps paths private.
//! Handlers may set their own value first (the layer only fills in what is missing).

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// `script-src 'self'`: only our own files, never inline scripts (JSON-LD blocks are data,
/// not scripts, and browsers do not execute them). Styles likewise; images may be data
/// URIs (tiny placeholders). Frames: our own (the newsroom's preview) and the two
/// privacy-friendly video players that embeds.js puts in place of a video's facade when
/// the reader presses play, nothing else.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
font-src 'self'; connect-src 'self'; frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com; \
object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const HEADERS: &[(HeaderName, &str)] = &[
    (header::CONTENT_SECURITY_POLICY, CSP),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
    (header::X_FRAME_OPTIONS, "DENY"),
];

pub async fn headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    for (name, value) in HEADERS {
        if !h.contains_key(name) {
            h.insert(name.clone(), HeaderValue::from_static(value));
        }
    }
    response
}
