//! The reading site's state: the application core ([`App`], reached through `Deref`) plus
//! what rendering pages needs (page cache, UI strings, templates, static assets). The
//! newsroom's handlers use the same state, so its pages share `base.html` and `t()`.

use std::sync::Arc;

use newsdesk_app::{App, AppConfig};
use newsdesk_bus::Bus;
use newsdesk_media::MediaStore;
use newsdesk_store::Store;

use crate::assets::Assets;
use crate::cache::PageCache;
use crate::i18n::I18n;
use crate::templates::Templates;

#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    app: App,
    cache: Arc<PageCache>,
    i18n: Arc<I18n>,
    assets: Arc<Assets>,
    templates: Templates,
    live: Arc<crate::live::Hub>,
    reads: crate::most_read::ReadCounter,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("app", &self.inner.app)
            .field("cache", &self.inner.cache)
            .finish()
    }
}

impl AppState {
    pub fn new(
        store: Store,
        bus: Bus,
        media: MediaStore,
        config: AppConfig,
    ) -> Result<Self, crate::error::HttpError> {
        Self::with_templates(store, bus, media, config, Vec::new())
    }

    /// Like [`AppState::new`], adding `(name, source)` templates of other crates (the
    /// newsroom's admin pages) to the one environment, so they can extend `base.html`
    /// and use `t()` and `static_url()`.
    pub fn with_templates(
        store: Store,
        bus: Bus,
        media: MediaStore,
        config: AppConfig,
        extra_templates: Vec<(String, String)>,
    ) -> Result<Self, crate::error::HttpError> {
        let i18n = Arc::new(I18n::load()?);
        let assets = Arc::new(Assets::load());
        let templates = Templates::load_with(i18n.clone(), assets.clone(), extra_templates)?;
        let cache = Arc::new(PageCache::with_max_bytes(config.page_cache_bytes));
        let live = crate::live::Hub::new(config.live_max_per_client);
        let app = App::new(store, bus, media, config);
        // The writer's own pages drop before its response goes out; other instances drop
        // theirs through the page-cache consumer (see `cache::consumer`).
        let hook_cache = cache.clone();
        app.on_change(Arc::new(move |event| hook_cache.invalidate(event)));
        Ok(Self {
            inner: Arc::new(Inner {
                app,
                cache,
                i18n,
                assets,
                templates,
                live,
                reads: crate::most_read::ReadCounter::default(),
            }),
        })
    }

    pub fn app(&self) -> &App {
        &self.inner.app
    }

    pub fn cache(&self) -> &PageCache {
        &self.inner.cache
    }

    /// The page cache as an outbox consumer, for `server::start_background`.
    pub fn cache_consumer(&self) -> crate::cache::consumer::PageCacheConsumer {
        crate::cache::consumer::PageCacheConsumer(self.inner.cache.clone())
    }

    /// This instance's live connections (newsfeed streams, chat sockets).
    pub fn live(&self) -> &std::sync::Arc<crate::live::Hub> {
        &self.inner.live
    }

    /// The live newsfeed as an outbox consumer, for `server::start_background`.
    pub fn newsfeed_consumer(&self) -> crate::live::NewsfeedConsumer {
        crate::live::NewsfeedConsumer(self.clone())
    }

    /// Views counted for the most read lists, not yet stored.
    pub fn reads(&self) -> &crate::most_read::ReadCounter {
        &self.inner.reads
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
}

impl std::ops::Deref for AppState {
    type Target = App;

    fn deref(&self) -> &App {
        &self.inner.app
    }
}
