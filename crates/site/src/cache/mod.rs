//! The in-process page cache: anonymous pages rendered once, kept as bytes (plain, brotli,
//! gzip) until a change touches them.
//!
//! Every entry is tagged with surrogate keys ([`keys`]); [`PageCache::invalidate`] drops the
//! entries tagged with any key an [`Event`] touches. The store's outbox drives it: the
//! writing instance calls it right after the write (`AppState::after_write`), and every
//! instance follows the bus and polls the outbox ([`follow`]).
//!
//! The size is bounded in bytes, counting everything an entry holds (its URL, surrogate
//! keys, headers, every encoding of the body, and the bookkeeping that indexes it); when
//! full, the least recently served entries go first. A hit takes a read lock, clones an
//! `Arc` and stamps a counter: no allocation of the body, no store query.

pub mod consumer;
mod encoding;
pub mod keys;
mod layer;
mod page;
pub mod params;
pub mod session;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use newsdesk_core::Event;
use parking_lot::RwLock;

pub use encoding::{Coding, Encoded};
pub use layer::{Cacheable, CachedRoute, cacheable_html, serve_cached, serve_cached_route};
pub use page::CachedPage;
pub use params::Param;

/// Default bound: 256 MiB holds every page of a large site's working set (a page is
/// ~60 KiB plain plus ~20 KiB compressed).
pub const DEFAULT_MAX_BYTES: usize = 256 * 1024 * 1024;

pub struct PageCache {
    map: RwLock<Map>,
    max_bytes: usize,
    /// Bumped by every invalidation: a page rendered while one ran may show the old state
    /// and is not stored (see [`PageCache::insert`]).
    generation: AtomicU64,
    /// Logical clock for least-recently-used eviction.
    clock: AtomicU64,
    /// Sequence numbers of the events already applied. One write reaches the cache up to
    /// three times (the writer's `after_write`, its own bus echo, the outbox poll); only
    /// the first may drop pages, or pages rendered in between are thrown away for nothing.
    applied: parking_lot::Mutex<BTreeSet<i64>>,
    /// Cookie tokens recently found to be no session (see [`session`]).
    pub(crate) refused_sessions: session::RefusedTokens,
}

/// How many applied sequence numbers are remembered; an older duplicate only costs an
/// extra invalidation.
const APPLIED_MEMORY: usize = 4096;

/// A URL held once, however many surrogate keys index it.
type Url = Arc<str>;

#[derive(Default)]
struct Map {
    pages: HashMap<Url, Arc<CachedPage>>,
    /// Surrogate key → the URLs of the entries tagged with it.
    by_key: HashMap<String, HashSet<Url>>,
    bytes: usize,
}

/// What one hash-table slot costs beyond its key and value (hash, control byte, load
/// factor), rounded up.
const SLOT_OVERHEAD: usize = 32;

/// Every byte an entry under `url` holds: the page itself, its URL, its slot in `pages`,
/// and its URL's slot in the set of each of its surrogate keys (a key's own string is
/// counted with the page).
fn entry_weight(url: &str, page: &CachedPage) -> usize {
    let url_bytes = url.len() + 2 * std::mem::size_of::<usize>();
    let index_slot = std::mem::size_of::<Url>() + SLOT_OVERHEAD;
    page.weight()
        + url_bytes
        + std::mem::size_of::<(Url, Arc<CachedPage>)>()
        + SLOT_OVERHEAD
        + page.keys.len() * (index_slot + SLOT_OVERHEAD + std::mem::size_of::<String>())
}

impl std::fmt::Debug for PageCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let map = self.map.read();
        f.debug_struct("PageCache")
            .field("pages", &map.pages.len())
            .field("bytes", &map.bytes)
            .finish()
    }
}

impl Default for PageCache {
    fn default() -> Self {
        Self::new()
    }
}

impl PageCache {
    pub fn new() -> Self {
        Self::with_max_bytes(DEFAULT_MAX_BYTES)
    }

