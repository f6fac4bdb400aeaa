//! The local side of named topics: one broadcast channel per topic that has a
//! subscriber on this instance, and the subscriptions reading them.
//!
//! Every backend hands incoming topic messages to [`TopicRegistry::deliver`]; the
//! in-process bus calls it straight from `publish_topic`, PostgreSQL and NATS from the
//! task that reads the server. A message for a topic nobody here subscribes to costs
//! one map lookup and is dropped.

use std::collections::HashMap;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};
use std::task::{Context, Poll};

use bytes::Bytes;
use futures::Stream;
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::wrappers::errors::BroadcastStreamRecvError;

use crate::topic::{Topic, TopicEvent, TopicMessage};

#[derive(Debug)]
pub(crate) struct TopicRegistry {
    capacity: usize,
    // Only topics with at least one live subscription are here: the last
    // subscription of a topic removes its entry when dropped, so topics that come and
    // go (a chat room per article) never accumulate.
    channels: Mutex<HashMap<String, broadcast::Sender<TopicEvent>>>,
}

impl TopicRegistry {
    pub(crate) fn new(capacity: usize) -> Arc<Self> {
        Arc::new(TopicRegistry {
            capacity,
            channels: Mutex::new(HashMap::new()),
        })
    }

    // Every critical section below leaves the map consistent, so a panic elsewhere
    // while it was held poisons nothing worth refusing to go on with.
    fn channels(&self) -> MutexGuard<'_, HashMap<String, broadcast::Sender<TopicEvent>>> {
        self.channels.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn subscribe(self: &Arc<Self>, topic: Topic) -> TopicSubscription {
        let rx = self
            .channels()
            .entry(topic.as_str().to_owned())
            .or_insert_with(|| broadcast::channel(self.capacity).0)
            .subscribe();
        TopicSubscription {
            inner: BroadcastStream::new(rx),
            topic,
            registry: Arc::downgrade(self),
        }
    }

    /// Hands a message to this instance's subscribers of `topic`, if any.
    pub(crate) fn deliver(&self, topic: &str, payload: Bytes) {
        let Some(sender) = self.channels().get(topic).cloned() else {
            return;
        };
        // An error only means the last subscriber left since the lookup.
        let _ = sender.send(TopicEvent::Message(TopicMessage {
            topic: topic.to_owned(),
            payload,
        }));
    }

    /// Tells every subscriber on this instance that messages may have been lost.
    pub(crate) fn lagged_all(&self) {
        let senders: Vec<_> = self.channels().values().cloned().collect();
        for sender in senders {
            let _ = sender.send(TopicEvent::Lagged { missed: None });
        }
    }

    /// Topics with at least one subscription on this instance.
    pub(crate) fn len(&self) -> usize {
        self.channels().len()
    }

    fn unsubscribed(&self, topic: &str) {
        let mut channels = self.channels();
        // Called from the subscription's `drop`, whose receiver still counts: one
        // means it was the last. Under the lock no other subscribe can slip in.
        if channels
            .get(topic)
            .is_some_and(|sender| sender.receiver_count() <= 1)
        {
            channels.remove(topic);
        }
    }
}

/// Messages of one topic for one subscriber, from [`crate::Bus::subscribe_topic`]:
/// `recv().await`, or use it as a `Stream<Item = TopicEvent>`.
///
/// It receives what any instance publishes on the topic after `subscribe_topic`
/// returned. A subscriber that falls more than the topic capacity (default 256)
/// behind receives one [`TopicEvent::Lagged`] in place of what it lost. The stream
/// ends when the last clone of the bus is dropped.
pub struct TopicSubscription {
    inner: BroadcastStream<TopicEvent>,
    topic: Topic,
    registry: Weak<TopicRegistry>,
}

impl TopicSubscription {
    /// The next message or lag notice, or `None` once the bus is gone.
    pub async fn recv(&mut self) -> Option<TopicEvent> {
        futures::StreamExt::next(self).await
    }

    pub fn topic(&self) -> &Topic {
        &self.topic
    }
}

impl Stream for TopicSubscription {
    type Item = TopicEvent;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<TopicEvent>> {
        Pin::new(&mut self.inner).poll_next(cx).map(|item| {
            item.map(|result| match result {
                Ok(event) => event,
                Err(BroadcastStreamRecvError::Lagged(missed)) => {
                    tracing::debug!(missed, "topic subscriber lagged");
                    TopicEvent::Lagged {
                        missed: Some(missed),
                    }
                }
            })
        })
    }
}

impl Drop for TopicSubscription {
    fn drop(&mut self) {
        if let Some(registry) = self.registry.upgrade() {
            registry.unsubscribed(self.topic.as_str());
        }
    }
}

impl std::fmt::Debug for TopicSubscription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TopicSubscription")
            .field("topic", &self.topic)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(name: &str) -> Topic {
        Topic::new(name).unwrap()
    }

    #[test]
    fn the_last_subscription_of_a_topic_removes_its_channel() {
        let registry = TopicRegistry::new(8);
        let first = registry.subscribe(topic("chat.1"));
        let second = registry.subscribe(topic("chat.1"));
        let other = registry.subscribe(topic("chat.2"));
        assert_eq!(registry.len(), 2);
        drop(first);
        assert_eq!(registry.len(), 2);
        drop(second);
        assert_eq!(registry.len(), 1);
        drop(other);
        assert_eq!(registry.len(), 0);
    }

    #[tokio::test]
    async fn a_topic_resubscribed_after_emptying_works_again() {
        let registry = TopicRegistry::new(8);
        drop(registry.subscribe(topic("chat.1")));
        let mut again = registry.subscribe(topic("chat.1"));
        registry.deliver("chat.1", Bytes::from_static(b"hi"));
        assert_eq!(
            again.recv().await.and_then(TopicEvent::into_message),
            Some(TopicMessage {
                topic: "chat.1".to_owned(),
                payload: Bytes::from_static(b"hi"),
            })
        );
    }

    #[test]
    fn delivering_to_a_topic_without_subscribers_creates_nothing() {
        let registry = TopicRegistry::new(8);
        registry.deliver("chat.1", Bytes::new());
        registry.lagged_all();
        assert_eq!(registry.len(), 0);
    }
}
