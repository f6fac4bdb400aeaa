//! Periodic tasks: scheduled publishing, session sweeping, outbox pruning. Each instance
//! runs them; each is safe to run on several instances at once (the store claims rows).

use std::time::Duration;

use futures::future::BoxFuture;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::{App, Error};

pub type Tick = fn(App) -> BoxFuture<'static, Result<(), Error>>;

#[derive(Clone, Copy)]
pub struct Periodic {
    pub name: &'static str,
    pub every: Duration,
    pub tick: Tick,
}

impl Periodic {
    pub fn spawn(&self, app: App, stop: CancellationToken) -> JoinHandle<()> {
        let task = *self;
        tokio::spawn(async move {
            let mut interval = tokio::time::interval(task.every);
            interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    () = stop.cancelled() => break,
                    _ = interval.tick() => {}
                }
                if let Err(err) = (task.tick)(app.clone()).await {
                    tracing::warn!(task = task.name, %err, "periodic task failed; retrying at its next tick");
                }
            }
        })
    }
}

/// Expired sessions are refused on sight; once an hour their rows are removed too, with
/// idempotency keys older than a day; and SQLite refreshes its planner statistics.
pub const SWEEP_SESSIONS: Periodic = Periodic {
    name: "sweep-sessions",
    every: Duration::from_secs(3600),
    tick: |app| {
        Box::pin(async move {
            let removed = app.store().delete_expired_sessions().await?;
            if removed > 0 {
                tracing::info!(removed, "expired sessions removed");
            }
            // Emailed links past their time open nothing; their rows go too.
            let removed = app.store().delete_expired_account_links().await?;
            if removed > 0 {
                tracing::info!(removed, "expired account links removed");
            }
            // Idempotency keys past their 24 hours: already free, now gone.
            let cutoff = chrono::Utc::now() - newsdesk_store::IDEMPOTENCY_KEY_TTL;
            let removed = app.store().prune_idempotency_keys(cutoff).await?;
            if removed > 0 {
                tracing::info!(removed, "expired idempotency keys removed");
            }
            app.store().optimize().await?;
            Ok(())
        })
    },
};
