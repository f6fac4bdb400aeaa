//! Static pages (issue 17): About, Contact, Privacy… one set per edition, edited in the
//! newsroom and linked from the footer of every page of their edition.
//!
//! A page is addressed by `(edition, slug)`. Its body is stored in the article body format
//! and rendered by the same renderer and sanitiser. Every save is kept as a revision and
//! raises the page's version; a save from a form older than the page is refused (`Stale`).
//!
//! A write's outbox event is a taxonomy change of the page's edition: the title and slug
//! are in the footer of every page of the edition, so that is what a change touches, and
//! page caches already know how to drop it (no new event kind for instances of the
//! previous release to skip during a rolling upgrade).

mod defaults;

use chrono::{DateTime, Utc};
use newsdesk_core::error::Validator;
use newsdesk_core::slug::is_valid_slug;
use newsdesk_core::{Change, Event, ValidationError};
use serde::Serialize;

use crate::Store;
use crate::error::{Result, StoreError};
use crate::sql::now;

/// The pages every edition is expected to have, in the order the footer lists them.
pub const STANDARD_SLUGS: [&str; 6] = [
    "about",
    "contact",
    "editorial-standards",
    "corrections",
    "privacy",
    "terms",
];

pub const MAX_TITLE: usize = 120;
/// Revisions listed at most (the newest).
pub const MAX_REVISIONS: i64 = 100;

/// The rest of a save once the page row is written: its revision `version`, the outbox
/// event and the page as stored. Evaluates to `Result<(StaticPage, Event)>`.
macro_rules! saved {
    ($conn:ident, $input:expr, $version:expr, $at:expr, $by:expr) => {
        async {
            sqlx::query(INSERT_REVISION)
                .bind(&$input.edition)
                .bind(&$input.slug)
                .bind($version)
                .bind($input.title.trim())
                .bind(&$input.body)
                .bind($at)
                .bind($by)
                .execute(&mut *$conn)
                .await?;
            let event = insert_event!(
                $conn,
                Change::Taxonomy {
                    edition: Some($input.edition.clone())
                }
            )?;
            let page: StaticPage = sqlx::query_as(PAGE_SELECT)
                .bind(&$input.edition)
                .bind(&$input.slug)
                .fetch_one(&mut *$conn)
                .await?;
            Ok::<_, StoreError>((page, event))
        }
        .await
    };
}

/// The name of the defaults' record in the `seeds` table (see [`Store::add_default_static_pages`]).
const DEFAULTS_SEED: &str = "static-pages";

/// What an editor writes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageInput {
    pub edition: String,
    pub slug: String,
    pub title: String,
    pub body: String,
}

impl PageInput {
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut v = Validator::new();
        v.check(!self.edition.is_empty(), "edition", "must be chosen");
        v.check(
            is_valid_slug(&self.slug),
            "slug",
            "must be lowercase letters, digits and single hyphens",
        );
        v.text(&self.title, "title", MAX_TITLE);
        v.check(!self.body.trim().is_empty(), "body", "must not be empty");
        if let Some(problem) = newsdesk_core::body::limits::body_problem(&self.body) {
            v.check(false, "body", problem);
        } else {
            for problem in newsdesk_core::body::embed_problems(&self.body) {
                v.check(false, "body", problem);
            }
        }
        v.finish()
    }
}

/// A page as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct StaticPage {
    pub edition: String,
    pub slug: String,
    pub title: String,
    pub body: String,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    pub updated_by: Option<i64>,
    /// The current name of whoever saved it last.
    pub updated_by_name: Option<String>,
}

/// A page without its body: lists and the footer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PageSummary {
    pub edition: String,
    pub slug: String,
    pub title: String,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    pub updated_by: Option<i64>,
    pub updated_by_name: Option<String>,
}

/// One saved version of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PageRevision {
    pub version: i64,
    pub title: String,
    pub body: String,
    pub saved_at: DateTime<Utc>,
    pub saved_by: Option<i64>,
    pub saved_by_name: Option<String>,
}

/// Where a slug goes in the footer: the standard pages in their order, then the others.
fn footer_rank(slug: &str) -> usize {
    STANDARD_SLUGS
        .iter()
        .position(|s| *s == slug)
        .unwrap_or(STANDARD_SLUGS.len())
}

