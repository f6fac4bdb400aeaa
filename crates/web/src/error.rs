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
pub enum AppError {
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

impl AppError {
    pub fn internal(err: impl Into<anyhow::Error>) -> Self {
        AppError::Internal(err.into())
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Gone => StatusCode::GONE,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Conflict { .. } | AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Stale { .. } => StatusCode::CONFLICT,
            AppError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMedia(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Stable machine-readable code for API clients.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::Gone => "gone",
            AppError::BadRequest(_) => "bad_request",
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden(_) => "forbidden",
            AppError::Conflict { .. } => "conflict",
            AppError::Stale { .. } => "stale_version",
            AppError::Invalid(_) => "invalid",
            AppError::PayloadTooLarge(_) => "payload_too_large",
            AppError::UnsupportedMedia(_) => "unsupported_media_type",
            AppError::RateLimited => "rate_limited",
            AppError::Unavailable(_) => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }

    /// The message shown to the user; never contains internal details.
    pub fn public_message(&self) -> String {
        self.to_string()
    }

    /// Logs server-side failures once, with their cause.
    pub fn log(&self) {
        match self {
            AppError::Internal(err) => tracing::error!(error = ?err, "request failed"),
            AppError::Unavailable(why) => tracing::warn!(%why, "request refused: unavailable"),
            _ => {}
        }
    }
}

impl From<StoreError> for AppError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict { constraint } => {
                let message = format!("{constraint} is already taken");
                AppError::Conflict {
                    field: constraint,
                    message,
                }
            }
            StoreError::Stale { current_version } => AppError::Stale { current_version },
            StoreError::Invalid(v) => AppError::Invalid(v),
            StoreError::Unavailable(why) => AppError::Unavailable(why),
            other => AppError::Internal(other.into()),
        }
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
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

impl AppError {
    pub fn body(&self) -> ErrorBody {
        let fields = match self {
            AppError::Invalid(v) => v
                .errors
                .iter()
                .map(|e| FieldProblem {
                    field: e.field.to_owned(),
                    message: e.message.clone(),
                })
                .collect(),
            AppError::Conflict { field, message } => vec![FieldProblem {
                field: field.clone(),
                message: message.clone(),
            }],
            _ => Vec::new(),
        };
        ErrorBody {
            error: ErrorDetail {
                code: self.code().to_owned(),
                message: self.public_message(),
                fields,
            },
        }
    }
}

/// Default rendering is JSON; HTML routes wrap their errors in `public::HtmlError`
/// (or the admin equivalent) to get a page instead.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        self.log();
        let mut response = (self.status(), Json(self.body())).into_response();
        if matches!(self, AppError::Unauthorized) {
            response.headers_mut().insert(
                http::header::WWW_AUTHENTICATE,
                http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}
