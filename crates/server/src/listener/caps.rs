//! Who holds how many connections: per client, and the queue eviction walks.

use std::collections::{HashMap, VecDeque};
use std::net::{IpAddr, Ipv6Addr};
use std::sync::{Arc, Mutex, PoisonError, Weak};

use ipnet::IpNet;

use super::ConnectionLimits;
use super::activity::Activity;

/// Open connections per client.
pub(super) struct Clients {
    per_client: usize,
    exempt: Vec<IpNet>,
    counts: Mutex<HashMap<IpAddr, usize>>,
}

impl Clients {
    pub(super) fn new(limits: &ConnectionLimits) -> Self {
        Self {
            per_client: limits.max_connections_per_client.max(1),
            exempt: limits.exempt.clone(),
            counts: Mutex::new(HashMap::new()),
        }
    }

    pub(super) fn claim(self: &Arc<Self>, ip: IpAddr) -> Option<ClientSlot> {
        let ip = ip.to_canonical();
        if self.exempt.iter().any(|net| net.contains(&ip)) {
            return Some(ClientSlot {
                clients: self.clone(),
                key: None,
            });
        }
        let key = client_key(ip);
        let mut counts = self.counts.lock().unwrap_or_else(PoisonError::into_inner);
        let count = counts.entry(key).or_insert(0);
        if *count >= self.per_client {
            return None;
        }
        *count += 1;
        Some(ClientSlot {
            clients: self.clone(),
            key: Some(key),
        })
    }
}

/// An IPv4 address, or the /64 an IPv6 address is in: one subscriber gets a whole /64, so
/// counting single IPv6 addresses would cap nothing.
pub(super) fn client_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => IpAddr::V6(Ipv6Addr::from(v6.to_bits() & !0xffff_ffff_ffff_ffff_u128)),
    }
}

pub(super) struct ClientSlot {
    clients: Arc<Clients>,
    key: Option<IpAddr>,
}

impl Drop for ClientSlot {
    fn drop(&mut self) {
        let Some(key) = self.key else { return };
        let mut counts = self
            .clients
            .counts
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = counts.get_mut(&key) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                counts.remove(&key);
            }
        }
    }
}

/// Open connections, oldest first, for closing idle ones when room is needed.
pub(super) struct Live {
    queue: Mutex<VecDeque<Weak<Activity>>>,
    compact_at: usize,
}

impl Live {
    pub(super) fn new(max_connections: usize) -> Self {
        Self {
            queue: Mutex::new(VecDeque::new()),
            compact_at: max_connections.saturating_mul(2).saturating_add(64),
        }
    }

    pub(super) fn add(&self, activity: &Arc<Activity>) {
        let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
        queue.push_back(Arc::downgrade(activity));
        // Ended connections leave their entry behind; sweep them now and then.
        if queue.len() > self.compact_at {
            queue.retain(|weak| weak.strong_count() > 0);
        }
    }

    /// Asks up to `wanted` idle connections, oldest first, to close; returns how many.
    pub(super) fn evict_idle(&self, wanted: usize) -> usize {
        let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
        // Bounded work per call, even when every connection is busy.
        let mut examined = 0;
        let limit = queue.len().min(wanted.saturating_mul(64));
        let mut evicted = 0;
        while evicted < wanted && examined < limit {
            examined += 1;
            let Some(weak) = queue.pop_front() else { break };
            let Some(activity) = weak.upgrade() else {
                continue;
            };
            if activity.evict.is_cancelled() {
                continue;
            }
            if activity.is_idle() {
                activity.evict.cancel();
                evicted += 1;
            } else {
                queue.push_back(weak);
            }
        }
        evicted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_client_is_its_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1"
            .parse()
            .unwrap_or(IpAddr::from([0; 4]));
        let b: IpAddr = "2001:db8:1:2:bbbb::2"
            .parse()
            .unwrap_or(IpAddr::from([0; 4]));
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap_or(IpAddr::from([0; 4]));
        assert_eq!(client_key(a), client_key(b));
        assert_ne!(client_key(a), client_key(other));
        let v4: IpAddr = "192.0.2.7".parse().unwrap_or(IpAddr::from([0; 4]));
        assert_eq!(client_key(v4), v4);
    }
}
