//! An article page's data in one statement: the article with its byline, tags,
//! corrections, comment count, the next article, its translations, the articles its body
//! shows as cards and every photo the page prints.
//!
//! A cache miss of an article page used to ask eight questions in three waves; each one
//! on SQLite is a hop to a connection thread and back, on PostgreSQL a round trip. Here
//! the related rows come back JSON-aggregated in scalar subqueries of one row, so a miss
//! waits for one answer. The body's embeds are read from `article_refs` (kept by every
//! save in the same transaction as the body), not parsed out of the body in SQL.

use std::sync::LazyLock;

use newsdesk_core::{Article, Author, Correction, Photo, Tag};
use sqlx::types::Json;

use crate::Store;
use crate::db::Db;
use crate::error::Result;
use crate::rows::ArticleRow;
use crate::types::ArticleSummary;

/// What [`Store::article_page`] answers.
#[derive(Debug, Clone)]
pub struct ArticlePage {
    pub article: Article,
    /// In byline order.
    pub authors: Vec<Author>,
    /// In the article's order.
    pub tags: Vec<Tag>,
    /// Oldest first.
    pub corrections: Vec<Correction>,
    /// Visible comments and replies.
    pub comment_count: i64,
    /// The published article of the edition just before this one (see
    /// [`Store::next_article`]).
    pub next: Option<ArticleSummary>,
    /// The published members of its translation group in other editions, by edition.
    pub translations: Vec<ArticleSummary>,
    /// The articles the body embeds as cards, whatever their status (the caller shows the
    /// public ones), by id.
    pub related: Vec<ArticleSummary>,
    /// The photos the article shows (hero, social, inline) and the heroes of `related`.
    pub photos: Vec<Photo>,
}

#[derive(sqlx::FromRow)]
struct PageRow {
    #[sqlx(flatten)]
    article: ArticleRow,
    authors_json: Json<Vec<Author>>,
    tags_json: Json<Vec<Tag>>,
    corrections_json: Json<Vec<Correction>>,
    comment_count: i64,
    next_json: Json<Vec<ArticleSummary>>,
    translations_json: Json<Vec<ArticleSummary>>,
    related_json: Json<Vec<ArticleSummary>>,
    photos_json: Json<Vec<Photo>>,
}

/// The JSON functions of a dialect: the statement is one text, spelled for each backend.
struct JsonSql {
    sqlite: bool,
}

impl JsonSql {
    fn object(&self, pairs: &[(&str, String)]) -> String {
        let f = if self.sqlite {
            "json_object"
        } else {
            "json_build_object"
        };
        let args: Vec<String> = pairs.iter().map(|(k, v)| format!("'{k}', {v}")).collect();
        format!("{f}({})", args.join(", "))
    }

    /// An aggregate of `expr` over the rows of the enclosing `SELECT`, `[]` when none.
    fn array(&self, expr: &str, order: &str) -> String {
        if self.sqlite {
            format!("json_group_array({expr} ORDER BY {order})")
        } else {
            format!("COALESCE(json_agg({expr} ORDER BY {order}), '[]'::json)")
        }
    }

    /// SQLite stores booleans as 0 and 1; JSON wants `true` and `false`.
    fn boolean(&self, expr: &str) -> String {
        if self.sqlite {
            format!("json(CASE WHEN {expr} THEN 'true' ELSE 'false' END)")
        } else {
            expr.to_owned()
        }
    }

    /// A column holding JSON (TEXT on SQLite, JSONB on PostgreSQL), embedded as JSON.
    fn embedded(&self, expr: &str) -> String {
        if self.sqlite {
            format!("json({expr})")
        } else {
            expr.to_owned()
        }
    }

    /// An [`ArticleSummary`] of the row `t`.
    fn summary(&self, t: &str) -> String {
        let ids = |table: &str, col: &str| {
            format!(
                "(SELECT {} FROM {table} x WHERE x.article_id = {t}.id)",
                self.array(&format!("x.{col}"), "x.position")
            )
        };
        let col = |c: &str| format!("{t}.{c}");
        self.object(&[
            ("id", col("id")),
            ("edition", col("edition")),
            ("slug", col("slug")),
            ("headline", col("headline")),
            ("lead", col("lead")),
            ("hero_photo_id", col("hero_photo_id")),
            ("section_id", col("section_id")),
            ("author_ids", ids("article_authors", "author_id")),
            ("tag_ids", ids("article_tags", "tag_id")),
            ("status", col("status")),
            ("published_at", col("published_at")),
            ("updated_at", col("updated_at")),
            ("created_at", col("created_at")),
            ("first_published_at", col("first_published_at")),
            ("breaking", self.boolean(&col("breaking"))),
            ("important", self.boolean(&col("important"))),
            ("in_newsfeed", self.boolean(&col("in_newsfeed"))),
            ("version", col("version")),
            ("created_by", col("created_by")),
        ])
    }

