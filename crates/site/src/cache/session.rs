//! Who skips the page cache: only a request whose `nd_session` cookie names a live staff
//! session. Staff see pages rendered for them so that what they just changed, and (later)
//! their edit links, never come from or go into the shared copy.
//!
//! Any other cookie gets the shared page: a made-up `nd_session=x` must not turn every
//! request into a render. A reader's session (`nd_reader`) gets it too: the reading pages
//! render nothing per reader (the discussion block invites everyone to log in), so a
//! reader is served exactly what an anonymous visitor is. Anything per reader added later
//! (their name, a comment form with its CSRF token) belongs in a request of its own from
//! the browser, not in a cached page; the layer refuses to store a response that sets a
//! cookie or says it is private, should one try.
//!
//! Checking costs one indexed lookup, and none at all for a value that cannot be a token;
//! a token found to be no session is remembered for a minute, so a stale cookie sent with
//! every page view does not query the store each time.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use axum::http::HeaderMap;
use newsdesk_auth::SessionKind;
use newsdesk_auth::cookies::{SESSION_COOKIE, read};
use newsdesk_auth::token::hash_secret;
use newsdesk_store::StoreError;
use parking_lot::Mutex;

use crate::state::AppState;

/// Session tokens are 32 random bytes in URL-safe base64 (43 characters); anything far
/// from that shape is not worth a query.
const TOKEN_LEN: std::ops::RangeInclusive<usize> = 16..=128;
const REFUSED_FOR: Duration = Duration::from_secs(60);
const REFUSED_MAX: usize = 4096;

/// Hashes of cookie tokens recently found to be no live session.
#[derive(Debug, Default)]
pub struct RefusedTokens {
    map: Mutex<HashMap<String, Instant>>,
}

impl RefusedTokens {
    fn contains(&self, hash: &str) -> bool {
        let mut map = self.map.lock();
        match map.get(hash) {
            Some(at) if at.elapsed() < REFUSED_FOR => true,
            Some(_) => {
                map.remove(hash);
                false
            }
            None => false,
        }
    }

    fn insert(&self, hash: String) {
        let mut map = self.map.lock();
        if map.len() >= REFUSED_MAX {
            map.retain(|_, at| at.elapsed() < REFUSED_FOR);
            // Flooded with fresh made-up tokens: forgetting them costs only lookups.
            if map.len() >= REFUSED_MAX {
                map.clear();
            }
        }
        map.insert(hash, Instant::now());
    }
}

/// Whether this request is a staff member's, to be rendered for them and never cached.
pub async fn is_staff(state: &AppState, headers: &HeaderMap) -> bool {
    let Some(token) = read(headers, SESSION_COOKIE) else {
        return false;
    };
    if !TOKEN_LEN.contains(&token.len())
        || !token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return false;
    }
    let hash = hash_secret(&token);
    let refused = &state.cache().refused_sessions;
    if refused.contains(&hash) {
        return false;
    }
    match state
        .store()
        .session(SessionKind::Staff.as_str(), &hash)
        .await
    {
        Ok(_) => true,
        Err(StoreError::NotFound) => {
            refused.insert(hash);
            false
        }
        // The shared page is the anonymous page: serving it to staff while the store is
        // unreachable shows nothing it should not.
        Err(err) => {
            tracing::debug!(error = %err, "could not check a session for the page cache");
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_tokens_are_forgotten_when_too_many() {
        let refused = RefusedTokens::default();
        for i in 0..REFUSED_MAX + 10 {
            refused.insert(format!("{i:064}"));
        }
        assert!(refused.map.lock().len() <= REFUSED_MAX);
        assert!(refused.contains(&format!("{:064}", REFUSED_MAX + 9)));
    }
}