    pub fn with_max_bytes(max_bytes: usize) -> Self {
        Self {
            map: RwLock::new(Map::default()),
            max_bytes,
            generation: AtomicU64::new(0),
            clock: AtomicU64::new(0),
            applied: parking_lot::Mutex::new(BTreeSet::new()),
            refused_sessions: session::RefusedTokens::default(),
        }
    }

    /// The entry for `url` (path and query), if cached.
    pub fn get(&self, url: &str) -> Option<Arc<CachedPage>> {
        let page = self.map.read().pages.get(url).cloned()?;
        page.last_used.store(
            self.clock.fetch_add(1, Ordering::Relaxed),
            Ordering::Relaxed,
        );
        Some(page)
    }

    /// Read before rendering; pass to [`PageCache::insert`].
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Stores `page` under `url` unless an invalidation ran since `generation` was read
    /// (the render may have read what the change replaced). Returns whether it was stored.
    pub fn insert(&self, url: &str, page: Arc<CachedPage>, generation: u64) -> bool {
        let weight = entry_weight(url, &page);
        if weight > self.max_bytes / 8 {
            return false;
        }
        page.last_used.store(
            self.clock.fetch_add(1, Ordering::Relaxed),
            Ordering::Relaxed,
        );
        let mut map = self.map.write();
        // Checked under the write lock: invalidations take it too, so none can slip between.
        if self.generation.load(Ordering::Acquire) != generation {
            return false;
        }
        map.remove(url);
        let url: Url = Arc::from(url);
        for key in &page.keys {
            map.by_key
                .entry(key.clone())
                .or_default()
                .insert(url.clone());
        }
        map.bytes += weight;
        map.pages.insert(url, page);
        if map.bytes > self.max_bytes {
            map.evict_to(self.max_bytes - self.max_bytes / 10);
        }
        true
    }

    /// Drops the pages `event` touched, once per event (see `applied`).
    pub fn invalidate(&self, event: &Event) {
        {
            let mut applied = self.applied.lock();
            if !applied.insert(event.seq) {
                return;
            }
            if applied.len() > APPLIED_MEMORY {
                applied.pop_first();
            }
        }
        match keys::touched(event) {
            Some(keys) => self.invalidate_keys(&keys),
            None => self.clear(),
        }
    }

    /// Drops every page tagged with any of `keys`.
    pub fn invalidate_keys(&self, keys: &[String]) {
        let mut map = self.map.write();
        self.generation.fetch_add(1, Ordering::AcqRel);
        let urls: Vec<Url> = keys
            .iter()
            .filter_map(|k| map.by_key.remove(k))
            .flatten()
            .collect();
        for url in urls {
            map.remove(&url);
        }
    }

    pub fn clear(&self) {
        let mut map = self.map.write();
        self.generation.fetch_add(1, Ordering::AcqRel);
        *map = Map::default();
    }

    pub fn len(&self) -> usize {
        self.map.read().pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The weight of every entry held, in bytes (see [`entry_weight`]).
    pub fn bytes(&self) -> usize {
        self.map.read().bytes
    }

    pub fn max_bytes(&self) -> usize {
        self.max_bytes
    }
}

impl Map {
    fn remove(&mut self, url: &str) {
        let Some(page) = self.pages.remove(url) else {
            return;
        };
        self.bytes = self.bytes.saturating_sub(entry_weight(url, &page));
        for key in &page.keys {
            if let Some(urls) = self.by_key.get_mut(key) {
                urls.remove(url);
                if urls.is_empty() {
                    self.by_key.remove(key);
                }
            }
        }
    }

    /// Evicts least recently used entries until at most `target` bytes remain. A full scan,
    /// but rare: it frees a tenth of the cache at a time.
    fn evict_to(&mut self, target: usize) {
        let mut by_age: Vec<(u64, Url)> = self
            .pages
            .iter()
            .map(|(url, page)| (page.last_used.load(Ordering::Relaxed), url.clone()))
            .collect();
        by_age.sort_unstable();
        for (_, url) in by_age {
            if self.bytes <= target {
                break;
            }
            self.remove(&url);
        }
    }
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;
    use chrono::Utc;

