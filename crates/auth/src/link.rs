//! One-time "set your password" links, for invitations and resets.
//!
//! No extra table: the account's stored password hash is replaced by
//! `invite:{expiry}:{sha256(secret)}`. That value is not a PHC string, so the login form
//! can never accept it; setting a password replaces it, which makes the link single-use.

use chrono::{Duration, Utc};

use crate::token::{constant_time_eq, hash_secret, random_token};

const PREFIX: &str = "invite:";
/// Long enough to reach someone over a weekend.
pub const LINK_TTL: Duration = Duration::days(7);

/// A new link for `account_id`: the path to show the admin once, and the value to store
/// as the account's password hash.
pub fn new_link(account_id: i64) -> (String, String) {
    let secret = random_token(32);
    let expires = (Utc::now() + LINK_TTL).timestamp();
    let stored = format!("{PREFIX}{expires}:{}", hash_secret(&secret));
    (format!("/admin/password/{account_id}.{secret}"), stored)
}

/// Splits a link token `{account_id}.{secret}`.
pub fn parse(token: &str) -> Option<(i64, &str)> {
    let (id, secret) = token.split_once('.')?;
    Some((id.parse().ok()?, secret))
}

/// Whether `secret` opens the stored value `stored` (a current, matching link).
pub fn opens(stored: &str, secret: &str) -> bool {
    let Some((expires, digest)) = stored
        .strip_prefix(PREFIX)
        .and_then(|rest| rest.split_once(':'))
    else {
        return false;
    };
    let current = expires
        .parse::<i64>()
        .is_ok_and(|e| e > Utc::now().timestamp());
    current && constant_time_eq(digest, &hash_secret(secret))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_opens_its_own_stored_value_only() {
        let (path, stored) = new_link(7);
        let token = path.trim_start_matches("/admin/password/");
        let (id, secret) = parse(token).unwrap();
        assert_eq!(id, 7);
        assert!(opens(&stored, secret));
        assert!(!opens(&stored, "other"));
        assert!(!opens("$argon2id$v=19$...", secret));
        assert!(!opens("invite:0:abc", secret), "expired");
    }
}
