//! What every write to the discussion API checks first: a confirmed reader's session with
//! its CSRF token, and a JSON object body within the size limit. Each refusal is the JSON
//! error the document promises, never axum's plain-text rejection.

use axum::body::Body;
use axum::response::{IntoResponse, Response};
use http::HeaderMap;
use http::HeaderValue;
use http::header::{CONTENT_TYPE, RETRY_AFTER};
use newsdesk_auth::session::Found;
use newsdesk_auth::token::constant_time_eq;
use serde::de::DeserializeOwned;

use crate::account::reader;
use crate::error::HttpError;
use crate::state::AppState;

/// The header carrying the reader session's CSRF token on a write.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The confirmed reader making this write: 401 without a reader session, 403 without the
/// session's CSRF token or before the address is confirmed.
pub async fn writer(state: &AppState, headers: &HeaderMap) -> Result<Found, HttpError> {
    let Some(found) = reader(state, headers).await? else {
        return Err(HttpError::Unauthorized);
    };
    let csrf = headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if csrf.is_empty() || !constant_time_eq(csrf, &found.csrf) {
        return Err(HttpError::Forbidden(
            "X-CSRF-Token must carry the session's token (GET /api/v1/reader)".to_owned(),
        ));
    }
    if found.account.email_confirmed_at.is_none() {
        return Err(HttpError::Forbidden(
            "confirm your email address first: follow the link we sent you".to_owned(),
        ));
    }
    Ok(found)
}

/// A JSON object body of at most [`super::MAX_BODY`] bytes, read as `T`.
pub async fn json_body<T: DeserializeOwned>(
    headers: &HeaderMap,
    body: Body,
) -> Result<T, HttpError> {
    let json = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("application/json")
        });
    if !json {
        return Err(HttpError::UnsupportedMedia(
            "send application/json".to_owned(),
        ));
    }
    let body = axum::body::to_bytes(body, super::MAX_BODY)
        .await
        .map_err(|_| HttpError::PayloadTooLarge("a request is at most 32 KiB".to_owned()))?;
    let value: serde_json::Value = serde_json::from_slice(&body)
        .map_err(|e| HttpError::BadRequest(format!("the body is not JSON: {e}")))?;
    // serde would read a struct from an array of its fields too; the document says object.
    if !value.is_object() {
        return Err(newsdesk_core::ValidationError::single("body", "must be a JSON object").into());
    }
    serde_json::from_value(value)
        .map_err(|e| HttpError::BadRequest(format!("the body does not fit: {e}")))
}

/// 429 with `Retry-After`.
pub fn rate_limited(wait: std::time::Duration) -> Response {
    let mut response = HttpError::RateLimited.into_response();
    response
        .headers_mut()
        .insert(RETRY_AFTER, HeaderValue::from(wait.as_secs().max(1)));
    response
}

/// A comment id from the path; anything else names nothing (a JSON 404).
pub fn id_of(raw: &str) -> Result<i64, HttpError> {
    raw.parse().map_err(|_| HttpError::NotFound)
}
