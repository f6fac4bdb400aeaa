//! Errors of the bus. URLs in messages are always redacted (see [`crate::config`]).

use std::time::Duration;

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

    #[error("could not encode an event for the bus")]
    Encode(#[source] serde_json::Error),
}
