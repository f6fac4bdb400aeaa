//! Staff sessions: a random token in the `nd_session` cookie, its SHA-256 in the store,
//! twelve hours of inactivity before it expires (renewed while in use).

use chrono::{Duration, Utc};
use newsdesk_core::Account;
use newsdesk_store::StoreError;
use newsdesk_web::{AppError, AppState};

use crate::actor::Actor;
use crate::auth::token::{hash_secret, random_token};

/// A session lives this long after its last renewal.
pub const SESSION_TTL: Duration = Duration::hours(12);
/// Sliding renewal: a session used when less than this is left gets a fresh `SESSION_TTL`.
/// Renewing only past half-life keeps most requests free of a database write.
pub const RENEW_BELOW: Duration = Duration::hours(6);

/// The logged-in person of this request, put in the request extensions by
/// [`crate::auth::middleware`]; read it through the [`crate::auth::Staff`] extractor.
#[derive(Debug, Clone)]
pub struct CurrentSession {
    pub actor: Actor,
    pub account: Account,
    /// Every unsafe request of this session must carry it (form field `csrf` or header
    /// `X-CSRF-Token`).
    pub csrf: String,
    pub(crate) token_hash: String,
}

/// A new session for `account`: returns the cookie token (never stored) and the CSRF token.
pub async fn start(state: &AppState, account: &Account) -> Result<(String, String), AppError> {
    let token = random_token(32);
    let csrf = random_token(32);
    let expires = Utc::now() + SESSION_TTL;
    state
        .store()
        .create_session(&hash_secret(&token), account.id, &csrf, expires)
        .await?;
    Ok((token, csrf))
}

/// Ends the session behind `token` (logout). Unknown tokens are fine: the result is the same.
pub async fn end(state: &AppState, token: &str) -> Result<(), AppError> {
    match state.store().delete_session(&hash_secret(token)).await {
        Ok(()) | Err(StoreError::NotFound) => Ok(()),
        Err(err) => Err(err.into()),
    }
}

/// What looking up a session cookie found.
pub enum Lookup {
    Valid {
        session: CurrentSession,
        renewed: bool,
    },
    /// Expired, logged out, or the account was disabled: the cookie should be cleared.
    Gone,
}

/// Finds the session for a cookie token and renews it when past half-life.
pub async fn lookup(state: &AppState, token: &str) -> Result<Lookup, AppError> {
    let token_hash = hash_secret(token);
    let (session, account) = match state.store().session(&token_hash).await {
        Ok(found) => found,
        Err(StoreError::NotFound) => return Ok(Lookup::Gone),
        Err(err) => return Err(err.into()),
    };
    // The store already refuses disabled accounts and expired rows; checked again here
    // because a stale session must never act.
    let now = Utc::now();
    if account.disabled || session.expires_at <= now {
        return Ok(Lookup::Gone);
    }
    let mut renewed = false;
    if session.expires_at - now < RENEW_BELOW {
        renew(state, &token_hash, &session, now).await?;
        renewed = true;
    }
    Ok(Lookup::Valid {
        session: CurrentSession {
            actor: Actor::from_account(&account),
            account,
            csrf: session.csrf_token,
            token_hash,
        },
        renewed,
    })
}

async fn renew(
    state: &AppState,
    token_hash: &str,
    session: &newsdesk_store::Session,
    now: chrono::DateTime<Utc>,
) -> Result<(), AppError> {
    let store = state.store();
    // Same token and CSRF token, later expiry: open pages keep working.
    store.delete_session(token_hash).await?;
    store
        .create_session(
            token_hash,
            session.account_id,
            &session.csrf_token,
            now + SESSION_TTL,
        )
        .await?;
    Ok(())
}

impl CurrentSession {
    /// Ends this session (logout).
    pub async fn end(&self, state: &AppState) -> Result<(), AppError> {
        match state.store().delete_session(&self.token_hash).await {
            Ok(()) | Err(StoreError::NotFound) => Ok(()),
            Err(err) => Err(err.into()),
        }
    }
}
