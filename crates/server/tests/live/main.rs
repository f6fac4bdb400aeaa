//! The live parts as readers meet them, over real sockets (`docs/LIVE.md`): the newsfeed
//! stream (Server-Sent Events), the chats (WebSocket, protocol `newsdesk.chat.v1`), the
//! AsyncAPI and OpenAPI documents that describe them, and two instances that share one
//! PostgreSQL database and a bus (NATS, or PostgreSQL's LISTEN/NOTIFY). And what a reader
//! gets in their inbox: newsletters through a real SMTP server (aiosmtpd).
//!
//! SQLite always; the cluster runs when `NEWSDESK_TEST_DATABASE_URL` and
//! `NEWSDESK_TEST_NATS_URL` are set (required under `CI=true`).

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails loudly on the first surprise"
)]

mod asyncapi;
mod chat;
mod cluster;
mod newsletters;
mod stream;
mod support;
