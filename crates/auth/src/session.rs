//! Sessions: a random token in a cookie, its SHA-256 in the store, twelve hours of
//! inactivity before it expires (renewed while in use). Staff and reader sessions are
//! distinct kinds: each lives in its own cookie and is looked up by kind, so a reader's
//! session can never open the newsroom and a staff member is not a reader unless they
//! register as one.

use chrono::{DateTime, Duration, Utc};
use newsdesk_core::Account;
use newsdesk_store::{Session, Store, StoreError};

use crate::Error;
use crate::token::{hash_secret, random_token};

/// A session lives this long after its last renewal.
pub const SESSION_TTL: Duration = Duration::hours(12);
/// Sliding renewal: a session used when less than this is left gets a fresh `SESSION_TTL`.
/// Renewing only past half-life keeps most requests free of a database write.
pub const RENEW_BELOW: Duration = Duration::hours(6);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SessionKind {
    Staff,
    Reader,
}

impl SessionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::Staff => "staff",
            SessionKind::Reader => "reader",
        }
    }
}

/// A new session: the cookie token (never stored) and the CSRF token.
#[derive(Debug, Clone)]
pub struct Started {
    pub token: String,
    pub csrf: String,
}

/// A live session as found by [`lookup`].
#[derive(Debug, Clone)]
pub struct Found {
    pub kind: SessionKind,
    pub account: Account,
    pub csrf: String,
    pub token_hash: String,
    /// The expiry moved forward on this request: send the cookie again.
    pub renewed: bool,
}

pub async fn start(store: &Store, kind: SessionKind, account: &Account) -> Result<Started, Error> {
    let token = random_token(32);
    let csrf = random_token(32);
    let expires = Utc::now() + SESSION_TTL;
    store
        .create_session(
            kind.as_str(),
            &hash_secret(&token),
            account.id,
            &csrf,
            expires,
        )
        .await?;
    Ok(Started { token, csrf })
}

/// Ends the session behind `token_hash`. Unknown ones are fine: the result is the same.
pub async fn end(store: &Store, token_hash: &str) -> Result<(), Error> {
    match store.delete_session(token_hash).await {
        Ok(()) | Err(StoreError::NotFound) => Ok(()),
        Err(err) => Err(err.into()),
    }
}

/// The live session of `kind` for a cookie token (renewed when past half-life), or None
/// when it is expired, logged out, of the other kind, or its account is disabled.
pub async fn lookup(store: &Store, kind: SessionKind, token: &str) -> Result<Option<Found>, Error> {
    let token_hash = hash_secret(token);
    let (session, account) = match store.session(kind.as_str(), &token_hash).await {
        Ok(found) => found,
        Err(StoreError::NotFound) => return Ok(None),
        Err(err) => return Err(err.into()),
    };
    // The store already refuses disabled accounts and expired rows; checked again here
    // because a stale session must never act.
    let now = Utc::now();
    if account.disabled || session.expires_at <= now {
        return Ok(None);
    }
    let mut renewed = false;
    if session.expires_at - now < RENEW_BELOW {
        renew(store, kind, &token_hash, &session, now).await?;
        renewed = true;
    }
    Ok(Some(Found {
        kind,
        account,
        csrf: session.csrf_token,
        token_hash,
        renewed,
    }))
}

async fn renew(
    store: &Store,
    kind: SessionKind,
    token_hash: &str,
    session: &Session,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    // Same token and CSRF token, later expiry: open pages keep working.
    store.delete_session(token_hash).await?;
    store
        .create_session(
            kind.as_str(),
            token_hash,
            session.account_id,
            &session.csrf_token,
            now + SESSION_TTL,
        )
        .await?;
    Ok(())
}
