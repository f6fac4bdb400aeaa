//! The audit log: who published, unpublished, deleted, changed roles or tokens, and when.

use crate::{App, Error};
use newsdesk_store::AuditEntry;
use serde_json::{Value, json};

use crate::actor::Actor;
use crate::policy::{Action, Resource, can};

/// Appends an entry. The change it describes has already committed, so a failure here is
/// logged loudly rather than turned into an error page that would suggest nothing happened.
pub async fn record(state: &App, actor: &Actor, action: &str, target: &str, details: Value) {
    let details = self::details(actor, details);
    if let Err(err) = state
        .store()
        .audit(actor.account_id, action, target, &details)
        .await
    {
        tracing::error!(%err, action, target, "audit entry could not be written");
    }
}

/// `details` with who did it: the actor's name, API token and client address.
pub(crate) fn details(actor: &Actor, details: Value) -> Value {
    let mut details = details;
    if let Some(obj) = details.as_object_mut() {
        obj.insert("actor_name".to_owned(), json!(actor.name));
        if let Some(token) = actor.token_id {
            obj.insert("api_token".to_owned(), json!(token));
        }
        if let Some(client) = actor.client {
            obj.insert("client".to_owned(), json!(client.to_string()));
        }
    }
    details
}

/// Newest first.
pub async fn list(
    state: &App,
    actor: &Actor,
    limit: i64,
    offset: i64,
) -> Result<Vec<AuditEntry>, Error> {
    can(actor, Action::ViewAudit, Resource::None)?;
    Ok(state
        .store()
        .list_audit(limit.clamp(1, 500), offset.max(0))
        .await?)
}
