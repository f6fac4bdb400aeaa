//! The chat's background work on each instance: follow the chat topic of the bus and hand
//! each change to the readers of that room here; report and total presence across
//! instances; and every few seconds reconcile each room held here against the store, so a
//! message whose bus delivery was lost still reaches everyone within seconds.

use std::time::Duration;

use axum::extract::ws::Utf8Bytes;
use newsdesk_app::live::{CHAT_TOPIC, ChatWire, PRESENCE_TOPIC, PresenceWire};
use newsdesk_bus::TopicEvent;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::protocol::{MessageView, ServerFrame};
use crate::state::AppState;

/// How often each instance reports its readers (and totals everyone's).
const PRESENCE_EVERY: Duration = Duration::from_secs(2);
/// A report is sent at least this often even when nothing changed (a heartbeat).
const PRESENCE_HEARTBEAT: Duration = Duration::from_secs(5);
/// How often rooms held here are checked against the store.
const RECONCILE_EVERY: Duration = Duration::from_secs(3);
/// The newest messages of a room a reconcile pass reads.
const RECONCILE_DEPTH: i64 = 50;

/// Hands a room change to this instance's readers of that room (each message once).
pub fn deliver(state: &AppState, wire: &ChatWire) {
    let Some(room) = state.live().room(wire.room_id()) else {
        return;
    };
    let frame = match wire {
        ChatWire::Message { message } => {
            if !room.first_delivery(message.id) {
                return;
            }
            ServerFrame::Message(MessageView::from(message))
        }
        ChatWire::Deleted { id, .. } => ServerFrame::Deleted { id: *id },
        ChatWire::Room {
            open,
            slow_mode_seconds,
            ..
        } => ServerFrame::Room {
            open: *open,
            slow_mode_seconds: *slow_mode_seconds,
        },
    };
    room.send(Utf8Bytes::from(frame.to_text()));
}

/// Starts the relay's tasks; they end when `stop` is cancelled.
pub fn spawn(state: &AppState, stop: &CancellationToken) -> Vec<JoinHandle<()>> {
    vec![
        tokio::spawn(follow_chat(state.clone(), stop.clone())),
        tokio::spawn(presence(state.clone(), stop.clone())),
        tokio::spawn(reconcile(state.clone(), stop.clone())),
    ]
}

async fn follow_chat(state: AppState, stop: CancellationToken) {
    let mut topic = match state.bus().subscribe_topic(CHAT_TOPIC) {
        Ok(topic) => topic,
        Err(err) => {
            tracing::error!(%err, "cannot follow the chat topic; chats reconcile from the store only");
            return;
        }
    };
    loop {
        let event = tokio::select! {
            () = stop.cancelled() => return,
            event = topic.recv() => event,
        };
        match event {
            Some(TopicEvent::Message(message)) => {
                match serde_json::from_slice::<ChatWire>(&message.payload) {
                    Ok(wire) => deliver(&state, &wire),
                    Err(err) => {
                        tracing::warn!(%err, "chat topic: a message this version cannot read")
                    }
                }
            }
            Some(TopicEvent::Lagged { missed }) => {
                tracing::warn!(
                    ?missed,
                    "chat topic lagged; the reconcile pass fills the gap"
                );
            }
            None => return,
        }
    }
}

async fn presence(state: AppState, stop: CancellationToken) {
    let mut reports = match state.bus().subscribe_topic(PRESENCE_TOPIC) {
        Ok(topic) => Some(topic),
        Err(err) => {
            tracing::error!(%err, "cannot follow presence reports");
            None
        }
    };
    let mut tick = tokio::time::interval(PRESENCE_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last_sent: Option<(Vec<(i64, u32)>, tokio::time::Instant)> = None;
    loop {
        tokio::select! {
            () = stop.cancelled() => return,
            report = async {
                match reports.as_mut() {
                    Some(r) => r.recv().await,
                    None => std::future::pending().await,
                }
            } => {
                match report {
                    Some(TopicEvent::Message(message)) => {
                        if let Ok(wire) = serde_json::from_slice::<PresenceWire>(&message.payload) {
                            state.live().note_presence(&wire.instance, &wire.rooms);
                        }
                    }
                    Some(TopicEvent::Lagged { .. }) => {}
                    None => reports = None,
                }
                continue;
            }
            _ = tick.tick() => {}
        }
        let counts = state.live().local_counts();
        let due = match &last_sent {
            Some((sent, at)) => *sent != counts || at.elapsed() >= PRESENCE_HEARTBEAT,
            None => true,
        };
        if due {
            send_report(&state, &counts).await;
            last_sent = Some((counts, tokio::time::Instant::now()));
        }
        for (room, count) in state.live().presence_changes() {
            room.send(Utf8Bytes::from(ServerFrame::Presence { count }.to_text()));
        }
    }
}

/// Reports this instance's readers per room, in as many bus messages as the backend's
/// payload limit needs.
async fn send_report(state: &AppState, counts: &[(i64, u32)]) {
    let instance = state.live().instance().to_owned();
    // About 20 bytes per room: 200 rooms per message stay under the 5 KiB of the
    // PostgreSQL bus.
    let chunks: Vec<&[(i64, u32)]> = if counts.is_empty() {
        vec![&[]]
    } else {
        counts.chunks(200).collect()
    };
    for chunk in chunks {
        let wire = PresenceWire {
            instance: instance.clone(),
            rooms: chunk.to_vec(),
        };
        let Ok(payload) = serde_json::to_vec(&wire) else {
            continue;
        };
        if let Err(err) = state.bus().publish_topic(PRESENCE_TOPIC, &payload).await {
            tracing::debug!(%err, "presence report not sent");
        }
    }
}

async fn reconcile(state: AppState, stop: CancellationToken) {
    let mut tick = tokio::time::interval(RECONCILE_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            () = stop.cancelled() => return,
            _ = tick.tick() => {}
        }
        for room in state.live().rooms() {
            let newest = match state
                .store()
                .chat_messages_before(room.id, None, RECONCILE_DEPTH)
                .await
            {
                Ok(newest) => newest,
                Err(err) => {
                    tracing::warn!(%err, room = room.id, "chat reconcile could not read the room");
                    continue;
                }
            };
            // No reader here has read the room yet: nothing to compare with.
            let Some(floor) = room.floor() else { continue };
            for message in newest.into_iter().filter(|m| m.id > floor) {
                let wire = ChatWire::Message { message };
                deliver(&state, &wire);
            }
        }
    }
}
