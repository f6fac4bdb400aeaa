//! `GET /api/v1/chat/rooms/{room}/socket`: one reader's WebSocket in one room.
//!
//! The connection subscribes to the room's local channel before it reads the history, so
//! nothing said in between is missed (the client drops duplicates by id). A line is stored
//! before anyone receives it; the sender gets its id in `ack`, and every instance gets the
//! line through the bus (see `relay`).

use std::net::IpAddr;
use std::time::Duration;

use axum::Extension;
use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use futures::SinkExt;
use http::HeaderMap;
use newsdesk_app::live::{ChatWire, publish};
use newsdesk_auth::{ClientIp, ReaderLimits};
use newsdesk_core::ChatRoom;
use newsdesk_store::NewChatMessage;
use serde::Deserialize;
use tokio::sync::broadcast;
use tokio::sync::broadcast::error::{RecvError, TryRecvError};
use utoipa::IntoParams;

use super::protocol::{
    self, CATCH_UP, ClientFrame, HISTORY, MAX_FRAME, MessageView, ProtocolError, ServerFrame,
};
use super::rules::{self, Writer};
use super::{room_view, writer};
use crate::error::HttpError;
use crate::live::hub::{ClientSlot, RoomSeat};
use crate::state::AppState;

/// The server pings this often; a socket silent for [`SILENT`] is closed.
const PING_EVERY: Duration = Duration::from_secs(30);
const SILENT: Duration = Duration::from_secs(75);
/// A write that does not complete in this long: the reader is not reading.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// Close codes of this protocol (4000–4999 are the application's).
const CLOSE_TOO_SLOW: u16 = 4008;
const TOO_SLOW: &str = "too slow: reconnect with ?after= to catch up";
/// Frames written with one flush at most.
const BATCH: usize = 64;
const CLOSE_GOING_AWAY: u16 = 1001;
const CLOSE_TOO_BIG: u16 = 1009;
/// What the socket reads before it can tell a frame is too large.
const READ_LIMIT: usize = 64 * 1024;

/// `after`: the last message id the client has (a reconnect).
#[derive(Debug, Deserialize, IntoParams)]
pub struct SocketQuery {
    /// The last message id the client holds; history is then what came after it.
    pub after: Option<i64>,
}

/// Upgrades to the chat protocol (see the AsyncAPI document at `/api/v1/asyncapi.json`).
#[utoipa::path(
    get, path = "/api/v1/chat/rooms/{room}/socket", tag = "live",
    params(("room" = i64, Path, description = "The room"), SocketQuery),
    responses(
        (status = 101, description = "Switching to the WebSocket protocol `newsdesk.chat.v1`"),
        (status = 400, description = "Not a WebSocket upgrade", body = crate::error::ErrorBody),
        (status = 404, description = "No such room", body = crate::error::ErrorBody),
        (status = 429, description = "Too many live connections from this address", body = crate::error::ErrorBody),
    )
)]
pub async fn socket(
    State(state): State<AppState>,
    Extension(limits): Extension<ReaderLimits>,
    ClientIp(ip): ClientIp,
    Path(room): Path<String>,
    Query(query): Query<SocketQuery>,
    headers: HeaderMap,
    upgrade: Result<WebSocketUpgrade, axum::extract::ws::rejection::WebSocketUpgradeRejection>,
) -> Result<Response, HttpError> {
    let room_id = super::room_id(&room)?;
    let room = super::public_room(&state, room_id).await?;
    let upgrade = upgrade.map_err(|e| {
        HttpError::BadRequest(format!(
            "this address speaks WebSocket ({}): {e}",
            protocol::SUBPROTOCOL
        ))
    })?;
    let Some(slot) = state.live().claim(ip) else {
        return Err(HttpError::RateLimited);
    };
    let writer = writer(&state, &headers).await?;
    let after = query.after.filter(|a| *a > 0);
    let upgrade = upgrade
        .protocols([protocol::SUBPROTOCOL])
        // Read a too-large frame whole and close with 1009 (see `handle`): refusing it
        // mid-frame would reset the connection instead of saying why.
        .max_message_size(READ_LIMIT)
        .max_frame_size(READ_LIMIT)
        // Small buffers: most sockets sit idle, and each holds its own.
        .read_buffer_size(4 * 1024)
        .write_buffer_size(0)
        .max_write_buffer_size(256 * 1024);
    Ok(upgrade
        .on_upgrade(move |socket| async move {
            let session = Session {
                state,
                room,
                writer,
                limits,
                ip,
                _slot: slot,
            };
            session.run(socket, after).await;
        })
        .into_response())
}

struct Session {
    state: AppState,
    room: ChatRoom,
    writer: Writer,
    limits: ReaderLimits,
    ip: Option<IpAddr>,
    _slot: ClientSlot,
}

