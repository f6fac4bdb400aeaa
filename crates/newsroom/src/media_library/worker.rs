//! The rendition worker: claims `renditions` jobs, makes WebP and JPEG renditions (widths
//! up to 1920 px) and the 16:9, 4:3 and 1:1 crops with the media crate, records them on
//! the photo and announces the change. Re-encoding drops every embedded metadata block,
//! so renditions carry no location data even when the original does.
//!
//! Jobs are rows (`store.enqueue_job`), so an upload whose renditions were not made
//! before a restart is processed after it; several instances may run workers side by side.

use std::sync::LazyLock;
use std::time::Duration;

use newsdesk_media::{MediaError, keys, process_upload_with};
use newsdesk_store::{Job, StoreError};
use newsdesk_web::{AppError, AppState};
use tokio::sync::Notify;
use tokio::task::JoinHandle;

use super::upload::{RENDITIONS_JOB, limits};
use crate::actions::{announce_since, outbox_position};

/// How often the worker looks for jobs when nobody woke it (jobs queued by another
/// instance, retries that fell due).
pub const POLL: Duration = Duration::from_secs(5);

static WAKE: LazyLock<Notify> = LazyLock::new(Notify::new);

/// Tells this instance's worker that a job was queued, so renditions start at once.
pub fn wake() {
    WAKE.notify_one();
}

/// Starts the worker on the current Tokio runtime; it runs until the runtime shuts down.
pub fn spawn(state: AppState) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match run_pending_now(&state).await {
                Ok(0) => {}
                Ok(n) => tracing::debug!(jobs = n, "rendition jobs processed"),
                Err(err) => tracing::warn!(%err, "rendition worker could not claim jobs; retrying"),
            }
            tokio::select! {
                () = WAKE.notified() => {}
                () = tokio::time::sleep(POLL) => {}
            }
        }
    })
}

/// Processes every rendition job that is due; returns how many were attempted. Tests call
/// this instead of waiting for the worker.
pub async fn run_pending_now(state: &AppState) -> Result<usize, AppError> {
    let mut attempted = 0;
    while let Some(job) = state.store().claim_job(&[RENDITIONS_JOB]).await? {
        run(state, job).await;
        attempted += 1;
    }
    Ok(attempted)
}

async fn run(state: &AppState, job: Job) {
    let store = state.store();
    let outcome = match job
        .payload
        .get("photo_id")
        .and_then(serde_json::Value::as_i64)
    {
        Some(photo_id) => make_renditions(state, photo_id).await,
        None => {
            tracing::error!(job = job.id, payload = %job.payload, "rendition job without a photo id dropped");
            Ok(())
        }
    };
    let done = match outcome {
        Ok(()) => store.complete_job(job.id).await,
        Err(err) => {
            tracing::warn!(job = job.id, attempts = job.attempts, %err, "renditions failed; will retry");
            store.fail_job(job.id, &err).await
        }
    };
    if let Err(err) = done {
        tracing::error!(job = job.id, %err, "could not record the outcome of a rendition job");
    }
}

async fn make_renditions(state: &AppState, photo_id: i64) -> Result<(), String> {
    let store = state.store();
    let photo = match store.get_photo(photo_id).await {
        Ok(photo) => photo,
        // Deleted before its turn came: nothing to do.
        Err(StoreError::NotFound) => return Ok(()),
        Err(err) => return Err(err.to_string()),
    };
    let original = state
        .media()
        .get(&photo.key)
        .await
        .map_err(|e| e.to_string())?;
    let renditions = process_upload_with(state.media(), photo_id, &original, &limits(state))
        .await
        .map_err(|e: MediaError| e.to_string())?;
    let seq = outbox_position(state).await.map_err(|e| e.to_string())?;
    match store.set_photo_renditions(photo_id, &renditions).await {
        Ok(()) => {}
        Err(StoreError::NotFound) => {
            // Deleted while we worked: remove what we just wrote.
            state
                .media()
                .delete_prefix(&keys::photo_prefix(photo_id))
                .await
                .map_err(|e| e.to_string())?;
            return Ok(());
        }
        Err(err) => return Err(err.to_string()),
    }
    announce_since(state, seq).await;
    tracing::info!(
        photo = photo_id,
        count = renditions.len(),
        "renditions made"
    );
    Ok(())
}
