//! Who may write in a room, and what a line must pass: the room open, the reader
//! confirmed and neither banned (from the discussion or from chats) nor muted here, slow
//! mode, flood control, and the edition's word lists and link limit shared with comments.
//! Staff write as staff and pass the room's pace limits (they moderate it).

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use newsdesk_auth::ReaderLimits;
use newsdesk_core::live::{ChatTextError, validate_chat_text};
use newsdesk_core::wordlist::WordList;
use newsdesk_core::{Account, ChatRoom};
use newsdesk_store::{ModerationSettings, Store, StoreError};

use super::protocol::{ProtocolError, YouView};

/// Who is on the other end of a socket.
#[derive(Debug, Clone)]
pub enum Writer {
    Anonymous,
    /// A page on another site opened the socket: it may read, never write.
    OtherOrigin,
    Reader(Account),
    /// A staff session, or an Admin API token (no account when the CLI made it).
    Staff {
        account_id: Option<i64>,
        name: String,
    },
}

impl Writer {
    pub fn name(&self) -> Option<&str> {
        match self {
            Writer::Reader(a) => Some(&a.name),
            Writer::Staff { name, .. } => Some(name),
            _ => None,
        }
    }

    pub fn account_id(&self) -> Option<i64> {
        match self {
            Writer::Reader(a) => Some(a.id),
            Writer::Staff { account_id, .. } => *account_id,
            _ => None,
        }
    }

    pub fn is_staff(&self) -> bool {
        matches!(self, Writer::Staff { .. })
    }
}

fn refusal(code: &str, message: impl Into<String>) -> ProtocolError {
    ProtocolError::new(code, message)
}

/// Whether the writer may write in the room now, before any text: the `you` of the
/// welcome frame, and the first check of every send.
pub async fn standing(
    store: &Store,
    room: &ChatRoom,
    writer: &Writer,
) -> Result<(), ProtocolError> {
    let account = match writer {
        Writer::Anonymous => {
            return Err(refusal("not_logged_in", "log in to write in the chat"));
        }
        Writer::OtherOrigin => {
            return Err(refusal(
                "other_origin",
                "this connection was opened by another site; it can only read",
            ));
        }
        Writer::Staff { .. } => return Ok(()),
        Writer::Reader(account) => account,
    };
    if !room.open {
        return Err(refusal("closed", "this chat is closed"));
    }
    if account.email_confirmed_at.is_none() {
        return Err(refusal(
            "not_confirmed",
            "confirm your email address first: follow the link we sent you",
        ));
    }
    let internal = |e: StoreError| {
        tracing::error!(err = %e, "chat standing could not be read");
        refusal("internal", "try again in a moment")
    };
    if let Some(ban) = store.active_ban(account.id).await.map_err(internal)? {
        return Err(banned(ban.until, &ban.reason, "the discussion"));
    }
    if let Some(ban) = store.active_chat_ban(account.id).await.map_err(internal)? {
        return Err(banned(ban.until, &ban.reason, "chats"));
    }
    if let Some(mute) = store
        .active_chat_mute(room.id, account.id)
        .await
        .map_err(internal)?
    {
        let left = (mute.until - Utc::now()).num_seconds().max(1);
        let why = if mute.reason.is_empty() {
            String::new()
        } else {
            format!(" ({})", mute.reason)
        };
        return Err(refusal(
            "muted",
            format!(
                "you are muted in this chat until {} UTC{why}",
                mute.until.format("%Y-%m-%d %H:%M")
            ),
        )
        .retry_after(u64::try_from(left).unwrap_or(1)));
    }
    Ok(())
}

fn banned(until: Option<DateTime<Utc>>, reason: &str, from: &str) -> ProtocolError {
    let why = if reason.is_empty() {
        String::new()
    } else {
        format!(" ({reason})")
    };
    match until {
        None => refusal("banned", format!("you are banned from {from}{why}")),
        Some(until) => refusal(
            "banned",
            format!(
                "you are suspended from {from} until {} UTC{why}",
                until.format("%Y-%m-%d %H:%M")
            ),
        ),
    }
}

/// The `you` of the welcome frame.
pub async fn you(store: &Store, room: &ChatRoom, writer: &Writer) -> YouView {
    let standing = standing(store, room, writer).await;
    YouView {
        name: writer.name().map(str::to_owned),
        staff: writer.is_staff(),
        can_write: standing.is_ok(),
        reason: standing.err().map(|e| e.code),
    }
}

/// A line that passed: what to store.
#[derive(Debug)]
pub struct Passed {
    pub text: String,
    /// A suspect word: shown, and marked for moderators.
    pub flagged: bool,
}

/// Every check of one line. `limits` is the instance's flood control.
pub async fn check_line(
    store: &Store,
    room: &ChatRoom,
    writer: &Writer,
    text: &str,
    limits: &ReaderLimits,
    ip: Option<IpAddr>,
) -> Result<Passed, ProtocolError> {
    let text = match validate_chat_text(text) {
        Ok(text) => text.to_owned(),
        Err(ChatTextError::Empty) => return Err(refusal("empty", "write something first")),
        Err(ChatTextError::TooLong) => {
            return Err(refusal(
                "too_long",
                format!(
                    "a message holds at most {} characters",
                    newsdesk_core::live::MAX_CHAT_CHARS
                ),
            ));
        }
        Err(ChatTextError::ControlCharacters) => {
            return Err(refusal("bad_request", "the text holds control characters"));
        }
    };
    standing(store, room, writer).await?;
    let Writer::Reader(account) = writer else {
        // Staff: no pace limits and no word lists (they write the newsroom's own lines).
        return Ok(Passed {
            text,
            flagged: false,
        });
    };
    if let Err(wait) = limits.chat.check(ip, Some(&account.id.to_string())) {
        return Err(refusal("flood", "you are writing too fast").retry_after(wait.as_secs().max(1)));
    }
    if room.slow_mode_seconds > 0 {
        let last = store
            .last_chat_message_at(room.id, account.id)
            .await
            .map_err(|_| refusal("internal", "try again in a moment"))?;
        if let Some(last) = last {
            let next = last + chrono::Duration::seconds(room.slow_mode_seconds);
            let wait = (next - Utc::now()).num_seconds();
            if wait > 0 {
                return Err(refusal(
                    "slow_mode",
                    format!(
                        "slow mode: one message every {} seconds",
                        room.slow_mode_seconds
                    ),
                )
                .retry_after(u64::try_from(wait).unwrap_or(1)));
            }
        }
    }
    let settings: ModerationSettings = store
        .moderation_settings(&room.edition)
        .await
        .map_err(|_| refusal("internal", "try again in a moment"))?;
    if let Some(word) = WordList::parse(&settings.banned_words).find(&text) {
        return Err(refusal(
            "banned_word",
            format!("contains “{word}”, which is not allowed here"),
        ));
    }
    let links = newsdesk_app::moderation::link_count(&text);
    if links as i64 > settings.max_links {
        return Err(refusal(
            "too_many_links",
            format!("at most {} links per message", settings.max_links),
        ));
    }
    let flagged = WordList::parse(&settings.suspect_words)
        .find(&text)
        .is_some();
    Ok(Passed { text, flagged })
}
