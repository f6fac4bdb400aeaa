//! A subscriber's view of the bus: a stream of [`BusMessage`]s on this instance.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures::Stream;
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::wrappers::errors::BroadcastStreamRecvError;

use crate::message::BusMessage;

/// Messages for one subscriber, from [`crate::Bus::subscribe`].
///
/// A subscriber that falls more than the configured capacity behind does not silently
/// lose events: it receives one [`BusMessage::CatchUp`] in their place, then the oldest
/// messages still buffered. The stream ends when the bus is dropped.
pub struct Subscription {
    inner: BroadcastStream<BusMessage>,
}

impl Subscription {
    pub(crate) fn new(rx: broadcast::Receiver<BusMessage>) -> Self {
        Subscription {
            inner: BroadcastStream::new(rx),
        }
    }

    /// The next message, or `None` once the bus is gone.
    pub async fn recv(&mut self) -> Option<BusMessage> {
        futures::StreamExt::next(self).await
    }
}

impl Stream for Subscription {
    type Item = BusMessage;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<BusMessage>> {
        Pin::new(&mut self.inner).poll_next(cx).map(|item| {
            item.map(|result| match result {
                Ok(message) => message,
                Err(BroadcastStreamRecvError::Lagged(missed)) => {
                    tracing::debug!(missed, "bus subscriber lagged; sending a catch-up");
                    BusMessage::CatchUp { seq: None }
                }
            })
        })
    }
}

impl std::fmt::Debug for Subscription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subscription").finish_non_exhaustive()
    }
}