enum Next {
    Continue,
    Close(u16, &'static str),
}

impl Session {
    async fn run(mut self, mut socket: WebSocket, after: Option<i64>) {
        let seat: RoomSeat = self.state.live().join(self.room.id);
        let mut frames = seat.room.subscribe();
        let welcome = match self.welcome(after, &seat).await {
            Ok(frame) => frame,
            Err(err) => {
                tracing::warn!(%err, room = self.room.id, "chat welcome could not be read");
                let _ = socket
                    .send(Message::Close(Some(CloseFrame {
                        code: 1011,
                        reason: Utf8Bytes::from_static("try again in a moment"),
                    })))
                    .await;
                return;
            }
        };
        if send(&mut socket, Message::Text(welcome.to_text().into()))
            .await
            .is_err()
        {
            return;
        }
        let closing = self.state.live().closing().clone();
        // Made once: a fresh `cancelled()` each turn would queue on the token's lock for
        // every message every socket receives.
        let cancelled = closing.cancelled();
        tokio::pin!(cancelled);
        let mut ping = tokio::time::interval(PING_EVERY);
        ping.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        ping.tick().await;
        let mut last_heard = tokio::time::Instant::now();
        let close = loop {
            tokio::select! {
                () = &mut cancelled => break Some((CLOSE_GOING_AWAY, "the server is restarting")),
                incoming = socket.recv() => {
                    let Some(Ok(message)) = incoming else { break None };
                    last_heard = tokio::time::Instant::now();
                    match self.handle(&mut socket, message).await {
                        Next::Continue => {}
                        Next::Close(code, why) => break Some((code, why)),
                    }
                }
                frame = frames.recv() => match frame {
                    Ok(frame) => match deliver(&mut socket, &mut frames, frame).await {
                        Delivery::Sent => {}
                        Delivery::Lagged => break Some((CLOSE_TOO_SLOW, TOO_SLOW)),
                        Delivery::Failed => break None,
                    },
                    Err(RecvError::Lagged(_)) => break Some((CLOSE_TOO_SLOW, TOO_SLOW)),
                    Err(RecvError::Closed) => break None,
                },
                _ = ping.tick() => {
                    if last_heard.elapsed() > SILENT {
                        break Some((1000, "no answer to pings"));
                    }
                    if send(&mut socket, Message::Ping(Default::default())).await.is_err() {
                        break None;
                    }
                }
            }
        };
        if let Some((code, reason)) = close {
            let _ = tokio::time::timeout(
                Duration::from_secs(1),
                socket.send(Message::Close(Some(CloseFrame {
                    code,
                    reason: Utf8Bytes::from_static(reason),
                }))),
            )
            .await;
        }
        drop(seat);
    }

    async fn welcome(
        &self,
        after: Option<i64>,
        seat: &RoomSeat,
    ) -> Result<ServerFrame, newsdesk_store::StoreError> {
        let store = self.state.store();
        let (history, complete) = match after {
            Some(after) => {
                let mut missed = store
                    .chat_messages_after(self.room.id, after, CATCH_UP + 1)
                    .await?;
                let complete = missed.len() as i64 <= CATCH_UP;
                missed.truncate(CATCH_UP as usize);
                (missed, complete)
            }
            None => (
                store
                    .chat_messages_before(self.room.id, None, HISTORY)
                    .await?,
                true,
            ),
        };
        // Everything up to what this reader read is theirs already; the reconcile pass
        // delivers what is stored after it (if the room here has no floor yet).
        let newest = match (after, history.last()) {
            (_, Some(last)) => last.id,
            (Some(after), None) => after,
            (None, None) => 0,
        };
        seat.room.set_floor_if_unset(newest);
        let deleted = store
            .chat_deleted_since(self.room.id, Utc::now() - chrono::Duration::hours(1))
            .await?;
        let you = rules::you(store, &self.room, &self.writer).await;
        let presence = self.state.live().presence(seat.room.id);
        let room = room_view(&self.state, &self.room, presence).await?;
        Ok(ServerFrame::Welcome {
            v: protocol::VERSION,
            room,
            you,
            presence,
            history: history.iter().map(MessageView::from).collect(),
            complete,
            deleted,
        })
    }

