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

/// The token behind an Admin API secret and the role it acts with now, or `None` for an
/// unknown, malformed or revoked one. A token never outlives its creator's rights: it acts
/// with the lesser of its own role and its account's role *now*, and dies with the account
/// (disabled or deleted). Tokens made by the CLI have no account and keep their own role.
/// The Admin API and the chats' staff writers both go through this one rule.
pub async fn token_role(
    store: &newsdesk_store::Store,
    secret: &str,
) -> Result<Option<(newsdesk_store::ApiToken, Role)>, newsdesk_store::StoreError> {
    if !secret.starts_with(newsdesk_auth::token::API_TOKEN_PREFIX) || secret.len() > 200 {
        return Ok(None);
    }
    let (t, creator) = match store
        .api_token_with_creator(&newsdesk_auth::token::hash_secret(secret))
        .await
    {
        Ok(found) => found,
        Err(newsdesk_store::StoreError::NotFound) => return Ok(None),
        Err(err) => return Err(err),
    };
    if t.revoked {
        return Ok(None);
    }
    let role = match (t.created_by, creator) {
        (None, _) => t.role,
        (Some(_), Some((role, false))) => t.role.min(role),
        // Disabled, or the account row is gone.
        (Some(_), _) => return Ok(None),
    };
    Ok(Some((t, role)))
}
