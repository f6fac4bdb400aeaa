//! Reading an upload from a request: `multipart/form-data` (field `file`, plus optional
//! text fields) or the raw image as the body with an image `Content-Type`.
//!
//! The size limit is enforced while reading, so an oversized body is refused (413) after
//! at most the limit has been read, and at once when `Content-Length` already says so.

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Request};
use bytes::Bytes;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use newsdesk_media::MediaError;
use newsdesk_site::HttpError;

use super::upload::{UploadText, media_error};

/// Room for multipart boundaries, part headers and the small text fields.
const MULTIPART_OVERHEAD: usize = 64 * 1024;

/// The longest text field accepted beside the file (a caption is at most 2,000 characters).
const MAX_TEXT_FIELD: usize = 16 * 1024;

/// An upload as read from the request, not yet checked.
#[derive(Debug)]
pub struct RawUpload {
    pub bytes: Bytes,
    pub text: UploadText,
}

/// Reads the upload in `req`, refusing bodies over `max` bytes of image.
pub async fn read_upload(req: Request, max: usize) -> Result<RawUpload, HttpError> {
    let content_type = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let multipart = content_type.starts_with("multipart/form-data");
    let allowed = if multipart {
        max.saturating_add(MULTIPART_OVERHEAD)
    } else {
        max
    };
    let declared = req
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if let Some(size) = declared
        && size > allowed
    {
        return Err(too_large(size, max));
    }
    if multipart {
        read_multipart(req, max, allowed).await
    } else if is_image_type(&content_type) {
        let bytes = read_limited(req.into_body(), allowed, max).await?;
        Ok(RawUpload {
            bytes,
            text: UploadText::default(),
        })
    } else {
        Err(HttpError::UnsupportedMedia(
            "send the photo as multipart/form-data (field `file`) or as the request body with an image Content-Type \
             (image/jpeg, image/png, image/webp)"
                .to_owned(),
        ))
    }
}

/// Declared types are only a routing hint here; the content decides (see `inspect`).
fn is_image_type(content_type: &str) -> bool {
    content_type.starts_with("image/") || content_type.starts_with("application/octet-stream")
}

fn too_large(size: usize, max: usize) -> HttpError {
    media_error(MediaError::TooLarge { size, max }).into()
}

async fn read_limited(body: Body, allowed: usize, max: usize) -> Result<Bytes, HttpError> {
    match Limited::new(body, allowed).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(err) if err.downcast_ref::<LengthLimitError>().is_some() => {
            Err(HttpError::PayloadTooLarge(format!(
                "The upload is larger than the largest accepted file ({max} bytes)."
            )))
        }
        Err(err) => Err(HttpError::BadRequest(format!(
            "the upload could not be read: {err}"
        ))),
    }
}

async fn read_multipart(req: Request, max: usize, allowed: usize) -> Result<RawUpload, HttpError> {
    let (parts, body) = req.into_parts();
    let bytes = read_limited(body, allowed, max).await?;
    let mut req = Request::from_parts(parts, Body::from(bytes));
    // Already bounded above; axum's own 2 MB default must not apply on top.
    DefaultBodyLimit::disable().apply(&mut req);
    let mut form = Multipart::from_request(req, &()).await.map_err(|e| {
        HttpError::BadRequest(format!("malformed multipart form: {}", e.body_text()))
    })?;
    let mut file: Option<Bytes> = None;
    let mut text = UploadText::default();
    while let Some(field) = form.next_field().await.map_err(|e| {
        HttpError::BadRequest(format!("malformed multipart form: {}", e.body_text()))
    })? {
        let name = field.name().unwrap_or_default().to_owned();
        let value = field.bytes().await.map_err(|e| {
            HttpError::BadRequest(format!("malformed multipart form: {}", e.body_text()))
        })?;
        let as_text = || -> Result<String, HttpError> {
            if value.len() > MAX_TEXT_FIELD {
                return Err(HttpError::BadRequest(format!(
                    "the form field `{name}` is too long"
                )));
            }
            String::from_utf8(value.to_vec()).map_err(|_| {
                HttpError::BadRequest(format!("the form field `{name}` is not UTF-8 text"))
            })
        };
        match name.as_str() {
            "file" if file.is_none() => file = Some(value),
            "caption" => text.caption = Some(as_text()?),
            "alt_text" => text.alt_text = Some(as_text()?),
            "credit_agency" => text.credit_agency = Some(as_text()?),
            "credit_creator" => text.credit_creator = Some(as_text()?),
            // The CSRF token (checked by the auth layer), a submit button, a second file.
            _ => {}
        }
    }
    let bytes = file.ok_or_else(|| {
        newsdesk_core::ValidationError::single("file", "choose a photo to upload")
    })?;
    if bytes.len() > max {
        return Err(too_large(bytes.len(), max));
    }
    Ok(RawUpload { bytes, text })
}
