//! Login rate limits.
//!
//! Two different threats, two different answers:
//! - one machine trying many passwords or many accounts: a bucket per client address;
//! - anyone guessing one account's password: failures are counted per (account, client),
//!   so a guesser locks out only itself. A per-account count across all clients notices a
//!   guesser that rotates addresses; then clients that have already failed on that account
//!   are refused and clients that have not are slowed down, never refused — so a steady
//!   trickle of wrong guesses cannot keep the owner out of their own account.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Why an attempt was refused, for a message that tells the person what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    /// Too many attempts from this client, whatever the account.
    Ip,
    /// Too many failures for this account from this client.
    Account,
}

impl Exceeded {
    pub fn message(self) -> &'static str {
        match self {
            Exceeded::Ip => {
                "Too many login attempts from your network. Wait a minute and try again."
            }
            Exceeded::Account => {
                "Too many login attempts for this account from your network. Wait a few minutes and try again, or ask an admin for a new password link."
            }
        }
    }
}

/// A refused attempt and how long until the client may try again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused {
    pub reason: Exceeded,
    pub retry_after: Duration,
}

/// What to do with an attempt that is not refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    Go,
    /// The account is under a distributed guessing attack: answer this (clean) client, but
    /// only after a pause, which costs a botnet far more than it costs the owner.
    SlowDown(Duration),
}

/// Shared by all login requests of one instance (installed as an axum `Extension`).
#[derive(Clone)]
pub struct LoginLimits {
    per_ip: Arc<DefaultKeyedRateLimiter<Option<IpAddr>>>,
    failures: Arc<Mutex<Failures>>,
    policy: Policy,
}

impl std::fmt::Debug for LoginLimits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginLimits")
            .field("policy", &self.policy)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, Copy)]
struct Policy {
    /// Failures of one client on one account within `window` before it is locked out.
    per_client: u32,
    /// Failures on one account from all clients within `window` before the account counts
    /// as under attack.
    per_account: u32,
    window: Duration,
    slow_down: Duration,
}

/// Forgotten-password typing is a handful of tries; a script is hundreds.
const PER_IP_PER_MINUTE: u32 = 30;
const PER_CLIENT_FAILURES: u32 = 5;
/// A guesser rotating addresses: four clients' worth of failures in the window.
const ACCOUNT_FAILURES_FACTOR: u32 = 4;
const WINDOW: Duration = Duration::from_secs(15 * 60);
const SLOW_DOWN: Duration = Duration::from_secs(2);
/// Keyed state keeps one entry per key seen; past this many, drop the expired ones, and if
/// an attacker still fills it, forget the oldest rather than grow without bound.
const PRUNE_ABOVE: usize = 10_000;
const HARD_CAP: usize = 100_000;

impl Default for LoginLimits {
    fn default() -> Self {
        Self::new(PER_IP_PER_MINUTE, PER_CLIENT_FAILURES)
    }
}

type ClientKey = (String, Option<IpAddr>);

#[derive(Debug, Default)]
struct Failures {
    by_client: HashMap<ClientKey, Count>,
    by_account: HashMap<String, Count>,
}

#[derive(Debug, Clone, Copy)]
struct Count {
    failures: u32,
    since: Instant,
}

impl Count {
    fn live(&self, now: Instant, window: Duration) -> bool {
        now.saturating_duration_since(self.since) < window
    }
}