    fn photo(&self, p: &str) -> String {
        let col = |c: &str| format!("{p}.{c}");
        self.object(&[
            ("id", col("id")),
            ("key", col("key")),
            ("content_type", col("content_type")),
            ("width", col("width")),
            ("height", col("height")),
            ("byte_size", col("byte_size")),
            ("caption", col("caption")),
            ("alt_text", col("alt_text")),
            (
                "credit",
                self.object(&[
                    ("agency", col("credit_agency")),
                    ("creator", col("credit_creator")),
                ]),
            ),
            ("copyright_notice", col("copyright_notice")),
            ("copyright_year", col("copyright_year")),
            ("created_at", col("created_at")),
            ("renditions", self.embedded(&col("renditions"))),
        ])
    }

    fn statement(&self) -> String {
        let author = self.object(&[
            ("id", "au.id".into()),
            ("slug", "au.slug".into()),
            ("name", "au.name".into()),
            ("bio", "au.bio".into()),
            ("photo_id", "au.photo_id".into()),
            ("account_id", "au.account_id".into()),
        ]);
        let tag = self.object(&[
            ("id", "tg.id".into()),
            ("edition", "tg.edition".into()),
            ("slug", "tg.slug".into()),
            ("name", "tg.name".into()),
        ]);
        let correction = self.object(&[
            ("id", "c.id".into()),
            ("article_id", "c.article_id".into()),
            ("created_at", "c.created_at".into()),
            ("text", "c.text".into()),
        ]);
        // The same conditions as `Store::next_article` (its index range, then the tie).
        let next = "SELECT n2.id FROM articles n2 WHERE n2.edition = a.edition \
             AND n2.status = 'published' \
             AND n2.published_at <= COALESCE(a.published_at, a.created_at) \
             AND (n2.published_at < COALESCE(a.published_at, a.created_at) OR n2.id < a.id) \
             ORDER BY n2.published_at DESC, n2.id DESC LIMIT 1";
        let embedded = "SELECT target_id FROM article_refs \
             WHERE article_id = a.id AND kind = 'article'";
        format!(
            concat!(
                "SELECT ",
                article_cols!(),
                ", (SELECT {authors} FROM article_authors la JOIN authors au ON au.id = la.author_id \
                   WHERE la.article_id = a.id) AS authors_json, \
                 (SELECT {tags} FROM article_tags lt JOIN tags tg ON tg.id = lt.tag_id \
                   WHERE lt.article_id = a.id) AS tags_json, \
                 (SELECT {corrections} FROM corrections c WHERE c.article_id = a.id) AS corrections_json, \
                 (SELECT COUNT(*) FROM comments cm WHERE cm.article_id = a.id \
                   AND cm.status = 'visible') AS comment_count, \
                 (SELECT {next} FROM articles n WHERE n.id = ({next_id})) AS next_json, \
                 (SELECT {translations} FROM articles t WHERE t.translation_group = a.translation_group \
                   AND t.edition <> a.edition AND t.status = 'published') AS translations_json, \
                 (SELECT {related} FROM articles r WHERE r.id IN ({embedded})) AS related_json, \
                 (SELECT {photos} FROM photos p WHERE p.id IN (\
                   SELECT target_id FROM article_refs WHERE article_id = a.id AND kind = 'photo' \
                   UNION SELECT r.hero_photo_id FROM articles r WHERE r.id IN ({embedded}) \
                   AND r.hero_photo_id IS NOT NULL)) AS photos_json \
                 FROM articles a WHERE a.id = $1"
            ),
            authors = self.array(&author, "la.position"),
            tags = self.array(&tag, "lt.position"),
            corrections = self.array(&correction, "c.created_at, c.id"),
            next = self.array(&self.summary("n"), "n.id"),
            next_id = next,
            translations = self.array(&self.summary("t"), "t.edition"),
            related = self.array(&self.summary("r"), "r.id"),
            embedded = embedded,
            photos = self.array(&self.photo("p"), "p.id"),
        )
    }
}

static SQLITE_PAGE: LazyLock<String> = LazyLock::new(|| JsonSql { sqlite: true }.statement());
static POSTGRES_PAGE: LazyLock<String> = LazyLock::new(|| JsonSql { sqlite: false }.statement());

impl Store {
    /// Everything an article page shows about article `id`, in one statement (see the
    /// module's documentation). Any status: the caller decides what readers may see.
    pub async fn article_page(&self, id: i64) -> Result<ArticlePage> {
        let row: Option<PageRow> = match &self.db {
            Db::Sqlite { reader, .. } => {
                let sql: &'static str = SQLITE_PAGE.as_str();
                sqlx::query_as(sqlx::AssertSqlSafe(sql))
                    .bind(id)
                    .fetch_optional(reader)
                    .await?
            }
            Db::Pg(pool) => {
                let sql: &'static str = POSTGRES_PAGE.as_str();
                sqlx::query_as(sqlx::AssertSqlSafe(sql))
                    .bind(id)
                    .fetch_optional(pool)
                    .await?
            }
        };
        let row = row.ok_or(crate::StoreError::NotFound)?;
        Ok(ArticlePage {
            article: row.article.into_article()?,
            authors: row.authors_json.0,
            tags: row.tags_json.0,
            corrections: row.corrections_json.0,
            comment_count: row.comment_count,
            next: row.next_json.0.into_iter().next(),
            translations: row.translations_json.0,
            related: row.related_json.0,
            photos: row.photos_json.0,
        })
    }
}
