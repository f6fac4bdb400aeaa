//! PostgreSQL LISTEN/NOTIFY: no infrastructure beyond the database several instances
//! already share. Good for a few thousand events a second, which is plenty for a
//! newsroom; NATS is there for more.

use std::str::FromStr;
use std::time::Duration;

use newsdesk_core::Event;
use sqlx::postgres::{PgConnectOptions, PgConnection, PgListener, PgPoolOptions};
use sqlx::{Connection, PgPool};
use tokio::sync::broadcast;
use tokio::task::JoinHandle;

use crate::backoff::Backoff;
use crate::config::redact_url;
use crate::error::BusError;
use crate::message::{self, BusMessage};

/// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more (default build).
const MAX_PAYLOAD: usize = 7999;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug)]
pub(crate) struct Publisher {
    // A pool of its own rather than the store's: a burst of notifications must not
    // take connections from requests, nor the other way round.
    pool: PgPool,
    channel: String,
}

impl Publisher {
    pub(crate) async fn publish(&self, event: &Event) -> Result<(), BusError> {
        let payload = message::encode(event, MAX_PAYLOAD)?;
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(&self.channel)
            .bind(payload)
            .execute(&self.pool)
            .await
            .map_err(BusError::PostgresPublish)?;
        Ok(())
    }
}

/// Opens the publishing pool and the listening connection, and starts the task that
/// hands notifications to local subscribers.
pub(crate) async fn connect(
    url: &str,
    channel: String,
    local: broadcast::Sender<BusMessage>,
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
    let listener = listen(url, &channel).await?;
    let task = tokio::spawn(forward(
        url.to_owned(),
        channel.clone(),
        listener,
        local.downgrade(),
    ));
    Ok((Publisher { pool, channel }, task))
}

async fn listen(url: &str, channel: &str) -> Result<PgListener, BusError> {
    let attempt = async {
        let mut listener = PgListener::connect(url).await?;
        listener.listen(channel).await?;
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
    channel: String,
    mut listener: PgListener,
    local: broadcast::WeakSender<BusMessage>,
) {
    let mut backoff = Backoff::new();
    loop {
        let message = match listener.try_recv().await {
            Ok(Some(notification)) => message::decode(notification.payload().as_bytes()),
            Ok(None) => {
                // sqlx already reconnected and listens again; whatever was notified
                // in between is gone.
                tracing::warn!("PostgreSQL bus connection was lost and re-established");
                BusMessage::CatchUp { seq: None }
            }
            Err(error) => {
                tracing::warn!(%error, "PostgreSQL bus listener failed; reconnecting");
                listener = reconnect(&url, &channel, &mut backoff).await;
                BusMessage::CatchUp { seq: None }
            }
        };
        let Some(local) = local.upgrade() else { return };
        // An error only means nobody is subscribed right now.
        let _ = local.send(message);
    }
}

async fn reconnect(url: &str, channel: &str, backoff: &mut Backoff) -> PgListener {
    loop {
        let delay = backoff.next_delay();
        tokio::time::sleep(delay).await;
        match listen(url, channel).await {
            Ok(listener) => {
                tracing::info!("PostgreSQL bus listener reconnected");
                backoff.reset();
                return listener;
            }
            Err(error) => {
                tracing::warn!(%error, "PostgreSQL bus still unreachable");
            }
        }
    }
}
