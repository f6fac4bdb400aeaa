//! One answer for a request body over the newsroom's limit, whatever its size.
//!
//! Without this layer an oversized article form met four different limits on its way in:
//! the form was re-shown with "at most 200,000 characters" up to axum's default 2 MB, then
//! axum's extractor answered `text/plain` "Failed to buffer the request body", then the
//! CSRF check's 4 MB buffer a styled 413, and past the socket buffers the client saw the
//! connection cut: hyper closes a connection whose request body was not read, and the
//! kernel answers the bytes still arriving with a reset, which can destroy the 413 before
//! the browser reads it.
//!
//! Now there are two outcomes. Up to the transport limit ([`FORM_BODY_LIMIT`] for pages,
//! [`crate::api::JSON_BODY_LIMIT`] for the Admin API) the handler sees the request, so an
//! article body over its 200,000 characters is re-shown in the form with the text typed.
//! Past it, this layer answers before anything buffers: an admin page (413, saying the
//! limit and that nothing was saved) or the API's JSON error `payload_too_large`. To make
//! sure the client reads that answer, the body is first read and thrown away, up to
//! [`DRAIN_LIMIT`]; beyond that (or when the client asked `Expect: 100-continue` and so has
//! not sent it) the answer goes at once with `Connection: close`. Uploads (multipart,
//! image or octet-stream bodies) are left to the media library, which reads them under
//! its own, larger limit.

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::{Bytes, BytesMut};
use http::header::{CONNECTION, CONTENT_LENGTH, CONTENT_TYPE, EXPECT};
use http::{HeaderValue, Method};
use http_body_util::BodyExt;
use newsdesk_site::HttpError;

use crate::admin::render::AdminError;

/// The largest form a newsroom page accepts. An article body of 200,000 characters is at
/// most 2.4 MB urlencoded (a 4-byte character is 12 bytes as `%XX`), plus the other fields.
pub const FORM_BODY_LIMIT: usize = 4 * 1024 * 1024;

/// How much of an oversized body is read and discarded so the client sees the answer.
/// Over the loopback or a LAN this is well under a second at 64 MB; a slow client is
/// stopped by the request timeout meanwhile.
pub const DRAIN_LIMIT: u64 = 128 * 1024 * 1024;

/// The layer in front of every newsroom route.
pub async fn layer(req: Request, next: Next) -> Response {
    let Some(limit) = limit_for(&req) else {
        return next.run(req).await;
    };
    match declared_length(&req) {
        Some(len) if len <= limit as u64 => next.run(req).await,
        Some(len) => {
            let drain = len <= DRAIN_LIMIT && !expects_continue(&req);
            refuse(req, limit, Some(len), drain).await
        }
        // Chunked: measured while read. Forms and JSON are small, so what fits is kept
        // and handed on.
        None => {
            let (parts, body) = req.into_parts();
            match read_within(body, limit).await {
                Read::Fits(bytes) => {
                    next.run(Request::from_parts(parts, Body::from(bytes)))
                        .await
                }
                Read::Over { drained } => {
                    let req = Request::from_parts(parts, Body::empty());
                    too_large(&req, limit, None, !drained)
                }
                Read::Broken => {
                    HttpError::BadRequest("the request body could not be read".to_owned())
                        .into_response()
                }
            }
        }
    }
}

/// The transport limit of this request, or `None` when it is not this layer's to judge.
fn limit_for(req: &Request) -> Option<usize> {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return None;
    }
    // A file: the media library reads it under the upload limit (`max_upload_bytes`),
    // whatever the route; the same types its reader takes (`media_library::body`).
    let file = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_ascii_lowercase)
        .is_some_and(|v| {
            v.starts_with("multipart/form-data")
                || v.starts_with("image/")
                || v.starts_with("application/octet-stream")
        });
    if file {
        return None;
    }
    Some(if req.uri().path().starts_with("/api/") {
        crate::api::JSON_BODY_LIMIT
    } else {
        FORM_BODY_LIMIT
    })
}

fn declared_length(req: &Request) -> Option<u64> {
    req.headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
}

