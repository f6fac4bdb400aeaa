//! Errors of the bus. URLs in messages are always redacted (see [`crate::config`]).

use std::time::Duration;

use crate::config::BusKind;

#[derive(Debug, thiserror::Error)]
pub enum BusError {
    /// The bus URL names no backend we have. `hint` tells the operator what to use instead.
    #[error("unsupported bus URL {url:?}: {hint}")]
    UnsupportedUrl { url: String, hint: &'static str },

    /// The namespace becomes part of a PostgreSQL channel and a NATS subject, so it is
    /// restricted to characters that are safe in both.
    #[error("invalid bus namespace {namespace:?}: {reason}")]
    InvalidNamespace {
        namespace: String,
        reason: &'static str,
    },

    /// A topic name outside what [`crate::Topic`] allows.
    #[error("invalid bus topic {topic:?}: {reason}")]
    InvalidTopic { topic: String, reason: &'static str },

    /// A topic payload larger than this backend carries; see
    /// [`crate::Bus::max_topic_payload`].
    #[error(
        "topic message of {len} bytes for {topic:?} is larger than the {backend} bus carries \
         ({max} bytes at most)"
    )]
    PayloadTooLarge {
        topic: String,
        len: usize,
        max: usize,
        backend: BusKind,
    },

    #[error("could not connect the PostgreSQL bus to {url}")]
    PostgresConnect {
        url: String,
        #[source]
        source: sqlx::Error,
    },

    #[error("could not send a PostgreSQL NOTIFY")]
    PostgresPublish(#[source] sqlx::Error),

    #[error("could not connect the NATS bus to {url}")]
    NatsConnect {
        url: String,
        #[source]
        source: async_nats::ConnectError,
    },

    #[error("could not subscribe to NATS subject {subject}")]
    NatsSubscribe {
        subject: String,
        #[source]
        source: async_nats::SubscribeError,
    },

    #[error("could not publish to NATS subject {subject}")]
    NatsPublish {
        subject: String,
        #[source]
        source: async_nats::PublishError,
    },

    /// A connection or a start-up round trip took too long; the server is most likely
    /// unreachable or not what the URL says it is.
    #[error("{what} did not answer within {after:?}")]
    Timeout { what: String, after: Duration },

    /// The client knows it has lost the server and is reconnecting.
    #[error("the {kind} bus is disconnected from its server")]
    Disconnected { kind: BusKind },

    #[error("could not encode an event for the bus")]
    Encode(#[source] serde_json::Error),
}

impl BusError {
    /// Whether this says the server cannot be reached now (rather than that the
    /// message itself was refused): what counts towards an outage.
    pub fn is_unreachable(&self) -> bool {
        matches!(
            self,
            BusError::Timeout { .. }
                | BusError::Disconnected { .. }
                | BusError::NatsPublish { .. }
                | BusError::PostgresPublish(_)
        )
    }
}
