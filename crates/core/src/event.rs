//! Change events: written to the store's outbox in the same transaction as the change,
//! then carried by the bus to page caches, the search index and live fan-out.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Stored as JSON in the store's outbox. An enum takes no container `serde(default)`, so
/// fields get it one by one where the default is a safe reading of an older row: empty id
/// lists, and "all editions" for a taxonomy change. The identity of what changed (`id`,
/// `edition`, `status`) and `public` stay required: guessing them would purge the wrong
/// pages, or none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// Any write to an article (create, save, publish, unpublish, correct, delete).
    /// Carries what a cache needs to find the pages it touched, before and after the change.
    Article {
        id: i64,
        edition: String,
        /// `draft`, `published`, …, or `deleted`.
        status: String,
        #[serde(default)]
        section_ids: Vec<i64>,
        #[serde(default)]
        tag_ids: Vec<i64>,
        #[serde(default)]
        author_ids: Vec<i64>,
        /// Whether readers could see it before or after (drafts touch no public page).
        public: bool,
        /// The article's translation group: every member's page lists the published
        /// members (hreflang, edition switcher), so a public change reaches them all. An
        /// older row without it reaches the article's own pages only, as it did then.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        translation_group: Option<i64>,
    },
    /// Editions, sections, tags, authors or entity notes changed: pages of the edition
    /// (or all editions when `edition` is None) may show them.
    Taxonomy {
        #[serde(default)]
        edition: Option<String>,
    },
    /// Photo metadata or renditions changed.
    Photo { id: i64 },
    /// The visible discussion of an article changed (a comment shown, hidden or removed):
    /// pages printing its comment count.
    Comments { article_id: i64 },
    /// A short newsfeed item was written, published, unpublished or deleted.
    NewsItem {
        id: i64,
        edition: String,
        /// Whether readers could see it before or after the change.
        public: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Monotonically increasing position in the outbox; consumers resume from it.
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub change: Change,
}
