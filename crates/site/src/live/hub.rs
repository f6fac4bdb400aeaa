//! What one instance holds of the live parts: the newsfeed readers of each edition, the
//! readers in each chat room, how many live connections each client has open, and the
//! presence counts other instances report. Connections subscribe here; the outbox
//! consumer and the chat relay publish here.
//!
//! Every connection reads a bounded broadcast channel. A reader that falls behind by a
//! whole channel is cut off (it reconnects and catches up from the store) rather than
//! letting the server buffer for it without end.

use std::collections::{BTreeSet, HashMap};
use std::net::IpAddr;
use std::sync::atomic::{AtomicI64, AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::ws::Utf8Bytes;
use serde::Serialize;
use tokio::sync::broadcast;
use tokio_util::sync::CancellationToken;

use super::feed::FeedItemView;

/// Frames a newsfeed reader may fall behind before it is cut off.
const FEED_BACKLOG: usize = 64;
/// Frames a chat reader may fall behind before it is cut off.
pub const ROOM_BACKLOG: usize = 256;
/// Message ids a room remembers having delivered (the reconcile pass skips them).
const REMEMBERED: usize = 2_000;
/// A room's floor before any reader here read its history.
const NO_FLOOR: i64 = i64::MIN;
/// A presence report older than this is from an instance that went away.
pub const PRESENCE_TTL: Duration = Duration::from_secs(15);

/// One event of the newsfeed stream, encoded once for every reader of the edition.
#[derive(Debug, Clone)]
pub struct FeedFrame {
    pub seq: i64,
    pub event: &'static str,
    pub data: String,
}

#[derive(Serialize)]
struct ItemData<'a> {
    v: u8,
    item: &'a FeedItemView,
}

#[derive(Serialize)]
struct RemoveData<'a> {
    v: u8,
    key: &'a str,
}

#[derive(Serialize)]
struct ListData<'a> {
    v: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    edition: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    items: Option<&'a [FeedItemView]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    breaking: Option<&'a [FeedItemView]>,
}

fn json(value: &impl Serialize) -> String {
    // Serialising these plain structs cannot fail; an empty object is a safe fallback.
    serde_json::to_string(value).unwrap_or_else(|_| "{}".to_owned())
}

impl FeedFrame {
    pub fn item(seq: i64, item: &FeedItemView) -> Self {
        FeedFrame {
            seq,
            event: "item",
            data: json(&ItemData { v: 1, item }),
        }
    }

    pub fn remove(seq: i64, key: &str) -> Self {
        FeedFrame {
            seq,
            event: "remove",
            data: json(&RemoveData { v: 1, key }),
        }
    }

    pub fn reset(seq: i64, items: &[FeedItemView]) -> Self {
        FeedFrame {
            seq,
            event: "reset",
            data: json(&ListData {
                v: 1,
                edition: None,
                items: Some(items),
                breaking: None,
            }),
        }
    }

    pub fn hello(seq: i64, edition: &str, breaking: &[FeedItemView]) -> Self {
        FeedFrame {
            seq,
            event: "hello",
            data: json(&ListData {
                v: 1,
                edition: Some(edition),
                items: None,
                breaking: Some(breaking),
            }),
        }
    }

    pub fn to_sse(&self) -> axum::response::sse::Event {
        axum::response::sse::Event::default()
            .event(self.event)
            .id(self.seq.to_string())
            .data(&self.data)
    }
}

/// The readers of one chat room on this instance.
#[derive(Debug)]
pub struct Room {
    pub id: i64,
    tx: broadcast::Sender<Utf8Bytes>,
    local: AtomicU32,
    /// The presence count last sent to this room's readers.
    announced: AtomicU32,
    delivered: Mutex<BTreeSet<i64>>,
    /// Messages up to this id were read from the store by the first reader here (as
    /// history): the reconcile pass never delivers them.
    floor: AtomicI64,
}

impl Room {
    pub fn subscribe(&self) -> broadcast::Receiver<Utf8Bytes> {
        self.tx.subscribe()
    }

    /// Sends a frame to every reader of the room here.
    pub fn send(&self, frame: Utf8Bytes) {
        let _ = self.tx.send(frame);
    }

