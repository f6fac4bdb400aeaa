//! Request extractors whose rejections are API errors (`{"error": …}`), not axum's plain
//! text: malformed JSON is a 400, JSON of the wrong shape (an array where an object
//! belongs, a wrong field type) a 422 naming the problem, a
//! missing `Content-Type: application/json` a 415, an oversized body a 413.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use newsdesk_core::ValidationError;
use newsdesk_site::HttpError;

use crate::api::error::ApiError;

/// A JSON request body (at most [`crate::api::JSON_BODY_LIMIT`] bytes): always a JSON
/// object. serde would also read a struct from an array of its fields in order (`["a",
/// "b"]`), a shape the document does not allow, so an array (or any other non-object) is
/// refused with 422 before the fields are read.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        if !is_json(req.headers()) {
            // axum's own extractor words the refusal (415, or whatever it decides).
            let axum::Json(value) = axum::Json::<T>::from_request(req, state).await?;
            return Ok(ApiJson(value));
        }
        let bytes = bytes::Bytes::from_request(req, state)
            .await
            .map_err(JsonRejection::from)?;
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
        if first != Some(&b'{') && serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_ok() {
            return Err(ApiError(
                ValidationError::single("body", "must be a JSON object").into(),
            ));
        }
        let axum::Json(value) = axum::Json::<T>::from_bytes(&bytes)?;
        Ok(ApiJson(value))
    }
}

/// `application/json` or `application/…+json`, as axum's `Json` judges it.
fn is_json(headers: &http::HeaderMap) -> bool {
    let Some(value) = headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

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
