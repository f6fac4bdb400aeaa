//! The demo newsroom, generated into a temporary SQLite store and a media folder beside it.

#![allow(
    clippy::unwrap_used,
    reason = "a test that cannot set up its fixture should fail right there"
)]

mod content;
mod discussion;
mod live;
mod news;
mod newsroom;
mod seeding;
mod support;
