//! The page cache as an outbox consumer: every instance drops the pages a change touched,
//! wherever the change was made. Instance-local (the cache starts empty at boot), so its
//! cursor is not persisted and outbox pruning does not wait for it.

use std::sync::Arc;

use futures::future::BoxFuture;
use newsdesk_app::App;
use newsdesk_app::consumers::Consumer;
use newsdesk_core::Event;

use super::PageCache;

pub struct PageCacheConsumer(pub Arc<PageCache>);

impl Consumer for PageCacheConsumer {
    fn name(&self) -> &'static str {
        "page-cache"
    }

    fn durable(&self) -> bool {
        false
    }

    fn apply<'a>(&'a self, _app: &'a App, event: &'a Event) -> BoxFuture<'a, Result<(), String>> {
        // Idempotent by seq: the cache remembers which events it has applied.
        self.0.invalidate(event);
        Box::pin(async { Ok(()) })
    }
}
