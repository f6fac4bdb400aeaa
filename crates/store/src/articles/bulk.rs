//! Bulk import of already-published articles (the demo's archive, migrations from other
//! systems). One transaction per call with prepared statements: on SQLite that is what
//! makes 100,000 articles a matter of seconds rather than hours (one fsync per call).

use std::collections::BTreeSet;

use newsdesk_core::publishable::References;
use newsdesk_core::{ArticleDraft, ArticleStatus, Change};

use super::normalize;
use crate::Store;
use crate::columns::{INSERT_ARTICLE, NewArticle};
use crate::error::Result;
use crate::sql::micros;
use crate::types::BulkArticle;

impl Store {
    /// Inserts published articles with revision 1 each and returns their ids in order.
    /// Writes one `Taxonomy` event for the whole batch (for its edition when all items
    /// share one) instead of one event per article. Every item must satisfy the publish rule
    /// like any published article; related cards can name only articles already stored
    /// (an item's id is not known before the call).
    pub async fn insert_published_articles(&self, items: &[BulkArticle]) -> Result<Vec<i64>> {
        if items.is_empty() {
            return Ok(Vec::new());
        }
        let drafts = items
            .iter()
            .map(|item| normalize(&item.draft))
            .collect::<Result<Vec<ArticleDraft>>>()?;
        let editions: BTreeSet<&str> = drafts.iter().map(|d| d.edition.as_str()).collect();
        let event_edition = match editions.len() {
            1 => editions.first().map(|e| (*e).to_owned()),
            _ => None,
        };
        let groups: BTreeSet<i64> = items.iter().filter_map(|i| i.translation_group).collect();
        let all: Vec<&ArticleDraft> = drafts.iter().collect();
        let refs: Vec<References> = drafts.iter().map(References::of).collect();
        let ids = transaction!(self, |conn| {
            check_refs!(&mut *conn, &all, &refs, true)?;
            for group in &groups {
                sqlx::query(
                    "INSERT INTO translation_groups (id) VALUES ($1) ON CONFLICT (id) DO NOTHING",
                )
                .bind(*group)
                .execute(&mut *conn)
                .await?;
            }
            if !groups.is_empty()
                && let Some(sync) = crate::dialect::sync_translation_group_seq(&*conn)
            {
                sqlx::query(sync).execute(&mut *conn).await?;
            }
            let mut ids = Vec::with_capacity(items.len());
            for ((item, d), refs) in items.iter().zip(&drafts).zip(&refs) {
                let published_at = micros(item.published_at);
                let row = NewArticle {
                    draft: d,
                    translation_group: item.translation_group,
                    status: ArticleStatus::Published.as_str(),
                    published_at: Some(published_at),
                    first_published_at: Some(published_at),
                    created_at: published_at,
                    updated_at: published_at,
                    created_by: item.created_by,
                };
                let id: i64 = bind_new_article!(sqlx::query_scalar(INSERT_ARTICLE.as_str()), row)
                    .fetch_one(&mut *conn)
                    .await?;
                set_links!(conn, id, d, false)?;
                set_refs!(conn, id, refs, false)?;
                insert_revision!(conn, id, 1i64, item.created_by, published_at, d)?;
                ids.push(id);
            }
            insert_event!(
                conn,
                Change::Taxonomy {
                    edition: event_edition
                }
            )?;
            ids
        });
        Ok(ids)
    }
}