impl LoginLimits {
    /// `per_ip` attempts per minute from one client; `per_client` failures of one client on
    /// one account per 15 minutes.
    pub fn new(per_ip: u32, per_client: u32) -> Self {
        let quota =
            |n: u32| Quota::per_minute(NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN));
        let per_client = per_client.max(1);
        LoginLimits {
            per_ip: Arc::new(RateLimiter::keyed(quota(per_ip))),
            failures: Arc::new(Mutex::new(Failures::default())),
            policy: Policy {
                per_client,
                per_account: per_client.saturating_mul(ACCOUNT_FAILURES_FACTOR),
                window: WINDOW,
                slow_down: SLOW_DOWN,
            },
        }
    }

    /// Shorter windows and pauses, so tests can see a lock-out end.
    pub fn with_window(mut self, window: Duration, slow_down: Duration) -> Self {
        self.policy.window = window;
        self.policy.slow_down = slow_down;
        self
    }

    /// Decides whether an attempt for `email` (normalised) from `ip` may be verified. Takes
    /// one attempt from the client's bucket.
    pub fn admit(&self, ip: Option<IpAddr>, email: &str) -> Result<Admission, Refused> {
        if self.per_ip.len() > PRUNE_ABOVE {
            self.per_ip.retain_recent();
        }
        self.per_ip.check_key(&ip).map_err(|_| Refused {
            reason: Exceeded::Ip,
            retry_after: Duration::from_secs(60),
        })?;

        let now = Instant::now();
        let p = self.policy;
        let failures = self.lock();
        let key = (email.to_owned(), ip);
        let client = failures
            .by_client
            .get(&key)
            .filter(|c| c.live(now, p.window));
        let refused = |c: &Count| Refused {
            reason: Exceeded::Account,
            retry_after: p
                .window
                .saturating_sub(now.saturating_duration_since(c.since))
                .max(Duration::from_secs(1)),
        };
        if let Some(c) = client.filter(|c| c.failures >= p.per_client) {
            return Err(refused(c));
        }
        let under_attack = failures
            .by_account
            .get(email)
            .is_some_and(|a| a.live(now, p.window) && a.failures >= p.per_account);
        match (under_attack, client) {
            (false, _) => Ok(Admission::Go),
            (true, None) => Ok(Admission::SlowDown(p.slow_down)),
            (true, Some(c)) => Err(refused(c)),
        }
    }

    /// Records a wrong password. Returns true when this failure locked the client out of
    /// the account (once per lock-out), so the caller can tell the account's owner.
    pub fn failed(&self, ip: Option<IpAddr>, email: &str) -> bool {
        let now = Instant::now();
        let window = self.policy.window;
        let mut failures = self.lock();
        failures.prune(now, window);
        let bump = |count: &mut Count| {
            if !count.live(now, window) {
                *count = Count {
                    failures: 0,
                    since: now,
                };
            }
            count.failures = count.failures.saturating_add(1);
            count.failures
        };
        let fresh = Count {
            failures: 0,
            since: now,
        };
        bump(failures.by_account.entry(email.to_owned()).or_insert(fresh));
        let n = bump(
            failures
                .by_client
                .entry((email.to_owned(), ip))
                .or_insert(fresh),
        );
        n == self.policy.per_client
    }

    /// A right password from this client clears its own failures (not the account's: an
    /// attack from elsewhere goes on).
    pub fn succeeded(&self, ip: Option<IpAddr>, email: &str) {
        self.lock().by_client.remove(&(email.to_owned(), ip));
    }

    fn lock(&self) -> MutexGuard<'_, Failures> {
        // The maps hold counters only; one left half-updated by a panic is still usable.
        self.failures.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Failures {
    fn prune(&mut self, now: Instant, window: Duration) {
        if self.by_client.len() > PRUNE_ABOVE {
            self.by_client.retain(|_, c| c.live(now, window));
        }
        if self.by_account.len() > PRUNE_ABOVE {
            self.by_account.retain(|_, c| c.live(now, window));
        }
        // Still full of live entries: a flood of made-up addresses. Start again rather than
        // grow; the per-client bucket still bounds each attacker.
        if self.by_client.len() > HARD_CAP || self.by_account.len() > HARD_CAP {
            self.by_client.clear();
            self.by_account.clear();
            tracing::warn!("login failure counters were full and have been reset");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        s.parse().ok()
    }

    #[test]
    fn the_client_bucket_refuses_past_its_burst() {
        let limits = LoginLimits::new(3, 5);
        for n in 0..3 {
            assert!(
                limits
                    .admit(ip("10.0.0.1"), &format!("u{n}@example.com"))
                    .is_ok()
            );
        }
        let refused = limits.admit(ip("10.0.0.1"), "u9@example.com").unwrap_err();
        assert_eq!(refused.reason, Exceeded::Ip);
        assert!(limits.admit(ip("10.0.0.2"), "u9@example.com").is_ok());
    }

    #[test]
    fn a_guesser_locks_out_only_itself() {
        let limits = LoginLimits::new(100, 3);
        let (guesser, owner) = (ip("203.0.113.9"), ip("198.51.100.7"));
        let locked: Vec<bool> = (0..3)
            .map(|_| {
                assert_eq!(limits.admit(guesser, "ed@example.com"), Ok(Admission::Go));
                limits.failed(guesser, "ed@example.com")
            })
            .collect();
        assert_eq!(
            locked,
            [false, false, true],
            "the lock-out is reported once"
        );
        let refused = limits.admit(guesser, "ed@example.com").unwrap_err();
        assert_eq!(refused.reason, Exceeded::Account);
        assert!(refused.retry_after > Duration::from_secs(60));
        // The owner, from their own address, is not affected.
        assert_eq!(limits.admit(owner, "ed@example.com"), Ok(Admission::Go));
        // Nor is the guesser's access to other accounts.
        assert_eq!(
            limits.admit(guesser, "other@example.com"),
            Ok(Admission::Go)
        );
    }

    #[test]
    fn a_distributed_attack_slows_clean_clients_and_refuses_the_guessers() {
        let limits = LoginLimits::new(100, 2);
        // Eight addresses, one failure each: 8 = 2 × 4 account-wide failures.
        for n in 0..8 {
            let guesser = ip(&format!("203.0.113.{n}"));
            assert!(limits.admit(guesser, "ed@example.com").is_ok());
            limits.failed(guesser, "ed@example.com");
        }
        assert_eq!(
            limits.admit(ip("198.51.100.7"), "ed@example.com"),
            Ok(Admission::SlowDown(SLOW_DOWN))
        );
        assert_eq!(
            limits
                .admit(ip("203.0.113.3"), "ed@example.com")
                .map_err(|r| r.reason),
            Err(Exceeded::Account)
        );
        // Another account is not under attack.
        assert_eq!(
            limits.admit(ip("203.0.113.3"), "other@example.com"),
            Ok(Admission::Go)
        );
    }

    #[test]
    fn a_lock_out_ends_with_its_window_and_success_clears_the_client() {
        let limits =
            LoginLimits::new(100, 1).with_window(Duration::from_millis(50), Duration::ZERO);
        let client = ip("203.0.113.9");
        assert!(limits.failed(client, "ed@example.com"));
        assert!(limits.admit(client, "ed@example.com").is_err());
        std::thread::sleep(Duration::from_millis(60));
        assert_eq!(limits.admit(client, "ed@example.com"), Ok(Admission::Go));

        let limits = LoginLimits::new(100, 2);
        limits.failed(client, "ed@example.com");
        limits.succeeded(client, "ed@example.com");
        limits.failed(client, "ed@example.com");
        assert_eq!(limits.admit(client, "ed@example.com"), Ok(Admission::Go));
    }
}
