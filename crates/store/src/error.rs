//! The store's error type: what callers need to choose an HTTP status, with the cause kept.

use newsdesk_core::ValidationError;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique value is already taken; `constraint` names the field (`slug`, `email`, …).
    #[error("{constraint} is already taken")]
    Conflict { constraint: String },
    /// Optimistic lock lost: someone saved a newer version first.
    #[error("the article was changed meanwhile (now version {current_version})")]
    Stale { current_version: i64 },
    #[error("invalid input: {0}")]
    Invalid(#[from] ValidationError),
    /// Refused because published or scheduled articles show or link `what` (e.g. "photo 22");
    /// `used_by` lists them as (article id, headline), so the editor knows where to look.
    #[error("{what} is used by published or scheduled articles {}", ids(.used_by))]
    InUse {
        what: String,
        used_by: Vec<(i64, String)>,
    },
    /// Pool exhausted, database busy or unreachable: worth retrying later.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
}

fn ids(used_by: &[(i64, String)]) -> String {
    used_by
        .iter()
        .map(|(id, _)| id.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

impl StoreError {
    pub(crate) fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        StoreError::Invalid(ValidationError::single(field, message))
    }

    /// A configuration problem (bad URL, missing directory), reported before any connection.
    pub(crate) fn config(message: String) -> Self {
        StoreError::Database(sqlx::Error::Configuration(message.into()))
    }

    /// A stored value that no longer parses (e.g. a role name removed from the code).
    pub(crate) fn corrupt(what: &str, value: &str) -> Self {
        StoreError::Database(sqlx::Error::Decode(
            format!("stored {what} {value:?} is not recognised").into(),
        ))
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                StoreError::Unavailable(err.to_string())
            }
            sqlx::Error::Database(ref db) => {
                if db.is_unique_violation() {
                    StoreError::Conflict {
                        constraint: unique_field(db.constraint(), db.message()),
                    }
                } else if db.is_foreign_key_violation() {
                    // Inserts check their references first and report the field; what is left
                    // is a delete of something still referenced.
                    StoreError::Conflict {
                        constraint: "in_use".to_owned(),
                    }
                } else if is_busy(db.code().as_deref()) {
                    StoreError::Unavailable(db.message().to_owned())
                } else {
                    StoreError::Database(err)
                }
            }
            other => StoreError::Database(other),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(err: sqlx::migrate::MigrateError) -> Self {
        StoreError::Database(sqlx::Error::Migrate(Box::new(err)))
    }
}

/// PostgreSQL constraint names (see the migrations) and the form field each protects.
const UNIQUE_CONSTRAINTS: &[(&str, &str)] = &[
    ("accounts_email_key", "email"),
    ("sections_slug_key", "slug"),
    ("tags_slug_key", "slug"),
    ("authors_slug_key", "slug"),
    ("articles_slug_key", "slug"),
    ("entities_name_key", "name"),
    ("api_tokens_token_hash_key", "token_hash"),
    ("sessions_pkey", "token_hash"),
    ("editions_pkey", "code"),
    ("editions_one_default", "is_default"),
];

/// The field a unique violation is about. PostgreSQL names the constraint; SQLite only
/// says "UNIQUE constraint failed: articles.edition, articles.slug", whose last column is
/// the field (the others scope it).
fn unique_field(constraint: Option<&str>, message: &str) -> String {
    if let Some(name) = constraint {
        return UNIQUE_CONSTRAINTS
            .iter()
            .find(|(c, _)| *c == name)
            .map_or_else(|| name.to_owned(), |(_, field)| (*field).to_owned());
    }
    message
        .rsplit_once("failed: ")
        .and_then(|(_, cols)| cols.rsplit(", ").next())
        .and_then(|col| col.rsplit('.').next())
        .map_or_else(|| "unique".to_owned(), |field| field.trim().to_owned())
}

/// SQLITE_BUSY and its extended codes; PostgreSQL "too many connections" / "starting up".
fn is_busy(code: Option<&str>) -> bool {
    matches!(code, Some("5" | "261" | "517" | "53300" | "57P03"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_field_on_both_backends() {
        assert_eq!(
            unique_field(
                None,
                "UNIQUE constraint failed: articles.edition, articles.slug"
            ),
            "slug"
        );
        assert_eq!(
            unique_field(None, "UNIQUE constraint failed: accounts.email"),
            "email"
        );
        assert_eq!(unique_field(Some("articles_slug_key"), "dup"), "slug");
        assert_eq!(unique_field(Some("accounts_email_key"), "dup"), "email");
    }
}
