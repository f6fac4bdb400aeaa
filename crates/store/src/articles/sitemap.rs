//! Reads behind the sitemaps. Article sitemaps are cut by article id, a key that never
//! changes: the articles of one file are one range of the partial index
//! `articles_published_id (edition, id)` (migration 0013), so a file costs one index range
//! whatever its depth in the archive, and publishing adds an article to the file of its
//! own id without moving any other. Every function answers the whole range asked for or
//! refuses it: none returns a shorter answer a caller could take for the whole.

use chrono::{DateTime, Utc};
use newsdesk_core::article::article_path;

use crate::Store;
use crate::error::{Result, StoreError};

/// The widest id range one call reads: the sitemap protocol's 50,000 URLs a file. A range
/// holds at most as many articles as ids, so the answer is bounded by construction.
pub const MAX_SITEMAP_RANGE: i64 = 50_000;

/// The most rows one page of [`Store::published_between`] returns (a News sitemap file
/// holds 1,000).
pub const MAX_NEWS_PAGE: i64 = 1_000;

/// A published article as sitemaps list it: what its URL, its `lastmod` and its hreflang
/// alternates need, and nothing else (no body, no tags or bylines).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SitemapArticle {
    pub id: i64,
    pub edition: String,
    pub slug: String,
    pub headline: String,
    pub published_at: Option<DateTime<Utc>>,
    pub first_published_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub translation_group: Option<i64>,
}

impl SitemapArticle {
    /// Same as [`newsdesk_core::Article::path`].
    pub fn path(&self) -> String {
        article_path(
            &self.edition,
            self.published_at.unwrap_or(self.created_at),
            &self.slug,
            self.id,
        )
    }

    /// When it was published, as pages print it.
    pub fn published(&self) -> DateTime<Utc> {
        self.published_at
            .or(self.first_published_at)
            .unwrap_or(self.created_at)
    }

    /// The last change readers can see (see `newsdesk_site`'s `time::modified_at`).
    pub fn modified(&self) -> DateTime<Utc> {
        self.published().max(self.updated_at)
    }
}

/// A translation with its status, checked in Rust (see [`Store::sitemap_translations`]).
#[derive(sqlx::FromRow)]
struct MemberRow {
    #[sqlx(flatten)]
    article: SitemapArticle,
    status: String,
}

const COLUMNS: &str = "a.id, a.edition, a.slug, a.headline, a.published_at, \
                       a.first_published_at, a.created_at, a.updated_at, a.translation_group";

fn check_range(from_id: i64, to_id: i64) -> Result<()> {
    if from_id < 0 || to_id < from_id || to_id - from_id > MAX_SITEMAP_RANGE {
        return Err(StoreError::invalid(
            "range",
            format!("an id range is 0 to {MAX_SITEMAP_RANGE} ids wide, from id 0 up"),
        ));
    }
    Ok(())
}

impl Store {
    /// The numbers `k` of the blocks of `block_size` ids (`[k * block_size, (k + 1) *
    /// block_size)`) holding at least one published article of `edition`, in order.
    ///
    /// One query that hops from block to block through the index (a recursive skip scan):
    /// its cost grows with the number of blocks, not of articles. A `GROUP BY id /
    /// block_size` reads every published row instead (1.3 s at 1,000,000 on SQLite).
    pub async fn sitemap_blocks(&self, edition: &str, block_size: i64) -> Result<Vec<i64>> {
        if !(1..=MAX_SITEMAP_RANGE).contains(&block_size) {
            return Err(StoreError::invalid(
                "block_size",
                format!("a block is 1 to {MAX_SITEMAP_RANGE} ids"),
            ));
        }
        let sql = "WITH RECURSIVE b(k) AS ( \
             SELECT (SELECT MIN(a.id) FROM articles a \
                     WHERE a.edition = $1 AND a.status = 'published') / $2 \
             UNION ALL \
             SELECT (SELECT MIN(a.id) FROM articles a \
                     WHERE a.edition = $1 AND a.status = 'published' \
                     AND a.id >= (b.k + 1) * $2) / $2 \
             FROM b WHERE b.k IS NOT NULL) \
             SELECT k FROM b WHERE k IS NOT NULL ORDER BY k";
        let blocks: Vec<i64> = read!(self, |db| sqlx::query_scalar(sql)
            .bind(edition)
            .bind(block_size)
            .fetch_all(db)
            .await)?;
        Ok(blocks)
    }

