//! The `websub_ping` job: tells the WebSub hub that an edition's feeds changed (see
//! [`crate::websub`]). Queued with [`queue`] by the reading site's outbox consumer for
//! every public article change, so a publish made before a restart is still announced.
//!
//! One waiting job per edition: a change that comes while the edition's job has not yet
//! started is folded into it (its topics added), and a job starts [`COALESCE`] after the
//! first change, so a burst of saves or an import is one round of pings. A hub that
//! refuses or does not answer is asked again with backoff (5 s doubling to an hour, 12
//! attempts: about two and a half hours in all); a ping is idempotent for the hub, so
//! pinging again the topics it already took is harmless.

use chrono::{DateTime, Utc};
use newsdesk_store::{JobFilter, JobRow, RetryPolicy, StoreError};
use serde::{Deserialize, Serialize};

use super::{Job, JobError};
use crate::{App, Error};

/// How long a ping waits for more changes of the same edition.
pub const COALESCE: std::time::Duration = std::time::Duration::from_secs(1);
/// A waiting job this close to its start is left alone (a worker may be claiming it); the
/// change gets a job of its own instead.
const STARTING: chrono::Duration = chrono::Duration::milliseconds(250);
/// How many pending jobs are searched for the edition's waiting one. A queue longer than
/// this only costs a second job (and a second round of pings), never a lost one.
const SEARCH: i64 = 1000;

/// Ping the hub for each of `topics` (absolute feed URLs) of `edition`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebsubPing {
    pub edition: String,
    pub topics: Vec<String>,
}

impl Job for WebsubPing {
    const NAME: &'static str = "websub_ping";

    fn retry_policy() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 12,
            base: chrono::Duration::seconds(5),
            cap: chrono::Duration::hours(1),
            ..RetryPolicy::default()
        }
    }

    async fn run(self, app: &App) -> Result<(), JobError> {
        // The hub was unset since the job was queued: nobody is listening.
        let Some(hub) = crate::websub::hub(app.config()) else {
            return Ok(());
        };
        // No attempt can succeed until the setting is fixed; kept in /admin/jobs till then.
        crate::websub::check_hub(hub)
            .map_err(|why| JobError::Permanent(format!("websub_hub {hub:?}: {why}")))?;
        let failed = crate::websub::publish_all(hub, &self.topics).await;
        if failed.is_empty() {
            tracing::info!(edition = %self.edition, topics = self.topics.len(), "WebSub hub pinged");
            return Ok(());
        }
        let reasons: Vec<String> = failed.iter().map(ToString::to_string).collect();
        Err(JobError::Retry(format!(
            "{} of {} pings failed: {}",
            failed.len(),
            self.topics.len(),
            reasons.join("; ")
        )))
    }
}

/// Queues pings of `topics` for `edition`, folded into the edition's job when one is
/// waiting and has not started.
pub async fn queue(app: &App, edition: &str, topics: Vec<String>) -> Result<(), Error> {
    if topics.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    let pending = app.store().list_jobs(JobFilter::Pending, SEARCH).await?;
    let Some((waiting, queued)) = pending
        .into_iter()
        .filter(|job| not_started(job, now))
        .find_map(|job| {
            let ping = serde_json::from_value::<WebsubPing>(job.payload.clone()).ok()?;
            (ping.edition == edition).then_some((job, ping))
        })
    else {
        return enqueue(app, edition, topics, now + coalesce()).await;
    };
    let mut merged = queued.topics;
    let before = merged.len();
    for topic in topics {
        if !merged.contains(&topic) {
            merged.push(topic);
        }
    }
    if merged.len() == before {
        return Ok(());
    }
    // Replaced rather than edited (the queue has no payload update). Keeping its start
    // time means a steady stream of changes can never put the ping off.
    let run_at = match app.store().drop_job(waiting.id).await {
        Ok(()) => waiting.run_at,
        // Claimed and finished meanwhile: the merged job pings everything again.
        Err(StoreError::NotFound) => now + coalesce(),
        Err(err) => return Err(err.into()),
    };
    enqueue(app, edition, merged, run_at).await
}

/// Queued, never claimed, and not about to be.
fn not_started(job: &JobRow, now: DateTime<Utc>) -> bool {
    job.kind == WebsubPing::NAME
        && job.attempts == 0
        && job.locked_until.is_none()
        && job.failed_at.is_none()
        && job.run_at > now + STARTING
}

async fn enqueue(
    app: &App,
    edition: &str,
    topics: Vec<String>,
    at: DateTime<Utc>,
) -> Result<(), Error> {
    let job = WebsubPing {
        edition: edition.to_owned(),
        topics,
    };
    super::enqueue_at(app, &job, at).await?;
    Ok(())
}

fn coalesce() -> chrono::Duration {
    chrono::Duration::from_std(COALESCE).unwrap_or(chrono::Duration::seconds(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ping_is_retried_within_seconds_then_less_often() {
        let policy = WebsubPing::retry_policy();
        assert_eq!(policy.backoff(1), chrono::Duration::seconds(5));
        assert_eq!(policy.backoff(12), chrono::Duration::hours(1));
    }
}
