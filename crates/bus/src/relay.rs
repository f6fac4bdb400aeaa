//! Publishing off the request path, and what the bus knows about its server's health.
//!
//! A write's event is already in the outbox when it reaches the bus, so the bus only
//! makes other instances hear of it sooner. A request must therefore never wait on the
//! bus server: [`crate::Bus::publish_in_background`] puts the event in a bounded queue
//! and returns at once; one task per bus sends the queue in order, each message within
//! [`PUBLISH_TIMEOUT`]. While the server is unreachable the task drops what arrives
//! (counted in [`BusHealth::dropped`]) instead of trying each message in turn, and
//! checks every [`PROBE_EVERY`] whether the server is back; other instances pick up
//! the dropped events at their next outbox poll.
//!
//! An outage is logged once at WARN when it starts and once when it ends, however many
//! messages it cost, so that a long outage does not flood the log.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use newsdesk_core::Event;
use tokio::sync::mpsc;
use tokio::time::MissedTickBehavior;

use crate::config::BusKind;
use crate::error::BusError;

/// Events waiting to be sent; beyond this, new ones are dropped (and counted). Enough
/// for a bulk import's burst while the server is slow, small enough that an outage
/// holds no more than about a megabyte of events in memory.
pub(crate) const QUEUE_CAPACITY: usize = 1024;

/// The longest one message may take to hand to the server before the server counts as
/// unreachable. A healthy NATS or PostgreSQL server takes well under a millisecond.
pub(crate) const PUBLISH_TIMEOUT: Duration = Duration::from_secs(2);

/// How often an unreachable server is checked for its return.
pub(crate) const PROBE_EVERY: Duration = Duration::from_secs(1);

/// A snapshot of the link to the bus server, for health checks and metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct BusHealth {
    /// `false` from the first failed send until the server answers again. Always
    /// `true` for the in-process bus.
    pub reachable: bool,
    /// How long the current outage has lasted, if there is one.
    pub down_for: Option<Duration>,
    /// Events not sent since start-up because the server was unreachable or the queue
    /// was full. Nothing is lost with them: they stay in the outbox, which every
    /// instance polls.
    pub dropped: u64,
}

/// The sending side of a remote bus: what [`spawn`] needs from a backend.
pub(crate) trait Link: Send + Sync + 'static {
    /// Hands one event to the server (no timeout of its own).
    fn send(&self, event: &Event) -> impl Future<Output = Result<(), BusError>> + Send;
    /// Whether the server answers now; called only during an outage.
    fn reachable(&self) -> impl Future<Output = bool> + Send;
}

#[derive(Debug)]
pub(crate) struct Health {
    kind: BusKind,
    down: AtomicBool,
    dropped: AtomicU64,
    // When the outage began, and the drop count then (to report what it cost).
    outage: Mutex<Option<(Instant, u64)>>,
}

impl Health {
    pub(crate) fn new(kind: BusKind) -> Arc<Self> {
        Arc::new(Health {
            kind,
            down: AtomicBool::new(false),
            dropped: AtomicU64::new(0),
            outage: Mutex::new(None),
        })
    }

    pub(crate) fn is_down(&self) -> bool {
        self.down.load(Ordering::Acquire)
    }

    pub(crate) fn count_drop(&self) {
        self.dropped.fetch_add(1, Ordering::Relaxed);
    }

    /// Records a failed send; the first of an outage is logged.
    pub(crate) fn failed(&self, error: &BusError) {
        let mut outage = self.outage.lock().unwrap_or_else(PoisonError::into_inner);
        if outage.is_none() {
            *outage = Some((Instant::now(), self.dropped.load(Ordering::Relaxed)));
            self.down.store(true, Ordering::Release);
            tracing::warn!(
                bus = %self.kind,
                error = %error_chain(error),
                "event bus unreachable; pages on other instances refresh at the next outbox poll"
            );
        }
    }

    /// Records a successful send or probe; ends (and logs the end of) an outage.
    pub(crate) fn succeeded(&self) {
        if !self.is_down() {
            return;
        }
        let mut outage = self.outage.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((since, dropped_before)) = outage.take() {
            self.down.store(false, Ordering::Release);
            let dropped = self
                .dropped
                .load(Ordering::Relaxed)
                .saturating_sub(dropped_before);
            tracing::warn!(
                bus = %self.kind,
                down_for_secs = since.elapsed().as_secs_f64(),
                dropped,
                "event bus back after {:.1} s; {dropped} events were not sent and reach other \
                 instances through the outbox",
                since.elapsed().as_secs_f64()
            );
        }
    }