/// A client that waits for `100 Continue` has not sent its body, and will not once it
/// reads the answer: nothing to drain.
fn expects_continue(req: &Request) -> bool {
    req.headers()
        .get(EXPECT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("100-continue"))
}

async fn refuse(req: Request, limit: usize, len: Option<u64>, drain: bool) -> Response {
    let (parts, body) = req.into_parts();
    let drained = drain && discard(body).await;
    let req = Request::from_parts(parts, Body::empty());
    too_large(&req, limit, len, !drained)
}

enum Read {
    Fits(Bytes),
    Over { drained: bool },
    Broken,
}

/// Reads a body of unknown length: its bytes when within `limit`; else the rest is
/// discarded up to [`DRAIN_LIMIT`] in all (`drained` says whether it all went).
async fn read_within(mut body: Body, limit: usize) -> Read {
    let mut kept = BytesMut::new();
    let mut seen: u64 = 0;
    let mut over = false;
    while let Some(frame) = body.frame().await {
        let Ok(frame) = frame else {
            return Read::Broken;
        };
        let Ok(data) = frame.into_data() else {
            continue;
        };
        seen += data.len() as u64;
        if !over && kept.len() + data.len() > limit {
            over = true;
            kept = BytesMut::new();
        }
        if over && seen > DRAIN_LIMIT {
            return Read::Over { drained: false };
        }
        if !over {
            kept.extend_from_slice(&data);
        }
    }
    if over {
        Read::Over { drained: true }
    } else {
        Read::Fits(kept.freeze())
    }
}

/// Reads a body to its end and drops it; `false` when the client broke off.
async fn discard(mut body: Body) -> bool {
    while let Some(frame) = body.frame().await {
        if frame.is_err() {
            return false;
        }
    }
    true
}

/// The answer: the API's JSON error, or the newsroom's error page. `close` when the rest of
/// the body is still on its way, so the connection cannot be reused.
fn too_large(req: &Request, limit: usize, len: Option<u64>, close: bool) -> Response {
    let api = crate::auth::middleware::wants_json(req.headers(), req.uri().path());
    let size = len.map_or_else(
        || "larger than that".to_owned(),
        |n| format!("{} in all", size(n)),
    );
    let max_body = newsdesk_core::article::MAX_BODY;
    let mut response = if api {
        HttpError::PayloadTooLarge(format!(
            "the request body is too large: this endpoint accepts at most {} ({size}); \
             nothing was saved. An article body may have up to {max_body} characters.",
            self::size(limit as u64)
        ))
        .into_response()
    } else {
        AdminError(HttpError::PayloadTooLarge(format!(
            "Not saved: the newsroom accepts at most {} per form, and this one was {size}, \
             so nothing you sent was stored. An article body may have up to {max_body} \
             characters. Go back to get your text, shorten it, and save again.",
            self::size(limit as u64)
        )))
        .into_response()
    };
    if close {
        response
            .headers_mut()
            .insert(CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// Bytes as the message states them: `4 MB`, `20.5 MB`, `900 KB`.
fn size(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    let b = bytes as f64;
    if b >= MB {
        let text = format!("{:.1}", b / MB);
        format!("{} MB", text.trim_end_matches(".0"))
    } else {
        format!("{} KB", (b / 1024.0).ceil())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size(FORM_BODY_LIMIT as u64), "4 MB");
        assert_eq!(size(20 * 1024 * 1024 + 512 * 1024), "20.5 MB");
        assert_eq!(size(900 * 1024), "900 KB");
    }

    #[tokio::test]
    async fn a_chunked_body_is_kept_within_the_limit_and_drained_past_it() {
        match read_within(Body::from(vec![b'x'; 10]), 10).await {
            Read::Fits(bytes) => assert_eq!(bytes.len(), 10),
            _ => panic!("10 bytes fit a limit of 10"),
        }
        assert!(matches!(
            read_within(Body::from(vec![b'x'; 11]), 10).await,
            Read::Over { drained: true }
        ));
    }
}
