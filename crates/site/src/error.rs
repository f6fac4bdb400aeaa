//! The one error type of the HTTP layer, mapped to a status once, here.
//!
//! What a user reads (`public_message`) is kept apart from what is logged (the cause).
//! JSON routes answer `{"error": {"code", "message"}}`; HTML routes render an error page
//! in the edition's language (see `public::error_page`), which uses `status()` and `code()`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use newsdesk_core::ValidationError;
use newsdesk_store::StoreError;
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("not found")]
    NotFound,
    #[error("gone")]
    Gone,
    #[error("{0}")]
    BadRequest(String),
    #[error("authentication required")]
    Unauthorized,
    #[error("{0}")]
    Forbidden(String),
    #[error("{message}")]
    Conflict { field: String, message: String },
    #[error(
        "this article was changed by someone else (now at version {current_version}); reload it and apply your edits again"
    )]
    Stale { current_version: i64 },
    #[error("{0}")]
    Invalid(#[from] ValidationError),
    #[error("{message}")]
    InUse {
        message: String,
        used_by: Vec<(i64, String)>,
    },
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("{0}")]
    UnsupportedMedia(String),
    #[error("too many requests; try again in a moment")]
    RateLimited,
    #[error("the service is busy; try again in a moment")]
    Unavailable(String),
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl HttpError {
    pub fn internal(err: impl Into<anyhow::Error>) -> Self {
        HttpError::Internal(err.into())
    }

    pub fn status(&self) -> StatusCode {
        match self {
            HttpError::NotFound => StatusCode::NOT_FOUND,
            HttpError::Gone => StatusCode::GONE,
            HttpError::BadRequest(_) => StatusCode::BAD_REQUEST,
            HttpError::Unauthorized => StatusCode::UNAUTHORIZED,
            HttpError::Forbidden(_) => StatusCode::FORBIDDEN,
            HttpError::Conflict { .. } | HttpError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            HttpError::InUse { .. } => StatusCode::CONFLICT,
            HttpError::Stale { .. } => StatusCode::CONFLICT,
            HttpError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            HttpError::UnsupportedMedia(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            HttpError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            HttpError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            HttpError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Stable machine-readable code for API clients.
    pub fn code(&self) -> &'static str {
        match self {
            HttpError::NotFound => "not_found",
            HttpError::Gone => "gone",
            HttpError::BadRequest(_) => "bad_request",
            HttpError::Unauthorized => "unauthorized",
            HttpError::Forbidden(_) => "forbidden",
            HttpError::Conflict { .. } => "conflict",
            HttpError::InUse { .. } => "in_use",
            HttpError::Stale { .. } => "stale_version",
            HttpError::Invalid(_) => "invalid",
            HttpError::PayloadTooLarge(_) => "payload_too_large",
            HttpError::UnsupportedMedia(_) => "unsupported_media_type",
            HttpError::RateLimited => "rate_limited",
            HttpError::Unavailable(_) => "unavailable",
            HttpError::Internal(_) => "internal",
        }
    }

    /// The message shown to the user; never contains internal details.
    pub fn public_message(&self) -> String {
        self.to_string()
    }

    /// Logs server-side failures once, with their cause.
    pub fn log(&self) {
        match self {
            HttpError::Internal(err) => tracing::error!(error = ?err, "request failed"),
            HttpError::Unavailable(why) => tracing::warn!(%why, "request refused: unavailable"),
            _ => {}
        }
    }
}

impl From<StoreError> for HttpError {
    fn from(err: StoreError) -> Self {
        newsdesk_app::Error::from(err).into()
    }
}

/// Actions report in the domain's terms; this is the one place they become HTTP.
impl From<newsdesk_app::Error> for HttpError {
    fn from(err: newsdesk_app::Error) -> Self {
        use newsdesk_app::Error as E;
        match err {
            E::NotFound => HttpError::NotFound,
            E::Gone => HttpError::Gone,
            E::BadRequest(m) => HttpError::BadRequest(m),
            E::Unauthorized => HttpError::Unauthorized,
            E::Forbidden(m) => HttpError::Forbidden(m),
            E::Conflict { field, message } => HttpError::Conflict { field, message },
            E::Stale { current_version } => HttpError::Stale { current_version },
            E::Invalid(v) => HttpError::Invalid(v),
            E::InUse { message, used_by } => HttpError::InUse { message, used_by },
            E::PayloadTooLarge(m) => HttpError::PayloadTooLarge(m),
            E::UnsupportedMedia(m) => HttpError::UnsupportedMedia(m),
            E::RateLimited => HttpError::RateLimited,
            E::Unavailable(m) => HttpError::Unavailable(m),
            E::Internal(e) => HttpError::Internal(e),
        }
    }
}

impl From<newsdesk_auth::Error> for HttpError {
    fn from(err: newsdesk_auth::Error) -> Self {
        newsdesk_app::Error::from(err).into()
    }
}

/// The JSON error body: `{"error": {"code": "...", "message": "...", "fields": [...]}}`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
    /// Per-field problems, for validation errors.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldProblem>,
    /// For `in_use`: the published articles that show or link what was to be deleted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub used_by: Vec<UsedBy>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct UsedBy {
    pub id: i64,
    pub headline: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

impl HttpError {
    pub fn body(&self) -> ErrorBody {
        let fields = match self {
            HttpError::Invalid(v) => v
                .errors
                .iter()
                .map(|e| FieldProblem {
                    field: e.field.to_owned(),
                    message: e.message.clone(),
                })
                .collect(),
            HttpError::Conflict { field, message } => vec![FieldProblem {
                field: field.clone(),
                message: message.clone(),
            }],
            _ => Vec::new(),
        };
        let used_by = match self {
            HttpError::InUse { used_by, .. } => used_by
                .iter()
                .map(|(id, headline)| UsedBy {
                    id: *id,
                    headline: headline.clone(),
                })
                .collect(),
            _ => Vec::new(),
        };
        ErrorBody {
            error: ErrorDetail {
                code: self.code().to_owned(),
                message: self.public_message(),
                fields,
                used_by,
            },
        }
    }
}

/// Default rendering is JSON; HTML routes wrap their errors in `public::HtmlError`
/// (or the admin equivalent) to get a page instead.
impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        self.log();
        let mut response = (self.status(), Json(self.body())).into_response();
        if matches!(self, HttpError::Unauthorized) {
            response.headers_mut().insert(
                http::header::WWW_AUTHENTICATE,
                http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}
