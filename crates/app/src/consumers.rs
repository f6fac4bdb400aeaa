//! Outbox consumers: everything that reacts to changes (the page cache now; search, live
//! fan-out, CDN purge, webhooks and newsletters next) is a [`Consumer`] with a name and a
//! cursor, run by one follower each.
//!
//! The follower reads the outbox in `seq` order from its cursor, so a consumer sees every
//! event at least once and in order. The bus only makes that prompt: a bus message is a
//! wake-up to read the outbox now, and a timer reads it anyway every [`POLL`], so a lost
//! message costs at most that long. Rows are decoded one by one; a kind this version does
//! not know (written by a newer instance during a rolling upgrade) is logged and skipped
//! instead of stopping the follower.
//!
//! A durable consumer persists its cursor (table `consumer_cursors`) and resumes after a
//! restart where it stopped; an instance-local one (the page cache, which starts empty)
//! starts at the newest event. The outbox is pruned once every durable cursor has passed a
//! row and the retention window has elapsed.

use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use newsdesk_bus::BusMessage;
use newsdesk_core::Event;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::jobs::Periodic;
use crate::{App, Error};

/// How often a follower reads the outbox when the bus said nothing.
pub const POLL: Duration = Duration::from_secs(2);
const BATCH: i64 = 500;

pub trait Consumer: Send + Sync + 'static {
    /// Stable: a durable consumer's cursor is stored under it.
    fn name(&self) -> &'static str;

    /// Whether the cursor is persisted (and outbox pruning waits for it).
    fn durable(&self) -> bool;

    /// Applies one event. Must be idempotent by `event.seq`: after a crash between applying
    /// and saving the cursor, the event comes again. An error is retried (the cursor stays
    /// before the event) after the next poll interval.
    fn apply<'a>(&'a self, app: &'a App, event: &'a Event) -> BoxFuture<'a, Result<(), String>>;
}

/// Starts the follower of `consumer`; it stops when `stop` is cancelled.
pub fn spawn(app: App, consumer: Arc<dyn Consumer>, stop: CancellationToken) -> JoinHandle<()> {
    tokio::spawn(async move { follow(app, consumer, stop).await })
}

async fn follow(app: App, consumer: Arc<dyn Consumer>, stop: CancellationToken) {
    let name = consumer.name();
    let mut subscription = app.bus().subscribe();
    let mut cursor = loop {
        match start_cursor(&app, consumer.as_ref()).await {
            Ok(seq) => break seq,
            Err(err) => {
                tracing::warn!(consumer = name, %err, "cannot read the outbox position; retrying");
                tokio::select! {
                    () = stop.cancelled() => return,
                    () = tokio::time::sleep(POLL) => {}
                }
            }
        }
    };
    tracing::debug!(consumer = name, cursor, "outbox consumer started");
    let mut ticker = tokio::time::interval(POLL);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut bus_open = true;
    loop {
        tokio::select! {
            () = stop.cancelled() => break,
            message = subscription.recv(), if bus_open => match message {
                Some(BusMessage::Event(event)) if event.seq <= cursor => continue,
                Some(_) => {}
                None => {
                    tracing::warn!(consumer = name, "the bus closed; following the outbox only");
                    bus_open = false;
                    continue;
                }
            },
            _ = ticker.tick() => {}
        }
        cursor = catch_up(&app, consumer.as_ref(), cursor).await;
    }
}

async fn start_cursor(app: &App, consumer: &dyn Consumer) -> Result<i64, Error> {
    let store = app.store();
    if consumer.durable() {
        if let Some(seq) = store.consumer_cursor(consumer.name()).await? {
            return Ok(seq);
        }
        // A new durable consumer starts now, not at the beginning of history.
        let seq = store.latest_event_seq().await?;
        store.set_consumer_cursor(consumer.name(), seq).await?;
        return Ok(seq);
    }
    Ok(store.latest_event_seq().await?)
}

/// Applies every outbox event after `cursor` in order; returns the new cursor (before the
/// first event that failed, if one did).
pub async fn catch_up(app: &App, consumer: &dyn Consumer, mut cursor: i64) -> i64 {
    loop {
        let page = match app.store().outbox_after(cursor, BATCH).await {
            Ok(page) => page,
            Err(err) => {
                tracing::warn!(consumer = consumer.name(), %err, "outbox read failed");
                return cursor;
            }
        };
        let start = cursor;
        let mut failed = false;
        for event in &page.events {
            if let Err(err) = consumer.apply(app, event).await {
                tracing::warn!(consumer = consumer.name(), seq = event.seq, %err, "consumer failed an event; retrying");
                failed = true;
                break;
            }
            cursor = event.seq;
        }
        if !failed {
            // Skipped rows (unknown kinds) are passed too.
            cursor = cursor.max(page.next_cursor);
        }
        if consumer.durable()
            && cursor > start
            && let Err(err) = app
                .store()
                .set_consumer_cursor(consumer.name(), cursor)
                .await
        {
            tracing::warn!(consumer = consumer.name(), %err, "could not save the cursor; events may come again");
        }
        if failed
            || page.next_cursor == start
            || (page.events.len() + page.skipped) < BATCH as usize
        {
            return cursor;
        }
    }
}

/// Deletes outbox rows every durable consumer has passed and that are older than the
/// retention window.
pub const PRUNE_OUTBOX: Periodic = Periodic {
    name: "prune-outbox",
    every: Duration::from_secs(3600),
    tick: |app| Box::pin(async move { prune(&app).await.map(|_| ()) }),
};

pub async fn prune(app: &App) -> Result<u64, Error> {
    let store = app.store();
    let latest = store.latest_event_seq().await?;
    let up_to = store
        .consumer_cursors()
        .await?
        .into_iter()
        .map(|(_, seq)| seq)
        .min()
        .unwrap_or(latest)
        .min(latest);
    let retention = chrono::Duration::from_std(app.config().outbox_retention)
        .unwrap_or(chrono::Duration::days(7));
    let removed = store
        .prune_outbox(up_to, chrono::Utc::now() - retention)
        .await?;
    if removed > 0 {
        tracing::info!(removed, up_to, "outbox pruned");
    }
    Ok(removed)
}
