//! Articles: every write runs in one transaction with its revision (when it saves content)
//! and its outbox event.

use std::collections::BTreeSet;

use newsdesk_core::publishable::{Facts, References};
use newsdesk_core::{Article, ArticleDraft, Change, FieldError, ValidationError};

use crate::error::{Result, StoreError};

/// Checks that what `$drafts` (a slice of `&ArticleDraft`, with `$refs` their
/// `References`, read outside the transaction) refer to exists: the edition, sections and
/// tags of that same edition, authors, and (by the core rule
/// [`check_references`](newsdesk_core::publishable::check_references)) hero photos and body
/// embeds. With `$publishing` the drafts are, or stay, public: the whole publish rule
/// applies, against facts held to commit (see `load_facts!`). Evaluates to `Result<()>`,
/// naming every bad field.
macro_rules! check_refs {
    ($ex:expr, $drafts:expr, $refs:expr, $publishing:expr) => {
        async {
            let drafts: &[&newsdesk_core::ArticleDraft] = $drafts;
            let refs: &[newsdesk_core::publishable::References] = $refs;
            let publishing: bool = $publishing;
            let editions: Vec<String> = sqlx::query_scalar("SELECT code FROM editions")
                .fetch_all($ex)
                .await?;
            use $crate::articles::distinct;
            let sections = distinct(drafts.iter().filter_map(|d| d.section_id));
            let tags = distinct(drafts.iter().flat_map(|d| d.tag_ids.iter().copied()));
            let authors = distinct(drafts.iter().flat_map(|d| d.author_ids.iter().copied()));
            let mut found = $crate::articles::Found::default();
            for (table, ids, into) in [
                ("sections", &sections, &mut found.sections),
                ("tags", &tags, &mut found.tags),
            ] {
                for chunk in ids.chunks($crate::sql::CHUNK) {
                    let sql = format!(
                        "SELECT id, edition FROM {table} WHERE id IN ({})",
                        $crate::sql::placeholders(1, chunk.len())
                    );
                    let mut q = sqlx::query_as::<_, (i64, String)>(sqlx::AssertSqlSafe(sql));
                    for id in chunk {
                        q = q.bind(*id);
                    }
                    into.extend(q.fetch_all($ex).await?);
                }
            }
            for chunk in authors.chunks($crate::sql::CHUNK) {
                let sql = format!(
                    "SELECT id FROM authors WHERE id IN ({})",
                    $crate::sql::placeholders(1, chunk.len())
                );
                let mut q = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql));
                for id in chunk {
                    q = q.bind(*id);
                }
                found.authors.extend(q.fetch_all($ex).await?);
            }
            let facts = load_facts!($ex, &refs.iter().collect::<Vec<_>>(), publishing)?;
            found.check(&editions, drafts, refs, &facts, publishing)
        }
        .await
    };
}

/// Replaces the tags and bylines of article `$id`; evaluates to `Result<()>`.
macro_rules! set_links {
    ($conn:ident, $id:expr, $draft:expr, $replace:expr) => {
        async {
            let id: i64 = $id;
            let draft: &newsdesk_core::ArticleDraft = $draft;
            if $replace {
                sqlx::query("DELETE FROM article_tags WHERE article_id = $1")
                    .bind(id)
                    .execute(&mut *$conn)
                    .await?;
                sqlx::query("DELETE FROM article_authors WHERE article_id = $1")
                    .bind(id)
                    .execute(&mut *$conn)
                    .await?;
            }
            for (position, tag) in (0i32..).zip(&draft.tag_ids) {
                sqlx::query(
                    "INSERT INTO article_tags (article_id, tag_id, position) VALUES ($1, $2, $3)",
                )
                .bind(id)
                .bind(*tag)
                .bind(position)
                .execute(&mut *$conn)
                .await?;
            }
            for (position, author) in (0i32..).zip(&draft.author_ids) {
                sqlx::query(
                    "INSERT INTO article_authors (article_id, author_id, position) \
                     VALUES ($1, $2, $3)",
                )
                .bind(id)
                .bind(*author)
                .bind(position)
                .execute(&mut *$conn)
                .await?;
            }
            Ok::<_, $crate::StoreError>(())
        }
        .await
    };
}

/// Stores revision `$number` of article `$id`; evaluates to `Result<()>`. Binds in the
/// order of [`crate::columns::REVISION_COLUMNS`].
macro_rules! insert_revision {
    ($conn:ident, $id:expr, $number:expr, $actor:expr, $at:expr, $draft:expr) => {
        sqlx::query($crate::columns::INSERT_REVISION.as_str())
            .bind($id)
            .bind($number)
            .bind($actor)
            .bind($at)
            .bind(sqlx::types::Json($draft))
            .execute(&mut *$conn)
            .await
            .map(|_| ())
    };
}

/// A current slug is no longer an old one (of this or any article): the page now answers
/// itself instead of redirecting. Evaluates to `Result<()>`.
macro_rules! claim_slug {
    ($conn:ident, $edition:expr, $slug:expr) => {
        sqlx::query("DELETE FROM article_old_slugs WHERE edition = $1 AND slug = $2")
            .bind($edition)
            .bind($slug)
            .execute(&mut *$conn)
            .await
            .map(|_| ())
    };
}

