//! Most read: the article page's script sends one beacon per view (`POST /api/v1/reads`);
//! each instance counts views in memory and adds them to the store every
//! [`FLUSH_EVERY`], and every [`REFRESH_EVERY`] the edition's list is re-read and the
//! pages showing it follow within `cache::REFRESH_AFTER`.
//!
//! No cookie and nothing about the reader is kept: a view counts once per address, article
//! and hour, the address only as a keyed hash held in memory for that hour, so one client
//! re-sending the beacon cannot push a story up the list.

use std::collections::hash_map::RandomState;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use newsdesk_auth::ClientIp;
use newsdesk_store::ArticleSummary;
use parking_lot::Mutex;
use serde::{Deserialize, Serialize};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ErrorBody, HttpError};
use crate::public::context::EditionCtx;
use crate::state::AppState;

/// Stories in the list.
pub const LIST_SIZE: i64 = 5;
/// How often counted views go to the store.
const FLUSH_EVERY: Duration = Duration::from_secs(15);
/// How often the lists are re-read (and the pages showing them refreshed).
const REFRESH_EVERY: Duration = Duration::from_secs(300);
/// Distinct (address, article) pairs remembered per hour; past it, views still count but
/// repeats are no longer recognised (memory stays bounded under any flood).
const MAX_SEEN: usize = 500_000;
/// Hours kept in the store.
const KEEP_DAYS: i64 = 7;

/// This instance's views not yet in the store.
#[derive(Default)]
pub struct ReadCounter {
    inner: Mutex<Pending>,
    hasher: RandomState,
}

#[derive(Default)]
struct Pending {
    counts: HashMap<i64, i64>,
    seen: HashSet<u64>,
}

impl std::fmt::Debug for ReadCounter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadCounter").finish_non_exhaustive()
    }
}

impl ReadCounter {
    /// Counts a view of `article` from `ip`, unless that address viewed it this hour.
    pub fn count(&self, ip: IpAddr, article: i64) -> bool {
        let key = self.hasher.hash_one((ip, article));
        let mut pending = self.inner.lock();
        if pending.seen.contains(&key) {
            return false;
        }
        if pending.seen.len() < MAX_SEEN {
            pending.seen.insert(key);
        }
        *pending.counts.entry(article).or_insert(0) += 1;
        true
    }

    fn take(&self) -> Vec<(i64, i64)> {
        std::mem::take(&mut self.inner.lock().counts)
            .into_iter()
            .collect()
    }

    /// Put back what could not be stored, so a store outage loses no count.
    fn put_back(&self, counts: &[(i64, i64)]) {
        let mut pending = self.inner.lock();
        for &(id, n) in counts {
            *pending.counts.entry(id).or_insert(0) += n;
        }
    }

    fn new_hour(&self) {
        self.inner.lock().seen.clear();
    }
}

/// The page cache key of an edition's most read list.
pub fn key(code: &str) -> String {
    format!("mostread:{code}")
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadBody {
    /// The article viewed.
    pub article_id: i64,
}

/// Counts one view of an article page (the page's script sends it once per view). The
/// answer is the same whether or not the view counted.
#[utoipa::path(
    post, path = "/api/v1/reads", tag = "reading",
    security(()),
    request_body(content = ReadBody, content_type = "application/json"),
    responses(
        (status = 204, description = "Received"),
        (status = 400, description = "A body that is not the JSON described", body = ErrorBody),
        (status = 413, description = "More than 32 KiB", body = ErrorBody),
        (status = 415, description = "Not `application/json`", body = ErrorBody),
        (status = 422, description = "An article id that is not positive", body = ErrorBody),
    )
)]
pub async fn record(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, HttpError> {
    // sendBeacon posts a Blob typed application/json; plain `fetch` callers do the same.
    let read: ReadBody = crate::comments::json_body(&headers, body).await?;
    if read.article_id <= 0 {
        return Err(
            newsdesk_core::ValidationError::single("article_id", "must be positive").into(),
        );
    }
    // Without a peer address (a unix socket, a test) all such views share one.
    let ip = ip.unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED));
    state.reads().count(ip, read.article_id);
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The documented routes, without layers (for the document).
pub fn openapi_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(record))
}

/// The routes as served.
pub fn routes() -> axum::Router<AppState> {
    openapi_router().split_for_parts().0
}

/// This part of the OpenAPI document.
pub fn document() -> utoipa::openapi::OpenApi {
    openapi_router().split_for_parts().1
}

/// The edition's list as cards, shared by every page of the edition until the next refresh.
pub async fn list(state: &AppState, ctx: &EditionCtx) -> Result<Vec<MostRead>, HttpError> {
    let code = ctx.code();
    let list: Arc<Vec<ArticleSummary>> = state
        .cache()
        .fragment(&key(code), &[key(code)], || {
            state
                .store()
                .most_read(code, Utc::now() - chrono::Duration::hours(24), LIST_SIZE)
        })
        .await?;
    Ok(list
        .iter()
        .map(|a| MostRead {
            href: a.path(),
            headline: a.headline.clone(),
        })
        .collect())
}

/// One entry of the list.
#[derive(Debug, Clone, Serialize)]
pub struct MostRead {
    pub href: String,
    pub headline: String,
}

/// Flushes the counts and refreshes the lists until `stop`.
pub fn spawn_background(state: &AppState, stop: &CancellationToken) -> Vec<JoinHandle<()>> {
    let state = state.clone();
    let stop = stop.clone();
    vec![tokio::spawn(async move {
        let mut flush = tokio::time::interval(FLUSH_EVERY);
        flush.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut refresh = tokio::time::interval(REFRESH_EVERY);
        refresh.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut hour = newsdesk_store::reads::hour_of(Utc::now());
        loop {
            tokio::select! {
                () = stop.cancelled() => {
                    flush_once(&state).await;
                    break;
                }
                _ = flush.tick() => {
                    flush_once(&state).await;
                    let now = newsdesk_store::reads::hour_of(Utc::now());
                    if now != hour {
                        hour = now;
                        state.reads().new_hour();
                        if let Err(err) = state.store().prune_article_reads(Utc::now() - chrono::Duration::days(KEEP_DAYS)).await {
                            tracing::warn!(%err, "old read counts could not be pruned");
                        }
                    }
                }
                _ = refresh.tick() => refresh_lists(&state).await,
            }
        }
    })]
}

async fn flush_once(state: &AppState) {
    let counts = state.reads().take();
    if counts.is_empty() {
        return;
    }
    if let Err(err) = state.store().add_article_reads(&counts, Utc::now()).await {
        tracing::warn!(%err, "read counts could not be stored; kept for the next try");
        state.reads().put_back(&counts);
    }
}

/// Every edition's list is re-read on its next use, and the pages showing it follow.
pub async fn refresh_lists(state: &AppState) {
    match state.store().list_editions().await {
        Ok(editions) => {
            let keys: Vec<String> = editions.iter().map(|e| key(&e.code)).collect();
            state.cache().invalidate_keys(&keys);
        }
        Err(err) => tracing::warn!(%err, "most read lists not refreshed"),
    }
}

/// Stores what this instance counted now (tests, and shutdown).
pub async fn flush_now(state: &AppState) {
    flush_once(state).await;
}
