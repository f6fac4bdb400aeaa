//! One column list per table for the write paths.
//!
//! Each list below is the single place that orders a table's written columns: the
//! `INSERT`/`UPDATE` text is built from it once (see [`crate::sql::insert_sql`] and
//! [`crate::sql::update_sql`]), and the `bind_*!` macro beside it binds the values in that
//! same order. Adding a column means adding its name to the list and its value to the macro
//! next to it (the tests below check that the counts agree). The binders are macros, like
//! `bind_args!`, so that one body serves `query`, `query_as` and `query_scalar` on both
//! backends.

use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use newsdesk_core::ArticleDraft;

use crate::error::Result;
use crate::sql::{insert_sql, update_sql};
use crate::types::NewPhoto;

// ---- articles ----

/// The columns taken from an `ArticleDraft`, written by both creating and saving an
/// article; `bind_article_content!` binds them in this order.
pub(crate) const ARTICLE_CONTENT: &[&str] = &[
    "slug",
    "headline",
    "headline_folded",
    "lead",
    "body",
    "hero_photo_id",
    "section_id",
    "in_newsfeed",
    "breaking",
    "important",
    "seo_title",
    "meta_description",
    "social_photo_id",
];

/// Binds an `&ArticleDraft`'s values in the order of [`ARTICLE_CONTENT`].
macro_rules! bind_article_content {
    ($query:expr, $draft:expr) => {{
        let d: &newsdesk_core::ArticleDraft = $draft;
        $query
            .bind(&d.slug)
            .bind(&d.headline)
            .bind($crate::sql::fold(&d.headline))
            .bind(&d.lead)
            .bind(&d.body)
            .bind(d.hero_photo_id)
            .bind(d.section_id)
            .bind(d.in_newsfeed)
            .bind(d.breaking)
            .bind(d.important)
            .bind(&d.seo_title)
            .bind(&d.meta_description)
            .bind(d.social_photo_id)
    }};
}

/// The columns a new article sets besides its content; `bind_new_article!` binds them in
/// this order, then the content.
pub(crate) const ARTICLE_NEW: &[&str] = &[
    "edition",
    "translation_group",
    "status",
    "published_at",
    "first_published_at",
    "created_at",
    "updated_at",
    "version",
    "created_by",
];

/// A new article row: a (normalized) draft and what it does not say.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NewArticle<'a> {
    pub draft: &'a ArticleDraft,
    pub translation_group: Option<i64>,
    pub status: &'static str,
    pub published_at: Option<DateTime<Utc>>,
    pub first_published_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub created_by: Option<i64>,
}

/// Binds a [`NewArticle`] in the order of [`ARTICLE_NEW`] then [`ARTICLE_CONTENT`]
/// (the columns of [`INSERT_ARTICLE`]). A new article is version 1.
macro_rules! bind_new_article {
    ($query:expr, $row:expr) => {{
        let row: $crate::columns::NewArticle<'_> = $row;
        let q = $query
            .bind(&row.draft.edition)
            .bind(row.translation_group)
            .bind(row.status)
            .bind(row.published_at)
            .bind(row.first_published_at)
            .bind(row.created_at)
            .bind(row.updated_at)
            .bind(1i64)
            .bind(row.created_by);
        bind_article_content!(q, row.draft)
    }};
}

/// Inserts a [`NewArticle`] (bound with `bind_new_article!`), returning its id.
pub(crate) static INSERT_ARTICLE: LazyLock<String> = LazyLock::new(|| {
    insert_sql(
        "articles",
        &[ARTICLE_NEW, ARTICLE_CONTENT].concat(),
        Some("id"),
    )
});

/// What a save sets besides the content, bound after it: `updated_at`, the new `version`.
pub(crate) const ARTICLE_SAVE: &[&str] = &["updated_at", "version"];

/// Saves an article's content: bind `id` and the expected (current) `version`, then
/// `bind_article_content!`, then [`ARTICLE_SAVE`]'s values. Matching on the version makes
/// a save that lost a race (a concurrent save committed after our read) update nothing.
pub(crate) static UPDATE_ARTICLE: LazyLock<String> = LazyLock::new(|| {
    update_sql(
        "articles",
        &["id", "version"],
        &[ARTICLE_CONTENT, ARTICLE_SAVE].concat(),
        None,
    )
});

