//! The application core, below both the reading site and the newsroom: the shared state
//! ([`App`]), configuration, the domain error, the actions (publish, upload, invite…) that
//! check permissions, call the store and write the audit log, the typed job registry and
//! the outbox consumers.
//!
//! Nothing here knows HTTP: HTTP handlers, the CLI, importers and ingest call the same
//! actions and map [`Error`] to their own answers.

pub mod actions;
pub mod actor;
pub mod config;
pub mod consumers;
pub mod error;
pub mod jobs;
pub mod live;
pub mod mail;
pub mod moderation;
pub mod newsletters;
pub mod policy;
pub mod render;
mod state;
pub mod websub;

pub use actor::Actor;
pub use config::{AppConfig, DEFAULT_PAGE_CACHE_BYTES};
pub use error::Error;
pub use state::App;
