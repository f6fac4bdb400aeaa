//! What subscribers receive, and how it travels between instances.

use bytes::Bytes;
use newsdesk_core::Event;
use serde::{Deserialize, Serialize};

use crate::base64;
use crate::error::BusError;

/// One item of a [`crate::Subscription`].
///
/// Delivery is best effort: messages can be lost (a restart, a lagging subscriber, a
/// dropped connection), duplicated (an event seen on the bus and again when polling the
/// outbox) and reordered (two instances publishing at once). Consumers therefore keep
/// their own cursor (the highest outbox `seq` they have applied), dedupe by `seq`,
/// apply changes idempotently, and poll `Store::events_after(cursor)` every few seconds
/// as well as whenever they receive [`BusMessage::CatchUp`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BusMessage {
    /// An event, in full.
    Event(Event),
    /// Something was not delivered in full: read the outbox from your own cursor now.
    ///
    /// `seq` is the outbox position of the event that did not fit (a PostgreSQL NOTIFY
    /// is limited to 8000 bytes), or `None` when the bus cannot tell what was missed
    /// (this subscriber lagged, or the connection to the server was lost and
    /// re-established). A consumer whose cursor is already at or past `seq` has nothing
    /// to do.
    CatchUp { seq: Option<i64> },
}

impl BusMessage {
    /// The outbox position this message is about, when known.
    pub fn seq(&self) -> Option<i64> {
        match self {
            BusMessage::Event(e) => Some(e.seq),
            BusMessage::CatchUp { seq } => *seq,
        }
    }
}

/// The wire form shared by the PostgreSQL and NATS backends: `{"event": {...}}` or,
/// when the event is too large for the transport, `{"seq": 42}`. Externally tagged so
/// that a future variant is a clean decode error (answered with a catch-up) rather
/// than a misread.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Envelope<'a> {
    Event(std::borrow::Cow<'a, Event>),
    Seq(i64),
}

/// Encodes `event` for a transport that accepts at most `max_len` bytes per message.
pub(crate) fn encode(event: &Event, max_len: usize) -> Result<String, BusError> {
    let full = serde_json::to_string(&Envelope::Event(std::borrow::Cow::Borrowed(event)))
        .map_err(BusError::Encode)?;
    if full.len() <= max_len {
        return Ok(full);
    }
    serde_json::to_string(&Envelope::Seq(event.seq)).map_err(BusError::Encode)
}

/// Decodes a wire message. Anything unreadable (another version of Newsdesk, a stray
/// `NOTIFY` by hand) becomes a catch-up: the outbox is the truth, the bus only a hint.
pub(crate) fn decode(payload: &[u8]) -> BusMessage {
    match serde_json::from_slice::<Envelope<'static>>(payload) {
        Ok(Envelope::Event(event)) => BusMessage::Event(event.into_owned()),
        Ok(Envelope::Seq(seq)) => BusMessage::CatchUp { seq: Some(seq) },
        Err(error) => {
            tracing::warn!(%error, len = payload.len(), "unreadable bus message; asking subscribers to catch up");
            BusMessage::CatchUp { seq: None }
        }
    }
}

/// The wire form of a topic message on PostgreSQL, where NOTIFY carries text and one
/// channel carries every topic: `{"topic":"chat.1","payload":"<standard base64>"}`.
/// NATS needs none: the topic is in the subject and the payload travels as it is.
#[derive(Debug, Serialize, Deserialize)]
struct TopicEnvelope<'a> {
    topic: &'a str,
    payload: std::borrow::Cow<'a, str>,
}

/// Bytes the topic envelope adds around the topic name and the encoded payload.
pub(crate) const TOPIC_ENVELOPE_OVERHEAD: usize = r#"{"topic":"","payload":""}"#.len();

pub(crate) fn encode_topic(topic: &str, payload: &[u8]) -> Result<String, BusError> {
    serde_json::to_string(&TopicEnvelope {
        topic,
        payload: base64::encode(payload).into(),
    })
    .map_err(BusError::Encode)
}

/// The topic and payload of a wire message, or `None` when it is not one (another
/// version of Newsdesk, a stray `NOTIFY` by hand).
pub(crate) fn decode_topic(wire: &str) -> Option<(String, Bytes)> {
    let envelope: TopicEnvelope<'_> = serde_json::from_str(wire).ok()?;
    let payload = base64::decode(&envelope.payload)?;
    Some((envelope.topic.to_owned(), Bytes::from(payload)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use newsdesk_core::event::Change;

    fn event(seq: i64, edition: &str) -> Event {
        Event {
            seq,
            at: Utc
                .with_ymd_and_hms(2026, 11, 27, 9, 0, 0)
                .single()
                .unwrap_or_default(),
            change: Change::Taxonomy {
                edition: Some(edition.to_owned()),
            },
        }
    }

    #[test]
    fn small_events_travel_whole() {
        let e = event(7, "en");
        let bytes = encode(&e, 8000).unwrap_or_default();
        assert_eq!(decode(bytes.as_bytes()), BusMessage::Event(e));
    }

    #[test]
    fn large_events_travel_as_their_seq() {
        let e = event(9, &"x".repeat(9000));
        let bytes = encode(&e, 8000).unwrap_or_default();
        assert!(bytes.len() < 100);
        assert_eq!(
            decode(bytes.as_bytes()),
            BusMessage::CatchUp { seq: Some(9) }
        );
    }

    #[test]
    fn topic_messages_round_trip_any_bytes() {
        let payload: Vec<u8> = (0..=255u8).collect();
        let wire = encode_topic("chat.1", &payload).unwrap();
        assert!(
            wire.starts_with(r#"{"topic":"chat.1","payload":""#),
            "{wire}"
        );
        assert_eq!(
            decode_topic(&wire),
            Some(("chat.1".to_owned(), Bytes::from(payload)))
        );
    }

    #[test]
    fn the_largest_postgres_topic_message_fits_a_notify() {
        let topic = "x".repeat(crate::topic::MAX_TOPIC_LEN);
        let payload = vec![0xffu8; crate::topic::MAX_POSTGRES_PAYLOAD];
        let wire = encode_topic(&topic, &payload).unwrap();
        assert_eq!(
            wire.len(),
            TOPIC_ENVELOPE_OVERHEAD + topic.len() + base64::encoded_len(payload.len())
        );
        assert!(wire.len() < 8000, "{}", wire.len());
    }

    #[test]
    fn unreadable_topic_messages_decode_to_nothing() {
        for bad in [
            "hello",
            r#"{"topic":"chat.1"}"#,
            r#"{"topic":"chat.1","payload":"not base64!"}"#,
            r#"{"event":{}}"#,
        ] {
            assert_eq!(decode_topic(bad), None, "{bad}");
        }
    }

    #[test]
    fn garbage_becomes_a_catch_up() {
        assert_eq!(decode(b"hello"), BusMessage::CatchUp { seq: None });
        assert_eq!(decode(br#"{"other":1}"#), BusMessage::CatchUp { seq: None });
    }
}