const PAGE_SELECT: &str = "SELECT p.edition, p.slug, p.title, p.body, p.version, p.updated_at, \
     p.updated_by, a.name AS updated_by_name FROM static_pages p \
     LEFT JOIN accounts a ON a.id = p.updated_by WHERE p.edition = $1 AND p.slug = $2";

const INSERT_REVISION: &str = "INSERT INTO static_page_revisions \
     (edition, slug, version, title, body, saved_at, saved_by) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";

impl Store {
    /// The pages of `edition` (every edition when `None`), by edition, then in footer order
    /// (the standard pages first, then by title).
    pub async fn list_static_pages(&self, edition: Option<&str>) -> Result<Vec<PageSummary>> {
        let mut pages: Vec<PageSummary> = read!(self, |db| sqlx::query_as(
            "SELECT p.edition, p.slug, p.title, p.version, p.updated_at, p.updated_by, \
             a.name AS updated_by_name FROM static_pages p \
             LEFT JOIN accounts a ON a.id = p.updated_by \
             WHERE $1 IS NULL OR p.edition = $1"
        )
        .bind(edition)
        .fetch_all(db)
        .await)?;
        pages.sort_by(|a, b| {
            (&a.edition, footer_rank(&a.slug), &a.title, &a.slug).cmp(&(
                &b.edition,
                footer_rank(&b.slug),
                &b.title,
                &b.slug,
            ))
        });
        Ok(pages)
    }

    /// One page, or `NotFound`.
    pub async fn static_page(&self, edition: &str, slug: &str) -> Result<StaticPage> {
        Ok(read!(self, |db| sqlx::query_as(PAGE_SELECT)
            .bind(edition)
            .bind(slug)
            .fetch_one(db)
            .await)?)
    }

    /// Writes a new page (version 1). `Conflict { slug }` when the edition has a page of
    /// that slug already; `Invalid { edition }` for an edition the site does not have.
    pub async fn create_static_page(
        &self,
        input: &PageInput,
        by: Option<i64>,
    ) -> Result<(StaticPage, Event)> {
        input.validate()?;
        let at = now();
        let out = transaction!(self, |conn| {
            let editions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM editions WHERE code = $1")
                .bind(&input.edition)
                .fetch_one(&mut *conn)
                .await?;
            if editions == 0 {
                return Err(StoreError::invalid(
                    "edition",
                    "is not an edition of this site",
                ));
            }
            let inserted = sqlx::query(
                "INSERT INTO static_pages (edition, slug, title, body, version, updated_at, updated_by) \
                 VALUES ($1, $2, $3, $4, 1, $5, $6) ON CONFLICT (edition, slug) DO NOTHING",
            )
            .bind(&input.edition)
            .bind(&input.slug)
            .bind(input.title.trim())
            .bind(&input.body)
            .bind(at)
            .bind(by)
            .execute(&mut *conn)
            .await?
            .rows_affected();
            if inserted == 0 {
                return Err(StoreError::Conflict {
                    constraint: "slug".to_owned(),
                });
            }
            saved!(conn, input, 1_i64, at, by)?
        });
        Ok(out)
    }

    /// Saves a new version of an existing page, made from the form of `version`.
    /// `Stale` when the page was saved meanwhile; `NotFound` when it is gone.
    pub async fn update_static_page(
        &self,
        input: &PageInput,
        version: i64,
        by: Option<i64>,
    ) -> Result<(StaticPage, Event)> {
        input.validate()?;
        let at = now();
        let out = transaction!(self, |conn| {
            let updated = sqlx::query(
                "UPDATE static_pages SET title = $1, body = $2, version = version + 1, \
                 updated_at = $3, updated_by = $4 \
                 WHERE edition = $5 AND slug = $6 AND version = $7",
            )
            .bind(input.title.trim())
            .bind(&input.body)
            .bind(at)
            .bind(by)
            .bind(&input.edition)
            .bind(&input.slug)
            .bind(version)
            .execute(&mut *conn)
            .await?
            .rows_affected();
            if updated == 0 {
                let current: Option<i64> = sqlx::query_scalar(
                    "SELECT version FROM static_pages WHERE edition = $1 AND slug = $2",
                )
                .bind(&input.edition)
                .bind(&input.slug)
                .fetch_optional(&mut *conn)
                .await?;
                return Err(match current {
                    Some(current_version) => StoreError::Stale { current_version },
                    None => StoreError::NotFound,
                });
            }
            saved!(conn, input, version + 1, at, by)?
        });
        Ok(out)
    }

