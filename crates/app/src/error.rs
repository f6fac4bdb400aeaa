//! The domain error of the actions. It says what went wrong in the newsroom's terms; the
//! HTTP layers (`site::HttpError`) map it to a status once.

use newsdesk_core::ValidationError;
use newsdesk_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
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
    /// Deleting something a published article shows or links.
    #[error("{message}")]
    InUse {
        message: String,
        /// `(article id, headline)` of every published article that uses it.
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

impl Error {
    pub fn internal(err: impl Into<anyhow::Error>) -> Self {
        Error::Internal(err.into())
    }
}

impl From<StoreError> for Error {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound => Error::NotFound,
            StoreError::Conflict { constraint } => {
                let message = format!("{constraint} is already taken");
                Error::Conflict {
                    field: constraint,
                    message,
                }
            }
            StoreError::Stale { current_version } => Error::Stale { current_version },
            StoreError::Invalid(v) => Error::Invalid(v),
            StoreError::Unavailable(why) => Error::Unavailable(why),
            StoreError::InUse { what, used_by } => {
                let titles: Vec<String> = used_by
                    .iter()
                    .take(5)
                    .map(|(id, headline)| format!("“{headline}” (#{id})"))
                    .collect();
                let more = used_by.len().saturating_sub(titles.len());
                let more = if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                };
                Error::InUse {
                    message: format!(
                        "{what} is used by published articles: {}{more}; remove it from them first",
                        titles.join(", ")
                    ),
                    used_by,
                }
            }
            other => Error::Internal(other.into()),
        }
    }
}

impl From<newsdesk_auth::Error> for Error {
    fn from(err: newsdesk_auth::Error) -> Self {
        match err {
            newsdesk_auth::Error::Store(e) => e.into(),
            other => Error::internal(other),
        }
    }
}
