//! NATS core pub/sub: for many instances or many events. The client reconnects on
//! its own; we only tell subscribers to catch up afterwards.
//!
//! Change events travel on `{namespace}.events`, topic messages on
//! `{namespace}.topic.<topic>` with the payload as it is (NATS carries bytes). Each
//! instance holds one wildcard subscription, `{namespace}.topic.>`, made before
//! `connect` returns, and hands messages to its local subscribers of each topic,
//! rather than a NATS subscription per topic: `Bus::subscribe_topic` is synchronous
//! and promises that whatever is published after it returns arrives, which a SUB sent
//! then could not (the server may see the message first). The client restores the
//! one subscription after a reconnect by itself. The price is that every instance
//! receives every topic message of its namespace; per-topic interest could be added
//! later without changing the subjects.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use async_nats::connection::State;
use async_nats::{Client, ConnectOptions, Subscriber};
use futures::StreamExt;
use newsdesk_core::Event;
use tokio::sync::broadcast;
use tokio::task::JoinHandle;

use crate::config::redact_url;
use crate::error::BusError;
use crate::message::{self, BusMessage};
use crate::topic::Topic;
use crate::topic_subscription::TopicRegistry;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone)]
pub(crate) struct Publisher {
    client: Client,
    subject: String,
    topic_prefix: String,
}

impl Publisher {
    pub(crate) async fn publish(&self, event: &Event) -> Result<(), BusError> {
        self.connected()?;
        let payload = message::encode(event, self.client.max_payload())?;
        self.client
            .publish(self.subject.clone(), payload.into())
            .await
            .map_err(|source| BusError::NatsPublish {
                subject: self.subject.clone(),
                source,
            })
    }

    /// While disconnected, the client queues what is published until its buffer is
    /// full and then makes every publisher wait for the server: refusing at once
    /// keeps callers from waiting and keeps stale messages out of that buffer.
    fn connected(&self) -> Result<(), BusError> {
        if self.reachable() {
            Ok(())
        } else {
            Err(BusError::Disconnected {
                kind: crate::BusKind::Nats,
            })
        }
    }

    pub(crate) fn reachable(&self) -> bool {
        self.client.connection_state() == State::Connected
    }

    /// The server's `max_payload`, learnt when connecting (1 MiB unless configured).
    pub(crate) fn max_payload(&self) -> usize {
        self.client.max_payload()
    }

    /// `payload` is at most [`Publisher::max_payload`] bytes (checked by the caller).
    pub(crate) async fn publish_topic(
        &self,
        topic: &Topic,
        payload: &[u8],
    ) -> Result<(), BusError> {
        self.connected()?;
        let subject = format!("{}{topic}", self.topic_prefix);
        self.client
            .publish(subject.clone(), bytes::Bytes::copy_from_slice(payload))
            .await
            .map_err(|source| BusError::NatsPublish { subject, source })
    }
}

/// Connects, subscribes and proves the subscription is live on the server before
/// returning, then starts the task that hands messages to local subscribers.
pub(crate) async fn connect(
    url: &str,
    subject: String,
    topic_prefix: String,
    local: broadcast::Sender<BusMessage>,
    topics: Weak<TopicRegistry>,
) -> Result<(Publisher, JoinHandle<()>), BusError> {
    let timeout = |what: &str| BusError::Timeout {
        what: format!("NATS at {} ({what})", redact_url(url)),
        after: CONNECT_TIMEOUT,
    };
    let options = ConnectOptions::new()
        .name("newsdesk")
        .connection_timeout(CONNECT_TIMEOUT)
        .event_callback(on_client_event(local.downgrade(), topics.clone()));
    let client = tokio::time::timeout(CONNECT_TIMEOUT, options.connect(url))
        .await
        .map_err(|_| timeout("connect"))?
        .map_err(|source| BusError::NatsConnect {
            url: redact_url(url),
            source,
        })?;
    let subscribe = |subject: String| {
        let client = client.clone();
        async move {
            client
                .subscribe(subject.clone())
                .await
                .map_err(|source| BusError::NatsSubscribe { subject, source })
        }
    };
    let subscriber = subscribe(subject.clone()).await?;
    let topic_subscriber = subscribe(format!("{topic_prefix}>")).await?;
    tokio::time::timeout(CONNECT_TIMEOUT, round_trip(&client))
        .await
        .map_err(|_| timeout("round trip"))??;
    let events = forward(subscriber, local.downgrade());
    let topic_messages = forward_topics(topic_subscriber, topic_prefix.clone(), topics);
    let task = tokio::spawn(async move {
        tokio::join!(events, topic_messages);
    });
    Ok((
        Publisher {
            client,
            subject,
            topic_prefix,
        },
        task,
    ))
}

