//! The live parts' domain: short newsfeed items, chat rooms and their messages, and the
//! rules of what each may hold.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{ValidationError, Validator};

pub const MAX_ITEM_HEADLINE: usize = 200;
/// One paragraph.
pub const MAX_ITEM_BODY: usize = 1_000;
pub const MAX_ITEM_LINK: usize = 2_000;
/// A chat line: short enough to read at the pace of a live event, and to travel the
/// PostgreSQL bus (5 KiB) whole in any script.
pub const MAX_CHAT_CHARS: usize = 500;
pub const MAX_ROOM_TITLE: usize = 200;
pub const MAX_ROOM_DESCRIPTION: usize = 1_000;
/// Slow mode at most one message per ten minutes.
pub const MAX_SLOW_MODE_SECONDS: i64 = 600;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NewsItemStatus {
    Draft,
    Published,
    Unpublished,
}

impl NewsItemStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Published => "published",
            Self::Unpublished => "unpublished",
        }
    }
}

impl fmt::Display for NewsItemStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for NewsItemStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "draft" => Ok(Self::Draft),
            "published" => Ok(Self::Published),
            "unpublished" => Ok(Self::Unpublished),
            other => Err(format!("unknown news item status {other:?}")),
        }
    }
}

/// What an editor writes for a short item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsItemDraft {
    pub edition: String,
    pub headline: String,
    /// One paragraph of plain text.
    #[serde(default)]
    pub body: String,
    /// Where the headline leads: an `https://` address or a path on this site; empty for
    /// none.
    #[serde(default)]
    pub link: String,
    #[serde(default)]
    pub important: bool,
    #[serde(default)]
    pub breaking: bool,
}

impl NewsItemDraft {
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut v = Validator::new();
        v.text(&self.headline, "headline", MAX_ITEM_HEADLINE);
        v.check(
            self.body.chars().count() <= MAX_ITEM_BODY,
            "body",
            format!("must be at most {MAX_ITEM_BODY} characters"),
        );
        v.check(
            !has_controls(&self.headline) && !has_controls(&self.body),
            "body",
            "must not contain control characters",
        );
        let link = self.link.trim();
        v.check(
            link.is_empty() || link_ok(link),
            "link",
            "must be an https:// or http:// address, or a path on this site starting with /",
        );
        v.finish()
    }
}

fn link_ok(link: &str) -> bool {
    if link.chars().count() > MAX_ITEM_LINK || link.chars().any(char::is_whitespace) {
        return false;
    }
    if link.starts_with('/') {
        return !link.starts_with("//") && !link.contains('\\');
    }
    url::Url::parse(link).is_ok_and(|u| matches!(u.scheme(), "https" | "http") && u.has_host())
}

fn has_controls(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// A short item of the newsfeed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsItem {
    pub id: i64,
    pub edition: String,
    pub headline: String,
    pub body: String,
    pub link: String,
    pub important: bool,
    pub breaking: bool,
    pub status: NewsItemStatus,
    pub published_at: Option<DateTime<Utc>>,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl NewsItem {
    pub fn is_public(&self) -> bool {
        self.status == NewsItemStatus::Published
    }
}

/// A chat room: an article's, or one an editor opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatRoom {
    pub id: i64,
    pub edition: String,
    pub article_id: Option<i64>,
    /// An article's room shows the article's headline instead.
    pub title: String,
    pub description: String,
    pub open: bool,
    pub slow_mode_seconds: i64,
    pub created_at: DateTime<Utc>,
    pub last_message_at: Option<DateTime<Utc>>,
}

/// One line of a chat, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatMessage {
    pub id: i64,
    pub room_id: i64,
    pub account_id: Option<i64>,
    pub author_name: String,
    pub staff: bool,
    pub body: String,
    pub flagged: bool,
    pub created_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

/// Why a chat line is refused before any rule of the room is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChatTextError {
    Empty,
    TooLong,
    ControlCharacters,
}

/// A chat line: 1 to [`MAX_CHAT_CHARS`] characters after trimming, no control
/// characters but line breaks. Returns the trimmed text, which is what is stored.
pub fn validate_chat_text(text: &str) -> Result<&str, ChatTextError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ChatTextError::Empty);
    }
    if text.chars().count() > MAX_CHAT_CHARS {
        return Err(ChatTextError::TooLong);
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r'))
    {
        return Err(ChatTextError::ControlCharacters);
    }
    Ok(text)
}

/// An extra room's title and description.
pub fn validate_room(title: &str, description: &str) -> Result<(), ValidationError> {
    let mut v = Validator::new();
    v.text(title, "title", MAX_ROOM_TITLE);
    v.check(
        description.chars().count() <= MAX_ROOM_DESCRIPTION,
        "description",
        format!("must be at most {MAX_ROOM_DESCRIPTION} characters"),
    );
    v.check(
        !has_controls(title) && !has_controls(description),
        "title",
        "must not contain control characters",
    );
    v.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(headline: &str, link: &str) -> NewsItemDraft {
        NewsItemDraft {
            edition: "en".into(),
            headline: headline.into(),
            body: String::new(),
            link: link.into(),
            important: false,
            breaking: false,
        }
    }

    #[test]
    fn an_item_needs_a_headline_and_a_safe_link() {
        assert!(draft("Polls close", "").validate().is_ok());
        assert!(
            draft("Polls close", "https://example.org/x")
                .validate()
                .is_ok()
        );
        assert!(
            draft("Polls close", "/en/2026/12/06/x-1")
                .validate()
                .is_ok()
        );
        assert!(draft("  ", "").validate().is_err());
        for bad in [
            "javascript:alert(1)",
            "//evil.example/x",
            "ftp://x.example",
            "https://",
        ] {
            let err = draft("Polls close", bad).validate().err();
            assert!(
                err.is_some_and(|e| e.errors.iter().any(|f| f.field == "link")),
                "{bad} was accepted"
            );
        }
        assert!(
            draft(&"x".repeat(MAX_ITEM_HEADLINE + 1), "")
                .validate()
                .is_err()
        );
    }

    #[test]
    fn chat_text_is_trimmed_and_bounded_in_characters_not_bytes() {
        assert_eq!(validate_chat_text("  привет  "), Ok("привет"));
        assert_eq!(validate_chat_text(" \n "), Err(ChatTextError::Empty));
        let arabic = "ع".repeat(MAX_CHAT_CHARS);
        assert_eq!(validate_chat_text(&arabic), Ok(arabic.as_str()));
        assert_eq!(
            validate_chat_text(&format!("{arabic}ع")),
            Err(ChatTextError::TooLong)
        );
        assert_eq!(
            validate_chat_text("bell\u{7}"),
            Err(ChatTextError::ControlCharacters)
        );
    }
}
