//! The bus handle the rest of Newsdesk holds: publish after a commit, subscribe to
//! receive every instance's events (this one's included).

use std::sync::Arc;

use newsdesk_core::Event;
use tokio::sync::broadcast;
use tokio::task::JoinHandle;

use crate::config::{BusConfig, BusKind, Target, ToBusConfig};
use crate::error::BusError;
use crate::message::BusMessage;
use crate::subscription::Subscription;
use crate::{nats, postgres};

/// The event bus. Cheap to clone; every clone is the same bus. Dropping the last clone
/// stops its background listener and ends every [`Subscription`].
///
/// Subscribers on one instance share one local fan-out channel. With PostgreSQL or
/// NATS, `publish` only sends to the server and this instance receives its own events
/// back from it, like every other instance: each event therefore reaches a local
/// subscriber exactly once, never once locally and once more from the server.
#[derive(Clone, Debug)]
pub struct Bus {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    local: broadcast::Sender<BusMessage>,
    backend: Backend,
    namespace: String,
    listener: Option<JoinHandle<()>>,
}

#[derive(Debug)]
enum Backend {
    InProcess,
    Postgres(postgres::Publisher),
    Nats(nats::Publisher),
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Some(listener) = self.listener.take() {
            listener.abort();
        }
    }
}

impl Bus {
    /// An in-process bus with the default capacity; needs no runtime or server.
    pub fn in_process() -> Self {
        Self::in_process_with(&BusConfig::in_process())
    }

    fn in_process_with(config: &BusConfig) -> Self {
        let (local, _) = broadcast::channel(config.capacity);
        Bus {
            inner: Arc::new(Inner {
                local,
                backend: Backend::InProcess,
                namespace: config.namespace.clone(),
                listener: None,
            }),
        }
    }

    /// Connects the configured backend: `Bus::connect("nats://…")` or
    /// `Bus::connect(&BusConfig::from_url(url)?.with_namespace("site")?)`.
    ///
    /// For PostgreSQL and NATS this returns once the instance is listening: an event
    /// published anywhere afterwards reaches this instance's subscribers. A server that
    /// does not answer is an error here, at start-up; later outages are retried in the
    /// background.
    pub async fn connect<C: ToBusConfig + ?Sized>(config: &C) -> Result<Self, BusError> {
        let config = &config.to_bus_config()?;
        let (local, _) = broadcast::channel(config.capacity);
        let (backend, listener) = match &config.target {
            Target::InProcess => return Ok(Self::in_process_with(config)),
            Target::Postgres { url } => {
                let (publisher, task) =
                    postgres::connect(url, config.postgres_channel(), local.clone()).await?;
                (Backend::Postgres(publisher), task)
            }
            Target::Nats { url } => {
                let (publisher, task) =
                    nats::connect(url, config.nats_subject(), local.clone()).await?;
                (Backend::Nats(publisher), task)
            }
        };
        tracing::info!(kind = %config.kind(), namespace = %config.namespace, "event bus connected");
        Ok(Bus {
            inner: Arc::new(Inner {
                local,
                backend,
                namespace: config.namespace.clone(),
                listener: Some(listener),
            }),
        })
    }

    /// Sends `event` to every instance's subscribers, this instance's included.
    ///
    /// Call it after the transaction that wrote the event to the outbox has committed.
    /// An error here loses nothing: consumers also poll the outbox, so callers log it
    /// and carry on rather than failing the request.
    pub async fn publish(&self, event: &Event) -> Result<(), BusError> {
        match &self.inner.backend {
            Backend::InProcess => {
                // An error only means nobody is subscribed right now.
                let _ = self.inner.local.send(BusMessage::Event(event.clone()));
                Ok(())
            }
            Backend::Postgres(publisher) => publisher.publish(event).await,
            Backend::Nats(publisher) => publisher.publish(event).await,
        }
    }

    /// A new subscription, receiving every message published from now on.
    pub fn subscribe(&self) -> Subscription {
        Subscription::new(self.inner.local.subscribe())
    }

    /// Whether several instances can share this bus. The in-process bus cannot: the
    /// binary refuses to start as one of several instances on it.
    pub fn is_cluster_capable(&self) -> bool {
        self.kind() != BusKind::InProcess
    }

    pub fn kind(&self) -> BusKind {
        match self.inner.backend {
            Backend::InProcess => BusKind::InProcess,
            Backend::Postgres(_) => BusKind::Postgres,
            Backend::Nats(_) => BusKind::Nats,
        }
    }

    pub fn namespace(&self) -> &str {
        &self.inner.namespace
    }

    /// How many subscriptions are open on this instance (for metrics).
    pub fn subscriber_count(&self) -> usize {
        self.inner.local.receiver_count()
    }
}
