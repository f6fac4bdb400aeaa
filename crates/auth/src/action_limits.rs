//! Rate limits on what readers do that costs us or others something: registering, asking
//! for password-reset and login links, commenting. Each action has a bucket per client
//! address and one per account (or per email address asked about), so neither one machine
//! nor one account can flood, and a refusal says when to try again (`Retry-After`).

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Keys kept before the limiters forget buckets that are full again.
const PRUNE_ABOVE: usize = 10_000;

/// One action's limits: `burst` at once, then one more every `every`, per client and per
/// account.
#[derive(Clone)]
pub struct ActionLimit {
    per_client: Arc<DefaultKeyedRateLimiter<Option<IpAddr>>>,
    per_account: Arc<DefaultKeyedRateLimiter<String>>,
}

impl std::fmt::Debug for ActionLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActionLimit").finish_non_exhaustive()
    }
}

impl ActionLimit {
    /// Per client: `client_burst` at once, refilled one per `client_every`; per account:
    /// `account_burst`, one per `account_every`.
    pub fn new(
        client_burst: u32,
        client_every: Duration,
        account_burst: u32,
        account_every: Duration,
    ) -> Self {
        let quota = |burst: u32, every: Duration| {
            Quota::with_period(every.max(Duration::from_millis(1)))
                .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
                .allow_burst(NonZeroU32::new(burst.max(1)).unwrap_or(NonZeroU32::MIN))
        };
        Self {
            per_client: Arc::new(RateLimiter::keyed(quota(client_burst, client_every))),
            per_account: Arc::new(RateLimiter::keyed(quota(account_burst, account_every))),
        }
    }

    /// Takes one attempt from the client's bucket and, when `account` is given, from the
    /// account's. `Err` holds how long until the next attempt would be admitted.
    pub fn check(&self, ip: Option<IpAddr>, account: Option<&str>) -> Result<(), Duration> {
        if self.per_client.len() > PRUNE_ABOVE {
            self.per_client.retain_recent();
        }
        if self.per_account.len() > PRUNE_ABOVE {
            self.per_account.retain_recent();
        }
        let now = DefaultClock::default().now();
        let wait = |n: governor::NotUntil<_>| n.wait_time_from(now).max(Duration::from_secs(1));
        self.per_client.check_key(&ip).map_err(wait)?;
        if let Some(account) = account {
            self.per_account
                .check_key(&account.to_owned())
                .map_err(wait)?;
        }
        Ok(())
    }
}

/// The limits of every reader action, shared by the requests of one instance.
#[derive(Debug, Clone)]
pub struct ReaderLimits {
    /// Reader log-ins: the newsroom's lock-out policy, with counts of their own.
    pub login: crate::LoginLimits,
    /// New accounts: a few per client per hour (a household, a newsroom's office).
    pub register: ActionLimit,
    /// Password-reset and login-link emails: a few per address per hour, so nobody can
    /// fill a reader's inbox.
    pub email_links: ActionLimit,
    /// Comments: a short burst, then one every few seconds.
    pub comment: ActionLimit,
    /// Chat lines: five at once, then one every two seconds per reader (a room's flood
    /// control); more per address, where a household or an office shares one.
    pub chat: ActionLimit,
}

impl Default for ReaderLimits {
    fn default() -> Self {
        let minute = Duration::from_secs(60);
        Self {
            login: crate::LoginLimits::default(),
            register: ActionLimit::new(5, 12 * minute, 3, 20 * minute),
            email_links: ActionLimit::new(10, 6 * minute, 3, 20 * minute),
            comment: ActionLimit::new(10, Duration::from_secs(6), 5, Duration::from_secs(10)),
            chat: ActionLimit::new(20, Duration::from_millis(500), 5, Duration::from_secs(2)),
        }
    }
}

impl ReaderLimits {
    /// Tight limits for tests: `n` attempts, then a refusal that lasts `every`.
    pub fn tight(n: u32, every: Duration) -> Self {
        let limit = ActionLimit::new(n, every, n, every);
        Self {
            login: crate::LoginLimits::new(n.max(1), n.max(1)).with_window(every, Duration::ZERO),
            register: limit.clone(),
            email_links: limit.clone(),
            chat: limit.clone(),
            comment: limit,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_over_its_burst_is_told_when_to_come_back() {
        let limit = ActionLimit::new(2, Duration::from_secs(60), 100, Duration::from_secs(1));
        let ip = Some(IpAddr::from([192, 0, 2, 1]));
        assert!(limit.check(ip, None).is_ok());
        assert!(limit.check(ip, None).is_ok());
        let wait = limit.check(ip, None).unwrap_err();
        assert!(wait > Duration::from_secs(30) && wait <= Duration::from_secs(60));
        // Another client is not affected.
        assert!(
            limit
                .check(Some(IpAddr::from([192, 0, 2, 2])), None)
                .is_ok()
        );
    }

    #[test]
    fn an_account_is_limited_across_clients() {
        let limit = ActionLimit::new(100, Duration::from_secs(1), 1, Duration::from_secs(60));
        assert!(
            limit
                .check(Some(IpAddr::from([192, 0, 2, 1])), Some("a@example.com"))
                .is_ok()
        );
        assert!(
            limit
                .check(Some(IpAddr::from([192, 0, 2, 2])), Some("a@example.com"))
                .is_err()
        );
        assert!(
            limit
                .check(Some(IpAddr::from([192, 0, 2, 2])), Some("b@example.com"))
                .is_ok()
        );
    }
}
