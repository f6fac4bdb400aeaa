//! Named topics: small application messages (chat lines, reader presence) that every
//! instance's subscribers of that topic receive, beside the `changes` stream of
//! [`newsdesk_core::Event`]s.
//!
//! Unlike change events, topic messages have no outbox behind them: the bus is the
//! only carrier. Whoever needs them all (a chat transcript) stores them and treats the
//! bus as the fast path; a subscriber that receives [`TopicEvent::Lagged`] re-reads
//! what it missed from there.

use std::fmt;
use std::ops::Deref;
use std::str::FromStr;

use bytes::Bytes;

use crate::error::BusError;

/// The longest topic name, in bytes (all of them ASCII).
pub const MAX_TOPIC_LEN: usize = 64;

/// Largest payload the in-process bus accepts: 1 MiB, the default `max_payload` of a
/// NATS server, so code written against the in-process bus meets the same ceiling as
/// on a default NATS deployment.
pub const MAX_IN_PROCESS_PAYLOAD: usize = 1024 * 1024;

/// Largest payload the PostgreSQL bus accepts: 5 KiB. A NOTIFY payload must stay
/// under 8000 bytes, and a topic message travels base64-encoded (4 bytes for every 3)
/// inside a JSON envelope naming its topic; 5120 bytes become at most 6828 + 89 bytes,
/// which leaves room for the envelope to grow a field without changing this limit.
///
/// This is also the largest payload that fits every backend (NATS servers allow
/// 1 MiB unless configured lower): stay under it and a feature works on all of them.
pub const MAX_POSTGRES_PAYLOAD: usize = 5 * 1024;

/// A validated topic name: 1 to 64 characters of `a-z`, `0-9`, `_`, `-` and `.`,
/// neither starting nor ending with `.` and without `..`, e.g. `chat.article-42`.
///
/// The same name is safe as a NATS subject suffix (`.` separates subject tokens, which
/// may not be empty, and `*` / `>` would be wildcards) and inside a PostgreSQL NOTIFY
/// payload. Derefs to `&str`, so `bus.publish_topic(&topic, …)` takes one as it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Topic(String);

impl Topic {
    pub fn new(name: &str) -> Result<Self, BusError> {
        validate(name)?;
        Ok(Topic(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

fn validate(name: &str) -> Result<(), BusError> {
    let invalid = |reason| BusError::InvalidTopic {
        // A hostile name is shown truncated, never whole.
        topic: name.chars().take(MAX_TOPIC_LEN + 8).collect(),
        reason,
    };
    if name.is_empty() || name.len() > MAX_TOPIC_LEN {
        return Err(invalid("must be 1 to 64 characters long"));
    }
    if !name
        .bytes()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'_' | b'-' | b'.'))
    {
        return Err(invalid("may hold only a-z, 0-9, _, - and ."));
    }
    if name.starts_with('.') || name.ends_with('.') || name.contains("..") {
        return Err(invalid(
            "may not start or end with . nor contain .. (each .-separated part must be non-empty)",
        ));
    }
    Ok(())
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Deref for Topic {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Topic {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl FromStr for Topic {
    type Err = BusError;

    fn from_str(name: &str) -> Result<Self, BusError> {
        Topic::new(name)
    }
}

impl TryFrom<&str> for Topic {
    type Error = BusError;

    fn try_from(name: &str) -> Result<Self, BusError> {
        Topic::new(name)
    }
}

/// One message published on a topic. The payload is opaque bytes: the bus neither
/// reads nor changes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicMessage {
    pub topic: String,
    pub payload: Bytes,
}

/// One item of a [`crate::TopicSubscription`].
///
/// Delivery is best effort, like the change events': each instance's subscribers get
/// a message once, and one publisher's messages on one topic arrive in the order it
/// published them, but messages can be lost. When the bus knows it may have lost some
/// it says so with [`TopicEvent::Lagged`], and the subscriber should re-read the
/// topic's state from wherever it is stored (a chat client fetches the messages it
/// missed; a presence view asks for a fresh roster).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TopicEvent {
    Message(TopicMessage),
    /// Messages for this topic may have been lost since the previous item.
    ///
    /// `missed: Some(n)`: this subscriber fell more than the topic capacity behind and
    /// lost its `n` oldest messages; what follows are the oldest still buffered.
    /// `missed: None`: the bus cannot tell how many: the connection to PostgreSQL or
    /// NATS was lost and re-established, the NATS client dropped messages for a slow
    /// reader, or a message could not be decoded (a rolling upgrade).
    Lagged {
        missed: Option<u64>,
    },
}

impl TopicEvent {
    /// The message, or `None` for [`TopicEvent::Lagged`].
    pub fn into_message(self) -> Option<TopicMessage> {
        match self {
            TopicEvent::Message(message) => Some(message),
            TopicEvent::Lagged { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_dotted_names() {
        for good in [
            "chat",
            "chat.article-42",
            "presence.en.front_page",
            "a",
            "0",
            "-_-",
            &"x".repeat(64),
        ] {
            assert_eq!(Topic::new(good).ok().as_deref(), Some(good));
        }
    }

    #[test]
    fn refuses_names_unsafe_for_a_subject_or_an_envelope() {
        for bad in [
            "",
            "Chat",
            "chat room",
            "chat/1",
            "chat.*",
            "chat.>",
            "chat\"",
            "çhat",
            ".chat",
            "chat.",
            "chat..1",
            &"x".repeat(65),
        ] {
            let err = Topic::new(bad).err();
            assert!(
                matches!(err, Some(BusError::InvalidTopic { .. })),
                "{bad}: {err:?}"
            );
        }
    }

    #[test]
    fn a_long_bad_name_is_shown_truncated() {
        let text = Topic::new(&"X".repeat(10_000))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(text.len() < 200, "{text}");
        assert!(text.contains("1 to 64 characters"), "{text}");
    }
}
