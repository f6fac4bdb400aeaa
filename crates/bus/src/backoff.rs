//! Exponential backoff with jitter for reconnecting to a bus server.

use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

const FIRST: Duration = Duration::from_millis(200);
const MAX: Duration = Duration::from_secs(30);

/// Doubles from 200 ms up to 30 s. Each delay is shortened by a random 0–25 % so that
/// instances which lost the same server do not all reconnect in the same instant.
#[derive(Debug)]
pub(crate) struct Backoff {
    next: Duration,
}

impl Backoff {
    pub(crate) fn new() -> Self {
        Backoff { next: FIRST }
    }

    pub(crate) fn reset(&mut self) {
        self.next = FIRST;
    }

    pub(crate) fn next_delay(&mut self) -> Duration {
        let base = self.next;
        self.next = (self.next * 2).min(MAX);
        let jitter_permille = random_u64() % 250;
        let millis = u64::try_from(base.as_millis()).unwrap_or(u64::MAX);
        Duration::from_millis(millis - millis * jitter_permille / 1000)
    }
}

// RandomState is seeded randomly per instance: enough to spread reconnects without
// pulling in a random number generator.
fn random_u64() -> u64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(0);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_to_a_cap_and_resets() {
        let mut b = Backoff::new();
        let first = b.next_delay();
        assert!(first <= FIRST && first >= FIRST * 3 / 4, "{first:?}");
        let later: Vec<Duration> = (0..20).map(|_| b.next_delay()).collect();
        assert!(later.iter().all(|d| *d <= MAX));
        assert!(later.last().is_some_and(|d| *d >= MAX * 3 / 4));
        b.reset();
        assert!(b.next_delay() <= FIRST);
    }
}