/// The server handles one connection's messages in order, so once a message sent
/// after our SUB comes back, the subscription is in place: an event published by any
/// instance from now on reaches us. Without this, `connect` could return while the
/// SUB is still in flight and the first events would be missed.
async fn round_trip(client: &Client) -> Result<(), BusError> {
    let inbox = client.new_inbox();
    let mut probe =
        client
            .subscribe(inbox.clone())
            .await
            .map_err(|source| BusError::NatsSubscribe {
                subject: inbox.clone(),
                source,
            })?;
    client
        .publish(inbox.clone(), bytes::Bytes::new())
        .await
        .map_err(|source| BusError::NatsPublish {
            subject: inbox.clone(),
            source,
        })?;
    // `None` would mean the client closed; the timeout around us reports it.
    let _ = probe.next().await;
    let _ = probe.unsubscribe().await;
    Ok(())
}

async fn forward(mut subscriber: Subscriber, local: broadcast::WeakSender<BusMessage>) {
    while let Some(nats_message) = subscriber.next().await {
        let message = message::decode(&nats_message.payload);
        let Some(local) = local.upgrade() else { return };
        // An error only means nobody is subscribed right now.
        let _ = local.send(message);
    }
    tracing::warn!("NATS bus subscription ended; the client was closed");
}

async fn forward_topics(mut subscriber: Subscriber, prefix: String, topics: Weak<TopicRegistry>) {
    while let Some(nats_message) = subscriber.next().await {
        let Some(topics) = topics.upgrade() else {
            return;
        };
        // The wildcard matches only subjects under the prefix.
        if let Some(topic) = nats_message.subject.as_str().strip_prefix(&prefix) {
            topics.deliver(topic, nats_message.payload);
        }
    }
    tracing::warn!("NATS topic subscription ended; the client was closed");
}

/// Messages published while the client was disconnected, or dropped because we read
/// too slowly, are gone: subscribers are told to catch up from the outbox.
fn on_client_event(
    local: broadcast::WeakSender<BusMessage>,
    topics: Weak<TopicRegistry>,
) -> impl Fn(async_nats::Event) -> std::future::Ready<()> + Send + Sync + 'static {
    // The first `Connected` is the initial connection, which misses nothing.
    let connected_before = Arc::new(AtomicBool::new(false));
    move |event| {
        let catch_up = match event {
            async_nats::Event::Connected => connected_before.swap(true, Ordering::SeqCst),
            async_nats::Event::SlowConsumer(_) => true,
            _ => false,
        };
        // A failed reconnect attempt is a client error too, one every few seconds for
        // as long as an outage lasts: the outage itself is logged once, by the
        // publisher (see `relay`).
        if matches!(event, async_nats::Event::ClientError(_)) {
            tracing::debug!(%event, "NATS bus client event");
        } else {
            tracing::info!(%event, "NATS bus client event");
        }
        if catch_up {
            if let Some(local) = local.upgrade() {
                let _ = local.send(BusMessage::CatchUp { seq: None });
            }
            if let Some(topics) = topics.upgrade() {
                topics.lagged_all();
            }
        }
        std::future::ready(())
    }
}
