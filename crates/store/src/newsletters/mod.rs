//! Newsletters (issue 16): subscribers and their lists, the messages sent to a list
//! ("issues"), one delivery row per recipient, and suppressed addresses.
//!
//! A delivery goes `queued` → `sending` (claimed by one sender) → `sent` or `failed`. `sent`
//! is written just before the message's final dot reaches the SMTP server (see
//! `newsdesk_mail::BulkSession`): a sender killed before that point left an aborted SMTP
//! transaction, so its `sending` rows are claimed again and sent; after it, never again.

mod deliveries;
mod issues;
mod secrets;
mod subscribers;

use chrono::{DateTime, Utc};

pub use deliveries::{ClaimedDelivery, DeliveryCounts, DeliveryRow};
pub use issues::{IssueSummary, NewIssue};

/// Where a subscriber stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubscriberStatus {
    /// Signed up, not yet confirmed: nothing is sent.
    Pending,
    Confirmed,
    Unsubscribed,
}

impl SubscriberStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Confirmed => "confirmed",
            Self::Unsubscribed => "unsubscribed",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "pending" => Self::Pending,
            "confirmed" => Self::Confirmed,
            "unsubscribed" => Self::Unsubscribed,
            _ => return None,
        })
    }
}

/// One address in one edition.
#[derive(Debug, Clone, PartialEq)]
pub struct Subscriber {
    pub id: i64,
    pub email: String,
    pub edition: String,
    pub status: SubscriberStatus,
    /// Lists it receives (confirmed), sorted.
    pub lists: Vec<String>,
    /// Lists asked for and waiting for the confirmation link.
    pub pending_lists: Vec<String>,
    pub account_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub confirm_sent_at: Option<DateTime<Utc>>,
    pub confirmed_at: Option<DateTime<Utc>>,
}

/// One message to one list, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub id: i64,
    pub edition: String,
    pub list: String,
    pub kind: String,
    pub dedupe_key: String,
    pub subject: String,
    pub html: String,
    pub text: String,
    pub status: String,
    pub recipients: i64,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

/// A list name: `digest`, `breaking` or `section:{slug}`.
pub fn valid_list(list: &str) -> bool {
    match list.strip_prefix("section:") {
        Some(slug) => {
            !slug.is_empty()
                && slug.len() <= 100
                && slug
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        }
        None => matches!(list, "digest" | "breaking"),
    }
}

fn split_lists(joined: &str) -> Vec<String> {
    let mut lists: Vec<String> = joined.split_whitespace().map(str::to_owned).collect();
    lists.sort();
    lists.dedup();
    lists
}
