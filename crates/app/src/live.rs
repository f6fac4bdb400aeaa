//! What crosses instances for the chats: the messages on the bus topics every instance's
//! chat relay follows. The store stays the record (a message is committed before it is
//! published); the bus only makes delivery fast, and each instance reconciles its rooms
//! from the store, so a lost bus message costs a few seconds, never a line.

use newsdesk_core::ChatMessage;
use serde::{Deserialize, Serialize};

use crate::App;

/// Messages, deletions and room changes of every room.
pub const CHAT_TOPIC: &str = "chat";
/// How many readers each instance holds in each room.
pub const PRESENCE_TOPIC: &str = "chat-presence";

/// One change to a room, as every instance receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "k", rename_all = "snake_case")]
pub enum ChatWire {
    Message {
        message: ChatMessage,
    },
    Deleted {
        room_id: i64,
        id: i64,
    },
    Room {
        room_id: i64,
        open: bool,
        slow_mode_seconds: i64,
    },
}

impl ChatWire {
    pub fn room_id(&self) -> i64 {
        match self {
            ChatWire::Message { message } => message.room_id,
            ChatWire::Deleted { room_id, .. } | ChatWire::Room { room_id, .. } => *room_id,
        }
    }
}

/// One instance's readers per room, sent every few seconds and on a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresenceWire {
    pub instance: String,
    /// `(room id, connections)`; rooms this instance holds nobody in are left out.
    pub rooms: Vec<(i64, u32)>,
}

/// Sends a room change to every instance (this one included). An error is logged and
/// swallowed: the change is in the store, and instances reconcile from it.
pub async fn publish(app: &App, wire: &ChatWire) -> bool {
    let payload = match serde_json::to_vec(wire) {
        Ok(payload) => payload,
        Err(err) => {
            tracing::error!(%err, "chat message could not be encoded");
            return false;
        }
    };
    match app.bus().publish_topic(CHAT_TOPIC, &payload).await {
        Ok(()) => true,
        Err(err) => {
            tracing::warn!(%err, room = wire.room_id(), "chat change not sent on the bus; instances reconcile from the store");
            false
        }
    }
}
