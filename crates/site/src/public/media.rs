//! `GET /media/{key}`: photo originals and renditions from media storage.
//!
//! Keys are made from ids and widths by the media crate and never reused for other
//! bytes, so responses are cacheable for a year.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use newsdesk_media::MediaError;

use crate::state::AppState;

pub async fn serve(State(state): State<AppState>, Path(key): Path<String>) -> Response {
    // Only renditions and crops are public: they are re-encoded, so no location or camera
    // metadata survives. Originals (which may carry GPS) are for staff, via /admin/media.
    // Anything else a client can type (an empty id, `..`, an encoded slash, an unknown
    // width) is a plain 404, logged at DEBUG at most: a reader's bad URL is not our fault.
    if !is_public_key(&key) {
        tracing::debug!(key = %key.escape_debug(), "media: not a public key");
        return StatusCode::NOT_FOUND.into_response();
    }
    let Some(content_type) = newsdesk_media::keys::content_type_for_key(&key) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match state.media().get(&key).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=31536000, immutable"),
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(err) => miss(&key, err),
    }
}

/// A failed read as the reader sees it: absent or unaddressable keys are theirs (404,
/// DEBUG); only storage failing is ours (503, logged once at ERROR).
fn miss(key: &str, err: MediaError) -> Response {
    match err {
        MediaError::NotFound { .. } | MediaError::InvalidKey(_) => {
            tracing::debug!(key = %key.escape_debug(), "media: no such object");
            StatusCode::NOT_FOUND.into_response()
        }
        err => {
            tracing::error!(error = %err, key = %key.escape_debug(), "media: storage read failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// `photos/{id}/w{width}.{webp|jpg}` or
/// `photos/{id}/c{a}x{b}[-f{x}x{y}|-r{x}x{y}x{w}x{h}]-w{width}.{webp|jpg}` (crops, around a
/// focal point or to a drawn rectangle), every number plain ASCII digits: exactly the keys
/// `newsdesk_media::keys` makes for renditions.
fn is_public_key(key: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit());
    let mut parts = key.split('/');
    let (Some("photos"), Some(id), Some(file), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    if !digits(id) {
        return false;
    }
    if let Some(rest) = file.strip_prefix('w') {
        return match rest.split_once('.') {
            Some((width, "webp" | "jpg")) => digits(width),
            _ => false,
        };
    }
    let Some(rest) = file
        .strip_prefix('c')
        .and_then(|r| r.strip_suffix(".jpg").or_else(|| r.strip_suffix(".webp")))
    else {
        return false;
    };
    let pair = |s: &str| {
        s.split_once('x')
            .is_some_and(|(a, b)| digits(a) && digits(b))
    };
    let Some((spec, width)) = rest.split_once("-w") else {
        return false;
    };
    let rect = |s: &str| {
        let parts: Vec<&str> = s.split('x').collect();
        parts.len() == 4 && parts.iter().all(|p| digits(p))
    };
    let aspect_ok = match (spec.split_once("-f"), spec.split_once("-r")) {
        (Some((aspect, focus)), None) => pair(aspect) && pair(focus),
        (None, Some((aspect, r))) => pair(aspect) && rect(r),
        (None, None) => pair(spec),
        (Some(_), Some(_)) => false,
    };
    aspect_ok && digits(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_renditions_are_public() {
        assert!(is_public_key("photos/12/w640.webp"));
        assert!(is_public_key("photos/12/w640.jpg"));
        assert!(is_public_key("photos/12/c16x9-w1200.jpg"));
        assert!(is_public_key("photos/12/c16x9-w640.webp"));
        assert!(is_public_key("photos/12/c16x9-f500x250-w640.jpg"));
        assert!(is_public_key("photos/12/c16x9-r120x80x1600x900-w640.webp"));
        for bad in [
            "photos/12/original.jpg",
            "originals/abc.jpg",
            "demo/photo-1.jpg",
            "photos/12/../../x/w1.jpg",
            "photos//w640.jpg",
            "photos/12/w.jpg",
            "photos/12/w640.png",
            "photos/12/w640.jpg/",
            "photos/12/w64 0.jpg",
            "photos/+1/w640.jpg",
            "photos/12/c16x9-w1200.png",
            "photos/12/c16x9-f500-w640.jpg",
            "photos/12/c16x9-fx1-w640.jpg",
            "photos/12/c16x9-f1x2-f3x4-w640.jpg",
            "photos/12/c16x9-w640-f1x2.jpg",
            "photos/12/c16x9-r1x2x3-w640.jpg",
            "photos/12/c16x9-r1x2x3x4x5-w640.jpg",
            "photos/12/c16x9-r1x2x3xa-w640.jpg",
            "photos/12/c16x9-f1x2-r1x2x3x4-w640.jpg",
            "photos/12/c16x9-r1x2x3x4-f1x2-w640.jpg",
            "photos/12/cx9-w1200.jpg",
            "photos/12/c16x9.jpg",
            "photos/1\\2/w640.jpg",
            "photos/12/w640.jpg\0",
            "photos/99999999999/w640.jpg",
            "",
        ] {
            assert!(!is_public_key(bad), "{bad:?} passed as public");
        }
    }

    #[test]
    fn only_storage_failures_are_server_errors() {
        let status = |e| miss("photos/1/w640.jpg", e).status();
        assert_eq!(
            status(MediaError::NotFound { key: "k".into() }),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            status(MediaError::InvalidKey("photos//w640.jpg".into())),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            status(MediaError::StorageConfig("disk gone".into())),
            StatusCode::SERVICE_UNAVAILABLE
        );
    }
}
