//! The Admin API's error answer: [`HttpError`]'s JSON body, plus the article's current
//! version when a save lost the optimistic lock (so a client can reload and retry without
//! parsing the message).

use axum::Json;
use axum::response::{IntoResponse, Response};
use newsdesk_media::MediaError;
use newsdesk_site::HttpError;
use newsdesk_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

/// What every Admin API handler returns on failure.
#[derive(Debug)]
pub struct ApiError(pub HttpError);

pub type ApiResult<T> = Result<T, ApiError>;

impl From<HttpError> for ApiError {
    fn from(err: HttpError) -> Self {
        ApiError(err)
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        ApiError(err.into())
    }
}

impl From<MediaError> for ApiError {
    fn from(err: MediaError) -> Self {
        ApiError(crate::media_library::upload::media_error(err).into())
    }
}

impl From<newsdesk_app::Error> for ApiError {
    fn from(err: newsdesk_app::Error) -> Self {
        ApiError(err.into())
    }
}

/// `{"error": {"code", "message", "fields"?, "current_version"?}}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiErrorBody {
    pub error: ApiErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiErrorDetail {
    /// Stable machine-readable code: `bad_request`, `unauthorized`, `forbidden`,
    /// `not_found`, `gone`, `stale_version`, `in_use`, `already_published`,
    /// `payload_too_large`, `unsupported_media_type`, `invalid`, `conflict`, `rate_limited`,
    /// `unavailable`, `internal`.
    #[schema(example = "invalid")]
    pub code: String,
    /// For people: what went wrong and what to do about it.
    #[schema(example = "headline: must not be empty")]
    pub message: String,
    /// Per-field problems (validation errors and taken slugs).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(required = false)]
    pub fields: Vec<ApiFieldProblem>,
    /// With `stale_version`: the article's version now; reload it, re-apply, save with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(required = false)]
    pub current_version: Option<i64>,
    /// With `in_use`: the published or scheduled articles that show or link it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(required = false)]
    pub used_by: Vec<ApiUsedBy>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiUsedBy {
    pub id: i64,
    pub headline: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiFieldProblem {
    #[schema(example = "headline")]
    pub field: String,
    #[schema(example = "must not be empty")]
    pub message: String,
}

impl ApiError {
    pub fn body(&self) -> ApiErrorBody {
        let base = self.0.body();
        let current_version = match &self.0 {
            HttpError::Stale { current_version } => Some(*current_version),
            _ => None,
        };
        ApiErrorBody {
            error: ApiErrorDetail {
                code: base.error.code,
                message: base.error.message,
                fields: base
                    .error
                    .fields
                    .into_iter()
                    .map(|f| ApiFieldProblem {
                        field: f.field,
                        message: f.message,
                    })
                    .collect(),
                current_version,
                used_by: base
                    .error
                    .used_by
                    .into_iter()
                    .map(|u| ApiUsedBy {
                        id: u.id,
                        headline: u.headline,
                    })
                    .collect(),
            },
        }
    }
}

/// 409 `already_published`: the answer to publishing a published article, which changed
/// nothing (not an [`ApiError`]: nothing failed, and nothing is logged).
pub fn already_published(article: &newsdesk_core::Article) -> Response {
    let since = article
        .published_at
        .map(|at| format!(" (since {})", at.to_rfc3339()))
        .unwrap_or_default();
    let body = ApiErrorBody {
        error: ApiErrorDetail {
            code: "already_published".to_owned(),
            message: format!(
                "article {} is already published{since}; nothing changed",
                article.id
            ),
            fields: Vec::new(),
            current_version: None,
            used_by: Vec::new(),
        },
    };
    (http::StatusCode::CONFLICT, Json(body)).into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.log();
        let body = self.body();
        let mut response = (self.0.status(), Json(body)).into_response();
        if matches!(self.0, HttpError::Unauthorized) {
            response.headers_mut().insert(
                http::header::WWW_AUTHENTICATE,
                http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}
