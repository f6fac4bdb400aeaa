//! [`App`]: one per instance, cloned into every handler, job and consumer.

use std::sync::Arc;

use newsdesk_bus::Bus;
use newsdesk_core::Event;
use newsdesk_mail::Mailer;
use newsdesk_media::{DecodeBudget, MediaStore};
use newsdesk_store::Store;
use tokio::sync::Notify;

use crate::config::AppConfig;
use crate::render::BodyRenderer;

/// Applied in-process, before the response of the write that caused the event: what the
/// writer must see at once (its own page cache). Everything else is an outbox consumer.
pub type ChangeHook = Arc<dyn Fn(&Event) + Send + Sync>;

#[derive(Clone)]
pub struct App {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    bus: Bus,
    media: MediaStore,
    /// Shared by uploads and rendition jobs: see `AppConfig::image_decode_memory`.
    decode_budget: DecodeBudget,
    mailer: Mailer,
    config: AppConfig,
    bodies: BodyRenderer,
    hooks: std::sync::RwLock<Vec<ChangeHook>>,
    jobs_queued: Notify,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

impl App {
    /// The mailer is made from `config.mail`; the binary checks that at start-up (a bad
    /// `smtp_url` or `mail_from` stops it there), so a config that fails here only comes
    /// from code, and falls back to writing messages to the log, with an error logged.
    pub fn new(store: Store, bus: Bus, media: MediaStore, config: AppConfig) -> Self {
        let mailer = Mailer::from_config(&config.mail).unwrap_or_else(|err| {
            tracing::error!(%err, "email: invalid settings; messages are written to the log, not sent");
            Mailer::log_only()
        });
        Self {
            inner: Arc::new(Inner {
                store,
                bus,
                media,
                decode_budget: DecodeBudget::new(config.image_decode_memory),
                mailer,
                config,
                bodies: BodyRenderer::for_this_machine(),
                hooks: std::sync::RwLock::new(Vec::new()),
                jobs_queued: Notify::new(),
            }),
        }
    }

    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    pub fn bus(&self) -> &Bus {
        &self.inner.bus
    }

    pub fn media(&self) -> &MediaStore {
        &self.inner.media
    }

    pub fn decode_budget(&self) -> &DecodeBudget {
        &self.inner.decode_budget
    }

    /// Sends email now; most code queues it instead with [`crate::mail::send`].
    pub fn mailer(&self) -> &Mailer {
        &self.inner.mailer
    }

    pub fn config(&self) -> &AppConfig {
        &self.inner.config
    }

    /// Renders article bodies for requests (see [`BodyRenderer`]).
    pub fn bodies(&self) -> &BodyRenderer {
        &self.inner.bodies
    }

    /// Registers a hook run by [`App::after_write`] on this instance.
    pub fn on_change(&self, hook: ChangeHook) {
        if let Ok(mut hooks) = self.inner.hooks.write() {
            hooks.push(hook);
        }
    }

    /// Called by every action right after a store write commits: this instance's hooks run
    /// before the response goes out (so the writer sees the change at once), then the bus
    /// tells the other instances. The response never waits for the bus server: the event
    /// is handed to the bus's background publisher, which drops it (and counts it) while
    /// the server is unreachable. A lost bus message costs nothing: every consumer also
    /// follows the outbox by sequence number.
    pub async fn after_write(&self, event: &Event) {
        let hooks: Vec<ChangeHook> = match self.inner.hooks.read() {
            Ok(hooks) => hooks.clone(),
            Err(_) => Vec::new(),
        };
        for hook in hooks {
            hook(event);
        }
        self.inner.bus.publish_in_background(event);
    }

    /// Wakes this instance's job workers (a job was queued here).
    pub fn wake_workers(&self) {
        self.inner.jobs_queued.notify_one();
    }

    pub(crate) fn jobs_queued(&self) -> &Notify {
        &self.inner.jobs_queued
    }
}
