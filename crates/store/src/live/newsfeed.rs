//! The newsfeed: every published article of an edition that is in the feed, and every
//! published short item, newest first.

use chrono::{DateTime, Utc};

use crate::Store;
use crate::error::Result;

/// What an entry of the newsfeed is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeedKind {
    Article,
    Item,
}

impl FeedKind {
    /// The prefix of an entry's key: `a42`, `n7`.
    pub fn prefix(self) -> char {
        match self {
            FeedKind::Article => 'a',
            FeedKind::Item => 'n',
        }
    }
}

/// One entry of the newsfeed, as much as the column and the live stream show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEntry {
    pub kind: FeedKind,
    pub id: i64,
    pub edition: String,
    pub headline: String,
    /// An article's lead, or the item's paragraph.
    pub text: String,
    /// An article's slug (its page is built from it); empty for an item.
    pub slug: String,
    /// An item's link; empty for an article.
    pub link: String,
    pub important: bool,
    pub breaking: bool,
    pub published_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl FeedEntry {
    /// Stable across edits: `a{id}` or `n{id}`.
    pub fn key(&self) -> String {
        format!("{}{}", self.kind.prefix(), self.id)
    }
}

type EntryRow = (
    String,
    i64,
    String,
    String,
    String,
    String,
    String,
    bool,
    bool,
    DateTime<Utc>,
    DateTime<Utc>,
);

fn entry(
    (kind, id, edition, headline, text, slug, link, important, breaking, published_at, updated_at): EntryRow,
) -> FeedEntry {
    FeedEntry {
        kind: if kind == "a" {
            FeedKind::Article
        } else {
            FeedKind::Item
        },
        id,
        edition,
        headline,
        text,
        slug,
        link,
        important,
        breaking,
        published_at,
        updated_at,
    }
}

const ARTICLES: &str = "SELECT 'a' AS kind, a.id, a.edition, a.headline, a.lead AS text, a.slug, \
     '' AS link, a.important, a.breaking, a.published_at, a.updated_at FROM articles a \
     WHERE a.status = 'published' AND a.in_newsfeed = TRUE AND a.published_at IS NOT NULL";
const ITEMS: &str = "SELECT 'n' AS kind, n.id, n.edition, n.headline, n.body AS text, '' AS slug, \
     n.link, n.important, n.breaking, n.published_at, n.updated_at FROM news_items n \
     WHERE n.status = 'published' AND n.published_at IS NOT NULL";

impl Store {
    /// The edition's newsfeed, newest first: at most `limit` entries published before
    /// `before` (all when `None`).
    pub async fn newsfeed(
        &self,
        edition: &str,
        before: Option<DateTime<Utc>>,
        limit: i64,
    ) -> Result<Vec<FeedEntry>> {
        let limit = limit.clamp(1, crate::MAX_LIST_LIMIT);
        // Each side is limited on its own first, so each walks only its index's head.
        let sql = format!(
            "SELECT * FROM ( \
               SELECT * FROM ({ARTICLES} AND a.edition = $1 AND ($2 IS NULL OR a.published_at < $2) \
                 ORDER BY a.published_at DESC, a.id DESC {lim}) fa \
               UNION ALL \
               SELECT * FROM ({ITEMS} AND n.edition = $1 AND ($2 IS NULL OR n.published_at < $2) \
                 ORDER BY n.published_at DESC, n.id DESC {lim}) fn \
             ) feed ORDER BY published_at DESC, kind, id DESC {lim}",
            lim = crate::sql::limit_clause(limit, 0)
        );
        let rows: Vec<EntryRow> =
            read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(edition)
                .bind(before)
                .fetch_all(db)
                .await)?;
        Ok(rows.into_iter().map(entry).collect())
    }

    /// The entry as the feed shows it now, `None` when it is not in the feed (a draft,
    /// unpublished, deleted, or taken out of the feed).
    pub async fn feed_entry(&self, kind: FeedKind, id: i64) -> Result<Option<FeedEntry>> {
        let sql = match kind {
            FeedKind::Article => format!("{ARTICLES} AND a.id = $1"),
            FeedKind::Item => format!("{ITEMS} AND n.id = $1"),
        };
        let row: Option<EntryRow> =
            read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(id)
                .fetch_optional(db)
                .await)?;
        Ok(row.map(entry))
    }

    /// Breaking entries of the edition published since `since`, newest first (the banner).
    pub async fn breaking_entries(
        &self,
        edition: &str,
        since: DateTime<Utc>,
    ) -> Result<Vec<FeedEntry>> {
        let sql = format!(
            "SELECT * FROM ( \
               {ARTICLES} AND a.edition = $1 AND a.breaking = TRUE AND a.published_at >= $2 \
               UNION ALL \
               {ITEMS} AND n.edition = $1 AND n.breaking = TRUE AND n.published_at >= $2 \
             ) feed ORDER BY published_at DESC, kind, id DESC LIMIT 5"
        );
        let rows: Vec<EntryRow> =
            read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(edition)
                .bind(since)
                .fetch_all(db)
                .await)?;
        Ok(rows.into_iter().map(entry).collect())
    }
}