    pub(crate) fn snapshot(&self) -> BusHealth {
        let outage = *self.outage.lock().unwrap_or_else(PoisonError::into_inner);
        BusHealth {
            reachable: outage.is_none(),
            down_for: outage.map(|(since, _)| since.elapsed()),
            dropped: self.dropped.load(Ordering::Relaxed),
        }
    }
}

/// One line for the log: the error and its causes (a NATS or sqlx error says what
/// actually went wrong only in its source).
fn error_chain(error: &BusError) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Starts the task that sends queued events through `link`. It ends once every sender
/// is dropped (the bus with it) and the queue is empty.
pub(crate) fn spawn<L: Link>(link: L, health: Arc<Health>) -> mpsc::Sender<Event> {
    let (sender, mut queue) = mpsc::channel::<Event>(QUEUE_CAPACITY);
    tokio::spawn(async move {
        let mut probe = tokio::time::interval(PROBE_EVERY);
        probe.set_missed_tick_behavior(MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                event = queue.recv() => {
                    let Some(event) = event else { return };
                    if health.is_down() {
                        health.count_drop();
                        continue;
                    }
                    match tokio::time::timeout(PUBLISH_TIMEOUT, link.send(&event)).await {
                        Ok(Ok(())) => health.succeeded(),
                        Ok(Err(error)) => {
                            health.count_drop();
                            health.failed(&error);
                        }
                        Err(_) => {
                            health.count_drop();
                            health.failed(&timeout_error(health.kind));
                        }
                    }
                }
                _ = probe.tick(), if health.is_down() => {
                    let back = tokio::time::timeout(PUBLISH_TIMEOUT, link.reachable()).await;
                    if back.unwrap_or(false) {
                        health.succeeded();
                    }
                }
            }
        }
    });
    sender
}

pub(crate) fn timeout_error(kind: BusKind) -> BusError {
    BusError::Timeout {
        what: format!("publishing to the {kind} bus"),
        after: PUBLISH_TIMEOUT,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;

    use newsdesk_core::Change;

    use super::*;

    /// A server that accepts the connection and then never answers (a PostgreSQL host
    /// gone behind a firewall): each send would wait forever.
    #[derive(Clone, Default)]
    struct Silent {
        up: Arc<AtomicBool>,
        sent: Arc<AtomicUsize>,
    }

    impl Link for Silent {
        async fn send(&self, _event: &Event) -> Result<(), BusError> {
            if self.up.load(Ordering::SeqCst) {
                self.sent.fetch_add(1, Ordering::SeqCst);
                Ok(())
            } else {
                std::future::pending().await
            }
        }

        async fn reachable(&self) -> bool {
            self.up.load(Ordering::SeqCst)
        }
    }

    fn event(seq: i64) -> Event {
        Event {
            seq,
            at: chrono::Utc::now(),
            change: Change::Photo { id: seq },
        }
    }

    async fn until(mut check: impl FnMut() -> bool) {
        for _ in 0..500 {
            if check() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("not within 10 s");
    }

    #[tokio::test]
    async fn a_server_that_never_answers_costs_dropped_events_not_waiting() {
        let link = Silent::default();
        let health = Health::new(BusKind::Postgres);
        let queue = spawn(link.clone(), health.clone());
        let started = Instant::now();
        for seq in 0..5_000 {
            if queue.try_send(event(seq)).is_err() {
                health.count_drop();
            }
        }
        assert!(started.elapsed() < Duration::from_secs(1));
        // The first send times out, the outage begins, and the queue drains as drops.
        until(|| health.snapshot().dropped == 5_000).await;
        assert!(!health.snapshot().reachable);
        assert_eq!(link.sent.load(Ordering::SeqCst), 0);

        link.up.store(true, Ordering::SeqCst);
        until(|| health.snapshot().reachable).await;
        queue.try_send(event(9_999)).ok();
        until(|| link.sent.load(Ordering::SeqCst) == 1).await;
        assert_eq!(health.snapshot().dropped, 5_000);
    }
}
