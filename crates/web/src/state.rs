//! Shared application state: one per instance, cloned into every handler.

use std::sync::Arc;

use newsdesk_bus::Bus;
use newsdesk_core::Event;
use newsdesk_media::MediaStore;
use newsdesk_store::Store;
use tokio::task::JoinHandle;

use crate::assets::Assets;
use crate::cache::PageCache;
use crate::config::WebConfig;
use crate::i18n::I18n;
use crate::templates::Templates;

#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    bus: Bus,
    media: MediaStore,
    config: WebConfig,
    cache: PageCache,
    i18n: Arc<I18n>,
    assets: Arc<Assets>,
    templates: Templates,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("config", &self.inner.config)
            .field("cache", &self.inner.cache)
            .finish()
    }
}

impl AppState {
    pub fn new(
        store: Store,
        bus: Bus,
        media: MediaStore,
        config: WebConfig,
    ) -> Result<Self, crate::error::AppError> {
        Self::with_templates(store, bus, media, config, Vec::new())
    }

    /// Like [`AppState::new`], adding `(name, source)` templates of other crates (the
    /// newsroom's admin pages) to the one environment, so they can extend `base.html`
    /// and use `t()` and `static_url()`.
    pub fn with_templates(
        store: Store,
        bus: Bus,
        media: MediaStore,
        config: WebConfig,
        extra_templates: Vec<(String, String)>,
    ) -> Result<Self, crate::error::AppError> {
        let i18n = Arc::new(I18n::load()?);
        let assets = Arc::new(Assets::load());
        let templates = Templates::load_with(i18n.clone(), assets.clone(), extra_templates)?;
        Ok(Self {
            inner: Arc::new(Inner {
                store,
                bus,
                media,
                config,
                cache: PageCache::new(),
                i18n,
                assets,
                templates,
            }),
        })
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

    pub fn config(&self) -> &WebConfig {
        &self.inner.config
    }

    pub fn cache(&self) -> &PageCache {
        &self.inner.cache
    }

    pub fn i18n(&self) -> &I18n {
        &self.inner.i18n
    }

    pub fn assets(&self) -> &Assets {
        &self.inner.assets
    }

    pub fn templates(&self) -> &Templates {
        &self.inner.templates
    }

    /// Starts the background work of the reading site: the cache follower (bus + outbox
    /// polling). Call once per instance, inside the runtime, before serving.
    pub fn start_background(&self) -> JoinHandle<()> {
        crate::cache::follow::spawn(self.clone())
    }

    /// Called by every handler right after a store write commits: this instance's cache
    /// drops the touched pages before the response goes out (so the writer sees the change
    /// at once), then the bus tells the other instances. A lost bus message costs nothing:
    /// each instance also follows the outbox by sequence number.
    pub async fn after_write(&self, event: &Event) {
        self.inner.cache.invalidate(event);
        if let Err(err) = self.inner.bus.publish(event).await {
            tracing::warn!(%err, seq = event.seq, "bus publish failed; other instances catch up from the outbox");
        }
    }
}