    /// Records a message as delivered here; `false` if it already was.
    pub fn first_delivery(&self, id: i64) -> bool {
        let mut delivered = lock(&self.delivered);
        if !delivered.insert(id) {
            return false;
        }
        while delivered.len() > REMEMBERED {
            delivered.pop_first();
        }
        true
    }

    /// `None` until the first reader here has read the room's history.
    pub fn floor(&self) -> Option<i64> {
        Some(self.floor.load(Ordering::Relaxed)).filter(|f| *f != NO_FLOOR)
    }

    /// Sets the floor to `id` unless a reader already set it.
    pub fn set_floor_if_unset(&self, id: i64) {
        let _ = self
            .floor
            .compare_exchange(NO_FLOOR, id, Ordering::Relaxed, Ordering::Relaxed);
    }

    pub fn local(&self) -> u32 {
        self.local.load(Ordering::Relaxed)
    }
}

/// A reader's place in a room; leaving (dropping it) forgets the room when it was the last.
#[derive(Debug)]
pub struct RoomSeat {
    hub: Arc<Hub>,
    pub room: Arc<Room>,
}

impl Drop for RoomSeat {
    fn drop(&mut self) {
        let mut rooms = lock(&self.hub.rooms);
        if self.room.local.fetch_sub(1, Ordering::Relaxed) == 1 {
            rooms.remove(&self.room.id);
        }
    }
}

/// One of a client's live connections; dropping it frees the place.
#[derive(Debug)]
pub struct ClientSlot {
    hub: Arc<Hub>,
    ip: Option<IpAddr>,
}

impl Drop for ClientSlot {
    fn drop(&mut self) {
        let Some(ip) = self.ip else { return };
        let mut clients = lock(&self.hub.clients);
        if let Some(n) = clients.get_mut(&ip) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                clients.remove(&ip);
            }
        }
    }
}

#[derive(Debug, Default)]
struct Remote {
    rooms: HashMap<i64, u32>,
    seen: Option<Instant>,
}

/// This instance's live connections. Shared through [`crate::AppState::live`].
#[derive(Debug)]
pub struct Hub {
    instance: String,
    max_per_client: usize,
    feeds: Mutex<HashMap<String, broadcast::Sender<Arc<FeedFrame>>>>,
    rooms: Mutex<HashMap<i64, Arc<Room>>>,
    clients: Mutex<HashMap<IpAddr, usize>>,
    remote: Mutex<HashMap<String, Remote>>,
    /// The newest outbox position the newsfeed consumer has seen here.
    position: AtomicI64,
    closing: CancellationToken,
}

