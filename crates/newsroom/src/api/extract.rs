//! Request extractors whose rejections are API errors (`{"error": …}`), not axum's plain
//! text: malformed JSON is a 400, JSON of the wrong shape a 422 naming the problem, a
//! missing `Content-Type: application/json` a 415, an oversized body a 413.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use newsdesk_core::ValidationError;
use newsdesk_site::HttpError;

use crate::api::error::ApiError;

/// A JSON request body (at most [`crate::api::JSON_BODY_LIMIT`] bytes).
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

/// Query-string parameters.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct ApiQuery<T>(pub T);

/// Path parameters; a non-number where an id belongs is a 404 (no such resource).
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct ApiPath<T>(pub T);

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        ApiError(match rejection {
            JsonRejection::JsonDataError(e) => {
                // serde's message names the field and the expected type; the body text is
                // the client's own input, so it is safe to show back.
                ValidationError::single("body", e.body_text()).into()
            }
            JsonRejection::JsonSyntaxError(e) => {
                HttpError::BadRequest(format!("malformed JSON: {}", e.body_text()))
            }
            JsonRejection::MissingJsonContentType(_) => HttpError::UnsupportedMedia(
                "send the body as JSON with `Content-Type: application/json`".to_owned(),
            ),
            JsonRejection::BytesRejection(e)
                if e.status() == http::StatusCode::PAYLOAD_TOO_LARGE =>
            {
                HttpError::PayloadTooLarge(format!(
                    "the JSON body is larger than {} bytes",
                    crate::api::JSON_BODY_LIMIT
                ))
            }
            other => HttpError::BadRequest(other.body_text()),
        })
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError(HttpError::BadRequest(format!(
            "bad query string: {}",
            rejection.body_text()
        )))
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        match rejection {
            PathRejection::FailedToDeserializePathParams(_) => ApiError(HttpError::NotFound),
            other => ApiError(HttpError::internal(anyhow::anyhow!(
                "path extraction: {}",
                other.body_text()
            ))),
        }
    }
}
