//! Entities (name, aliases) and their legal note per edition (editor and above). Articles
//! that mention an entity get the asterisk and the note when rendered, previews included.

use crate::{App, Error};
use newsdesk_core::Entity;
use newsdesk_store::NewEntity;

use crate::actions::{announce_since, outbox_position};
use crate::actor::Actor;
use crate::policy::{Action, Resource, can};

pub async fn list(state: &App, actor: &Actor) -> Result<Vec<Entity>, Error> {
    can(actor, Action::ManageEntities, Resource::None)?;
    Ok(state.store().list_entities().await?)
}

pub async fn get(state: &App, actor: &Actor, id: i64) -> Result<Entity, Error> {
    can(actor, Action::ManageEntities, Resource::None)?;
    Ok(state.store().get_entity(id).await?)
}

pub async fn create(state: &App, actor: &Actor, new: &NewEntity) -> Result<Entity, Error> {
    can(actor, Action::ManageEntities, Resource::None)?;
    let probe = Entity {
        id: 0,
        name: new.name.clone(),
        aliases: new.aliases.clone(),
        notes: new.notes.clone(),
    };
    probe.validate()?;
    let seq = outbox_position(state).await?;
    let entity = state.store().create_entity(new).await?;
    announce_since(state, seq).await;
    Ok(entity)
}

pub async fn update(state: &App, actor: &Actor, entity: &Entity) -> Result<Entity, Error> {
    can(actor, Action::ManageEntities, Resource::None)?;
    entity.validate()?;
    let seq = outbox_position(state).await?;
    let entity = state.store().update_entity(entity).await?;
    announce_since(state, seq).await;
    Ok(entity)
}

pub async fn delete(state: &App, actor: &Actor, id: i64) -> Result<(), Error> {
    can(actor, Action::ManageEntities, Resource::None)?;
    let seq = outbox_position(state).await?;
    state.store().delete_entity(id).await?;
    announce_since(state, seq).await;
    Ok(())
}
