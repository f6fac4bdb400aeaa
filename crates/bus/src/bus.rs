//! The bus handle the rest of Newsdesk holds: publish after a commit, subscribe to
//! receive every instance's events (this one's included).

use std::sync::Arc;

use bytes::Bytes;
use newsdesk_core::Event;
use tokio::sync::{broadcast, mpsc};
use tokio::task::JoinHandle;

use crate::config::{BusConfig, BusKind, Target, ToBusConfig};
use crate::error::BusError;
use crate::message::BusMessage;
use crate::relay::{self, BusHealth, Health, Link};
use crate::subscription::Subscription;
use crate::topic::{MAX_IN_PROCESS_PAYLOAD, MAX_POSTGRES_PAYLOAD, Topic};
use crate::topic_subscription::{TopicRegistry, TopicSubscription};
use crate::{nats, postgres};

/// The event bus. Cheap to clone; every clone is the same bus. Dropping the last clone
/// stops its background listener and ends every [`Subscription`] and
/// [`TopicSubscription`].
///
/// Subscribers on one instance share one local fan-out channel. With PostgreSQL or
/// NATS, `publish` only sends to the server and this instance receives its own events
/// back from it, like every other instance: each event therefore reaches a local
/// subscriber exactly once, never once locally and once more from the server.
///
/// Besides the change events, the bus carries named topics
/// ([`Bus::publish_topic`], [`Bus::subscribe_topic`]) the same way: a message
/// published on a topic on any instance reaches that topic's subscribers on every
/// instance, once.
#[derive(Clone, Debug)]
pub struct Bus {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    local: broadcast::Sender<BusMessage>,
    topics: Arc<TopicRegistry>,
    backend: Backend,
    namespace: String,
    listener: Option<JoinHandle<()>>,
    health: Arc<Health>,
    // `None` for the in-process bus, which has no server to wait for.
    queue: Option<mpsc::Sender<Event>>,
}