/// Tries of [`free_slug`] before it gives up and lets the unique constraint refuse.
pub(crate) const SLUG_TRIES: u32 = 100;

/// The first of `base`, `base-2`, `base-3`… that no other article of the edition has
/// (`$own`: the article being saved, 0 for a new one). For slugs the store made from a
/// headline: a headline written twice gets a slug of its own instead of a refusal aimed at
/// a slug field the editor left empty. One indexed lookup per try; two editors saving the
/// same headline at the same instant may still meet the unique constraint (a conflict on
/// `slug`, as before). Evaluates to `Result<String>`.
macro_rules! free_slug {
    ($conn:ident, $edition:expr, $base:expr, $own:expr) => {
        async {
            let mut n = 1;
            loop {
                let candidate = newsdesk_core::slug::numbered_slug($base, n);
                let holder: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM articles WHERE edition = $1 AND slug = $2 AND id <> $3",
                )
                .bind($edition)
                .bind(&candidate)
                .bind($own)
                .fetch_optional(&mut *$conn)
                .await?;
                if holder.is_none() || n >= $crate::articles::SLUG_TRIES {
                    break Ok::<String, $crate::StoreError>(candidate);
                }
                n += 1;
            }
        }
        .await
    };
}

pub mod autosave;
mod bulk;
mod history;
pub mod page;
mod publish;
mod read;
pub mod sitemap;
mod write;

pub use publish::{AuditNote, BlockedArticle, DueArticles, Transition};
pub use read::MAX_LIST_LIMIT;

/// Distinct ids referenced by a set of drafts.
pub(crate) fn distinct(ids: impl Iterator<Item = i64>) -> Vec<i64> {
    ids.collect::<BTreeSet<_>>().into_iter().collect()
}

/// What exists of the referenced rows: (id, edition) for sections and tags.
#[derive(Default)]
pub(crate) struct Found {
    pub sections: Vec<(i64, String)>,
    pub tags: Vec<(i64, String)>,
    pub authors: Vec<i64>,
}

impl Found {
    /// The edition and taxonomy checks here, then the core rule for each draft; a message
    /// repeated by several drafts of a bulk import is given once.
    pub fn check(
        &self,
        editions: &[String],
        drafts: &[&ArticleDraft],
        refs: &[References],
        facts: &Facts,
        publishing: bool,
    ) -> Result<()> {
        let mut errors: Vec<FieldError> = Vec::new();
        let mut fail = |error: FieldError| {
            if !errors.contains(&error) {
                errors.push(error);
            }
        };
        let field = |field: &'static str, message: &str| FieldError {
            field,
            message: message.to_owned(),
        };
        let in_edition = |rows: &[(i64, String)], id: i64, ed: &str| {
            rows.iter().any(|(i, e)| *i == id && e == ed)
        };
        for (d, r) in drafts.iter().zip(refs) {
            if !editions.contains(&d.edition) {
                fail(field("edition", "no such edition"));
            }
            if let Some(s) = d.section_id
                && !in_edition(&self.sections, s, &d.edition)
            {
                fail(field("section_id", "no such section in this edition"));
            }
            if d.tag_ids
                .iter()
                .any(|t| !in_edition(&self.tags, *t, &d.edition))
            {
                fail(field("tag_ids", "no such tag in this edition"));
            }
            if d.author_ids.iter().any(|a| !self.authors.contains(a)) {
                fail(field("author_ids", "no such author"));
            }
            let rule = if publishing {
                r.check_publishable(facts)
            } else {
                r.check(facts)
            };
            if let Err(e) = rule {
                e.errors.into_iter().for_each(&mut fail);
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(StoreError::Invalid(ValidationError { errors }))
        }
    }
}

/// Validates a draft and returns it as stored: with its effective slug, without repeated
/// tags or authors.
pub(crate) fn normalize(d: &ArticleDraft) -> Result<ArticleDraft> {
    d.validate()?;
    let mut d = d.clone();
    d.slug = d.effective_slug();
    d.tag_ids = crate::sql::dedup(&d.tag_ids);
    d.author_ids = crate::sql::dedup(&d.author_ids);
    Ok(d)
}

/// The outbox change for an article write: what it touched before and after, so a cache
/// also drops the section or tag pages the article just left.
pub(crate) fn article_change(before: Option<&Article>, after: Option<&Article>) -> Change {
    let union = |f: fn(&Article) -> Vec<i64>| -> Vec<i64> {
        before
            .into_iter()
            .chain(after)
            .flat_map(f)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    };
    let any = after.or(before);
    Change::Article {
        id: any.map_or(0, |a| a.id),
        edition: any.map(|a| a.edition.clone()).unwrap_or_default(),
        status: after.map_or_else(|| "deleted".to_owned(), |a| a.status.as_str().to_owned()),
        section_ids: union(|a| a.section_id.into_iter().collect()),
        tag_ids: union(|a| a.tag_ids.clone()),
        author_ids: union(|a| a.author_ids.clone()),
        public: before.is_some_and(Article::is_public) || after.is_some_and(Article::is_public),
        translation_group: any.and_then(|a| a.translation_group),
    }
}
