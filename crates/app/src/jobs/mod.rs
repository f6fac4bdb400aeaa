//! Typed jobs and periodic tasks.
//!
//! A job is a value of a type implementing [`Job`]: its name, its payload (the type
//! itself, stored as JSON in the durable queue), how to run it and its retry policy. One
//! [`Registry`] knows every job type and periodic task; the workers that
//! `server::start_background` starts claim due jobs of the registered kinds (PostgreSQL:
//! `FOR UPDATE SKIP LOCKED`, so instances never take the same one), retry failures with
//! backoff, and keep a job that exhausted its attempts, with its error, for `/admin/jobs`,
//! where it can be retried or dropped.
//!
//! A worker that dies mid-job (a crash, a kill) leaves the job leased; when the lease ends
//! another worker claims it again, so every job runs to completion at least once. Jobs must
//! therefore be idempotent.

pub mod mail;
pub mod orphans;
pub mod periodic;
pub mod renditions;
pub mod scheduled;
pub mod websub;

pub use orphans::SWEEP_ORPHANS;
pub use periodic::SWEEP_SESSIONS;
pub use scheduled::PUBLISH_DUE;

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use newsdesk_store::{JobId, RetryPolicy};
use serde::Serialize;
use serde::de::DeserializeOwned;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

pub use periodic::Periodic;

use crate::{App, Error};

/// Why a run failed.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    /// Worth another attempt later (a storage hiccup, a busy database).
    #[error("{0}")]
    Retry(String),
    /// Will never succeed (a payload that names nothing): give up now, keep it for review.
    #[error("{0}")]
    Permanent(String),
}

impl From<Error> for JobError {
    fn from(err: Error) -> Self {
        match err {
            Error::Internal(e) => JobError::Retry(format!("{e:#}")),
            Error::Unavailable(why) => JobError::Retry(why),
            other => JobError::Permanent(other.to_string()),
        }
    }
}

impl From<newsdesk_store::StoreError> for JobError {
    fn from(err: newsdesk_store::StoreError) -> Self {
        Error::from(err).into()
    }
}

/// A kind of background work with a typed payload.
pub trait Job: Serialize + DeserializeOwned + Send + Sync + 'static {
    /// The queue's `kind` column; never rename one that may still be queued.
    const NAME: &'static str;

    fn retry_policy() -> RetryPolicy {
        RetryPolicy::default()
    }

    /// Runs once per attempt. Must be idempotent: a killed worker's job runs again.
    fn run(self, app: &App) -> impl Future<Output = Result<(), JobError>> + Send;
}

type Runner =
    Arc<dyn Fn(App, serde_json::Value) -> BoxFuture<'static, Result<(), JobError>> + Send + Sync>;

#[derive(Clone)]
struct Handler {
    policy: RetryPolicy,
    run: Runner,
}