    /// Removes a page and its revisions; `NotFound` when there is none.
    pub async fn delete_static_page(&self, edition: &str, slug: &str) -> Result<Event> {
        let event = transaction!(self, |conn| {
            let deleted = sqlx::query("DELETE FROM static_pages WHERE edition = $1 AND slug = $2")
                .bind(edition)
                .bind(slug)
                .execute(&mut *conn)
                .await?
                .rows_affected();
            if deleted == 0 {
                return Err(StoreError::NotFound);
            }
            insert_event!(
                conn,
                Change::Taxonomy {
                    edition: Some(edition.to_owned())
                }
            )?
        });
        Ok(event)
    }

    /// The page's saved versions, newest first (at most [`MAX_REVISIONS`]).
    pub async fn static_page_revisions(
        &self,
        edition: &str,
        slug: &str,
    ) -> Result<Vec<PageRevision>> {
        let sql = format!(
            "SELECT r.version, r.title, r.body, r.saved_at, r.saved_by, \
             a.name AS saved_by_name FROM static_page_revisions r \
             LEFT JOIN accounts a ON a.id = r.saved_by \
             WHERE r.edition = $1 AND r.slug = $2 ORDER BY r.version DESC {}",
            crate::sql::limit_clause(MAX_REVISIONS, 0)
        );
        Ok(read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(
            sql.clone()
        ))
        .bind(edition)
        .bind(slug)
        .fetch_all(db)
        .await)?)
    }

    /// Writes the default pages (the six [`STANDARD_SLUGS`], in each edition whose
    /// language has texts: English, Russian, Arabic) where an edition lacks them, once per
    /// database: the run is recorded in `seeds`, so a page an editor deletes later stays
    /// deleted. For demo sites (`serve --demo`); serving never calls it by itself. Safe
    /// from several instances at once. Returns how many pages were written.
    pub async fn add_default_static_pages(&self) -> Result<usize> {
        let at = now();
        let added = transaction!(self, |conn| {
            let codes: Vec<String> = sqlx::query_scalar("SELECT code FROM editions ORDER BY code")
                .fetch_all(&mut *conn)
                .await?;
            // Without editions there is nothing to write into yet: not recorded, so a
            // later call (once the seed made them) still writes the pages.
            if codes.is_empty() {
                return Ok(0);
            }
            // Claimed first: a second instance's transaction waits on this row and then
            // finds it taken.
            let claimed = sqlx::query(
                "INSERT INTO seeds (name, state, updated_at) VALUES ($1, 'complete', $2) \
                 ON CONFLICT (name) DO NOTHING",
            )
            .bind(DEFAULTS_SEED)
            .bind(at)
            .execute(&mut *conn)
            .await?
            .rows_affected();
            if claimed == 0 {
                return Ok(0);
            }
            let mut added = 0usize;
            let mut touched = Vec::new();
            for code in &codes {
                for page in defaults::for_edition(code) {
                    let inserted = sqlx::query(
                        "INSERT INTO static_pages (edition, slug, title, body, version, updated_at) \
                         VALUES ($1, $2, $3, $4, 1, $5) ON CONFLICT (edition, slug) DO NOTHING",
                    )
                    .bind(code)
                    .bind(page.slug)
                    .bind(page.title)
                    .bind(page.body)
                    .bind(at)
                    .execute(&mut *conn)
                    .await?
                    .rows_affected();
                    if inserted == 0 {
                        continue;
                    }
                    sqlx::query(INSERT_REVISION)
                        .bind(code)
                        .bind(page.slug)
                        .bind(1_i64)
                        .bind(page.title)
                        .bind(page.body)
                        .bind(at)
                        .bind(None::<i64>)
                        .execute(&mut *conn)
                        .await?;
                    added += 1;
                    if !touched.contains(code) {
                        touched.push(code.clone());
                    }
                }
            }
            for code in touched {
                insert_event!(
                    conn,
                    Change::Taxonomy {
                        edition: Some(code)
                    }
                )?;
            }
            added
        });
        Ok(added)
    }
}
