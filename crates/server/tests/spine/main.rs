//! The spine as `serve` assembles it: the shared layers (request log, panic catcher,
//! trusted proxies), typed jobs and outbox consumers.

mod consumers;
mod jobs;
mod proxies;
mod support;
