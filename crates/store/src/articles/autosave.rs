//! Autosaves: the article editor's text, saved on its own every few seconds and when the
//! page is left, one per staff account and article (or per account and edition for an
//! article not saved yet). An autosave is never the article: nothing here touches the
//! `articles` row, and restoring one only fills the form, whose save then goes through the
//! article's version check like any other.

use chrono::{DateTime, Utc};
use newsdesk_core::Article;
use newsdesk_core::article::{
    MAX_BODY, MAX_HEADLINE, MAX_LEAD, MAX_META_DESCRIPTION, MAX_SEO_TITLE,
};
use newsdesk_core::slug::MAX_SLUG_LEN;
use serde::{Deserialize, Serialize};
use sqlx::types::Json;

use crate::Store;
use crate::error::{Result, StoreError};

/// Which autosave of an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AutosaveSlot {
    /// Of a saved article.
    Article(i64),
    /// Of the new, never saved article the account is writing in this edition.
    New(String),
}

/// The form's text fields, as typed. Stored as JSON with a container default, so an
/// autosave written before a field was added still loads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AutosaveFields {
    pub headline: String,
    pub lead: String,
    pub body: String,
    pub slug: String,
    pub seo_title: String,
    pub meta_description: String,
}

/// A field longer than any article may hold: an autosave that large is refused rather
/// than kept, since no save could ever use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Oversized {
    pub field: &'static str,
    pub limit: usize,
    pub chars: usize,
}

impl AutosaveFields {
    /// The same fields of a saved article, to tell whether an autosave differs from it.
    pub fn of_article(a: &Article) -> Self {
        Self {
            headline: a.headline.clone(),
            lead: a.lead.clone(),
            body: a.body.clone(),
            slug: a.slug.clone(),
            seo_title: a.seo_title.clone(),
            meta_description: a.meta_description.clone(),
        }
    }

    /// Whether this is what `other` says, ignoring what saving normalises anyway (the
    /// whitespace around one-line fields, Windows line ends): a form that was only loaded
    /// and sent back is no change.
    pub fn same_text_as(&self, other: &AutosaveFields) -> bool {
        let line = |a: &str, b: &str| a.trim() == b.trim();
        let block = |a: &str, b: &str| a.replace("\r\n", "\n") == b.replace("\r\n", "\n");
        line(&self.headline, &other.headline)
            && line(&self.lead, &other.lead)
            && block(&self.body, &other.body)
            && line(&self.slug, &other.slug)
            && line(&self.seo_title, &other.seo_title)
            && line(&self.meta_description, &other.meta_description)
    }

    /// The first field over the limit an article has for it, if any. Lengths are counted
    /// in characters, as the article's own validation counts them.
    pub fn oversized(&self) -> Option<Oversized> {
        [
            ("headline", &self.headline, MAX_HEADLINE),
            ("lead", &self.lead, MAX_LEAD),
            ("body", &self.body, MAX_BODY),
            ("slug", &self.slug, MAX_SLUG_LEN),
            ("seo_title", &self.seo_title, MAX_SEO_TITLE),
            (
                "meta_description",
                &self.meta_description,
                MAX_META_DESCRIPTION,
            ),
        ]
        .into_iter()
        .find_map(|(field, value, limit)| {
            // Bytes bound characters from above: most values never need counting.
            if value.len() <= limit {
                return None;
            }
            let chars = value.chars().count();
            (chars > limit).then_some(Oversized {
                field,
                limit,
                chars,
            })
        })
    }
}

/// One stored autosave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Autosave {
    pub account_id: i64,
    pub edition: String,
    /// `None` for a new article's autosave.
    pub article_id: Option<i64>,
    /// The article version the form was loaded at (`None` for a new article).
    pub base_version: Option<i64>,
    pub fields: AutosaveFields,
    pub saved_at: DateTime<Utc>,
}

/// What [`Store::put_autosave`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AutosaveWrite {
    Saved {
        autosave: Autosave,
        /// The article's version now (`None` for a new article): above the autosave's
        /// `base_version` when someone else saved meanwhile.
        current_version: Option<i64>,
    },
    /// Not stored: the account itself saved the article after the version this autosave
    /// was made from (a request that was still on its way when they pressed Save), so its
    /// text is older than their own save.
    Superseded { current_version: i64 },
    /// Not stored: the account's autosave made from a newer version of the article (in
    /// another window) is kept rather than replaced by text from an older one.
    NewerKept(Autosave),
}

