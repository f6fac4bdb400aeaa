//! `GET /media/{key}`: photo originals and renditions from media storage.
//!
//! Keys are made from ids and widths by the media crate and never reused for other
//! bytes, so responses are cacheable for a year.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use newsdesk_media::MediaError;

use crate::error::HttpError;
use crate::state::AppState;

pub async fn serve(State(state): State<AppState>, Path(key): Path<String>) -> Response {
    // Only renditions and crops are public: they are re-encoded, so no location or camera
    // metadata survives. Originals (which may carry GPS) are for staff, via /admin/media.
    if !is_public_key(&key) {
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
        Err(MediaError::NotFound { .. }) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            // A key with `..` or other path tricks is refused by the media store; that is a
            // 404 to the reader, a note in the log.
            let err = HttpError::internal(err);
            err.log();
            StatusCode::NOT_FOUND.into_response()
        }
    }
}

/// `photos/{id}/w{width}.{webp|jpg}` or `photos/{id}/c{aspect}-w{width}.jpg`.
fn is_public_key(key: &str) -> bool {
    let mut parts = key.split('/');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some("photos"), Some(id), Some(file), None)
            if id.bytes().all(|b| b.is_ascii_digit()) && (file.starts_with('w') || file.starts_with('c'))
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_renditions_are_public() {
        assert!(super::is_public_key("photos/12/w640.webp"));
        assert!(super::is_public_key("photos/12/c16x9-w1200.jpg"));
        assert!(!super::is_public_key("photos/12/original.jpg"));
        assert!(!super::is_public_key("originals/abc.jpg"));
        assert!(!super::is_public_key("demo/photo-1.jpg"));
        assert!(!super::is_public_key("photos/12/../../x/w1.jpg"));
    }
}
