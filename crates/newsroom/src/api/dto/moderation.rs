//! The discussion's moderation: queues, decisions, bans, closed discussions, the rules.

use chrono::{DateTime, Utc};
use newsdesk_core::Comment;
use newsdesk_store::{ModerationSettings, QueueItem};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Which queue to list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum QueueName {
    /// Waiting for approval (a pre-moderated section or a new reader).
    #[default]
    Pending,
    /// Held by a rule (suspect word, links, repeat, new account, reports), with the reason.
    Held,
    /// Shown, but reported since a moderator last looked.
    Reported,
}

impl From<QueueName> for newsdesk_store::Queue {
    fn from(q: QueueName) -> Self {
        match q {
            QueueName::Pending => newsdesk_store::Queue::Pending,
            QueueName::Held => newsdesk_store::Queue::Held,
            QueueName::Reported => newsdesk_store::Queue::Reported,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    /// `pending` (the default), `held` or `reported`.
    pub queue: Option<QueueName>,
    /// Only comments under this edition's articles.
    pub edition: Option<String>,
    /// How many at most, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    #[serde(deserialize_with = "super::bounded::<_, 1, 200>")]
    pub limit: Option<i64>,
    /// How many to skip (default 0).
    #[param(minimum = 0, maximum = 1000000)]
    #[serde(deserialize_with = "super::bounded::<_, 0, 1000000>")]
    pub offset: Option<i64>,
}

/// A comment as moderators see it: the text as written (escape it when showing it).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ModeratedComment {
    pub id: i64,
    pub article_id: i64,
    pub parent_id: Option<i64>,
    /// The author's account; `null` for a deleted account.
    pub author_id: Option<i64>,
    pub author: Option<String>,
    pub body: String,
    /// `visible`, `pending`, `held`, `rejected` or `deleted`.
    pub status: String,
    /// Why it is held, or why it was rejected.
    pub reason: String,
    pub featured: bool,
    pub likes: i64,
    pub reports: i64,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
}

impl From<Comment> for ModeratedComment {
    fn from(c: Comment) -> Self {
        ModeratedComment {
            id: c.id,
            article_id: c.article_id,
            parent_id: c.parent_id,
            author_id: c.account_id,
            author: c.author_name,
            body: c.body,
            status: c.status.as_str().to_owned(),
            reason: c.reason,
            featured: c.featured,
            likes: c.likes,
            reports: c.reports,
            created_at: c.created_at,
            edited_at: c.edited_at,
        }
    }
}

/// A comment in a queue with its article.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QueueItemOut {
    pub comment: ModeratedComment,
    pub edition: String,
    pub article_headline: String,
    /// The article's public page.
    pub article_path: String,
    /// Reports since a moderator last looked.
    pub open_reports: i64,
}

impl From<QueueItem> for QueueItemOut {
    fn from(i: QueueItem) -> Self {
        QueueItemOut {
            comment: i.comment.into(),
            edition: i.edition,
            article_headline: i.article_headline,
            article_path: i.article_path,
            open_reports: i.open_reports,
        }
    }
}

/// How many comments wait in each queue.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QueueCounts {
    pub pending: i64,
    pub held: i64,
    pub reported: i64,
}

/// A page of a queue, oldest first.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QueuePage {
    pub counts: QueueCounts,
    pub items: Vec<QueueItemOut>,
}

/// A rejection: the reason its author sees.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(example = json!({ "reason": "Please keep to the subject of the article." }))]
#[serde(deny_unknown_fields)]
pub struct RejectInput {
    /// 1–500 characters.
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(example = json!({ "featured": true }))]
#[serde(deny_unknown_fields)]
pub struct FeatureInput {
    /// Show it first in its thread (approving it if it waited), or stop doing so.
    pub featured: bool,
}

/// A ban (no `until`) or a suspension until a time.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(example = json!({ "until": "2099-01-01T00:00:00Z", "reason": "Repeated insults" }))]
#[serde(deny_unknown_fields)]
pub struct BanInput {
    /// When a suspension ends (RFC 3339, in the future); absent for a ban.
    #[serde(default)]
    pub until: Option<DateTime<Utc>>,
    /// Up to 500 characters; the reader sees it when they try to write.
    #[serde(default)]
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(example = json!({ "closed": true }))]
#[serde(deny_unknown_fields)]
pub struct DiscussionInput {
    /// Close the article's discussion by hand, or reopen it.
    pub closed: bool,
}

/// An edition's moderation rules.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "close_after_days": 14, "trust_after": 1, "new_account_minutes": 0, "max_links": 2,
    "banned_words": "idiot*", "suspect_words": "crook*\nelection fraud",
    "premoderated_sections": []
}))]
#[serde(deny_unknown_fields)]
pub struct ModerationRules {
    /// Discussions close this many days after first publication (0–3650; 0 keeps them open).
    pub close_after_days: i64,
    /// A reader's comments wait for a moderator until this many were approved (0–100; 0: never).
    pub trust_after: i64,
    /// Comments from accounts younger than this many minutes are held (0–525600; 0: never).
    pub new_account_minutes: i64,
    /// A comment with more web links than this is held (0–50).
    pub max_links: i64,
    /// One word or phrase per line (`word*` for words starting with it, `#` for notes):
    /// a comment with one is refused.
    pub banned_words: String,
    /// Same form: a comment with one is held for review.
    pub suspect_words: String,
    /// Sections of this edition whose comments wait for approval.
    pub premoderated_sections: Vec<i64>,
}

impl ModerationRules {
    pub fn from_settings(s: ModerationSettings, premoderated_sections: Vec<i64>) -> Self {
        ModerationRules {
            close_after_days: s.close_after_days,
            trust_after: s.trust_after,
            new_account_minutes: s.new_account_minutes,
            max_links: s.max_links,
            banned_words: s.banned_words,
            suspect_words: s.suspect_words,
            premoderated_sections,
        }
    }

    pub fn settings(&self, edition: &str) -> ModerationSettings {
        ModerationSettings {
            edition: edition.to_owned(),
            close_after_days: self.close_after_days,
            trust_after: self.trust_after,
            new_account_minutes: self.new_account_minutes,
            max_links: self.max_links,
            banned_words: self.banned_words.clone(),
            suspect_words: self.suspect_words.clone(),
        }
    }
}
