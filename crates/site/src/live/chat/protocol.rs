//! The chat protocol, version 1: every frame a client may send and every frame the server
//! sends, as types. The AsyncAPI document (`/api/v1/asyncapi.json`) is generated from
//! these, and the tests check every frame the server sends against it.

use chrono::{DateTime, Utc};
use newsdesk_core::{ChatMessage, ChatRoom};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The WebSocket subprotocol clients offer and the server selects.
pub const SUBPROTOCOL: &str = "newsdesk.chat.v1";
pub const VERSION: u8 = 1;
/// Largest frame a client may send, in bytes: the longest line in any script, quoted.
pub const MAX_FRAME: usize = 4 * 1024;
/// Messages sent on open, and per `history` answer.
pub const HISTORY: i64 = 50;
/// Messages sent on a reconnect (`?after=`) at most; beyond that, `complete` is false.
pub const CATCH_UP: i64 = 500;

/// What a client sends.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ClientFrame {
    /// Write a line. Answered by `ack` (then the `message` everyone gets) or by `error`
    /// carrying the same `ref`.
    Send {
        /// The client's name for this send, 1–64 characters, echoed in the answer.
        #[serde(rename = "ref")]
        reference: String,
        /// 1–500 characters.
        text: String,
    },
    /// Older messages: the 50 before `before`.
    History { before: i64 },
    /// Answered by `pong`.
    Ping {
        #[serde(rename = "ref", default, skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
    },
}

/// A room as clients see it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RoomView {
    pub id: i64,
    pub edition: String,
    /// The article the room is about, for an article's room.
    pub article_id: Option<i64>,
    /// The article's headline for an article's room.
    pub title: String,
    pub description: String,
    /// The room's page.
    pub href: String,
    /// Where the article is, for an article's room.
    pub article_href: Option<String>,
    pub open: bool,
    pub slow_mode_seconds: i64,
    /// Connections in the room now, on every instance.
    pub presence: u32,
}

impl RoomView {
    pub fn new(
        room: &ChatRoom,
        title: String,
        article_href: Option<String>,
        presence: u32,
    ) -> Self {
        RoomView {
            id: room.id,
            edition: room.edition.clone(),
            article_id: room.article_id,
            title,
            description: room.description.clone(),
            href: format!("/{}/chats/{}", room.edition, room.id),
            article_href,
            open: room.open,
            slow_mode_seconds: room.slow_mode_seconds,
            presence,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AuthorView {
    pub name: String,
    /// Written by the newsroom's staff.
    pub staff: bool,
}

/// One line of the chat.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MessageView {
    pub id: i64,
    pub room: i64,
    pub author: AuthorView,
    /// As written.
    pub text: String,
    /// The text as safe HTML: escaped, line breaks as `<br>`, web links with
    /// `rel="nofollow ugc noopener"` (as in comments).
    pub html: String,
    pub at: DateTime<Utc>,
}

impl From<&ChatMessage> for MessageView {
    fn from(m: &ChatMessage) -> Self {
        MessageView {
            id: m.id,
            room: m.room_id,
            author: AuthorView {
                name: m.author_name.clone(),
                staff: m.staff,
            },
            text: m.body.clone(),
            html: crate::comments::comment_html(&m.body),
            at: m.created_at,
        }
    }
}

/// Who the connection is, and whether they may write.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct YouView {
    /// The reader's or staff member's name; `null` when not logged in.
    pub name: Option<String>,
    pub staff: bool,
    pub can_write: bool,
    /// Why not, when `can_write` is false: `not_logged_in`, `not_confirmed`, `closed`,
    /// `banned`, `muted`, `other_origin`.
    pub reason: Option<String>,
}

/// What the server sends.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerFrame {
    /// First frame on every connection.
    Welcome {
        v: u8,
        room: RoomView,
        you: YouView,
        presence: u32,
        /// Oldest first: the latest 50, or everything after `?after=` (at most 500).
        history: Vec<MessageView>,
        /// False when more messages were missed than `history` holds: reload.
        complete: bool,
        /// Messages deleted in the last hour: drop them if shown.
        deleted: Vec<i64>,
    },
    Message(MessageView),
    /// The sender's line was stored as `id`.
    Ack {
        #[serde(rename = "ref")]
        reference: String,
        id: i64,
        at: DateTime<Utc>,
    },
    /// A moderator deleted the message: remove it.
    Deleted {
        id: i64,
    },
    /// Connections in the room, on every instance.
    Presence {
        count: u32,
    },
    /// The room was opened, closed, or its slow mode changed.
    Room {
        open: bool,
        slow_mode_seconds: i64,
    },
    /// Answer to `history`: oldest first.
    History {
        messages: Vec<MessageView>,
        /// No older messages exist.
        complete: bool,
    },
    Error(ProtocolError),
    Pong {
        #[serde(rename = "ref", default, skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
    },
}

/// A refusal, with what the client can do about it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ProtocolError {
    /// `bad_request`, `unsupported`, `too_long`, `empty`, `not_logged_in`,
    /// `not_confirmed`, `closed`, `muted`, `banned`, `banned_word`, `too_many_links`,
    /// `slow_mode`, `flood`, `internal`.
    pub code: String,
    pub message: String,
    /// The `ref` of the send this answers.
    #[serde(rename = "ref", default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Seconds until trying again can succeed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

impl ProtocolError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        ProtocolError {
            code: code.to_owned(),
            message: message.into(),
            reference: None,
            retry_after: None,
        }
    }

    pub fn retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds.max(1));
        self
    }

    pub fn answering(mut self, reference: Option<&str>) -> Self {
        self.reference = reference.map(str::to_owned);
        self
    }
}

impl ServerFrame {
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| {
            r#"{"type":"error","code":"internal","message":"frame could not be encoded"}"#
                .to_owned()
        })
    }
}