/// Every job type and periodic task this build knows.
#[derive(Default, Clone)]
pub struct Registry {
    jobs: Arc<HashMap<&'static str, Handler>>,
    /// What every claim asks for, worked out once when a job type is added rather than on
    /// every poll of every worker: the kinds, sorted, and the longest lease among them.
    kinds: Arc<[&'static str]>,
    lease: Option<chrono::Duration>,
    periodic: Vec<Periodic>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registry")
            .field("jobs", &self.kinds())
            .field(
                "periodic",
                &self.periodic.iter().map(|p| p.name).collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl Registry {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds job type `J`; a second registration of the same name replaces the first.
    pub fn job<J: Job>(mut self) -> Self {
        let run: Runner = Arc::new(|app: App, payload: serde_json::Value| {
            Box::pin(async move {
                let job: J = serde_json::from_value(payload).map_err(|e| {
                    JobError::Permanent(format!("payload does not decode as {}: {e}", J::NAME))
                })?;
                job.run(&app).await
            })
        });
        let mut jobs = HashMap::clone(&self.jobs);
        jobs.insert(
            J::NAME,
            Handler {
                policy: J::retry_policy(),
                run,
            },
        );
        let mut kinds: Vec<_> = jobs.keys().copied().collect();
        kinds.sort_unstable();
        self.kinds = kinds.into();
        self.lease = jobs.values().map(|h| h.policy.lease).max();
        self.jobs = Arc::new(jobs);
        self
    }

    pub fn periodic(mut self, task: Periodic) -> Self {
        self.periodic.push(task);
        self
    }

    pub fn kinds(&self) -> &[&'static str] {
        &self.kinds
    }

    pub fn periodic_tasks(&self) -> &[Periodic] {
        &self.periodic
    }

    /// Claims and runs one due job; false when there was none.
    pub async fn run_one(&self, app: &App) -> Result<bool, Error> {
        let lease = self.lease.unwrap_or_else(|| RetryPolicy::default().lease);
        let Some(job) = app.store().claim_job(&self.kinds, lease).await? else {
            return Ok(false);
        };
        let Some(handler) = self.jobs.get(job.kind.as_str()) else {
            // Claimed only by kind, so this cannot happen unless the registry changed.
            return Ok(true);
        };
        if handler.policy.lease < lease {
            app.store().lease_job(job.id, handler.policy.lease).await?;
        }
        let started = std::time::Instant::now();
        let outcome = (handler.run)(app.clone(), job.payload.clone()).await;
        let store = app.store();
        let recorded = match outcome {
            Ok(()) => {
                tracing::info!(job = job.id.0, kind = %job.kind, ms = started.elapsed().as_millis() as u64, "job done");
                store.complete_job(job.id).await
            }
            Err(JobError::Retry(err)) => {
                tracing::warn!(job = job.id.0, kind = %job.kind, attempts = job.attempts, %err, "job failed; will retry");
                store.fail_job(job.id, &err, &handler.policy).await
            }
            Err(JobError::Permanent(err)) => {
                tracing::error!(job = job.id.0, kind = %job.kind, %err, "job failed for good; kept for review in /admin/jobs");
                store.give_up_job(job.id, &err).await
            }
        };
        if let Err(err) = recorded {
            tracing::error!(job = job.id.0, %err, "could not record the outcome of a job");
        }
        Ok(true)
    }

    /// Runs every due job now; returns how many ran. Tests call this instead of waiting.
    pub async fn run_pending(&self, app: &App) -> Result<usize, Error> {
        let mut ran = 0;
        while self.run_one(app).await? {
            ran += 1;
        }
        Ok(ran)
    }

    /// Starts `count` workers and one task per periodic task; they stop when `stop` is
    /// cancelled, a worker after finishing the job in hand.
    pub fn spawn(&self, app: &App, count: usize, stop: &CancellationToken) -> Vec<JoinHandle<()>> {
        let mut tasks = Vec::new();
        for n in 0..count.max(1) {
            tasks.push(tokio::spawn(worker(
                self.clone(),
                app.clone(),
                stop.clone(),
                n,
            )));
        }
        for task in &self.periodic {
            tasks.push(task.spawn(app.clone(), stop.clone()));
        }
        tasks
    }
}

/// How often an idle worker looks for jobs nobody woke it for (queued by another instance,
/// retries that fell due, leases that ran out).
pub const POLL: Duration = Duration::from_secs(2);

async fn worker(registry: Registry, app: App, stop: CancellationToken, n: usize) {
    tracing::debug!(worker = n, kinds = ?registry.kinds(), "job worker started");
    while !stop.is_cancelled() {
        match registry.run_one(&app).await {
            Ok(true) => continue,
            Ok(false) => {}
            Err(err) => tracing::warn!(%err, "job worker could not claim a job; retrying"),
        }
        tokio::select! {
            () = stop.cancelled() => break,
            () = app.jobs_queued().notified() => {}
            () = tokio::time::sleep(POLL) => {}
        }
    }
}

/// Queues `job` to run as soon as a worker is free; returns its id.
pub async fn enqueue<J: Job>(app: &App, job: &J) -> Result<JobId, Error> {
    enqueue_at(app, job, chrono::Utc::now()).await
}

/// Queues `job` to run at `at` or later.
pub async fn enqueue_at<J: Job>(
    app: &App,
    job: &J,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<JobId, Error> {
    let payload = serde_json::to_value(job).map_err(Error::internal)?;
    let id = app
        .store()
        .enqueue_job_with(J::NAME, &payload, at, J::retry_policy().max_attempts)
        .await?;
    app.wake_workers();
    Ok(id)
}
