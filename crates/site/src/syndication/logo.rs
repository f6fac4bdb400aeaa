//! The publisher logo: JSON-LD `publisher.logo`, the RSS channel image and the share
//! image of listing pages. A real PNG at a stable URL (not fingerprinted: structured-data
//! consumers cache it by URL), 512×512, above Google's 112×112 minimum. Regenerate it with
//! `python3 publisher-logo.py` beside this file.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Width and height in pixels.
pub const SIZE: u32 = 512;

// Google's minimum for an Organization logo.
const _: () = assert!(SIZE >= 112);

pub const PNG: &[u8] = include_bytes!("publisher-logo.png");

/// The PNG's own dimensions, read from its IHDR chunk.
pub fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if png.get(..8)? != b"\x89PNG\r\n\x1a\n" || png.get(12..16)? != b"IHDR" {
        return None;
    }
    let width = u32::from_be_bytes(png.get(16..20)?.try_into().ok()?);
    let height = u32::from_be_bytes(png.get(20..24)?.try_into().ok()?);
    Some((width, height))
}

pub async fn serve() -> Response {
    let mut response = (StatusCode::OK, PNG).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_logo_is_a_png_of_the_declared_size_above_googles_minimum() {
        assert_eq!(png_size(PNG), Some((SIZE, SIZE)));
    }
}