#[derive(sqlx::FromRow)]
struct AutosaveRow {
    account_id: i64,
    edition: String,
    article_id: Option<i64>,
    base_version: Option<i64>,
    fields: Json<AutosaveFields>,
    saved_at: DateTime<Utc>,
}

impl From<AutosaveRow> for Autosave {
    fn from(r: AutosaveRow) -> Self {
        Autosave {
            account_id: r.account_id,
            edition: r.edition,
            article_id: r.article_id,
            base_version: r.base_version,
            fields: r.fields.0,
            saved_at: r.saved_at,
        }
    }
}

const COLUMNS: &str = "account_id, edition, article_id, base_version, fields, saved_at";

impl Store {
    /// Stores `fields` as `account_id`'s autosave in `slot`, made from article version
    /// `base_version` (ignored for a new article). A version the article never had is
    /// `Invalid` on `version`; an article or edition that does not exist is `NotFound` /
    /// `Invalid` on `edition`.
    pub async fn put_autosave(
        &self,
        account_id: i64,
        slot: &AutosaveSlot,
        base_version: Option<i64>,
        fields: &AutosaveFields,
    ) -> Result<AutosaveWrite> {
        let at = crate::sql::now();
        match slot {
            AutosaveSlot::Article(id) => {
                let base = base_version.ok_or_else(|| {
                    StoreError::invalid("version", "must be the version the form was loaded at")
                })?;
                self.put_article_autosave(account_id, *id, base, fields, at)
                    .await
            }
            AutosaveSlot::New(edition) => {
                let row: Option<AutosaveRow> = transaction!(self, |conn| {
                    let known: Option<String> =
                        sqlx::query_scalar("SELECT code FROM editions WHERE code = $1")
                            .bind(edition)
                            .fetch_optional(&mut *conn)
                            .await?;
                    if known.is_none() {
                        None
                    } else {
                        let sql = format!(
                            "INSERT INTO article_autosaves ({COLUMNS}) \
                             VALUES ($1, $2, NULL, NULL, $3, $4) \
                             ON CONFLICT (account_id, edition) WHERE article_id IS NULL \
                             DO UPDATE SET fields = excluded.fields, saved_at = excluded.saved_at \
                             RETURNING {COLUMNS}"
                        );
                        Some(
                            sqlx::query_as::<_, AutosaveRow>(sqlx::AssertSqlSafe(sql))
                                .bind(account_id)
                                .bind(edition)
                                .bind(Json(fields))
                                .bind(at)
                                .fetch_one(&mut *conn)
                                .await?,
                        )
                    }
                });
                row.map(|r| AutosaveWrite::Saved {
                    autosave: r.into(),
                    current_version: None,
                })
                .ok_or_else(|| StoreError::invalid("edition", "no such edition"))
            }
        }
    }

    async fn put_article_autosave(
        &self,
        account_id: i64,
        id: i64,
        base: i64,
        fields: &AutosaveFields,
        at: DateTime<Utc>,
    ) -> Result<AutosaveWrite> {
        transaction!(self, |conn| {
            // Held to commit (a no-op UPDATE, which both backends take as a row lock): a
            // save of this article by the same account either committed before, and is
            // seen below, or waits and deletes this autosave after it.
            let held: Option<(String, i64)> = sqlx::query_as(
                "UPDATE articles SET version = version WHERE id = $1 RETURNING edition, version",
            )
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
            let Some((edition, version)) = held else {
                return Err(StoreError::NotFound);
            };
            // Who saved the current version (the revision of that number).
            let saved_by: Option<i64> = sqlx::query_scalar::<_, Option<i64>>(
                "SELECT account_id FROM revisions WHERE article_id = $1 AND number = $2",
            )
            .bind(id)
            .bind(version)
            .fetch_optional(&mut *conn)
            .await?
            .flatten();
            if !(1..=version).contains(&base) {
                return Err(StoreError::invalid(
                    "version",
                    format!("is not a version of this article (it is at version {version})"),
                ));
            }
            if base < version && saved_by == Some(account_id) {
                return Ok(AutosaveWrite::Superseded {
                    current_version: version,
                });
            }
            let sql = format!(
                "SELECT {COLUMNS} FROM article_autosaves WHERE account_id = $1 AND article_id = $2"
            );
            let existing: Option<AutosaveRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(account_id)
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
            if let Some(existing) = existing
                && existing.base_version.is_some_and(|b| b > base)
            {
                return Ok(AutosaveWrite::NewerKept(existing.into()));
            }
            let sql = format!(
                "INSERT INTO article_autosaves ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (account_id, article_id) WHERE article_id IS NOT NULL \
                 DO UPDATE SET edition = excluded.edition, base_version = excluded.base_version, \
                 fields = excluded.fields, saved_at = excluded.saved_at \
                 RETURNING {COLUMNS}"
            );
            let row: AutosaveRow = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(account_id)
                .bind(&edition)
                .bind(id)
                .bind(base)
                .bind(Json(fields))
                .bind(at)
                .fetch_one(&mut *conn)
                .await?;
            Ok(AutosaveWrite::Saved {
                autosave: row.into(),
                current_version: Some(version),
            })
        })
    }