    use super::*;

    fn page(keys: &[&str], size: usize) -> Arc<CachedPage> {
        Arc::new(CachedPage::new(
            Bytes::from("x".repeat(size)),
            keys.iter().map(|k| (*k).to_owned()).collect(),
            Utc::now(),
        ))
    }

    #[test]
    fn invalidation_drops_exactly_the_tagged_pages() {
        let cache = PageCache::new();
        let g = cache.generation();
        assert!(cache.insert("/en/a-1", page(&["article:1", "edition:en"], 100), g));
        assert!(cache.insert(
            "/en/section/world",
            page(&["section:3", "edition:en"], 100),
            g
        ));
        assert!(cache.insert("/ru", page(&["front:ru", "edition:ru"], 100), g));
        cache.invalidate_keys(&["section:3".to_owned()]);
        assert!(cache.get("/en/section/world").is_none());
        assert!(cache.get("/en/a-1").is_some());
        cache.invalidate_keys(&["edition:en".to_owned()]);
        assert!(cache.get("/en/a-1").is_none());
        assert!(cache.get("/ru").is_some());
    }

    #[test]
    fn a_render_overtaken_by_a_change_is_not_stored() {
        let cache = PageCache::new();
        let g = cache.generation();
        cache.invalidate_keys(&["article:1".to_owned()]);
        assert!(!cache.insert("/en/a-1", page(&["article:1"], 100), g));
        assert!(cache.get("/en/a-1").is_none());
    }

    #[test]
    fn stays_within_its_byte_bound_dropping_the_least_recently_used() {
        // Room for 15 entries (body, compressed variants, headers, bookkeeping), not 16.
        let one = PageCache::new();
        one.insert("/p0", page(&[], 1000), one.generation());
        let max = one.bytes() * 31 / 2;
        let cache = PageCache::with_max_bytes(max);
        let g = cache.generation();
        for i in 0..5 {
            cache.insert(&format!("/p{i}"), page(&[], 1000), g);
        }
        // /p0 is read, so /p1 is now the oldest.
        assert!(cache.get("/p0").is_some());
        for i in 5..16 {
            cache.insert(&format!("/p{i}"), page(&[], 1000), g);
        }
        assert!(cache.bytes() <= max);
        assert!(cache.len() < 16, "something was evicted");
        assert!(cache.get("/p0").is_some());
        assert!(cache.get("/p1").is_none());
    }

    #[test]
    fn an_entry_weighs_its_url_and_its_index_too() {
        let cache = PageCache::with_max_bytes(64 * 1024 * 1024);
        let g = cache.generation();
        let body = page(&["a", "b", "c", "d"], 100);
        let page_only = body.weight();
        let long_url = format!("/en/latest?page={}", "0".repeat(100_000));
        assert!(cache.insert(&long_url, body, g));
        assert!(
            cache.bytes() >= page_only + 100_000,
            "{} bytes counted for a 100 kB key",
            cache.bytes()
        );
        cache.invalidate_keys(&["c".to_owned()]);
        assert_eq!(
            cache.bytes(),
            0,
            "removal takes back exactly what insert added"
        );
        assert!(cache.is_empty());
    }

    #[test]
    fn long_urls_cannot_outgrow_the_bound() {
        let cache = PageCache::with_max_bytes(2_000_000);
        let g = cache.generation();
        let keys: Vec<String> = (0..30).map(|i| format!("article:{i}")).collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        for i in 0..100 {
            let url = format!("/en/latest?page={}{i}", "0".repeat(50_000));
            cache.insert(&url, page(&keys, 1000), g);
        }
        assert!(cache.bytes() <= 2_000_000);
        assert!(cache.len() <= 2_000_000 / 50_000);
    }
}
