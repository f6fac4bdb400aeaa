//! Login rate limits: one bucket per client IP and one per account email, so neither a
//! single machine guessing many accounts nor many machines guessing one account get far.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Which limit was hit, for a message that tells the person what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    Ip,
    Account,
}

impl Exceeded {
    pub fn message(self) -> &'static str {
        match self {
            Exceeded::Ip => {
                "Too many login attempts from your network. Wait a minute and try again."
            }
            Exceeded::Account => {
                "Too many login attempts for this account. Wait a minute and try again, or ask an admin for a new password link."
            }
        }
    }
}

/// Shared by all login requests of one instance (installed as an axum `Extension`).
#[derive(Clone)]
pub struct LoginLimits {
    per_ip: Arc<DefaultKeyedRateLimiter<Option<IpAddr>>>,
    per_account: Arc<DefaultKeyedRateLimiter<String>>,
}

impl std::fmt::Debug for LoginLimits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginLimits").finish_non_exhaustive()
    }
}

/// Forgotten-password typing is a handful of tries; a script is hundreds.
const PER_IP_PER_MINUTE: u32 = 30;
const PER_ACCOUNT_PER_MINUTE: u32 = 5;
/// Keyed limiters keep one entry per key seen; past this many, drop the idle ones.
const PRUNE_ABOVE: usize = 10_000;

impl Default for LoginLimits {
    fn default() -> Self {
        Self::new(PER_IP_PER_MINUTE, PER_ACCOUNT_PER_MINUTE)
    }
}

impl LoginLimits {
    /// Bursts of `per_ip` and `per_account` attempts, refilled over a minute.
    pub fn new(per_ip: u32, per_account: u32) -> Self {
        let quota =
            |n: u32| Quota::per_minute(NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN));
        LoginLimits {
            per_ip: Arc::new(RateLimiter::keyed(quota(per_ip))),
            per_account: Arc::new(RateLimiter::keyed(quota(per_account))),
        }
    }

    /// Takes one attempt from both buckets; `email` is the normalised address typed.
    pub fn check(&self, ip: Option<IpAddr>, email: &str) -> Result<(), Exceeded> {
        if self.per_ip.len() > PRUNE_ABOVE {
            self.per_ip.retain_recent();
        }
        if self.per_account.len() > PRUNE_ABOVE {
            self.per_account.retain_recent();
        }
        self.per_ip.check_key(&ip).map_err(|_| Exceeded::Ip)?;
        self.per_account
            .check_key(&email.to_owned())
            .map_err(|_| Exceeded::Account)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bucket_refuses_past_its_burst() {
        let limits = LoginLimits::new(3, 2);
        let ip: Option<IpAddr> = "10.0.0.1".parse().ok();
        assert!(limits.check(ip, "a@example.com").is_ok());
        assert!(limits.check(ip, "a@example.com").is_ok());
        assert_eq!(limits.check(ip, "a@example.com"), Err(Exceeded::Account));
        // Third attempt from the IP went through the IP bucket; the fourth is refused there.
        assert_eq!(limits.check(ip, "b@example.com"), Err(Exceeded::Ip));
        let other: Option<IpAddr> = "10.0.0.2".parse().ok();
        assert!(limits.check(other, "b@example.com").is_ok());
    }
}
