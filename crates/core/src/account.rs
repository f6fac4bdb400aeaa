//! Accounts and roles. Staff roles are ordered: each can do what the one below can.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{ValidationError, Validator};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A registered reader: may comment and chat (later issues), never enters /admin.
    Reader,
    /// Moderates the discussion (comments, later chats) and nothing else: no articles,
    /// photos or settings. Staff, so they log in to /admin, but below every writing role.
    Moderator,
    /// Writes drafts; cannot publish.
    Contributor,
    /// Publishes their own articles.
    Author,
    /// Edits and publishes everyone's articles; manages sections, tags, entity notes, moderation.
    Editor,
    /// Everything, plus staff and settings.
    Admin,
}

impl Role {
    pub const STAFF: [Role; 5] = [
        Role::Moderator,
        Role::Contributor,
        Role::Author,
        Role::Editor,
        Role::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reader => "reader",
            Role::Moderator => "moderator",
            Role::Contributor => "contributor",
            Role::Author => "author",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn is_staff(self) -> bool {
        self >= Role::Moderator
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = ValidationError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "reader" => Ok(Role::Reader),
            "moderator" => Ok(Role::Moderator),
            "contributor" => Ok(Role::Contributor),
            "author" => Ok(Role::Author),
            "editor" => Ok(Role::Editor),
            "admin" => Ok(Role::Admin),
            _ => Err(ValidationError::single(
                "role",
                "must be one of reader, moderator, contributor, author, editor, admin",
            )),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub disabled: bool,
    pub created_at: DateTime<Utc>,
    /// When a self-registered reader confirmed their address; `None` until then, and for
    /// staff accounts (an admin vouched for those).
    #[serde(default)]
    pub email_confirmed_at: Option<DateTime<Utc>>,
}

/// Lowercased, trimmed email, or a validation error.
pub fn normalize_email(email: &str) -> Result<String, ValidationError> {
    let email = email.trim().to_lowercase();
    let mut v = Validator::new();
    let ok = email.len() <= 254
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        })
        && !email.chars().any(char::is_whitespace);
    v.check(
        ok,
        "email",
        "must be an email address such as name@example.com",
    );
    v.finish().map(|()| email)
}

/// Password policy: long enough to resist guessing; no composition rules (NIST 800-63B).
pub fn validate_password(password: &str) -> Result<(), ValidationError> {
    let mut v = Validator::new();
    let n = password.chars().count();
    v.check(n >= 10, "password", "must be at least 10 characters");
    v.check(n <= 256, "password", "must be at most 256 characters");
    v.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered() {
        assert!(
            Role::Admin > Role::Editor
                && Role::Editor > Role::Author
                && Role::Author > Role::Contributor
        );
        assert!(!Role::Reader.is_staff());
        assert_eq!("editor".parse::<Role>().ok(), Some(Role::Editor));
        assert!("chief".parse::<Role>().is_err());
    }

    #[test]
    fn emails_are_normalized() {
        assert_eq!(
            normalize_email(" Ann@Example.COM ").ok().as_deref(),
            Some("ann@example.com")
        );
        assert!(normalize_email("ann").is_err());
        assert!(normalize_email("ann@localhost").is_err());
    }
}
