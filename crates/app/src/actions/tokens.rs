//! Admin API tokens (admin): created with a role, shown once, stored hashed, revocable.

use crate::{App, Error};
use newsdesk_core::{Role, ValidationError};
use newsdesk_store::{ApiToken, Store};
use serde::Serialize;
use serde_json::json;

use crate::actions::audit;
use crate::actor::Actor;
use crate::policy::{Action, Resource, can};
use newsdesk_auth::token::{hash_secret, new_api_token};

/// A token just created: `secret` is shown once and never stored.
#[derive(Debug, Clone, Serialize)]
pub struct CreatedToken {
    pub token: ApiToken,
    pub secret: String,
}

pub async fn list(state: &App, actor: &Actor) -> Result<Vec<ApiToken>, Error> {
    can(actor, Action::ManageTokens, Resource::None)?;
    Ok(state.store().list_api_tokens().await?)
}

pub async fn create(
    state: &App,
    actor: &Actor,
    name: &str,
    role: Role,
) -> Result<CreatedToken, Error> {
    can(actor, Action::ManageTokens, Resource::None)?;
    let created = issue(state.store(), name, role, actor.account_id).await?;
    audit::record(
        state,
        actor,
        "token.create",
        &format!("token:{}", created.token.id),
        json!({ "name": created.token.name, "role": role }),
    )
    .await;
    Ok(created)
}

pub async fn revoke(state: &App, actor: &Actor, id: i64) -> Result<(), Error> {
    can(actor, Action::ManageTokens, Resource::None)?;
    state.store().revoke_api_token(id).await?;
    audit::record(
        state,
        actor,
        "token.revoke",
        &format!("token:{id}"),
        json!({}),
    )
    .await;
    Ok(())
}

/// For `newsdesk token create --for EMAIL`: a token that belongs to that staff account, so
/// it acts with the account's ownership (articles it creates are the account's, and "own
/// article" rules apply) and never with more than the account's role: with `role` given,
/// the lower of the two, else the account's. [`crate::actor::token_role`] applies the same
/// cap again on every request, so a later demotion or disabling reaches the token too.
/// A reader, a disabled or an unknown account is refused, naming the address.
pub async fn issue_for(
    store: &Store,
    name: &str,
    role: Option<Role>,
    email: &str,
) -> Result<CreatedToken, Error> {
    let account = match store.account_by_email(email).await {
        Ok((account, _)) => account,
        Err(newsdesk_store::StoreError::NotFound) => {
            return Err(Error::Invalid(ValidationError::single(
                "for",
                format!("no staff account has the address {}", email.trim()),
            )));
        }
        Err(err) => return Err(err.into()),
    };
    if account.disabled {
        return Err(Error::Invalid(ValidationError::single(
            "for",
            format!(
                "the account {} is disabled; enable it before making it a token",
                account.email
            ),
        )));
    }
    if !account.role.is_staff() {
        return Err(Error::Invalid(ValidationError::single(
            "for",
            format!(
                "{} is a reader's account, not staff; tokens act for staff only",
                account.email
            ),
        )));
    }
    let role = role.map_or(account.role, |r| r.min(account.role));
    issue(store, name, role, Some(account.id)).await
}

/// For `newsdesk token create` and the page above: validates, stores the hash.
pub async fn issue(
    store: &Store,
    name: &str,
    role: Role,
    created_by: Option<i64>,
) -> Result<CreatedToken, Error> {
    let name = name.trim();
    let mut v = newsdesk_core::error::Validator::new();
    v.text(name, "name", 100);
    v.check(
        role.is_staff(),
        "role",
        "must be moderator, contributor, author, editor or admin",
    );
    v.finish().map_err(|e: ValidationError| Error::Invalid(e))?;
    let secret = new_api_token();
    let token = store
        .create_api_token(name, role, &hash_secret(&secret), created_by)
        .await?;
    Ok(CreatedToken { token, secret })
}
