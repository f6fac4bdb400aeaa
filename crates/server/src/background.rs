//! Everything an instance runs besides answering requests: the job workers, the periodic
//! tasks and the outbox consumers, started once by [`start_background`] and stopped by
//! [`Background::shutdown`].

use std::sync::Arc;
use std::time::Duration;

use newsdesk_app::consumers::{self, Consumer};
use newsdesk_app::jobs::{self, Registry};
use newsdesk_site::AppState;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// Every job type and periodic task of this build. A new job is one line here.
pub fn registry() -> Registry {
    Registry::new()
        .job::<jobs::renditions::Renditions>()
        .job::<jobs::mail::SendEmail>()
        .job::<newsdesk_app::newsletters::send::SendNewsletters>()
        .job::<jobs::websub::WebsubPing>()
        .periodic(jobs::PUBLISH_DUE)
        .periodic(jobs::SWEEP_SESSIONS)
        .periodic(jobs::SWEEP_ORPHANS)
        .periodic(consumers::PRUNE_OUTBOX)
        .periodic(newsdesk_app::newsletters::RESUME_SENDING)
}

/// Every outbox consumer of this instance. A new consumer is one line here.
pub fn consumers(state: &AppState) -> Vec<Arc<dyn Consumer>> {
    vec![
        Arc::new(state.cache_consumer()),
        Arc::new(state.newsfeed_consumer()),
        Arc::new(newsdesk_site::syndication::websub::WebsubConsumer),
    ]
}

/// The running background work.
#[derive(Debug)]
pub struct Background {
    stop: CancellationToken,
    tasks: Vec<JoinHandle<()>>,
}

pub fn start_background(state: &AppState) -> Background {
    let stop = CancellationToken::new();
    let app = state.app();
    let mut tasks = registry().spawn(app, app.config().job_workers, &stop);
    for consumer in consumers(state) {
        tasks.push(consumers::spawn(app.clone(), consumer, stop.clone()));
    }
    tasks.extend(newsdesk_site::live::spawn_background(state, &stop));
    tasks.extend(newsdesk_site::newsletters::spawn_background(state, &stop));
    tasks.extend(newsdesk_site::most_read::spawn_background(state, &stop));
    Background { stop, tasks }
}

impl Background {
    /// Asks every task to stop (a worker finishes the job in hand) and waits up to
    /// `within`; what is still running then is abandoned, and its job is leased again
    /// by another worker when the lease ends.
    pub async fn shutdown(self, within: Duration) {
        self.stop.cancel();
        let all = futures::future::join_all(self.tasks);
        if tokio::time::timeout(within, all).await.is_err() {
            tracing::warn!("background work did not stop in time; leased jobs will be retried");
        }
    }
}
