//! Scheduled publishing. The schedule lives in the database (status `scheduled`,
//! `published_at` in the future), so a restart loses nothing: the next tick after start-up
//! publishes whatever fell due while the process was down. `publish_due` claims rows, so
//! several instances can run the worker side by side. The same worker sweeps expired
//! sessions once an hour.

use std::time::Duration;

use chrono::{DateTime, Utc};
use newsdesk_web::{AppError, AppState};
use serde_json::json;
use tokio::task::JoinHandle;

use crate::actions::audit;
use crate::actor::Actor;

/// How often the worker looks for due articles: a scheduled article appears within this.
pub const TICK: Duration = Duration::from_secs(5);

/// Expired sessions are refused on sight; once an hour their rows are removed too.
const SESSION_SWEEP_TICKS: u64 = 720;

/// Starts the worker on the current Tokio runtime; it runs until the runtime shuts down.
pub fn spawn_scheduler(state: AppState) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(TICK);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut ticks: u64 = 0;
        loop {
            interval.tick().await;
            ticks += 1;
            if ticks % SESSION_SWEEP_TICKS == 1 {
                match state.store().delete_expired_sessions().await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(removed = n, "expired sessions removed"),
                    Err(err) => tracing::warn!(%err, "expired sessions could not be removed"),
                }
            }
            match run_due_now(&state).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(published = n, "scheduled articles published"),
                Err(err) => tracing::warn!(%err, "scheduled publishing failed; retrying next tick"),
            }
        }
    })
}

/// Publishes every article whose scheduled time has come; returns how many. Tests call
/// this directly instead of waiting for the worker.
pub async fn run_due_now(state: &AppState) -> Result<usize, AppError> {
    run_due_at(state, Utc::now()).await
}

/// [`run_due_now`] as if the clock read `now` (tests move time forward this way).
pub async fn run_due_at(state: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    let published = state.store().publish_due(now).await?;
    let system = Actor::system();
    for (article, event) in &published {
        state.after_write(event).await;
        let details =
            json!({ "headline": article.headline, "edition": article.edition, "scheduled": true });
        audit::record(
            state,
            &system,
            "article.publish",
            &format!("article:{}", article.id),
            details,
        )
        .await;
    }
    Ok(published.len())
}