// ---- revisions ----

/// Bound by `insert_revision!` (in `articles`) in this order.
pub(crate) const REVISION_COLUMNS: &[&str] =
    &["article_id", "number", "account_id", "created_at", "draft"];

pub(crate) static INSERT_REVISION: LazyLock<String> =
    LazyLock::new(|| insert_sql("revisions", REVISION_COLUMNS, None));

// ---- photos ----

/// A photo's editable text, written on upload and on edit; `bind_photo_text!` binds
/// them in this order.
pub(crate) const PHOTO_TEXT: &[&str] = &[
    "caption",
    "alt_text",
    "credit_agency",
    "credit_creator",
    "copyright_notice",
    "copyright_year",
    "search_text",
];

/// Binds the text of a `NewPhoto` or a `PhotoText` (both have these fields) in the order
/// of [`PHOTO_TEXT`].
macro_rules! bind_photo_text {
    ($query:expr, $text:expr) => {{
        let t = $text;
        $query
            .bind(&t.caption)
            .bind(t.alt_text.trim())
            .bind(&t.credit.agency)
            .bind(&t.credit.creator)
            .bind(&t.copyright_notice)
            .bind(t.copyright_year)
            .bind($crate::photos::search_text(
                &t.caption,
                &t.credit,
                &t.copyright_notice,
            ))
    }};
}

/// The columns an uploaded photo sets besides its text; `bind_photo_file!` binds them in
/// this order.
pub(crate) const PHOTO_FILE: &[&str] = &[
    "key",
    "content_type",
    "width",
    "height",
    "byte_size",
    "uploaded_by",
    "created_at",
];

/// The file facts of a new photo, as stored.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PhotoFile<'a> {
    pub key: &'a str,
    pub content_type: &'a str,
    pub width: i32,
    pub height: i32,
    pub byte_size: i64,
    pub uploaded_by: Option<i64>,
    pub created_at: DateTime<Utc>,
}

impl<'a> PhotoFile<'a> {
    pub fn of(p: &'a NewPhoto, created_at: DateTime<Utc>) -> Result<Self> {
        Ok(Self {
            key: &p.key,
            content_type: &p.content_type,
            width: crate::photos::pixels(p.width, "width")?,
            height: crate::photos::pixels(p.height, "height")?,
            byte_size: p.byte_size,
            uploaded_by: p.uploaded_by,
            created_at,
        })
    }
}

/// Binds a [`PhotoFile`] in the order of [`PHOTO_FILE`].
macro_rules! bind_photo_file {
    ($query:expr, $file:expr) => {{
        let f: $crate::columns::PhotoFile<'_> = $file;
        $query
            .bind(f.key)
            .bind(f.content_type)
            .bind(f.width)
            .bind(f.height)
            .bind(f.byte_size)
            .bind(f.uploaded_by)
            .bind(f.created_at)
    }};
}

/// Inserts a photo: bind `bind_photo_file!` then `bind_photo_text!`; returns its row.
pub(crate) static INSERT_PHOTO: LazyLock<String> = LazyLock::new(|| {
    insert_sql(
        "photos",
        &[PHOTO_FILE, PHOTO_TEXT].concat(),
        Some(photo_cols!()),
    )
});

/// Edits a photo's text: bind `id`, then `bind_photo_text!`; returns its row.
pub(crate) static UPDATE_PHOTO_TEXT: LazyLock<String> =
    LazyLock::new(|| update_sql("photos", &["id"], PHOTO_TEXT, Some(photo_cols!())));

#[cfg(test)]
mod tests {
    use newsdesk_core::Credit;
    use sqlx::{Arguments, Execute, Postgres, Sqlite};

    use super::*;
    use crate::sql::now;
    use crate::types::PhotoText;

    /// The highest `$N` in `sql`.
    fn placeholders_in(sql: &str) -> usize {
        sql.split('$')
            .skip(1)
            .filter_map(|s| {
                let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
                digits.parse().ok()
            })
            .max()
            .unwrap_or(0)
    }

