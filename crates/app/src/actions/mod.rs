//! The newsroom's service layer: every domain action, shared by the HTML pages and the
//! Admin API. Each action takes an [`Actor`](crate::Actor), asks [`crate::policy::can`],
//! calls the store, records the audit entries that matter, and hands the store's outbox
//! event to `App::after_write` so caches and the bus see the change.
//!
//! Handlers stay thin: parse input, call one action, render.

pub mod articles;
pub mod audit;
pub mod authors;
pub mod autosave;
pub mod entities;
pub mod jobs;
pub mod live;
pub mod moderation;
pub mod photos;
pub mod revisions;
pub mod settings;
pub mod staff;
pub mod taxonomy;
pub mod tokens;
pub mod upload;

use crate::{App, Error};

/// The outbox position before a write whose store method does not return its event
/// (sections, tags, authors, entities): pair with [`announce_since`].
pub(crate) async fn outbox_position(state: &App) -> Result<i64, Error> {
    Ok(state.store().latest_event_seq().await?)
}

/// Hands every outbox event written after `seq` to `after_write`. A concurrent writer's
/// event may be among them; announcing it twice only drops a cached page twice.
pub(crate) async fn announce_since(state: &App, seq: i64) {
    match state.store().events_after(seq, 100).await {
        Ok(events) => {
            for event in &events {
                state.after_write(event).await;
            }
        }
        Err(err) => {
            tracing::warn!(%err, "could not read the outbox after a write; caches catch up from it later")
        }
    }
}
