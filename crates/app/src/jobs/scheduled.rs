//! Scheduled publishing. The schedule lives in the database (status `scheduled`,
//! `published_at` in the future), so a restart loses nothing: the next tick after start-up
//! publishes whatever fell due while the process was down. `publish_due` claims rows, so
//! several instances can run the task side by side.

use std::time::Duration;

use super::Periodic;
use crate::{App, Error};
use chrono::{DateTime, Utc};
use serde_json::json;

use crate::actions::audit;
use crate::actor::Actor;

/// How often due articles are looked for: a scheduled article appears within this.
pub const TICK: Duration = Duration::from_secs(5);

/// The periodic task of `server::start_background`.
pub const PUBLISH_DUE: Periodic = Periodic {
    name: "publish-due",
    every: TICK,
    tick: |app| {
        Box::pin(async move {
            let n = run_due_now(&app).await?;
            if n > 0 {
                tracing::info!(published = n, "scheduled articles published");
            }
            Ok(())
        })
    },
};

/// Publishes every article whose scheduled time has come; returns how many. Tests call
/// this directly instead of waiting for the worker.
pub async fn run_due_now(state: &App) -> Result<usize, Error> {
    run_due_at(state, Utc::now()).await
}

/// [`run_due_now`] as if the clock read `now` (tests move time forward this way).
pub async fn run_due_at(state: &App, now: DateTime<Utc>) -> Result<usize, Error> {
    let due = state.store().publish_due(now).await?;
    let system = Actor::system();
    for blocked in &due.blocked {
        // Taken off the schedule by the store: the editor finds it back in the drafts,
        // and the audit log says why it did not go out.
        state.after_write(&blocked.event).await;
        tracing::warn!(article = blocked.article.id, reason = %blocked.reason, "scheduled article not published: it breaks the publish rule");
        let details = json!({
            "headline": blocked.article.headline,
            "edition": blocked.article.edition,
            "reason": blocked.reason.to_string(),
        });
        audit::record(
            state,
            &system,
            "article.schedule_blocked",
            &format!("article:{}", blocked.article.id),
            details,
        )
        .await;
    }
    let published = &due.published;
    for (article, event) in published {
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