    /// Every published article of `edition` with `from_id <= id < to_id`, by id: one range
    /// of the index, read whole. A range wider than [`MAX_SITEMAP_RANGE`] is refused.
    pub async fn sitemap_articles(
        &self,
        edition: &str,
        from_id: i64,
        to_id: i64,
    ) -> Result<Vec<SitemapArticle>> {
        check_range(from_id, to_id)?;
        let sql = format!(
            "SELECT {COLUMNS} FROM articles a WHERE a.edition = $1 AND a.status = 'published' \
             AND a.id >= $2 AND a.id < $3 ORDER BY a.id"
        );
        let rows: Vec<SitemapArticle> =
            read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(edition)
                .bind(from_id)
                .bind(to_id)
                .fetch_all(db)
                .await)?;
        Ok(rows)
    }

    /// The published translations, in other editions, of the articles
    /// [`Store::sitemap_articles`] returns for the same range: what their hreflang
    /// alternates name (as [`Store::translations`] gives them one article at a time).
    /// Grouped by the caller through `translation_group`. One query for the whole range.
    pub async fn sitemap_translations(
        &self,
        edition: &str,
        from_id: i64,
        to_id: i64,
    ) -> Result<Vec<SitemapArticle>> {
        check_range(from_id, to_id)?;
        // Members are found by group alone, and status and edition checked here: with
        // `a.status = 'published'` in SQL, PostgreSQL's generic plan ANDs the group index
        // with the whole published partial index for every group (10 s for 1,000 groups
        // at 100,000 articles). A group has one member per edition, so little is dropped.
        let sql = format!(
            "SELECT {COLUMNS}, a.status FROM articles a WHERE a.translation_group IN \
             (SELECT s.translation_group FROM articles s \
             WHERE s.edition = $1 AND s.status = 'published' AND s.id >= $2 AND s.id < $3 \
             AND s.translation_group IS NOT NULL) \
             ORDER BY a.translation_group, a.edition, a.id"
        );
        let rows: Vec<MemberRow> =
            read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(edition)
                .bind(from_id)
                .bind(to_id)
                .fetch_all(db)
                .await)?;
        Ok(rows
            .into_iter()
            .filter(|r| r.status == "published" && r.article.edition != edition)
            .map(|r| r.article)
            .collect())
    }

    /// How many articles of `edition` were published in `[from, to]`: one range of the
    /// index `articles_published (edition, published_at, id)`.
    pub async fn count_published_between(
        &self,
        edition: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<i64> {
        let n: i64 = read!(self, |db| sqlx::query_scalar(
            "SELECT COUNT(*) FROM articles a WHERE a.edition = $1 AND a.status = 'published' \
             AND a.published_at >= $2 AND a.published_at <= $3"
        )
        .bind(edition)
        .bind(from)
        .bind(to)
        .fetch_one(db)
        .await)?;
        Ok(n)
    }

    /// One page of the articles of `edition` published in `[from, to]`, newest first (ties
    /// by id): `limit` of them (at most [`MAX_NEWS_PAGE`], more is refused) from `offset`.
    /// What a News sitemap file lists; a window of two days is short, so the offset walks a
    /// short stretch of the index.
    pub async fn published_between(
        &self,
        edition: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        offset: i64,
        limit: i64,
    ) -> Result<Vec<SitemapArticle>> {
        if !(0..=MAX_NEWS_PAGE).contains(&limit) || offset < 0 {
            return Err(StoreError::invalid(
                "limit",
                format!("a page holds 0 to {MAX_NEWS_PAGE} articles, from offset 0 up"),
            ));
        }
        let sql = format!(
            "SELECT {COLUMNS} FROM articles a WHERE a.edition = $1 AND a.status = 'published' \
             AND a.published_at >= $2 AND a.published_at <= $3 \
             ORDER BY a.published_at DESC, a.id DESC {}",
            crate::sql::limit_clause(limit, offset)
        );
        let rows: Vec<SitemapArticle> =
            read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(edition)
                .bind(from)
                .bind(to)
                .fetch_all(db)
                .await)?;
        Ok(rows)
    }
}