/// An IPv4 address, or the /64 an IPv6 address is in (one subscriber gets a whole /64).
fn client_key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => IpAddr::V6(std::net::Ipv6Addr::from(
            v6.to_bits() & !0xffff_ffff_ffff_ffff_u128,
        )),
        v4 => v4,
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Hub {
    pub fn new(max_per_client: usize) -> Arc<Self> {
        Arc::new(Hub {
            instance: format!("{:016x}", rand::random::<u64>()),
            max_per_client: max_per_client.max(1),
            feeds: Mutex::new(HashMap::new()),
            rooms: Mutex::new(HashMap::new()),
            clients: Mutex::new(HashMap::new()),
            remote: Mutex::new(HashMap::new()),
            position: AtomicI64::new(0),
            closing: CancellationToken::new(),
        })
    }

    /// This instance's name in presence reports.
    pub fn instance(&self) -> &str {
        &self.instance
    }

    /// Cancelled when the server shuts down: every stream and socket ends.
    pub fn closing(&self) -> &CancellationToken {
        &self.closing
    }

    pub fn close_all(&self) {
        self.closing.cancel();
    }

    /// A place for one more live connection of `ip`; `None` when it has its share.
    /// Connections with no known address (tests through the router) are not counted.
    pub fn claim(self: &Arc<Self>, ip: Option<IpAddr>) -> Option<ClientSlot> {
        if let Some(ip) = ip {
            let key = client_key(ip);
            let mut clients = lock(&self.clients);
            let n = clients.entry(key).or_insert(0);
            if *n >= self.max_per_client {
                return None;
            }
            *n += 1;
            return Some(ClientSlot {
                hub: self.clone(),
                ip: Some(key),
            });
        }
        Some(ClientSlot {
            hub: self.clone(),
            ip: None,
        })
    }

    pub fn max_per_client(&self) -> usize {
        self.max_per_client
    }

    // ---- the newsfeed ----

    pub fn subscribe_feed(&self, edition: &str) -> broadcast::Receiver<Arc<FeedFrame>> {
        let mut feeds = lock(&self.feeds);
        feeds
            .entry(edition.to_owned())
            .or_insert_with(|| broadcast::channel(FEED_BACKLOG).0)
            .subscribe()
    }

    pub fn has_feed_readers(&self, edition: &str) -> bool {
        lock(&self.feeds)
            .get(edition)
            .is_some_and(|tx| tx.receiver_count() > 0)
    }

    pub fn send_feed(&self, edition: &str, frame: Arc<FeedFrame>) {
        let mut feeds = lock(&self.feeds);
        if let Some(tx) = feeds.get(edition)
            && tx.send(frame).is_err()
        {
            // Its last reader left: forget the channel.
            feeds.remove(edition);
        }
    }

    /// Feed readers connected here, all editions together (for metrics and tests).
    pub fn feed_readers(&self) -> usize {
        lock(&self.feeds)
            .values()
            .map(|tx| tx.receiver_count())
            .sum()
    }

    pub fn note_position(&self, seq: i64) {
        self.position.fetch_max(seq, Ordering::Relaxed);
    }

    // ---- chat rooms ----

    /// Takes a seat in the room, making its local channel on first use.
    pub fn join(self: &Arc<Self>, room_id: i64) -> RoomSeat {
        let mut rooms = lock(&self.rooms);
        let room = rooms
            .entry(room_id)
            .or_insert_with(|| {
                Arc::new(Room {
                    id: room_id,
                    tx: broadcast::channel(ROOM_BACKLOG).0,
                    local: AtomicU32::new(0),
                    announced: AtomicU32::new(u32::MAX),
                    delivered: Mutex::new(BTreeSet::new()),
                    floor: AtomicI64::new(NO_FLOOR),
                })
            })
            .clone();
        room.local.fetch_add(1, Ordering::Relaxed);
        RoomSeat {
            hub: self.clone(),
            room,
        }
    }

    pub fn room(&self, id: i64) -> Option<Arc<Room>> {
        lock(&self.rooms).get(&id).cloned()
    }

    pub fn rooms(&self) -> Vec<Arc<Room>> {
        lock(&self.rooms).values().cloned().collect()
    }

    /// `(room, readers here)` for every room with readers here.
    pub fn local_counts(&self) -> Vec<(i64, u32)> {
        let mut counts: Vec<(i64, u32)> = lock(&self.rooms)
            .values()
            .map(|r| (r.id, r.local()))
            .filter(|(_, n)| *n > 0)
            .collect();
        counts.sort_unstable();
        counts
    }

    /// Records another instance's report of its readers per room.
    pub fn note_presence(&self, instance: &str, rooms: &[(i64, u32)]) {
        if instance == self.instance {
            return;
        }
        let mut remote = lock(&self.remote);
        let entry = remote.entry(instance.to_owned()).or_default();
        entry.rooms = rooms.iter().copied().collect();
        entry.seen = Some(Instant::now());
    }

    /// Readers in the room on every instance: here, plus what the others reported lately.
    pub fn presence(&self, room_id: i64) -> u32 {
        let here = self.room(room_id).map_or(0, |r| r.local());
        let mut remote = lock(&self.remote);
        remote.retain(|_, r| r.seen.is_some_and(|at| at.elapsed() < PRESENCE_TTL));
        here + remote
            .values()
            .filter_map(|r| r.rooms.get(&room_id))
            .sum::<u32>()
    }

    /// The rooms whose presence count changed since it was last announced, with the new
    /// count (and records it as announced).
    pub fn presence_changes(&self) -> Vec<(Arc<Room>, u32)> {
        self.rooms()
            .into_iter()
            .filter_map(|room| {
                let now = self.presence(room.id);
                let before = room.announced.swap(now, Ordering::Relaxed);
                (before != now).then_some((room, now))
            })
            .collect()
    }
}