    async fn handle(&mut self, socket: &mut WebSocket, message: Message) -> Next {
        let too_big = match &message {
            Message::Text(t) => t.len() > MAX_FRAME,
            Message::Binary(b) => b.len() > MAX_FRAME,
            _ => false,
        };
        if too_big {
            return Next::Close(CLOSE_TOO_BIG, "frame too big (4 KiB at most)");
        }
        let text = match message {
            Message::Text(text) => text,
            Message::Binary(_) => {
                let error = ProtocolError::new("unsupported", "send JSON in text frames");
                return self.answer(socket, ServerFrame::Error(error)).await;
            }
            Message::Close(_) => return Next::Close(1000, "bye"),
            Message::Ping(_) | Message::Pong(_) => return Next::Continue,
        };
        let frame: ClientFrame = match serde_json::from_str(text.as_str()) {
            Ok(frame) => frame,
            Err(err) => {
                let error = ProtocolError::new(
                    "bad_request",
                    format!("not a frame of this protocol: {err}"),
                );
                return self.answer(socket, ServerFrame::Error(error)).await;
            }
        };
        let answer = match frame {
            ClientFrame::Ping { reference } => ServerFrame::Pong { reference },
            ClientFrame::History { before } => match self
                .state
                .store()
                .chat_messages_before(self.room.id, Some(before), HISTORY + 1)
                .await
            {
                Ok(mut older) => {
                    let complete = older.len() as i64 <= HISTORY;
                    if !complete {
                        older.remove(0);
                    }
                    ServerFrame::History {
                        messages: older.iter().map(MessageView::from).collect(),
                        complete,
                    }
                }
                Err(err) => {
                    tracing::warn!(%err, "chat history could not be read");
                    ServerFrame::Error(ProtocolError::new("internal", "try again in a moment"))
                }
            },
            ClientFrame::Send { reference, text } => self.send_line(reference, &text).await,
        };
        self.answer(socket, answer).await
    }

    async fn answer(&self, socket: &mut WebSocket, frame: ServerFrame) -> Next {
        match send(socket, Message::Text(frame.to_text().into())).await {
            Ok(()) => Next::Continue,
            Err(()) => Next::Close(CLOSE_TOO_SLOW, "too slow"),
        }
    }

    /// Checks, stores and sends out one line; answers the sender.
    async fn send_line(&mut self, reference: String, text: &str) -> ServerFrame {
        let reference_ok = !reference.is_empty()
            && reference.chars().count() <= 64
            && !reference.chars().any(char::is_control);
        if !reference_ok {
            return ServerFrame::Error(ProtocolError::new(
                "bad_request",
                "`ref` must be 1 to 64 characters",
            ));
        }
        // The room may have been closed or slowed since the socket opened.
        let store = self.state.store();
        match store.chat_room(self.room.id).await {
            Ok(room) => self.room = room,
            Err(err) => {
                tracing::warn!(%err, "chat room could not be read");
                return ServerFrame::Error(
                    ProtocolError::new("internal", "try again in a moment")
                        .answering(Some(&reference)),
                );
            }
        }
        let passed =
            match rules::check_line(store, &self.room, &self.writer, text, &self.limits, self.ip)
                .await
            {
                Ok(passed) => passed,
                Err(error) => return ServerFrame::Error(error.answering(Some(&reference))),
            };
        let name = self.writer.name().unwrap_or_default().to_owned();
        let stored = store
            .add_chat_message(&NewChatMessage {
                room_id: self.room.id,
                account_id: self.writer.account_id(),
                author_name: &name,
                staff: self.writer.is_staff(),
                body: &passed.text,
                flagged: passed.flagged,
            })
            .await;
        let message = match stored {
            Ok(message) => message,
            Err(err) => {
                tracing::error!(%err, room = self.room.id, "chat message could not be stored");
                return ServerFrame::Error(
                    ProtocolError::new("internal", "the message was not saved; send it again")
                        .answering(Some(&reference)),
                );
            }
        };
        let (id, at) = (message.id, message.created_at);
        let wire = ChatWire::Message { message };
        if !publish(&self.state, &wire).await {
            // The bus is down: readers here get it now, other instances from the store.
            super::relay::deliver(&self.state, &wire);
        }
        ServerFrame::Ack { reference, id, at }
    }
}

enum Delivery {
    Sent,
    Lagged,
    Failed,
}

/// Writes `first` and the frames already queued behind it, flushed once: a socket that fell
/// behind catches up in one write instead of one per message, which is what lets a busy room
/// keep up with ten thousand readers.
async fn deliver(
    socket: &mut WebSocket,
    frames: &mut broadcast::Receiver<Utf8Bytes>,
    first: Utf8Bytes,
) -> Delivery {
    let write = async {
        socket.feed(Message::Text(first)).await?;
        let mut lagged = false;
        for _ in 1..BATCH {
            match frames.try_recv() {
                Ok(frame) => socket.feed(Message::Text(frame)).await?,
                Err(TryRecvError::Lagged(_)) => {
                    lagged = true;
                    break;
                }
                Err(TryRecvError::Empty | TryRecvError::Closed) => break,
            }
        }
        socket.flush().await?;
        Ok::<bool, axum::Error>(lagged)
    };
    match tokio::time::timeout(WRITE_TIMEOUT, write).await {
        Ok(Ok(false)) => Delivery::Sent,
        Ok(Ok(true)) => Delivery::Lagged,
        Ok(Err(_)) | Err(_) => Delivery::Failed,
    }
}

/// Sends one frame, giving up on a reader that does not take it within the timeout.
async fn send(socket: &mut WebSocket, message: Message) -> Result<(), ()> {
    match tokio::time::timeout(WRITE_TIMEOUT, socket.send(message)).await {
        Ok(Ok(())) => Ok(()),
        _ => Err(()),
    }
}
