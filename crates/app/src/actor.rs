//! Who is acting: a logged-in staff member or an Admin API token.

use newsdesk_core::{Account, Role};
use serde::Serialize;

/// The person (or token) behind a request, as the actions and the policy see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// The staff account; for an API token, the account that created it (articles the token
    /// creates belong to that account, so an author-role token can publish them).
    pub account_id: Option<i64>,
    pub role: Role,
    /// Shown in the header of every admin page and in log lines.
    pub name: String,
    /// Set when the request came with an Admin API token; recorded in audit details.
    pub token_id: Option<i64>,
    /// The client address of the request (behind trusted proxies, the one they name);
    /// recorded in audit details. `None` for the CLI and background work.
    pub client: Option<std::net::IpAddr>,
}

impl Actor {
    /// The same actor, acting from `client`.
    pub fn acting_from(mut self, client: Option<std::net::IpAddr>) -> Self {
        self.client = client;
        self
    }

    pub fn from_account(account: &Account) -> Self {
        Actor {
            account_id: Some(account.id),
            role: account.role,
            name: account.name.clone(),
            token_id: None,
            client: None,
        }
    }

    /// The scheduler and other background work: not a person, but allowed to publish what
    /// staff scheduled earlier.
    pub fn system() -> Self {
        Actor {
            account_id: None,
            role: Role::Admin,
            name: "scheduler".to_owned(),
            token_id: None,
            client: None,
        }
    }
}
