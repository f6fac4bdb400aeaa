//! The spine as `serve` assembles it: the shared layers (request log, panic catcher,
//! trusted proxies), typed jobs and outbox consumers.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails loudly on the first surprise"
)]

mod bus_outage;
mod connections;
mod consumers;
mod jobs;
mod proxies;
mod support;
mod timeout;
