//! Revisions, corrections and translations.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use newsdesk_core::{Article, ArticleDraft, ArticleId, Correction, Event, Revision};
use sqlx::types::Json;

use super::article_change;
use crate::Store;
use crate::error::{Result, StoreError};
use crate::sql::Arg;
use crate::types::ArticleSummary;

type RevisionRow = (i64, i64, Option<i64>, DateTime<Utc>, Json<ArticleDraft>);

fn revision((article_id, number, account_id, created_at, draft): RevisionRow) -> Revision {
    Revision {
        article_id,
        number,
        account_id,
        created_at,
        draft: draft.0,
    }
}

impl Store {
    /// Oldest first, as printed under the article.
    pub async fn list_corrections(&self, article_id: i64) -> Result<Vec<Correction>> {
        let rows: Vec<(i64, i64, DateTime<Utc>, String)> = read!(self, |db| sqlx::query_as(
            "SELECT id, article_id, created_at, text FROM corrections WHERE article_id = $1 \
             ORDER BY created_at, id"
        )
        .bind(article_id)
        .fetch_all(db)
        .await)?;
        Ok(rows
            .into_iter()
            .map(|(id, article_id, created_at, text)| Correction {
                id,
                article_id,
                created_at,
                text,
            })
            .collect())
    }

    /// Newest first.
    pub async fn list_revisions(&self, article_id: i64) -> Result<Vec<Revision>> {
        let rows: Vec<RevisionRow> = read!(self, |db| sqlx::query_as(
            "SELECT article_id, number, account_id, created_at, draft FROM revisions \
             WHERE article_id = $1 ORDER BY number DESC"
        )
        .bind(article_id)
        .fetch_all(db)
        .await)?;
        Ok(rows.into_iter().map(revision).collect())
    }

    pub async fn get_revision(&self, article_id: i64, number: i64) -> Result<Revision> {
        let row: RevisionRow = read!(self, |db| sqlx::query_as(
            "SELECT article_id, number, account_id, created_at, draft FROM revisions \
             WHERE article_id = $1 AND number = $2"
        )
        .bind(article_id)
        .bind(number)
        .fetch_one(db)
        .await)?;
        Ok(revision(row))
    }

    /// A fresh translation-group id (for bulk imports that link translations).
    pub async fn new_translation_group(&self) -> Result<i64> {
        let id: i64 = exec!(self, |db| sqlx::query_scalar(
            "INSERT INTO translation_groups DEFAULT VALUES RETURNING id"
        )
        .fetch_one(db)
        .await)?;
        Ok(id)
    }

    /// Puts both articles (and the groups they were already in) into one translation group.
    /// A group holds at most one article per edition. Every member's pages change (their
    /// language alternates), so each gets an event; the one for `id` is returned.
    pub async fn link_translation(&self, id: ArticleId, other_id: ArticleId) -> Result<Event> {
        let (id, other_id) = (id.0, other_id.0);
        if id == other_id {
            return Err(StoreError::invalid(
                "translation",
                "an article is not its own translation",
            ));
        }
        let event = transaction!(self, |conn| {
            let a = load_article!(&mut *conn, id)?;
            let b = load_article!(&mut *conn, other_id)?;
            if a.edition == b.edition {
                return Err(StoreError::invalid(
                    "translation",
                    "a translation must be in another edition",
                ));
            }
            let (ga, gb) = (a.translation_group, b.translation_group);
            if ga.is_some() && ga == gb {
                // Already linked: nothing changes, but callers still get an event to return.
                insert_event!(conn, article_change(Some(&a), Some(&a)))?
            } else {
                // Editions already present on each side.
                let mut editions_a = BTreeSet::from([a.edition.clone()]);
                let mut editions_b = BTreeSet::from([b.edition.clone()]);
                for (group, into) in [(ga, &mut editions_a), (gb, &mut editions_b)] {
                    if let Some(g) = group {
                        let eds: Vec<String> = sqlx::query_scalar(
                            "SELECT edition FROM articles WHERE translation_group = $1",
                        )
                        .bind(g)
                        .fetch_all(&mut *conn)
                        .await?;
                        into.extend(eds);
                    }
                }
                if let Some(shared) = editions_a.intersection(&editions_b).next() {
                    return Err(StoreError::invalid(
                        "translation",
                        format!("the group already has an article in edition {shared}"),
                    ));
                }
                let group = match ga.or(gb) {
                    Some(g) => g,
                    None => {
                        sqlx::query_scalar::<_, i64>(
                            "INSERT INTO translation_groups DEFAULT VALUES RETURNING id",
                        )
                        .fetch_one(&mut *conn)
                        .await?
                    }
                };
                let mut args = vec![Arg::Int(group), Arg::Int(a.id), Arg::Int(b.id)];
                let mut sql =
                    "UPDATE articles SET translation_group = $1 WHERE id IN ($2, $3)".to_owned();
                for old in [ga, gb].into_iter().flatten().filter(|g| *g != group) {
                    args.push(Arg::Int(old));
                    sql.push_str(&format!(" OR translation_group = ${}", args.len()));
                }
                bind_args!(sqlx::query(sqlx::AssertSqlSafe(sql)), args)
                    .execute(&mut *conn)
                    .await?;
                let ids: Vec<i64> = sqlx::query_scalar(
                    "SELECT id FROM articles WHERE translation_group = $1 ORDER BY id",
                )
                .bind(group)
                .fetch_all(&mut *conn)
                .await?;
                let mut ordered = vec![id];
                ordered.extend(ids.into_iter().filter(|m| *m != id));
                let articles = load_articles!(&mut *conn, &ordered)?;
                let mut first = None;
                for article in &articles {
                    let event = insert_event!(conn, article_change(None, Some(article)))?;
                    first.get_or_insert(event);
                }
                first.ok_or(StoreError::NotFound)?
            }
        });
        Ok(event)
    }

    /// The published members of the article's translation group in other editions.
    pub async fn translations(&self, article: &Article) -> Result<Vec<ArticleSummary>> {
        let Some(group) = article.translation_group else {
            return Ok(Vec::new());
        };
        let sql = concat!(
            "SELECT ",
            summary_cols!(),
            " FROM articles a WHERE a.translation_group = $1 AND a.edition <> $2 \
             AND a.status = 'published' ORDER BY a.edition"
        );
        let args = [Arg::Int(group), Arg::Text(article.edition.clone())];
        read!(self, |db| load_summaries!(db, sql, args))
    }
}
