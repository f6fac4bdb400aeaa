//! Staff sessions: the `newsdesk-auth` session of kind [`SessionKind::Staff`] with the
//! [`Actor`] the newsroom acts as. A reader's session is never found here.

use newsdesk_auth::SessionKind;
use newsdesk_auth::session as auth_session;
pub use newsdesk_auth::session::{RENEW_BELOW, SESSION_TTL};
use newsdesk_auth::token::hash_secret;
use newsdesk_core::Account;
use newsdesk_site::{AppState, HttpError};

use crate::actor::Actor;

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

/// A new staff session for `account`: returns the cookie token (never stored) and the
/// CSRF token.
pub async fn start(state: &AppState, account: &Account) -> Result<(String, String), HttpError> {
    let started = auth_session::start(state.store(), SessionKind::Staff, account).await?;
    Ok((started.token, started.csrf))
}

/// Ends the session behind `token` (logout). Unknown tokens are fine: the result is the same.
pub async fn end(state: &AppState, token: &str) -> Result<(), HttpError> {
    Ok(auth_session::end(state.store(), &hash_secret(token)).await?)
}

/// What looking up a session cookie found.
pub enum Lookup {
    Valid {
        session: Box<CurrentSession>,
        renewed: bool,
    },
    /// Expired, logged out, or the account was disabled: the cookie should be cleared.
    Gone,
}

/// Finds the staff session for a cookie token and renews it when past half-life.
pub async fn lookup(state: &AppState, token: &str) -> Result<Lookup, HttpError> {
    Ok(
        match auth_session::lookup(state.store(), SessionKind::Staff, token).await? {
            Some(found) => Lookup::Valid {
                session: Box::new(CurrentSession {
                    actor: Actor::from_account(&found.account),
                    account: found.account,
                    csrf: found.csrf,
                    token_hash: found.token_hash,
                }),
                renewed: found.renewed,
            },
            None => Lookup::Gone,
        },
    )
}

impl CurrentSession {
    /// Ends this session (logout).
    pub async fn end(&self, state: &AppState) -> Result<(), HttpError> {
        Ok(auth_session::end(state.store(), &self.token_hash).await?)
    }
}
