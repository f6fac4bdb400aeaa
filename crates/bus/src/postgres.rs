//! PostgreSQL LISTEN/NOTIFY: no infrastructure beyond the database several instances
//! already share. Good for a few thousand events a second, which is plenty for a
//! newsroom; NATS is there for more.
//!
//! Change events travel on channel `{namespace}_events`, topic messages on
//! `{namespace}_topics`: one channel for every topic, the topic named inside the
//! payload, and one listening connection for both channels. Not a LISTEN per topic:
//!
//! - `Bus::subscribe_topic` is synchronous and promises that whatever is published
//!   after it returns arrives. A LISTEN issued then would need a round trip to the
//!   server first, and a notification sent before it lands would be missed.
//! - The listening connection belongs to the task blocked in `try_recv`: LISTEN and
//!   UNLISTEN as subscribers come and go would mean commands into that task, a set of
//!   channels to restore after every reconnect, and races between an UNLISTEN for the
//!   last subscriber leaving and a LISTEN for a new one arriving.
//! - Channel names are identifiers of at most 63 bytes, silently truncated beyond:
//!   a 40-character namespace plus a 64-character topic would collide after
//!   truncation rather than fail.
//!
//! The price is that every instance receives every topic message of its namespace
//! and drops those nobody on it subscribes to: one map lookup each, which a
//! newsroom's chat and presence traffic does not notice.

use std::str::FromStr;
use std::sync::Weak;
use std::time::Duration;

use newsdesk_core::Event;
use sqlx::postgres::{PgConnectOptions, PgConnection, PgListener, PgPoolOptions};
use sqlx::{Connection, PgPool};
use tokio::sync::broadcast;
use tokio::task::JoinHandle;

use crate::backoff::Backoff;
use crate::base64;
use crate::config::redact_url;
use crate::error::BusError;
use crate::message::{self, BusMessage};
use crate::topic::{MAX_POSTGRES_PAYLOAD, MAX_TOPIC_LEN, Topic};
use crate::topic_subscription::TopicRegistry;

/// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more (default build).
const MAX_PAYLOAD: usize = 7999;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

// The largest topic message, base64-encoded in its envelope, must fit a NOTIFY.
const _: () = assert!(
    message::TOPIC_ENVELOPE_OVERHEAD + MAX_TOPIC_LEN + base64::encoded_len(MAX_POSTGRES_PAYLOAD)
        <= MAX_PAYLOAD
);

#[derive(Debug, Clone)]
pub(crate) struct Publisher {
    // A pool of its own rather than the store's: a burst of notifications must not
    // take connections from requests, nor the other way round.
    pool: PgPool,
    channel: String,
    topic_channel: String,
}

impl Publisher {
    pub(crate) async fn publish(&self, event: &Event) -> Result<(), BusError> {
        let payload = message::encode(event, MAX_PAYLOAD)?;
        self.notify(&self.channel, payload).await
    }

    /// `payload` is at most [`MAX_POSTGRES_PAYLOAD`] bytes (checked by the caller),
    /// so its envelope fits a NOTIFY.
    pub(crate) async fn publish_topic(
        &self,
        topic: &Topic,
        payload: &[u8],
    ) -> Result<(), BusError> {
        let wire = message::encode_topic(topic, payload)?;
        self.notify(&self.topic_channel, wire).await
    }

