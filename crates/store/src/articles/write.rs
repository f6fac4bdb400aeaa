//! Creating, saving, deleting and correcting articles.

use newsdesk_core::article::validate_correction;
use newsdesk_core::publishable::References;
use newsdesk_core::{Article, ArticleDraft, ArticleId, ArticleStatus, Correction, Event};

use super::{article_change, normalize};
use crate::Store;
use crate::columns::{INSERT_ARTICLE, NewArticle, UPDATE_ARTICLE};
use crate::error::{Result, StoreError};
use crate::sql::now;

impl Store {
    /// A new draft: version 1, revision 1. Refused (`Invalid`, on `body` or `hero_photo_id`)
    /// when a photo or related article it names does not exist.
    pub async fn create_article(
        &self,
        d: &ArticleDraft,
        actor: Option<i64>,
    ) -> Result<(Article, Event)> {
        let generated = d.slug.is_empty();
        let mut d = normalize(d)?;
        let refs = References::of(&d);
        let at = now();
        let out = transaction!(self, |conn| {
            check_refs!(&mut *conn, &[&d], std::slice::from_ref(&refs), false)?;
            if generated {
                d.slug = free_slug!(conn, &d.edition, &d.slug, 0i64)?;
            }
            let row = NewArticle {
                draft: &d,
                translation_group: None,
                status: ArticleStatus::Draft.as_str(),
                published_at: None,
                first_published_at: None,
                created_at: at,
                updated_at: at,
                created_by: actor,
            };
            let id: i64 = bind_new_article!(sqlx::query_scalar(INSERT_ARTICLE.as_str()), row)
                .fetch_one(&mut *conn)
                .await?;
            set_links!(conn, id, &d, false)?;
            set_refs!(conn, id, &refs, false)?;
            claim_slug!(conn, &d.edition, &d.slug)?;
            insert_revision!(conn, id, 1i64, actor, at, &d)?;
            let article = load_article!(&mut *conn, id)?;
            let event = insert_event!(conn, article_change(None, Some(&article)))?;
            (article, event)
        });
        Ok(out)
    }

    /// Saves a new version. `expected_version` is the version the editor started from;
    /// if someone saved since, nothing is written and `Stale` says the current version.
    /// Like a new draft, it must not name photos or related articles that do not exist; a
    /// published article must also stay publishable (`Invalid` with the publish rule's
    /// messages), since the save goes straight to readers.
    pub async fn update_article(
        &self,
        id: ArticleId,
        expected_version: i64,
        d: &ArticleDraft,
        actor: Option<i64>,
    ) -> Result<(Article, Event)> {
        let id = id.0;
        let generated = d.slug.is_empty();
        let mut d = normalize(d)?;
        let refs = References::of(&d);
        let at = now();
        let out = transaction!(self, |conn| {
            let before = load_article!(&mut *conn, id)?;
            if before.version != expected_version {
                return Err(StoreError::Stale {
                    current_version: before.version,
                });
            }
            if d.edition != before.edition {
                return Err(StoreError::invalid(
                    "edition",
                    "an article stays in its edition; link a translation instead",
                ));
            }
            check_refs!(
                &mut *conn,
                &[&d],
                std::slice::from_ref(&refs),
                before.status == ArticleStatus::Published
            )?;
            if generated {
                d.slug = free_slug!(conn, &d.edition, &d.slug, id)?;
            }
            let version = before.version + 1;
            // `AND version = $2`: on PostgreSQL a concurrent save that committed after our
            // read makes this update match nothing, instead of silently overwriting it.
            let q = sqlx::query(UPDATE_ARTICLE.as_str())
                .bind(id)
                .bind(expected_version);
            // Then the values of ARTICLE_CONTENT and ARTICLE_SAVE, in their order.
            let updated = bind_article_content!(q, &d)
                .bind(at)
                .bind(version)
                .execute(&mut *conn)
                .await?;
            if updated.rows_affected() == 0 {
                let current: i64 = sqlx::query_scalar("SELECT version FROM articles WHERE id = $1")
                    .bind(id)
                    .fetch_one(&mut *conn)
                    .await?;
                return Err(StoreError::Stale {
                    current_version: current,
                });
            }
            if before.slug != d.slug {
                // The old URL keeps working: it redirects to the new slug.
                sqlx::query(
                    "INSERT INTO article_old_slugs (edition, slug, article_id) VALUES ($1, $2, $3) \
                     ON CONFLICT (edition, slug) DO UPDATE SET article_id = excluded.article_id",
                )
                .bind(&before.edition)
                .bind(&before.slug)
                .bind(id)
                .execute(&mut *conn)
                .await?;
                claim_slug!(conn, &d.edition, &d.slug)?;
            }
            set_links!(conn, id, &d, true)?;
            set_refs!(conn, id, &refs, true)?;
            insert_revision!(conn, id, version, actor, at, &d)?;
            let after = load_article!(&mut *conn, id)?;
            let event = insert_event!(conn, article_change(Some(&before), Some(&after)))?;
            (after, event)
        });
        Ok(out)
    }

    /// Deletes an article with its revisions, corrections and old slugs. The returned event
    /// has status `deleted`. Refused with `InUse` while a published or scheduled article
    /// links it (`::related[id]`); drafts that link it are left as they are and are refused
    /// on their next save until the embed goes.
    pub async fn delete_article(&self, id: i64, actor: Option<i64>) -> Result<Event> {
        let _ = actor; // Who deleted is the audit log's business (see `audit`).
        let event = transaction!(self, |conn| {
            let before = load_article!(&mut *conn, id)?;
            // Delete first, ask after: the DELETE holds the row, so an article being
            // published meanwhile with a card for this one has either committed (and is
            // seen here) or waits and then finds it gone.
            let deleted = sqlx::query("DELETE FROM articles WHERE id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?;
            // A concurrent delete won: it wrote the event, this one must not write another.
            if deleted.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            let used_by = public_users!(conn, crate::refs::ARTICLE, id, id)?;
            if !used_by.is_empty() {
                return Err(StoreError::InUse {
                    what: format!("article {id}"),
                    used_by,
                });
            }
            insert_event!(conn, article_change(Some(&before), None))?
        });
        Ok(event)
    }

    /// Appends a public correction note; the article counts as changed (updated_at).
    pub async fn add_correction(
        &self,
        id: i64,
        text: &str,
        actor: Option<i64>,
    ) -> Result<(Correction, Event)> {
        validate_correction(text)?;
        let text = text.trim();
        let at = now();
        let out = transaction!(self, |conn| {
            let before = load_article!(&mut *conn, id)?;
            let correction_id: i64 = sqlx::query_scalar(
                "INSERT INTO corrections (article_id, created_at, text, created_by) \
                 VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(id)
            .bind(at)
            .bind(text)
            .bind(actor)
            .fetch_one(&mut *conn)
            .await?;
            sqlx::query("UPDATE articles SET updated_at = $2 WHERE id = $1")
                .bind(id)
                .bind(at)
                .execute(&mut *conn)
                .await?;
            let after = load_article!(&mut *conn, id)?;
            let event = insert_event!(conn, article_change(Some(&before), Some(&after)))?;
            let correction = Correction {
                id: correction_id,
                article_id: id,
                created_at: at,
                text: text.to_owned(),
            };
            (correction, event)
        });
        Ok(out)
    }
}
