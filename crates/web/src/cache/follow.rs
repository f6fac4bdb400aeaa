//! Keeps this instance's page cache in step with changes made anywhere: follows the bus
//! for speed and polls the store's outbox every two seconds for certainty, so a lost bus
//! message delays an invalidation by two seconds at most.

use std::time::Duration;

use newsdesk_bus::BusMessage;
use tokio::task::JoinHandle;

use crate::state::AppState;

pub const POLL_EVERY: Duration = Duration::from_secs(2);
const BATCH: i64 = 500;

/// Starts the follower; it runs until the runtime shuts down (or the bus and the store
/// are both gone, which ends the process anyway).
pub fn spawn(state: AppState) -> JoinHandle<()> {
    tokio::spawn(async move { run(state).await })
}

async fn run(state: AppState) {
    let mut subscription = state.bus().subscribe();
    // Pages cached from now on reflect everything up to here.
    let mut cursor = loop {
        match state.store().latest_event_seq().await {
            Ok(seq) => break seq,
            Err(err) => {
                tracing::warn!(%err, "cache follower: cannot read the outbox position; retrying");
                tokio::time::sleep(POLL_EVERY).await;
            }
        }
    };
    let mut ticker = tokio::time::interval(POLL_EVERY);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut bus_open = true;
    loop {
        tokio::select! {
            message = subscription.recv(), if bus_open => match message {
                Some(BusMessage::Event(event)) => {
                    // Applied at once, but the cursor only moves by polling: the outbox is
                    // ordered, the bus may not be. The cache ignores events it has applied.
                    if event.seq > cursor {
                        state.cache().invalidate(&event);
                    }
                }
                Some(BusMessage::CatchUp { .. }) => {
                    cursor = poll(&state, cursor).await;
                }
                None => {
                    tracing::warn!("cache follower: the bus closed; following the outbox only");
                    bus_open = false;
                }
            },
            _ = ticker.tick() => {
                cursor = poll(&state, cursor).await;
            }
        }
    }
}

/// Applies every outbox event after `cursor`; returns the new cursor.
async fn poll(state: &AppState, mut cursor: i64) -> i64 {
    loop {
        let events = match state.store().events_after(cursor, BATCH).await {
            Ok(events) => events,
            Err(err) => {
                tracing::warn!(%err, "cache follower: outbox poll failed");
                return cursor;
            }
        };
        let full = events.len() as i64 == BATCH;
        for event in events {
            state.cache().invalidate(&event);
            cursor = cursor.max(event.seq);
        }
        if !full {
            return cursor;
        }
    }
}
