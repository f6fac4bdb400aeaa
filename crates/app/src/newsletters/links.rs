//! Signed links: confirming a sign-up and unsubscribing. Each is an HMAC-SHA256 over what
//! it acts on, with a key made once per site (`site_secrets`), so a link cannot be forged
//! or moved to another address, and needs no row of its own. An unsubscribe link never
//! expires (it sits in every message ever sent); a confirmation link does.

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use newsdesk_store::Store;

use crate::Error;

/// How long a confirmation link works.
pub const CONFIRM_FOR: chrono::Duration = chrono::Duration::days(7);

const SECRET: &str = "newsletter-links";

async fn key(store: &Store) -> Result<Vec<u8>, Error> {
    let hex_key = store.site_secret(SECRET).await?;
    hex::decode(hex_key).map_err(Error::internal)
}

/// The links' key, read once (a sender signs one link per message).
pub struct Key(Vec<u8>);

impl Key {
    pub async fn load(store: &Store) -> Result<Self, Error> {
        Ok(Key(key(store).await?))
    }

    /// [`unsubscribe_token`] with this key.
    pub fn unsubscribe_token(&self, id: i64, email: &str) -> Result<String, Error> {
        sign(&self.0, &["unsubscribe", &id.to_string(), email])
    }
}

fn sign(key: &[u8], parts: &[&str]) -> Result<String, Error> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).map_err(Error::internal)?;
    for part in parts {
        // Lengths first: ("ab", "c") and ("a", "bc") must not sign alike.
        mac.update(&(part.len() as u64).to_be_bytes());
        mac.update(part.as_bytes());
    }
    Ok(hex::encode(&mac.finalize().into_bytes()[..16]))
}

fn same(a: &str, b: &str) -> bool {
    // Compared in constant time: a timing difference would let a guesser find it byte by byte.
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0_u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The `?s=…&e=…&t=…` of a confirmation link for subscriber `id` at `email`.
pub async fn confirm_query(store: &Store, id: i64, email: &str) -> Result<String, Error> {
    let expires = (Utc::now() + CONFIRM_FOR).timestamp();
    let token = sign(
        &key(store).await?,
        &["confirm", &id.to_string(), email, &expires.to_string()],
    )?;
    Ok(format!("s={id}&e={expires}&t={token}"))
}

/// Checks a confirmation link; false when forged, for another address, or expired.
pub async fn confirm_valid(
    store: &Store,
    id: i64,
    email: &str,
    expires: i64,
    token: &str,
) -> Result<bool, Error> {
    let Some(until) = DateTime::<Utc>::from_timestamp(expires, 0) else {
        return Ok(false);
    };
    if until < Utc::now() {
        return Ok(false);
    }
    let want = sign(
        &key(store).await?,
        &["confirm", &id.to_string(), email, &expires.to_string()],
    )?;
    Ok(same(&want, token))
}

/// The token of subscriber `id`'s unsubscribe link (and `mailto:` address).
pub async fn unsubscribe_token(store: &Store, id: i64, email: &str) -> Result<String, Error> {
    Key::load(store).await?.unsubscribe_token(id, email)
}

/// Checks an unsubscribe token.
pub async fn unsubscribe_valid(
    store: &Store,
    id: i64,
    email: &str,
    token: &str,
) -> Result<bool, Error> {
    Ok(same(&unsubscribe_token(store, id, email).await?, token))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_covers_every_part_and_their_boundaries() {
        let k = b"0123456789abcdef0123456789abcdef";
        let a = sign(k, &["unsubscribe", "1", "a@example.com"]).unwrap();
        assert_eq!(a.len(), 32);
        assert_eq!(a, sign(k, &["unsubscribe", "1", "a@example.com"]).unwrap());
        assert_ne!(a, sign(k, &["unsubscribe", "2", "a@example.com"]).unwrap());
        assert_ne!(a, sign(k, &["unsubscribe", "1", "b@example.com"]).unwrap());
        assert_ne!(a, sign(k, &["unsubscribe", "1a", "@example.com"]).unwrap());
        assert_ne!(
            a,
            sign(
                b"another key another key another!",
                &["unsubscribe", "1", "a@example.com"]
            )
            .unwrap()
        );
        assert!(same(&a, &a.clone()));
        assert!(!same(&a, &a[1..]));
    }
}
