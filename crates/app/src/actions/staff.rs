//! Staff accounts (admin): invite, change roles, disable, new password links.

use crate::{App, Error};
use newsdesk_core::account::{normalize_email, validate_password};
use newsdesk_core::{Account, Role, ValidationError};
use newsdesk_store::Store;
use serde::Serialize;
use serde_json::json;

use crate::actions::audit;
use crate::actor::Actor;
use crate::policy::{Action, Resource, can};
use newsdesk_auth::link;
use newsdesk_auth::password::hash_password;

/// An account plus its one-time set-password link (a path; shown to the admin once).
#[derive(Debug, Clone, Serialize)]
pub struct Invitation {
    pub account: Account,
    pub link: String,
}

pub async fn list(state: &App, actor: &Actor) -> Result<Vec<Account>, Error> {
    can(actor, Action::ManageStaff, Resource::None)?;
    Ok(state.store().list_accounts().await?)
}

fn staff_role(role: Role) -> Result<Role, Error> {
    if role.is_staff() {
        Ok(role)
    } else {
        Err(ValidationError::single("role", "must be contributor, author, editor or admin").into())
    }
}

/// Creates a staff account that cannot log in until its owner opens the link and
/// chooses a password.
pub async fn invite(
    state: &App,
    actor: &Actor,
    email: &str,
    name: &str,
    role: Role,
) -> Result<Invitation, Error> {
    can(actor, Action::ManageStaff, Resource::None)?;
    let email = normalize_email(email)?;
    let name = name.trim();
    let mut v = newsdesk_core::error::Validator::new();
    v.text(name, "name", 120);
    v.finish()?;
    let role = staff_role(role)?;
    // The account needs some hash before its id (part of the link) exists: an unusable one.
    let (_, placeholder) = link::new_link(0);
    let account = state
        .store()
        .create_account(&email, name, role, &placeholder)
        .await?;
    let (link, stored) = link::new_link(account.id);
    state.store().set_password_hash(account.id, &stored).await?;
    audit::record(
        state,
        actor,
        "account.invite",
        &target(account.id),
        json!({ "email": email, "role": role }),
    )
    .await;
    Ok(Invitation { account, link })
}

/// A fresh one-time link for an existing account; its current password stops working.
pub async fn reset_link(state: &App, actor: &Actor, id: i64) -> Result<Invitation, Error> {
    can(actor, Action::ManageStaff, Resource::None)?;
    let account = state.store().get_account(id).await?;
    let (link, stored) = link::new_link(account.id);
    state.store().set_password_hash(account.id, &stored).await?;
    audit::record(
        state,
        actor,
        "account.password_reset",
        &target(id),
        json!({ "email": account.email }),
    )
    .await;
    Ok(Invitation { account, link })
}

pub async fn set_role(state: &App, actor: &Actor, id: i64, role: Role) -> Result<Account, Error> {
    can(actor, Action::ManageStaff, Resource::None)?;
    if actor.account_id == Some(id) {
        return Err(Error::Forbidden(
            "you cannot change your own role; ask another admin".to_owned(),
        ));
    }
    let before = state.store().get_account(id).await?;
    let account = state.store().set_account_role(id, role).await?;
    audit::record(
        state,
        actor,
        "account.role",
        &target(id),
        json!({ "email": account.email, "from": before.role, "to": role }),
    )
    .await;
    Ok(account)
}

/// Disabling also ends every session of the account at once.
pub async fn set_disabled(
    state: &App,
    actor: &Actor,
    id: i64,
    disabled: bool,
) -> Result<Account, Error> {
    can(actor, Action::ManageStaff, Resource::None)?;
    if actor.account_id == Some(id) && disabled {
        return Err(Error::Forbidden(
            "you cannot disable your own account".to_owned(),
        ));
    }
    let account = state.store().set_account_disabled(id, disabled).await?;
    let action = if disabled {
        "account.disable"
    } else {
        "account.enable"
    };
    audit::record(
        state,
        actor,
        action,
        &target(id),
        json!({ "email": account.email }),
    )
    .await;
    Ok(account)
}

/// How the audit log names an account (staff changes, logins, lock-outs).
pub fn target(id: i64) -> String {
    format!("account:{id}")
}

/// For `newsdesk user add`: an account with a password, no actor (the operator runs it).
pub async fn create_with_password(
    store: &Store,
    email: &str,
    name: &str,
    role: Role,
    password: &str,
) -> Result<Account, Error> {
    let email = normalize_email(email)?;
    validate_password(password)?;
    let hash = hash_password(password).await?;
    Ok(store
        .create_account(&email, name.trim(), role, &hash)
        .await?)
}
