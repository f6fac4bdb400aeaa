//! Readers' comments under articles: what one is, and what a valid one is.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{ValidationError, Validator};

/// Longest comment, in characters: room for an argument, not for an article.
pub const MAX_COMMENT_CHARS: usize = 3000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CommentStatus {
    /// Shown under the article.
    Visible,
    /// Waiting for a moderator (pre-moderated section, new reader).
    Pending,
    /// Held by a rule (a suspect word, many links, a repeat, many reports), with a reason.
    Held,
    /// Refused by a moderator, with a reason the author sees.
    Rejected,
    /// Deleted by its author: a placeholder keeps the replies' place.
    Deleted,
}

impl CommentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CommentStatus::Visible => "visible",
            CommentStatus::Pending => "pending",
            CommentStatus::Held => "held",
            CommentStatus::Rejected => "rejected",
            CommentStatus::Deleted => "deleted",
        }
    }
}

impl fmt::Display for CommentStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CommentStatus {
    type Err = ValidationError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "visible" => Ok(CommentStatus::Visible),
            "pending" => Ok(CommentStatus::Pending),
            "held" => Ok(CommentStatus::Held),
            "rejected" => Ok(CommentStatus::Rejected),
            "deleted" => Ok(CommentStatus::Deleted),
            _ => Err(ValidationError::single(
                "status",
                "must be one of visible, pending, held, rejected, deleted",
            )),
        }
    }
}

/// A comment as stored: the text exactly as its author wrote it (rendering escapes it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub id: i64,
    pub article_id: i64,
    /// `None` once the author's account is gone ("deleted account").
    pub account_id: Option<i64>,
    /// The author's display name, or `None` with the account.
    pub author_name: Option<String>,
    /// The top-level comment this one replies to.
    pub parent_id: Option<i64>,
    pub body: String,
    pub status: CommentStatus,
    /// Why it is held or was rejected.
    pub reason: String,
    pub featured: bool,
    pub likes: i64,
    pub reports: i64,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
}

/// A comment's text: not blank, at most [`MAX_COMMENT_CHARS`] characters, no control
/// characters but line breaks and tabs. Returned unchanged: what the reader wrote is what
/// is kept.
pub fn validate_comment_body(body: &str) -> Result<&str, ValidationError> {
    let mut v = Validator::new();
    v.check(!body.trim().is_empty(), "body", "must not be empty");
    v.check(
        body.chars().count() <= MAX_COMMENT_CHARS,
        "body",
        "must be at most 3000 characters",
    );
    v.check(
        !body
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')),
        "body",
        "must not contain control characters",
    );
    v.finish().map(|()| body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_text_is_checked_and_kept_as_written() {
        let text = "  Two lines,\nкириллица и العربية <b>tags</b> stay.  ";
        assert_eq!(validate_comment_body(text).ok(), Some(text));
        assert!(validate_comment_body(" \n\t ").is_err());
        assert!(validate_comment_body(&"x".repeat(MAX_COMMENT_CHARS + 1)).is_err());
        assert!(validate_comment_body(&"ж".repeat(MAX_COMMENT_CHARS)).is_ok());
        assert!(validate_comment_body("bell\u{7}").is_err());
        assert_eq!(
            "held".parse::<CommentStatus>().ok(),
            Some(CommentStatus::Held)
        );
    }
}
