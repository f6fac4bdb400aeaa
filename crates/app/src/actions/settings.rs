//! Site settings (admin): the editions the site publishes in.

use crate::{App, Error};
use newsdesk_core::Edition;
use serde_json::json;

use crate::actions::{announce_since, audit, outbox_position};
use crate::actor::Actor;
use crate::policy::{Action, Resource, can};

pub async fn list_editions(state: &App, actor: &Actor) -> Result<Vec<Edition>, Error> {
    can(actor, Action::ManageSettings, Resource::None)?;
    Ok(state.store().list_editions().await?)
}

/// Adds an edition or changes one (by code). Making one the default unsets the others.
pub async fn save_edition(state: &App, actor: &Actor, edition: &Edition) -> Result<(), Error> {
    can(actor, Action::ManageSettings, Resource::None)?;
    edition.validate()?;
    let seq = outbox_position(state).await?;
    state.store().upsert_edition(edition).await?;
    announce_since(state, seq).await;
    let details = json!({ "name": edition.name, "time_zone": edition.time_zone, "default": edition.is_default });
    audit::record(
        state,
        actor,
        "edition.save",
        &format!("edition:{}", edition.code),
        details,
    )
    .await;
    Ok(())
}
