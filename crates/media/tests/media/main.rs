//! Integration tests of the media crate, one binary (link time matters on 2 cores).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot read its fixture should fail loudly"
)]

mod support;

mod budget;
mod demo;
mod metadata;
mod renditions;
mod storage;
mod validation;
