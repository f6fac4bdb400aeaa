//! Moderation of the discussion: each edition's rules and word lists, pre-moderated
//! sections, closed discussions, bans, and the queues moderators work through: the types
//! here, the queries in [`rules`], [`readers`] and [`queue`].

mod queue;
mod readers;
mod rules;

use chrono::{DateTime, Duration, Utc};
use newsdesk_core::ValidationError;
use newsdesk_core::error::Validator;
use newsdesk_core::wordlist::validate_word_list;
use newsdesk_core::{ArticleStatus, Comment};

use crate::StoreError;

/// Reports that hide a visible comment until a moderator looks at it.
pub const HIDE_AFTER_REPORTS: i64 = 3;

/// An edition's moderation rules. An edition without a stored row has [`Default`]'s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModerationSettings {
    pub edition: String,
    /// Discussions close this many days after first publication; 0 keeps them open.
    pub close_after_days: i64,
    /// A reader's comments wait for a moderator until this many were approved; 0: never.
    pub trust_after: i64,
    /// Comments from accounts younger than this many minutes are held; 0: never.
    pub new_account_minutes: i64,
    /// A comment with more web links than this is held.
    pub max_links: i64,
    /// One entry per line; a comment with one is refused.
    pub banned_words: String,
    /// One entry per line; a comment with one is held for review.
    pub suspect_words: String,
}

impl ModerationSettings {
    pub fn defaults(edition: &str) -> Self {
        ModerationSettings {
            edition: edition.to_owned(),
            // Open until an editor sets a limit: closing discussions nobody chose to close
            // would surprise a newsroom more than an old thread staying open.
            close_after_days: 0,
            trust_after: 0,
            new_account_minutes: 0,
            max_links: 2,
            banned_words: String::new(),
            suspect_words: String::new(),
        }
    }

    pub fn validate(&self) -> std::result::Result<(), ValidationError> {
        let mut v = Validator::new();
        v.check(
            (0..=3650).contains(&self.close_after_days),
            "close_after_days",
            "must be from 0 (never close) to 3650 days",
        );
        v.check(
            (0..=100).contains(&self.trust_after),
            "trust_after",
            "must be from 0 (no pre-moderation of new readers) to 100 comments",
        );
        v.check(
            (0..=525_600).contains(&self.new_account_minutes),
            "new_account_minutes",
            "must be from 0 (off) to 525600 minutes (a year)",
        );
        v.check(
            (0..=50).contains(&self.max_links),
            "max_links",
            "must be from 0 to 50 links",
        );
        let mut errors = v.finish().err();
        for (field, text) in [
            ("banned_words", &self.banned_words),
            ("suspect_words", &self.suspect_words),
        ] {
            if let Err(e) = validate_word_list(field, text) {
                errors = Some(match errors {
                    Some(mut all) => {
                        all.merge(e);
                        all
                    }
                    None => e,
                });
            }
        }
        errors.map_or(Ok(()), Err)
    }
}

/// What the rules need to know about an article a reader comments on, in one query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscussionFacts {
    pub article_id: i64,
    pub edition: String,
    pub status: ArticleStatus,
    pub first_published_at: Option<DateTime<Utc>>,
    /// Its section pre-moderates comments.
    pub premoderated: bool,
    /// A moderator closed it by hand.
    pub closed_by_hand: bool,
}

impl DiscussionFacts {
    /// Whether readers may still post: not closed by hand, and younger than the edition's
    /// limit.
    pub fn open(&self, settings: &ModerationSettings, at: DateTime<Utc>) -> bool {
        if self.closed_by_hand || self.status != ArticleStatus::Published {
            return false;
        }
        match (settings.close_after_days, self.first_published_at) {
            (0, _) | (_, None) => true,
            (days, Some(first)) => at < first + Duration::days(days),
        }
    }
}

/// An article whose discussion a moderator closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedDiscussion {
    pub article_id: i64,
    pub headline: String,
    /// The article's public page.
    pub path: String,
    pub closed_at: DateTime<Utc>,
}

/// A ban (`until` None) or a suspension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderBan {
    pub account_id: i64,
    pub until: Option<DateTime<Utc>>,
    pub reason: String,
    pub created_at: DateTime<Utc>,
}

/// The moderation queues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queue {
    /// Waiting for approval: a pre-moderated section or a new reader.
    Pending,
    /// Held by a rule (a suspect word, links, a repeat, a new account, reports).
    Held,
    /// Shown, but reported by readers since a moderator last looked.
    Reported,
}

impl Queue {
    pub const ALL: [Queue; 3] = [Queue::Pending, Queue::Held, Queue::Reported];

    pub fn as_str(self) -> &'static str {
        match self {
            Queue::Pending => "pending",
            Queue::Held => "held",
            Queue::Reported => "reported",
        }
    }

    pub fn parse(s: &str) -> Option<Queue> {
        Queue::ALL.into_iter().find(|q| q.as_str() == s)
    }

    fn condition(self) -> &'static str {
        match self {
            Queue::Pending => "c.status = 'pending'",
            Queue::Held => "c.status = 'held'",
            Queue::Reported => "c.status = 'visible' AND c.open_reports > 0",
        }
    }
}

/// A comment in a queue, with what a moderator needs to judge it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueItem {
    pub comment: Comment,
    pub edition: String,
    pub article_headline: String,
    /// The public page of the article.
    pub article_path: String,
    pub open_reports: i64,
}

/// A moderator's decision on one comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision<'a> {
    /// Show it (and clear its reports).
    Approve,
    /// Refuse it, with a reason its author sees.
    Reject(&'a str),
    /// Show it first in its thread (approving it if it waited), or stop doing so.
    Feature(bool),
}

type SettingsRow = (String, i64, i64, i64, i64, String, String);
type BanRow = (i64, Option<DateTime<Utc>>, String, DateTime<Utc>);
/// id, edition, headline, slug, published_at, created_at: enough for an article's path.
type ArticlePathRow = (
    i64,
    String,
    String,
    String,
    Option<DateTime<Utc>>,
    DateTime<Utc>,
);
type FactsRow = (i64, String, String, Option<DateTime<Utc>>, bool, bool);

/// A write that names a row which is not there (refused by a foreign key): `NotFound`.
fn absent(err: sqlx::Error) -> StoreError {
    match StoreError::from(err) {
        StoreError::Conflict { .. } => StoreError::NotFound,
        other => other,
    }
}