    /// `account_id`'s autosave in `slot`, if there is one.
    pub async fn autosave(&self, account_id: i64, slot: &AutosaveSlot) -> Result<Option<Autosave>> {
        let row: Option<AutosaveRow> = match slot {
            AutosaveSlot::Article(id) => {
                let sql = format!(
                    "SELECT {COLUMNS} FROM article_autosaves \
                     WHERE account_id = $1 AND article_id = $2"
                );
                read!(self, |db| sqlx::query_as::<_, AutosaveRow>(
                    sqlx::AssertSqlSafe(sql)
                )
                .bind(account_id)
                .bind(*id)
                .fetch_optional(db)
                .await)?
            }
            AutosaveSlot::New(edition) => {
                let sql = format!(
                    "SELECT {COLUMNS} FROM article_autosaves \
                     WHERE account_id = $1 AND edition = $2 AND article_id IS NULL"
                );
                read!(self, |db| sqlx::query_as::<_, AutosaveRow>(
                    sqlx::AssertSqlSafe(sql)
                )
                .bind(account_id)
                .bind(edition)
                .fetch_optional(db)
                .await)?
            }
        };
        Ok(row.map(Autosave::from))
    }

    /// Deletes `account_id`'s autosave in `slot`; whether there was one.
    pub async fn delete_autosave(&self, account_id: i64, slot: &AutosaveSlot) -> Result<bool> {
        let deleted = match slot {
            AutosaveSlot::Article(id) => exec!(self, |db| sqlx::query(
                "DELETE FROM article_autosaves WHERE account_id = $1 AND article_id = $2"
            )
            .bind(account_id)
            .bind(*id)
            .execute(db)
            .await
            .map(|r| r.rows_affected()))?,
            AutosaveSlot::New(edition) => exec!(self, |db| sqlx::query(
                "DELETE FROM article_autosaves \
                 WHERE account_id = $1 AND edition = $2 AND article_id IS NULL"
            )
            .bind(account_id)
            .bind(edition)
            .execute(db)
            .await
            .map(|r| r.rows_affected()))?,
        };
        Ok(deleted > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oversized_names_the_first_field_over_its_limit_in_characters() {
        let mut f = AutosaveFields {
            // 200 two-byte characters: over 200 bytes, within 200 characters.
            headline: "ж".repeat(200),
            ..AutosaveFields::default()
        };
        assert_eq!(f.oversized(), None);
        f.body = "a".repeat(MAX_BODY + 1);
        assert_eq!(
            f.oversized(),
            Some(Oversized {
                field: "body",
                limit: MAX_BODY,
                chars: MAX_BODY + 1
            })
        );
        f.seo_title = "t".repeat(71);
        assert_eq!(f.oversized().map(|o| o.field), Some("body"));
    }

    #[test]
    fn the_same_text_ignores_what_saving_normalises() {
        let saved = AutosaveFields {
            headline: "Storm".into(),
            body: "One\n\nTwo".into(),
            ..AutosaveFields::default()
        };
        let typed = AutosaveFields {
            headline: " Storm ".into(),
            body: "One\r\n\r\nTwo".into(),
            ..AutosaveFields::default()
        };
        assert!(typed.same_text_as(&saved));
        let changed = AutosaveFields {
            body: "One\n\nTwo!".into(),
            ..typed
        };
        assert!(!changed.same_text_as(&saved));
    }
}
