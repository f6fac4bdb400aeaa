//! The in-process page cache: anonymous pages rendered once, kept as bytes (plain, brotli,
//! gzip) until a change touches them.
//!
//! Every entry is tagged with surrogate keys ([`keys`]); [`PageCache::invalidate`] marks the
//! entries tagged with any key an [`Event`] touches as out of date. The store's outbox
//! drives it: the writing instance calls it right after the write (`AppState::after_write`),
//! and every instance follows the bus and polls the outbox ([`follow`]).
//!
//! An out-of-date page is not dropped at once: while the one render of its new version runs
//! (see [`flight`]), readers keep getting the previous bytes, for at most [`STALE_BOUND`]
//! after the change; past that they wait for the render. Concurrent misses of one page
//! wait for one render too, so a change to the front page on a busy day costs one render,
//! not one per connection. Staff bypass the cache and see a change at once.
//!
//! The size is bounded in bytes, counting everything an entry holds (its URL, surrogate
//! keys, headers, every encoding of the body, and the bookkeeping that indexes it); when
//! full, the least recently served entries go first. A hit takes a read lock, clones an
//! `Arc` and stamps a counter: no allocation of the body, no store query.

pub mod consumer;
mod encoding;
mod flight;
mod fragments;
pub mod keys;
mod layer;
mod page;
pub mod params;
pub mod session;

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use newsdesk_core::Event;
use parking_lot::RwLock;

pub use encoding::{Coding, Encoded};
pub use layer::{Cacheable, CachedRoute, cacheable_html, serve_cached, serve_cached_route};
use page::NEVER;
pub use page::{CachedPage, PAGE_CACHE_CONTROL};
pub use params::Param;

/// Default bound (the `page_cache_bytes` setting's default).
pub const DEFAULT_MAX_BYTES: usize = newsdesk_app::DEFAULT_PAGE_CACHE_BYTES;

/// The longest a reader is served a page after a change made it out of date: long enough
/// to cover one render even of a slow page on a loaded PostgreSQL, short enough that a
/// correction is seen within seconds. Past it, readers wait for the render.
pub const STALE_BOUND: Duration = Duration::from_secs(5);

/// How soon a page follows a change to one of its refresh keys (see
/// [`CachedPage::refresh_keys`]): the `s-maxage` a CDN gets too.
pub const REFRESH_AFTER: Duration = Duration::from_secs(60);

/// How many invalidations are remembered to tell whether a render was overtaken by one
/// that touched its page; a render older than all of them is treated as overtaken.
const LOG_MEMORY: usize = 1024;

pub struct PageCache {
    map: RwLock<Map>,
    /// The renders running now, one per page (see [`flight`]).
    pub(crate) flights: Arc<flight::Flights>,
    /// The cache's clock starts here; times are kept as milliseconds since.
    epoch: Instant,
    max_bytes: usize,
    /// [`STALE_BOUND`], or shorter in tests.
    stale_bound: Duration,
    /// [`REFRESH_AFTER`], or shorter in tests.
    refresh_after: Duration,
    /// Bumped by every invalidation: a page rendered while one ran may show the old state
    /// and is not stored (see [`PageCache::insert`]).
    generation: AtomicU64,
    /// Logical clock for least-recently-used eviction.
    clock: AtomicU64,
    /// Pages rendered for the cache since start (hits and single-flight waits render none).
    renders: AtomicU64,
    /// Sequence numbers of the events already applied. One write reaches the cache up to
    /// three times (the writer's `after_write`, its own bus echo, the outbox poll); only
    /// the first may drop pages, or pages rendered in between are thrown away for nothing.
    applied: parking_lot::Mutex<BTreeSet<i64>>,
    /// Cookie tokens recently found to be no session (see [`session`]).
    pub(crate) refused_sessions: session::RefusedTokens,
    /// What many pages share, loaded once (see [`fragments`]).
    fragments: fragments::Fragments,
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
    /// Refresh key → the URLs of the entries that follow it lazily.
    by_refresh_key: HashMap<String, HashSet<Url>>,
    bytes: usize,
    /// The latest invalidations, oldest first.
    log: VecDeque<Invalidation>,
}

/// One invalidation, remembered so a render that ran across it can tell whether it was
/// overtaken.
struct Invalidation {
    generation: u64,
    at: u64,
    /// `None`: everything.
    keys: Option<Vec<String>>,
}