    /// Whether the server answers a trivial query (the caller bounds the wait).
    pub(crate) async fn reachable(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    // One statement per message on a pool connection in autocommit: a caller that
    // awaits each publish before the next has its messages notified in that order.
    async fn notify(&self, channel: &str, payload: String) -> Result<(), BusError> {
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(channel)
            .bind(payload)
            .execute(&self.pool)
            .await
            .map_err(BusError::PostgresPublish)?;
        Ok(())
    }
}

/// The two channels a bus listens on.
#[derive(Debug, Clone)]
pub(crate) struct Channels {
    pub(crate) events: String,
    pub(crate) topics: String,
}

/// Opens the publishing pool and the listening connection, and starts the task that
/// hands notifications to local subscribers.
pub(crate) async fn connect(
    url: &str,
    channels: Channels,
    local: broadcast::Sender<BusMessage>,
    topics: Weak<TopicRegistry>,
) -> Result<(Publisher, JoinHandle<()>), BusError> {
    let connect_error = |source| BusError::PostgresConnect {
        url: redact_url(url),
        source,
    };
    let options = PgConnectOptions::from_str(url).map_err(connect_error)?;
    // One direct connection first: a pool retries a refused connection until its
    // acquire timeout, while an operator starting the wrong URL should hear at once.
    match tokio::time::timeout(CONNECT_TIMEOUT, PgConnection::connect_with(&options)).await {
        Ok(Ok(probe)) => {
            let _ = probe.close().await;
        }
        Ok(Err(source)) => return Err(connect_error(source)),
        Err(_) => return Err(timeout_error(url)),
    }
    let pool = PgPoolOptions::new()
        .max_connections(2)
        .acquire_timeout(CONNECT_TIMEOUT)
        .connect_lazy_with(options);
    let listener = listen(url, &channels).await?;
    let publisher = Publisher {
        pool,
        channel: channels.events.clone(),
        topic_channel: channels.topics.clone(),
    };
    let task = tokio::spawn(forward(
        url.to_owned(),
        channels,
        listener,
        local.downgrade(),
        topics,
    ));
    Ok((publisher, task))
}

async fn listen(url: &str, channels: &Channels) -> Result<PgListener, BusError> {
    let attempt = async {
        let mut listener = PgListener::connect(url).await?;
        // The events channel last, so that the backend's last statement in
        // pg_stat_activity reads `LISTEN "{namespace}_events"`, which is how an
        // operator (and the reconnect test) finds the bus's listening connection.
        listener.listen(&channels.topics).await?;
        listener.listen(&channels.events).await?;
        Ok::<_, sqlx::Error>(listener)
    };
    match tokio::time::timeout(CONNECT_TIMEOUT, attempt).await {
        Ok(Ok(listener)) => Ok(listener),
        Ok(Err(source)) => Err(BusError::PostgresConnect {
            url: redact_url(url),
            source,
        }),
        Err(_) => Err(timeout_error(url)),
    }
}

fn timeout_error(url: &str) -> BusError {
    BusError::Timeout {
        what: format!("PostgreSQL at {}", redact_url(url)),
        after: CONNECT_TIMEOUT,
    }
}

/// Runs until the bus is dropped. Holds only a weak sender so that it never keeps the
/// subscriptions of a dropped bus open.
async fn forward(
    url: String,
    channels: Channels,
    mut listener: PgListener,
    local: broadcast::WeakSender<BusMessage>,
    topics: Weak<TopicRegistry>,
) {
    let mut backoff = Backoff::new();
    loop {
        let notification = match listener.try_recv().await {
            Ok(Some(notification)) => Some(notification),
            Ok(None) => {
                // sqlx already reconnected and listens again; whatever was notified
                // in between is gone.
                tracing::warn!("PostgreSQL bus connection was lost and re-established");
                None
            }
            Err(error) => {
                tracing::warn!(%error, "PostgreSQL bus listener failed; reconnecting");
                listener = reconnect(&url, &channels, &mut backoff).await;
                None
            }
        };
        let (Some(local), Some(topics)) = (local.upgrade(), topics.upgrade()) else {
            return;
        };
        // Errors from `send` only mean nobody is subscribed right now.
        match notification {
            Some(n) if n.channel() == channels.topics => match message::decode_topic(n.payload()) {
                Some((topic, payload)) => topics.deliver(&topic, payload),
                None => {
                    // We cannot tell whose message it was: everyone re-reads.
                    tracing::warn!(
                        len = n.payload().len(),
                        "unreadable topic message; telling topic subscribers they lagged"
                    );
                    topics.lagged_all();
                }
            },
            Some(n) => {
                let _ = local.send(message::decode(n.payload().as_bytes()));
            }
            None => {
                let _ = local.send(BusMessage::CatchUp { seq: None });
                topics.lagged_all();
            }
        }
    }
}

async fn reconnect(url: &str, channels: &Channels, backoff: &mut Backoff) -> PgListener {
    loop {
        let delay = backoff.next_delay();
        tokio::time::sleep(delay).await;
        match listen(url, channels).await {
            Ok(listener) => {
                tracing::info!("PostgreSQL bus listener reconnected");
                backoff.reset();
                return listener;
            }
            Err(error) => {
                // The outage was logged at WARN when the listener failed; one line per
                // attempt for as long as it lasts would drown everything else.
                tracing::debug!(%error, "PostgreSQL bus still unreachable");
            }
        }
    }
}
