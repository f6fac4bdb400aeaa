//! Shared application state: one per instance, cloned into every handler.

use std::sync::Arc;

use newsdesk_bus::Bus;
use newsdesk_core::Event;
use newsdesk_media::MediaStore;
use newsdesk_store::Store;

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
    i18n: I18n,
    templates: Templates,
}

impl AppState {
    pub fn new(store: Store, bus: Bus, media: MediaStore, config: WebConfig) -> Result<Self, crate::error::AppError> {
        let i18n = I18n::load()?;
        let templates = Templates::load()?;
        Ok(Self {
            inner: Arc::new(Inner { store, bus, media, config, cache: PageCache::new(), i18n, templates }),
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

    pub fn templates(&self) -> &Templates {
        &self.inner.templates
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