#[derive(Debug, Clone)]
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
                topics: TopicRegistry::new(config.topic_capacity),
                backend: Backend::InProcess,
                namespace: config.namespace.clone(),
                listener: None,
                health: Health::new(BusKind::InProcess),
                queue: None,
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
        let topics = TopicRegistry::new(config.topic_capacity);
        let (backend, listener) = match &config.target {
            Target::InProcess => return Ok(Self::in_process_with(config)),
            Target::Postgres { url } => {
                let channels = postgres::Channels {
                    events: config.postgres_channel(),
                    topics: config.postgres_topic_channel(),
                };
                let (publisher, task) =
                    postgres::connect(url, channels, local.clone(), Arc::downgrade(&topics))
                        .await?;
                (Backend::Postgres(publisher), task)
            }
            Target::Nats { url } => {
                let (publisher, task) = nats::connect(
                    url,
                    config.nats_subject(),
                    config.nats_topic_prefix(),
                    local.clone(),
                    Arc::downgrade(&topics),
                )
                .await?;
                (Backend::Nats(publisher), task)
            }
        };
        tracing::info!(kind = %config.kind(), namespace = %config.namespace, "event bus connected");
        let health = Health::new(config.kind());
        let queue = relay::spawn(backend.clone(), health.clone());
        Ok(Bus {
            inner: Arc::new(Inner {
                local,
                topics,
                backend,
                namespace: config.namespace.clone(),
                listener: Some(listener),
                health,
                queue: Some(queue),
            }),
        })
    }

    /// Sends `event` to every instance's subscribers, this instance's included, and
    /// waits until the server has it: within 2 s, and at once with an error while the
    /// NATS client knows it is disconnected.
    ///
    /// Call it after the transaction that wrote the event to the outbox has committed.
    /// An error here loses nothing: consumers also poll the outbox, so callers log it
    /// and carry on rather than failing the request. A request handler should not wait
    /// even that long: it calls [`Bus::publish_in_background`].
    pub async fn publish(&self, event: &Event) -> Result<(), BusError> {
        match &self.inner.backend {
            Backend::InProcess => {
                // An error only means nobody is subscribed right now.
                let _ = self.inner.local.send(BusMessage::Event(event.clone()));
                Ok(())
            }
            backend => self.bounded(backend.send(event)).await,
        }
    }

    /// Hands `event` to this bus's background publisher and returns at once: the
    /// request that made the change never waits on the bus server. Events are sent in
    /// the order they were handed over. While the server is unreachable, or more than
    /// 1,024 events wait, new ones are dropped and counted in [`BusHealth::dropped`];
    /// every instance still applies them from the outbox at its next poll.
    pub fn publish_in_background(&self, event: &Event) {
        match &self.inner.queue {
            None => {
                let _ = self.inner.local.send(BusMessage::Event(event.clone()));
            }
            Some(queue) => {
                if queue.try_send(event.clone()).is_err() {
                    self.inner.health.count_drop();
                }
            }
        }
    }

    /// The link to the bus server now: reachable or not, and how many events were
    /// dropped rather than sent since start-up.
    pub fn health(&self) -> BusHealth {
        self.inner.health.snapshot()
    }

    /// Runs one send to the server within [`relay::PUBLISH_TIMEOUT`], recording the
    /// outcome in the bus's health (which logs an outage once).
    async fn bounded(
        &self,
        send: impl Future<Output = Result<(), BusError>>,
    ) -> Result<(), BusError> {
        let health = &self.inner.health;
        let outcome = match tokio::time::timeout(relay::PUBLISH_TIMEOUT, send).await {
            Ok(outcome) => outcome,
            Err(_) => Err(relay::timeout_error(self.kind())),
        };
        match &outcome {
            Ok(()) => health.succeeded(),
            Err(error) if error.is_unreachable() => health.failed(error),
            Err(_) => {}
        }
        outcome
    }

    /// A new subscription, receiving every message published from now on.
    pub fn subscribe(&self) -> Subscription {
        Subscription::new(self.inner.local.subscribe())
    }

    /// Sends `payload` to the subscribers of `topic` on every instance, this one's
    /// included, each once. One caller's messages on one topic arrive in the order it
    /// awaited them.
    ///
    /// `topic` must be a valid [`Topic`] name and `payload` at most
    /// [`Bus::max_topic_payload`] bytes, or this is [`BusError::InvalidTopic`] /
    /// [`BusError::PayloadTooLarge`] and nothing is sent. A message for a topic nobody
    /// subscribes to is dropped. Unlike change events, there is no outbox behind a
    /// topic: whatever must not be lost is stored by the caller before publishing.
    pub async fn publish_topic(&self, topic: &str, payload: &[u8]) -> Result<(), BusError> {
        let topic = Topic::new(topic)?;
        let max = self.max_topic_payload();
        if payload.len() > max {
            return Err(BusError::PayloadTooLarge {
                topic: topic.into_string(),
                len: payload.len(),
                max,
                backend: self.kind(),
            });
        }
        match &self.inner.backend {
            Backend::InProcess => {
                self.inner
                    .topics
                    .deliver(&topic, Bytes::copy_from_slice(payload));
                Ok(())
            }
            Backend::Postgres(publisher) => {
                self.bounded(publisher.publish_topic(&topic, payload)).await
            }
            Backend::Nats(publisher) => {
                self.bounded(publisher.publish_topic(&topic, payload)).await
            }
        }
    }

    /// A new subscription to `topic`, receiving what any instance publishes on it
    /// from now on (the server-side subscription is made once, in
    /// [`Bus::connect`], so there is nothing to wait for here). Fails only for an
    /// invalid [`Topic`] name.
    pub fn subscribe_topic(&self, topic: &str) -> Result<TopicSubscription, BusError> {
        Ok(self.inner.topics.subscribe(Topic::new(topic)?))
    }

    /// The largest topic payload this bus carries, in bytes:
    /// [`crate::topic::MAX_IN_PROCESS_PAYLOAD`] (1 MiB) in process,
    /// [`crate::topic::MAX_POSTGRES_PAYLOAD`] (5 KiB) on PostgreSQL, and the server's
    /// `max_payload` (1 MiB by default) on NATS.
    pub fn max_topic_payload(&self) -> usize {
        match &self.inner.backend {
            Backend::InProcess => MAX_IN_PROCESS_PAYLOAD,
            Backend::Postgres(_) => MAX_POSTGRES_PAYLOAD,
            Backend::Nats(publisher) => publisher.max_payload(),
        }
    }

    /// How many topics have at least one subscription on this instance (for
    /// metrics). A topic's entry goes when its last subscription is dropped.
    pub fn topic_count(&self) -> usize {
        self.inner.topics.len()
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

impl Link for Backend {
    async fn send(&self, event: &Event) -> Result<(), BusError> {
        match self {
            Backend::InProcess => Ok(()),
            Backend::Postgres(publisher) => publisher.publish(event).await,
            Backend::Nats(publisher) => publisher.publish(event).await,
        }
    }

    async fn reachable(&self) -> bool {
        match self {
            Backend::InProcess => true,
            Backend::Postgres(publisher) => publisher.reachable().await,
            Backend::Nats(publisher) => publisher.reachable(),
        }
    }
}