    /// How many values a query has bound.
    fn bound<'q, DB: sqlx::Database>(
        mut q: sqlx::query::Query<'q, DB, <DB as sqlx::Database>::Arguments>,
    ) -> usize
    where
        <DB as sqlx::Database>::Arguments: sqlx::IntoArguments<DB>,
    {
        q.take_arguments().unwrap().map_or(0, |a| a.len())
    }

    fn draft() -> ArticleDraft {
        ArticleDraft {
            edition: "en".into(),
            slug: "s".into(),
            headline: "H".into(),
            ..ArticleDraft::default()
        }
    }

    fn new_article(d: &ArticleDraft) -> NewArticle<'_> {
        NewArticle {
            draft: d,
            translation_group: None,
            status: "draft",
            published_at: None,
            first_published_at: None,
            created_at: now(),
            updated_at: now(),
            created_by: None,
        }
    }

    #[test]
    fn article_sql_is_built_from_the_lists() {
        assert_eq!(
            INSERT_ARTICLE.as_str(),
            "INSERT INTO articles (edition, translation_group, status, published_at, \
             first_published_at, created_at, updated_at, version, created_by, slug, headline, \
             headline_folded, lead, body, hero_photo_id, section_id, in_newsfeed, breaking, \
             important, seo_title, meta_description, social_photo_id) VALUES ($1, $2, $3, $4, \
             $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, \
             $22) RETURNING id"
        );
        assert_eq!(
            UPDATE_ARTICLE.as_str(),
            "UPDATE articles SET slug = $3, headline = $4, headline_folded = $5, lead = $6, \
             body = $7, hero_photo_id = $8, section_id = $9, in_newsfeed = $10, breaking = $11, \
             important = $12, seo_title = $13, meta_description = $14, social_photo_id = $15, \
             updated_at = $16, version = $17 WHERE id = $1 AND version = $2"
        );
        assert_eq!(
            INSERT_REVISION.as_str(),
            "INSERT INTO revisions (article_id, number, account_id, created_at, draft) \
             VALUES ($1, $2, $3, $4, $5)"
        );
        assert!(UPDATE_PHOTO_TEXT.starts_with(
            "UPDATE photos SET caption = $2, alt_text = $3, credit_agency = $4, \
             credit_creator = $5, copyright_notice = $6, copyright_year = $7, \
             search_text = $8 WHERE id = $1 RETURNING id, key,"
        ));
    }

    /// Every binder binds exactly as many values as its statement has placeholders, on
    /// both backends.
    macro_rules! check_counts {
        ($db:ty) => {{
            let d = draft();
            let q = sqlx::query::<$db>(INSERT_ARTICLE.as_str());
            assert_eq!(
                bound(bind_new_article!(q, new_article(&d))),
                placeholders_in(&INSERT_ARTICLE)
            );
            let q = sqlx::query::<$db>(UPDATE_ARTICLE.as_str())
                .bind(1i64)
                .bind(1i64);
            let q = bind_article_content!(q, &d).bind(now()).bind(2i64);
            assert_eq!(bound(q), placeholders_in(&UPDATE_ARTICLE));

            let p = NewPhoto {
                key: "k".into(),
                content_type: "image/jpeg".into(),
                width: 1,
                height: 1,
                byte_size: 1,
                caption: "c".into(),
                alt_text: "a".into(),
                credit: Credit::default(),
                copyright_notice: String::new(),
                copyright_year: None,
                uploaded_by: None,
            };
            let q = sqlx::query::<$db>(INSERT_PHOTO.as_str());
            let q = bind_photo_file!(q, PhotoFile::of(&p, now()).unwrap());
            assert_eq!(
                bound(bind_photo_text!(q, &p)),
                placeholders_in(&INSERT_PHOTO)
            );
            let t = PhotoText {
                caption: "c".into(),
                alt_text: "a".into(),
                credit: Credit::default(),
                copyright_notice: String::new(),
                copyright_year: None,
            };
            let q = sqlx::query::<$db>(UPDATE_PHOTO_TEXT.as_str()).bind(1i64);
            assert_eq!(
                bound(bind_photo_text!(q, &t)),
                placeholders_in(&UPDATE_PHOTO_TEXT)
            );
        }};
    }

    #[test]
    fn binders_match_their_column_lists() {
        check_counts!(Sqlite);
        check_counts!(Postgres);
    }
}
