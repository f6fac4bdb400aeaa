//! The store reads behind sitemaps, on SQLite and PostgreSQL. A binary of its own that
//! borrows the store tests' harness and fixtures.

#[macro_use]
#[allow(
    dead_code,
    unused_macros,
    reason = "the harness serves the store binary too"
)]
#[path = "../store/harness.rs"]
mod harness;
#[allow(
    dead_code,
    reason = "the fixtures serve many binaries; this one uses a few"
)]
#[path = "../store/fixtures.rs"]
mod fixtures;

mod ranges;
