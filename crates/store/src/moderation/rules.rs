//! An edition's rules, pre-moderated sections, whether a discussion is open.

use super::{
    ArticlePathRow, ClosedDiscussion, DiscussionFacts, FactsRow, ModerationSettings, SettingsRow,
};
use crate::Store;
use crate::error::{Result, StoreError};
use crate::sql::now;

impl Store {
    pub async fn moderation_settings(&self, edition: &str) -> Result<ModerationSettings> {
        let row: Option<SettingsRow> = read!(self, |db| sqlx::query_as(
            "SELECT edition, close_after_days, trust_after, new_account_minutes, max_links, \
             banned_words, suspect_words FROM moderation_settings WHERE edition = $1"
        )
        .bind(edition)
        .fetch_optional(db)
        .await)?;
        Ok(match row {
            None => ModerationSettings::defaults(edition),
            Some((edition, close, trust, new_minutes, links, banned, suspect)) => {
                ModerationSettings {
                    edition,
                    close_after_days: close,
                    trust_after: trust,
                    new_account_minutes: new_minutes,
                    max_links: links,
                    banned_words: banned,
                    suspect_words: suspect,
                }
            }
        })
    }

    pub async fn set_moderation_settings(&self, s: &ModerationSettings) -> Result<()> {
        s.validate()?;
        exec!(self, |db| sqlx::query(
            "INSERT INTO moderation_settings (edition, close_after_days, trust_after, \
             new_account_minutes, max_links, banned_words, suspect_words, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (edition) DO UPDATE SET \
             close_after_days = excluded.close_after_days, trust_after = excluded.trust_after, \
             new_account_minutes = excluded.new_account_minutes, max_links = excluded.max_links, \
             banned_words = excluded.banned_words, suspect_words = excluded.suspect_words, \
             updated_at = excluded.updated_at"
        )
        .bind(&s.edition)
        .bind(s.close_after_days)
        .bind(s.trust_after)
        .bind(s.new_account_minutes)
        .bind(s.max_links)
        .bind(&s.banned_words)
        .bind(&s.suspect_words)
        .bind(now())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))
        .map_err(|e| match StoreError::from(e) {
            StoreError::Conflict { .. } => StoreError::invalid("edition", "no such edition"),
            other => other,
        })?;
        Ok(())
    }

    /// Whether comments in a section wait for a moderator.
    pub async fn set_section_premoderated(&self, section_id: i64, on: bool) -> Result<()> {
        let done = exec!(self, |db| sqlx::query(
            "UPDATE sections SET premoderated = $2 WHERE id = $1"
        )
        .bind(section_id)
        .bind(on)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Ids of the pre-moderated sections.
    pub async fn premoderated_sections(&self) -> Result<Vec<i64>> {
        Ok(read!(self, |db| sqlx::query_scalar(
            "SELECT id FROM sections WHERE premoderated ORDER BY id"
        )
        .fetch_all(db)
        .await)?)
    }

    /// The article's discussion facts; `NotFound` for no article.
    pub async fn discussion_facts(&self, article_id: i64) -> Result<DiscussionFacts> {
        let (article_id, edition, status, first, premoderated, closed): FactsRow =
            read!(self, |db| sqlx::query_as(
                "SELECT a.id, a.edition, a.status, a.first_published_at, \
                 COALESCE(s.premoderated, FALSE), \
                 EXISTS (SELECT 1 FROM discussion_closures d WHERE d.article_id = a.id) \
                 FROM articles a LEFT JOIN sections s ON s.id = a.section_id WHERE a.id = $1"
            )
            .bind(article_id)
            .fetch_one(db)
            .await)?;
        Ok(DiscussionFacts {
            article_id,
            edition,
            status: status
                .parse()
                .map_err(|_| StoreError::invalid("status", "unknown article status"))?,
            first_published_at: first,
            premoderated,
            closed_by_hand: closed,
        })
    }

    /// Closes (or reopens) an article's discussion by hand.
    pub async fn set_discussion_closed(
        &self,
        article_id: i64,
        closed: bool,
        by: Option<i64>,
    ) -> Result<()> {
        if closed {
            exec!(self, |db| sqlx::query(
                "INSERT INTO discussion_closures (article_id, closed_at, closed_by) \
                 VALUES ($1, $2, $3) ON CONFLICT (article_id) DO NOTHING"
            )
            .bind(article_id)
            .bind(now())
            .bind(by)
            .execute(db)
            .await
            .map(|r| r.rows_affected()))
            .map_err(super::absent)?;
        } else {
            exec!(self, |db| sqlx::query(
                "DELETE FROM discussion_closures WHERE article_id = $1"
            )
            .bind(article_id)
            .execute(db)
            .await
            .map(|r| r.rows_affected()))?;
        }
        Ok(())
    }

    /// Discussions closed by hand, most recently closed first.
    pub async fn closed_discussions(&self, limit: i64) -> Result<Vec<ClosedDiscussion>> {
        // The last column is when it was closed (the shape of an article-path row).
        let rows: Vec<ArticlePathRow> = read!(self, |db| sqlx::query_as(
            "SELECT a.id, a.edition, a.headline, a.slug, a.published_at, d.closed_at \
                 FROM discussion_closures d JOIN articles a ON a.id = d.article_id \
                 ORDER BY d.closed_at DESC LIMIT $1"
        )
        .bind(limit.clamp(1, 500))
        .fetch_all(db)
        .await)?;
        Ok(rows
            .into_iter()
            .map(
                |(id, edition, headline, slug, published, closed_at)| ClosedDiscussion {
                    article_id: id,
                    headline,
                    path: newsdesk_core::article::article_path(
                        &edition,
                        published.unwrap_or(closed_at),
                        &slug,
                        id,
                    ),
                    closed_at,
                },
            )
            .collect())
    }
}
