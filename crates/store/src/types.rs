//! Values the store takes and returns beyond the core content model.

use chrono::{DateTime, Utc};
use newsdesk_core::article::article_path;
use newsdesk_core::{ArticleDraft, ArticleStatus, Credit, Event, JobId, Role};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSection {
    pub edition: String,
    pub slug: String,
    pub name: String,
    pub position: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTag {
    pub edition: String,
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAuthor {
    pub slug: String,
    pub name: String,
    pub bio: String,
    pub photo_id: Option<i64>,
    pub account_id: Option<i64>,
}

/// A photo as uploaded: [`newsdesk_core::Photo`] without what the store assigns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPhoto {
    pub key: String,
    pub content_type: String,
    pub width: u32,
    pub height: u32,
    pub byte_size: i64,
    pub caption: String,
    pub alt_text: String,
    pub credit: Credit,
    pub copyright_notice: String,
    pub copyright_year: Option<i32>,
    pub uploaded_by: Option<i64>,
}

/// The editable text of a photo.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoText {
    pub caption: String,
    pub alt_text: String,
    pub credit: Credit,
    pub copyright_notice: String,
    pub copyright_year: Option<i32>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewEntity {
    pub name: String,
    pub aliases: Vec<String>,
    /// Note per edition code.
    pub notes: std::collections::BTreeMap<String, String>,
}

/// Which articles to list. `Default` = published articles of every edition, newest first,
/// 20 per page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleQuery {
    pub edition: Option<String>,
    /// `None` = published (unless `any_status`).
    pub status: Option<ArticleStatus>,
    /// Every status; for the newsroom's lists (ordered by last change).
    pub any_status: bool,
    pub section_id: Option<i64>,
    pub tag_id: Option<i64>,
    pub author_id: Option<i64>,
    /// Case-insensitive headline substring.
    pub search: Option<String>,
    pub in_newsfeed: Option<bool>,
    pub published_from: Option<DateTime<Utc>>,
    pub published_before: Option<DateTime<Utc>>,
    pub created_by: Option<i64>,
    pub limit: i64,
    pub offset: i64,
}

impl Default for ArticleQuery {
    fn default() -> Self {
        ArticleQuery {
            edition: None,
            status: None,
            any_status: false,
            section_id: None,
            tag_id: None,
            author_id: None,
            search: None,
            in_newsfeed: None,
            published_from: None,
            published_before: None,
            created_by: None,
            limit: 20,
            offset: 0,
        }
    }
}

/// What lists, cards, feeds and sitemaps need, without the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: i64,
    pub edition: String,
    pub slug: String,
    pub headline: String,
    pub lead: String,
    pub hero_photo_id: Option<i64>,
    pub section_id: Option<i64>,
    pub author_ids: Vec<i64>,
    pub tag_ids: Vec<i64>,
    pub status: ArticleStatus,
    pub published_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub first_published_at: Option<DateTime<Utc>>,
    pub breaking: bool,
    pub important: bool,
    pub in_newsfeed: bool,
    pub version: i64,
    pub created_by: Option<i64>,
}

impl From<&newsdesk_core::Article> for ArticleSummary {
    fn from(a: &newsdesk_core::Article) -> Self {
        ArticleSummary {
            id: a.id,
            edition: a.edition.clone(),
            slug: a.slug.clone(),
            headline: a.headline.clone(),
            lead: a.lead.clone(),
            hero_photo_id: a.hero_photo_id,
            section_id: a.section_id,
            author_ids: a.author_ids.clone(),
            tag_ids: a.tag_ids.clone(),
            status: a.status,
            published_at: a.published_at,
            updated_at: a.updated_at,
            created_at: a.created_at,
            first_published_at: a.first_published_at,
            breaking: a.breaking,
            important: a.important,
            in_newsfeed: a.in_newsfeed,
            version: a.version,
            created_by: a.created_by,
        }
    }
}

impl ArticleSummary {
    /// Same as [`newsdesk_core::Article::path`].
    pub fn path(&self) -> String {
        article_path(
            &self.edition,
            self.published_at.unwrap_or(self.created_at),
            &self.slug,
            self.id,
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub account_id: i64,
    pub csrf_token: String,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    pub created_by: Option<i64>,
    pub revoked: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: Option<i64>,
    pub actor_name: Option<String>,
    pub action: String,
    pub target: String,
    pub details: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Job {
    pub id: JobId,
    pub kind: String,
    pub payload: serde_json::Value,
    /// This run's attempt number, starting at 1.
    pub attempts: i32,
    /// The limit the job was queued with: when `attempts == max_attempts` a failure is final.
    pub max_attempts: i32,
}

/// A job as the operator sees it (pending, running or failed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobRow {
    pub id: JobId,
    pub kind: String,
    pub payload: serde_json::Value,
    /// Attempts started so far (0 until first claimed).
    pub attempts: i32,
    pub max_attempts: i32,
    /// When it may next be claimed (pending jobs).
    pub run_at: DateTime<Utc>,
    /// Set while a worker holds it; a time in the past means that worker stopped reporting.
    pub locked_until: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    /// Set when the job gave up; it is then never claimed until `retry_job`.
    pub failed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// One read of the outbox (see [`crate::Store::outbox_after`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxPage {
    /// The events this version understands, oldest first.
    pub events: Vec<Event>,
    /// The highest seq read, skipped rows included (the `seq` asked for when nothing was
    /// read): resume from here, or an undecodable row at the end of a page is read forever.
    pub next_cursor: i64,
    /// Rows read but not understood (a newer version's kind); each was logged.
    pub skipped: usize,
}

/// One already-published article for a bulk import (the demo's archive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkArticle {
    pub draft: ArticleDraft,
    pub published_at: DateTime<Utc>,
    pub created_by: Option<i64>,
    /// Articles of one call (or of earlier calls) naming the same group are translations
    /// of each other; [`crate::Store::new_translation_group`] hands out fresh ids.
    pub translation_group: Option<i64>,
}
