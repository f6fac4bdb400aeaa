//! Parts many pages share (an edition's sections, its entity notes, its newsfeed column),
//! loaded once and kept in memory until a change touches them, so a cache miss of a page
//! does not ask the store again for what the previous miss already had.
//!
//! A fragment is tagged with surrogate keys like a page, and [`PageCache::invalidate_keys`]
//! drops the fragments tagged with a key it is given (everything on
//! [`PageCache::clear`]). A load that an invalidation overtook is used once and not kept:
//! it may hold what the change replaced.

use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use parking_lot::Mutex;

use super::PageCache;

/// At most this many fragments are held (a few per edition); past it the map starts over
/// rather than grow without bound on a site with very many editions.
const MAX_FRAGMENTS: usize = 1024;

#[derive(Default)]
pub(crate) struct Fragments {
    map: Mutex<HashMap<String, Fragment>>,
}

struct Fragment {
    value: Arc<dyn Any + Send + Sync>,
    keys: Vec<String>,
}

impl Fragments {
    /// Drops the fragments tagged with any of `keys`.
    pub(crate) fn drop_keys(&self, keys: &[String]) {
        self.map
            .lock()
            .retain(|_, f| !f.keys.iter().any(|k| keys.contains(k)));
    }

    pub(crate) fn drop_all(&self) {
        self.map.lock().clear();
    }
}

impl PageCache {
    /// The fragment `name`: held, or loaded by `load` and kept until a change touches one
    /// of `keys`.
    pub async fn fragment<T, E, Fut>(
        &self,
        name: &str,
        keys: &[String],
        load: impl FnOnce() -> Fut,
    ) -> Result<Arc<T>, E>
    where
        T: Send + Sync + 'static,
        Fut: Future<Output = Result<T, E>>,
    {
        let held = self.fragments.map.lock().get(name).map(|f| f.value.clone());
        if let Some(Ok(value)) = held.map(|v| v.downcast::<T>()) {
            return Ok(value);
        }
        let ticket = self.ticket();
        let value = Arc::new(load().await?);
        let mut map = self.fragments.map.lock();
        // Checked under the fragments' lock, which invalidations take after bumping the
        // generation: an invalidation either sees this entry and drops it, or comes first
        // and this load is not kept.
        if self.generation.load(Ordering::Acquire) == ticket.generation {
            if map.len() >= MAX_FRAGMENTS {
                map.clear();
            }
            map.insert(
                name.to_owned(),
                Fragment {
                    value: value.clone(),
                    keys: keys.to_vec(),
                },
            );
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;

    use super::*;

    async fn load_count(cache: &PageCache, loads: &AtomicUsize, keys: &[&str]) -> Arc<usize> {
        let keys: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
        cache
            .fragment("sections:en", &keys, || async {
                Ok::<_, ()>(loads.fetch_add(1, Ordering::SeqCst) + 1)
            })
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn a_fragment_is_loaded_once_until_a_change_touches_it() {
        let cache = PageCache::new();
        let loads = AtomicUsize::new(0);
        assert_eq!(*load_count(&cache, &loads, &["edition:en"]).await, 1);
        assert_eq!(*load_count(&cache, &loads, &["edition:en"]).await, 1);
        cache.invalidate_keys(&["edition:ar".to_owned()]);
        assert_eq!(*load_count(&cache, &loads, &["edition:en"]).await, 1);
        cache.invalidate_keys(&["edition:en".to_owned()]);
        assert_eq!(*load_count(&cache, &loads, &["edition:en"]).await, 2);
        cache.clear();
        assert_eq!(*load_count(&cache, &loads, &["edition:en"]).await, 3);
    }

    #[tokio::test]
    async fn a_load_overtaken_by_a_change_is_used_once_not_kept() {
        let cache = PageCache::new();
        let value = cache
            .fragment("newsfeed:en", &["newsfeed:en".to_owned()], || async {
                // The change lands while the store is being read.
                cache.invalidate_keys(&["newsfeed:en".to_owned()]);
                Ok::<_, ()>("before the change")
            })
            .await
            .unwrap();
        assert_eq!(*value, "before the change");
        let next = cache
            .fragment("newsfeed:en", &[], || async {
                Ok::<_, ()>("after the change")
            })
            .await
            .unwrap();
        assert_eq!(*next, "after the change");
    }

    #[tokio::test]
    async fn a_failed_load_keeps_nothing() {
        let cache = PageCache::new();
        let failed: Result<Arc<u8>, &str> = cache
            .fragment("x", &[], || async { Err("store down") })
            .await;
        assert_eq!(failed.unwrap_err(), "store down");
        let ok: Result<Arc<u8>, &str> = cache.fragment("x", &[], || async { Ok(7) }).await;
        assert_eq!(*ok.unwrap(), 7);
    }
}