/// What the cache holds for a URL.
pub enum Lookup {
    Fresh(Arc<CachedPage>),
    /// Out of date for this long; the bytes are still there to serve while a render runs.
    Stale(Arc<CachedPage>, Duration),
    Miss,
}

/// Taken before a render and handed to [`PageCache::insert`]: what the render could have
/// seen.
#[derive(Debug, Clone, Copy)]
pub struct Ticket {
    generation: u64,
    started: u64,
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
        + (page.keys.len() + page.refresh_keys.len())
            * (index_slot + SLOT_OVERHEAD + std::mem::size_of::<String>())
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
        Self::with_timings(max_bytes, STALE_BOUND, REFRESH_AFTER)
    }

    /// A cache whose out-of-date pages serve for at most `stale_bound` and whose pages
    /// follow their refresh keys within `refresh_after`.
    pub fn with_timings(max_bytes: usize, stale_bound: Duration, refresh_after: Duration) -> Self {
        Self {
            stale_bound,
            refresh_after,
            map: RwLock::new(Map::default()),
            flights: Arc::default(),
            epoch: Instant::now(),
            max_bytes,
            generation: AtomicU64::new(0),
            clock: AtomicU64::new(0),
            renders: AtomicU64::new(0),
            applied: parking_lot::Mutex::new(BTreeSet::new()),
            refused_sessions: session::RefusedTokens::default(),
            fragments: fragments::Fragments::default(),
        }
    }

    /// Milliseconds on the cache's clock.
    fn now(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(NEVER - 1)
    }

    /// The up-to-date entry for `url` (path and query), if there is one.
    pub fn get(&self, url: &str) -> Option<Arc<CachedPage>> {
        match self.lookup(url) {
            Lookup::Fresh(page) => Some(page),
            Lookup::Stale(..) | Lookup::Miss => None,
        }
    }

    /// What the cache holds for `url`, up to date or not.
    pub fn lookup(&self, url: &str) -> Lookup {
        let Some(page) = self.map.read().pages.get(url).cloned() else {
            return Lookup::Miss;
        };
        page.last_used.store(
            self.clock.fetch_add(1, Ordering::Relaxed),
            Ordering::Relaxed,
        );
        let now = self.now();
        let since = page.stale_since.load(Ordering::Acquire);
        if since > now {
            Lookup::Fresh(page)
        } else {
            Lookup::Stale(page, Duration::from_millis(now - since))
        }
    }

    /// The longest an out-of-date page is served while its new version renders.
    pub fn stale_bound(&self) -> Duration {
        self.stale_bound
    }

    /// How many renders the cache has started (see [`flight`]).
    pub fn renders(&self) -> u64 {
        self.renders.load(Ordering::Relaxed)
    }

    /// A render for the cache starts: counts it and returns its [`Ticket`].
    pub(crate) fn start_render(&self) -> Ticket {
        self.renders.fetch_add(1, Ordering::Relaxed);
        self.ticket()
    }

    /// Read before rendering; pass to [`PageCache::insert`].
    pub fn ticket(&self) -> Ticket {
        // The clock first: an invalidation between the two reads then counts as unseen.
        let started = self.now();
        Ticket {
            generation: self.generation.load(Ordering::Acquire),
            started,
        }
    }

    /// Stores `page` under `url`. A render that an invalidation touching the page overtook
    /// may show what the change replaced: it is stored already out of date (from that
    /// change on), so it serves only while its successor renders. Returns whether the page
    /// went in up to date.
    pub fn insert(&self, url: &str, page: Arc<CachedPage>, ticket: Ticket) -> bool {
        let weight = entry_weight(url, &page);
        if weight > self.max_bytes / 8 {
            return false;
        }
        page.last_used.store(
            self.clock.fetch_add(1, Ordering::Relaxed),
            Ordering::Relaxed,
        );
        let mut map = self.map.write();
        let now = self.now();
        page.stored_at.store(now, Ordering::Release);
        // Checked under the write lock: invalidations take it too, so none can slip between.
        if self.generation.load(Ordering::Acquire) != ticket.generation {
            if let Some(at) = map.overtaken(&page, ticket) {
                page.stale_from(at);
            }
            if let Some(at) = map.refresh_overtaken(&page, ticket) {
                page.stale_from(at.max(now.saturating_add(millis(self.refresh_after))));
            }
        }
        let fresh = page.stale_since.load(Ordering::Acquire) == NEVER;
        self.put(&mut map, url, page, weight);
        fresh
    }

    fn put(&self, map: &mut Map, url: &str, page: Arc<CachedPage>, weight: usize) {
        map.remove(url);
        let url: Url = Arc::from(url);
        for key in &page.keys {
            map.by_key
                .entry(key.clone())
                .or_default()
                .insert(url.clone());
        }
        for key in &page.refresh_keys {
            map.by_refresh_key
                .entry(key.clone())
                .or_default()
                .insert(url.clone());
        }
        map.bytes += weight;
        map.pages.insert(url, page);
        if map.bytes > self.max_bytes {
            map.evict_to(self.max_bytes - self.max_bytes / 10);
        }
    }

    /// `page` (held under `url`) with the encoding a reader sending `accept` prefers,
    /// made now if it was not yet and kept in its place for the next such reader.
    pub fn complete(
        &self,
        url: &str,
        page: Arc<CachedPage>,
        accept: Option<&http::HeaderValue>,
    ) -> Arc<CachedPage> {
        let Some(full) = page.completed(accept) else {
            return page;
        };
        let full = Arc::new(full);
        let weight = entry_weight(url, &full);
        let mut map = self.map.write();
        // Unless a change or another reader replaced it meanwhile.
        if map
            .pages
            .get(url)
            .is_some_and(|held| Arc::ptr_eq(held, &page))
        {
            self.put(&mut map, url, full.clone(), weight);
        }
        full
    }

    /// Drops the entry for `url` (a render found the page gone or moved).
    pub fn remove(&self, url: &str) {
        self.map.write().remove(url);
    }

    /// Marks the pages `event` touched as out of date, once per event (see `applied`).
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

    /// Marks every page tagged with any of `keys` as out of date now, and schedules a
    /// refresh of the pages following any of them lazily.
    pub fn invalidate_keys(&self, keys: &[String]) {
        let mut map = self.map.write();
        let generation = self.generation.fetch_add(1, Ordering::AcqRel) + 1;
        let now = self.now();
        let refresh_at = now.saturating_add(millis(self.refresh_after));
        for key in keys {
            for url in map.by_key.get(key).into_iter().flatten() {
                if let Some(page) = map.pages.get(url) {
                    page.stale_from(now);
                }
            }
            for url in map.by_refresh_key.get(key).into_iter().flatten() {
                if let Some(page) = map.pages.get(url) {
                    let stored = page.stored_at.load(Ordering::Acquire);
                    let due = stored.saturating_add(millis(self.refresh_after));
                    page.stale_from(due.max(now).min(refresh_at));
                }
            }
        }
        map.remember(Invalidation {
            generation,
            at: now,
            keys: Some(keys.to_vec()),
        });
        drop(map);
        // After the generation moved on: see `PageCache::fragment`.
        self.fragments.drop_keys(keys);
    }

    /// Marks every page out of date.
    pub fn clear(&self) {
        let mut map = self.map.write();
        let generation = self.generation.fetch_add(1, Ordering::AcqRel) + 1;
        let now = self.now();
        for page in map.pages.values() {
            page.stale_from(now);
        }
        map.remember(Invalidation {
            generation,
            at: now,
            keys: None,
        });
        drop(map);
        self.fragments.drop_all();
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

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

impl Map {
    fn remove(&mut self, url: &str) {
        let Some(page) = self.pages.remove(url) else {
            return;
        };
        self.bytes = self.bytes.saturating_sub(entry_weight(url, &page));
        unindex(&mut self.by_key, &page.keys, url);
        unindex(&mut self.by_refresh_key, &page.refresh_keys, url);
    }

    fn remember(&mut self, invalidation: Invalidation) {
        self.log.push_back(invalidation);
        if self.log.len() > LOG_MEMORY {
            self.log.pop_front();
        }
    }

    /// The moment of the first invalidation since `ticket` that touched one of `keys` (or
    /// everything), if any; the ticket's own start when the log no longer reaches back.
    fn first_unseen(&self, keys: &[String], ticket: Ticket) -> Option<u64> {
        let reaches_back = self
            .log
            .front()
            .is_some_and(|first| first.generation <= ticket.generation + 1);
        if !reaches_back {
            return Some(ticket.started);
        }
        self.log
            .iter()
            .filter(|inv| inv.generation > ticket.generation)
            .find(|inv| match &inv.keys {
                None => true,
                Some(touched) => touched.iter().any(|k| keys.contains(k)),
            })
            .map(|inv| inv.at)
    }

    fn overtaken(&self, page: &CachedPage, ticket: Ticket) -> Option<u64> {
        self.first_unseen(&page.keys, ticket)
    }

    fn refresh_overtaken(&self, page: &CachedPage, ticket: Ticket) -> Option<u64> {
        if page.refresh_keys.is_empty() {
            return None;
        }
        self.first_unseen(&page.refresh_keys, ticket)
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

fn unindex(index: &mut HashMap<String, HashSet<Url>>, keys: &[String], url: &str) {
    for key in keys {
        if let Some(urls) = index.get_mut(key) {
            urls.remove(url);
            if urls.is_empty() {
                index.remove(key);
            }
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
        let g = cache.ticket();
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
        let g = cache.ticket();
        cache.invalidate_keys(&["article:1".to_owned()]);
        assert!(!cache.insert("/en/a-1", page(&["article:1"], 100), g));
        assert!(cache.get("/en/a-1").is_none());
    }

    #[test]
    fn a_change_keeps_the_previous_bytes_for_a_bounded_time_only() {
        let bound = Duration::from_millis(50);
        let cache = PageCache::with_timings(1 << 20, bound, REFRESH_AFTER);
        assert!(cache.insert("/en", page(&["front:en"], 100), cache.ticket()));
        cache.invalidate_keys(&["front:en".to_owned()]);
        assert!(cache.get("/en").is_none(), "no longer up to date");
        match cache.lookup("/en") {
            Lookup::Stale(_, age) => assert!(age < bound, "stale for {age:?} at once"),
            _ => panic!("the previous bytes are still there"),
        }
        std::thread::sleep(bound + Duration::from_millis(10));
        match cache.lookup("/en") {
            Lookup::Stale(_, age) => assert!(age >= bound, "past the bound: {age:?}"),
            _ => panic!("the previous bytes are still there"),
        }
        // A second change does not extend the first one's bound.
        cache.invalidate_keys(&["front:en".to_owned()]);
        assert!(matches!(cache.lookup("/en"), Lookup::Stale(_, age) if age >= bound));
    }

    #[test]
    fn only_a_change_to_what_a_render_shows_overtakes_it() {
        let cache = PageCache::new();
        let ticket = cache.ticket();
        cache.invalidate_keys(&["article:1".to_owned()]);
        assert!(
            cache.insert("/en/a-2", page(&["article:2"], 100), ticket),
            "an unrelated change does not hold back a render"
        );
        assert!(!cache.insert("/en/a-1", page(&["article:1"], 100), ticket));
        assert!(matches!(cache.lookup("/en/a-1"), Lookup::Stale(..)));
        assert!(cache.get("/en/a-2").is_some());
    }

    #[test]
    fn refresh_keys_make_a_page_follow_their_changes_lazily() {
        let refresh = Duration::from_millis(80);
        let cache = PageCache::with_timings(1 << 20, STALE_BOUND, refresh);
        let article = Arc::new(
            CachedPage::new(
                Bytes::from("x".repeat(100)),
                vec!["article:1".to_owned()],
                Utc::now(),
            )
            .with_refresh_keys(vec!["newsfeed:en".to_owned()]),
        );
        assert!(cache.insert("/en/a-1", article, cache.ticket()));
        cache.invalidate_keys(&["newsfeed:en".to_owned()]);
        assert!(
            cache.get("/en/a-1").is_some(),
            "a newsfeed change leaves the article page up to date for now"
        );
        std::thread::sleep(refresh + Duration::from_millis(10));
        assert!(
            cache.get("/en/a-1").is_none(),
            "and refreshes it once the refresh period has passed"
        );
        assert!(!cache.is_empty(), "its bytes serve while it renders");
    }

    #[test]
    fn stays_within_its_byte_bound_dropping_the_least_recently_used() {
        // Room for 15 entries (body, compressed variants, headers, bookkeeping), not 16.
        let one = PageCache::new();
        one.insert("/p0", page(&[], 1000), one.ticket());
        let max = one.bytes() * 31 / 2;
        let cache = PageCache::with_max_bytes(max);
        let g = cache.ticket();
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
        let g = cache.ticket();
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
        assert!(cache.bytes() > 0, "an out-of-date page stays to serve");
        cache.remove(&long_url);
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
        let g = cache.ticket();
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
