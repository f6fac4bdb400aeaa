//! Short items written for the newsfeed alone. Every write that readers can notice (a
//! published item written, changed, unpublished or deleted) writes a `news_item` outbox
//! event in its transaction, which the live streams and the page cache follow.

use chrono::{DateTime, Utc};
use newsdesk_core::{Change, Event, NewsItem, NewsItemDraft, NewsItemStatus};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::sql::now;

const ITEM_COLS: &str = "id, edition, headline, body, link, important, breaking, status, \
     published_at, created_by, created_at, updated_at";

type ItemRow = (
    i64,
    String,
    String,
    String,
    String,
    bool,
    bool,
    String,
    Option<DateTime<Utc>>,
    Option<i64>,
    DateTime<Utc>,
    DateTime<Utc>,
);

fn item(row: ItemRow) -> Result<NewsItem> {
    let (
        id,
        edition,
        headline,
        body,
        link,
        important,
        breaking,
        status,
        published_at,
        created_by,
        created_at,
        updated_at,
    ) = row;
    Ok(NewsItem {
        id,
        edition,
        headline,
        body,
        link,
        important,
        breaking,
        status: status
            .parse::<NewsItemStatus>()
            .map_err(|_| StoreError::corrupt("news item status", &status))?,
        published_at,
        created_by,
        created_at,
        updated_at,
    })
}

impl Store {
    /// Writes a new item, published at once when `publish`.
    pub async fn create_news_item(
        &self,
        draft: &NewsItemDraft,
        publish: bool,
        by: Option<i64>,
    ) -> Result<(NewsItem, Option<Event>)> {
        self.create_news_item_at(draft, publish, by, now()).await
    }

    /// [`Store::create_news_item`] as if written at `at` (imports and the demo, which
    /// fill a day of the feed at once).
    pub async fn create_news_item_at(
        &self,
        draft: &NewsItemDraft,
        publish: bool,
        by: Option<i64>,
        at: DateTime<Utc>,
    ) -> Result<(NewsItem, Option<Event>)> {
        draft.validate()?;
        self.edition_exists(&draft.edition).await?;
        let at = crate::sql::micros(at);
        let status = if publish {
            NewsItemStatus::Published
        } else {
            NewsItemStatus::Draft
        };
        let (id, event) = transaction!(self, |conn| {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO news_items (edition, headline, body, link, important, breaking, \
                 status, published_at, created_by, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
            )
            .bind(&draft.edition)
            .bind(draft.headline.trim())
            .bind(draft.body.trim())
            .bind(draft.link.trim())
            .bind(draft.important)
            .bind(draft.breaking)
            .bind(status.as_str())
            .bind(publish.then_some(at))
            .bind(by)
            .bind(at)
            .fetch_one(&mut *conn)
            .await?;
            let event = if publish {
                Some(insert_event!(
                    conn,
                    Change::NewsItem {
                        id,
                        edition: draft.edition.clone(),
                        public: true,
                    }
                )?)
            } else {
                None
            };
            (id, event)
        });
        Ok((self.news_item(id).await?, event))
    }

    pub async fn news_item(&self, id: i64) -> Result<NewsItem> {
        let sql = format!("SELECT {ITEM_COLS} FROM news_items WHERE id = $1");
        let row: ItemRow = read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(id)
            .fetch_one(db)
            .await)?;
        item(row)
    }

    /// Items of an edition (all editions when `None`), newest first: published by
    /// publication time, then the rest by their last change.
    pub async fn list_news_items(
        &self,
        edition: Option<&str>,
        status: Option<NewsItemStatus>,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<NewsItem>> {
        let sql = format!(
            "SELECT {ITEM_COLS} FROM news_items WHERE ($1 IS NULL OR edition = $1) \
             AND ($2 IS NULL OR status = $2) \
             ORDER BY COALESCE(published_at, updated_at) DESC, id DESC {}",
            crate::sql::limit_clause(limit.clamp(1, crate::MAX_LIST_LIMIT), offset.max(0))
        );
        let rows: Vec<ItemRow> =
            read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(edition)
                .bind(status.map(NewsItemStatus::as_str))
                .fetch_all(db)
                .await)?;
        rows.into_iter().map(item).collect()
    }

    /// Replaces an item's text and marks; a published item stays published (readers see
    /// the change in place).
    pub async fn update_news_item(
        &self,
        id: i64,
        draft: &NewsItemDraft,
    ) -> Result<(NewsItem, Option<Event>)> {
        draft.validate()?;
        let before = self.news_item(id).await?;
        if before.edition != draft.edition {
            return Err(StoreError::invalid(
                "edition",
                "an item stays in its edition; write a new one for another",
            ));
        }
        let event = transaction!(self, |conn| {
            sqlx::query(
                "UPDATE news_items SET headline = $2, body = $3, link = $4, important = $5, \
                 breaking = $6, updated_at = $7 WHERE id = $1",
            )
            .bind(id)
            .bind(draft.headline.trim())
            .bind(draft.body.trim())
            .bind(draft.link.trim())
            .bind(draft.important)
            .bind(draft.breaking)
            .bind(now())
            .execute(&mut *conn)
            .await?;
            if before.is_public() {
                Some(insert_event!(
                    conn,
                    Change::NewsItem {
                        id,
                        edition: before.edition.clone(),
                        public: true,
                    }
                )?)
            } else {
                None
            }
        });
        Ok((self.news_item(id).await?, event))
    }

    /// Publishes or unpublishes an item. Publishing again keeps its first time (its place
    /// in the feed); an event is written only when readers' view changes.
    pub async fn set_news_item_status(
        &self,
        id: i64,
        status: NewsItemStatus,
    ) -> Result<(NewsItem, Option<Event>)> {
        let before = self.news_item(id).await?;
        if before.status == status {
            return Ok((before, None));
        }
        if status == NewsItemStatus::Draft {
            return Err(StoreError::invalid(
                "status",
                "an item goes back to draft only by unpublishing it",
            ));
        }
        let at = now();
        let public = before.is_public() || status == NewsItemStatus::Published;
        let event = transaction!(self, |conn| {
            sqlx::query(
                "UPDATE news_items SET status = $2, updated_at = $3, \
                 published_at = CASE WHEN $2 = 'published' THEN COALESCE(published_at, $3) \
                 ELSE published_at END WHERE id = $1",
            )
            .bind(id)
            .bind(status.as_str())
            .bind(at)
            .execute(&mut *conn)
            .await?;
            if public {
                Some(insert_event!(
                    conn,
                    Change::NewsItem {
                        id,
                        edition: before.edition.clone(),
                        public: true,
                    }
                )?)
            } else {
                None
            }
        });
        Ok((self.news_item(id).await?, event))
    }

    pub async fn delete_news_item(&self, id: i64) -> Result<(NewsItem, Option<Event>)> {
        let before = self.news_item(id).await?;
        let event = transaction!(self, |conn| {
            sqlx::query("DELETE FROM news_items WHERE id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?;
            if before.is_public() {
                Some(insert_event!(
                    conn,
                    Change::NewsItem {
                        id,
                        edition: before.edition.clone(),
                        public: true,
                    }
                )?)
            } else {
                None
            }
        });
        Ok((before, event))
    }

    /// `Invalid` on `edition` unless the edition exists (items and rooms name one).
    pub(crate) async fn edition_exists(&self, code: &str) -> Result<()> {
        let found: Option<String> = read!(self, |db| sqlx::query_scalar(
            "SELECT code FROM editions WHERE code = $1"
        )
        .bind(code)
        .fetch_optional(db)
        .await)?;
        match found {
            Some(_) => Ok(()),
            None => Err(StoreError::invalid("edition", "no such edition")),
        }
    }
}
