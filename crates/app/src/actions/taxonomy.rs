//! Sections and tags of an edition (editor and above).

use crate::{App, Error};
use newsdesk_core::{Section, Tag};
use newsdesk_store::{NewSection, NewTag};

use crate::actions::{announce_since, outbox_position};
use crate::actor::Actor;
use crate::policy::{Action, Resource, can};

pub async fn list_sections(
    state: &App,
    actor: &Actor,
    edition: &str,
) -> Result<Vec<Section>, Error> {
    can(actor, Action::ViewNewsroom, Resource::None)?;
    Ok(state.store().list_sections(edition).await?)
}

pub async fn get_section(state: &App, actor: &Actor, id: i64) -> Result<Section, Error> {
    can(actor, Action::ManageTaxonomy, Resource::None)?;
    Ok(state.store().get_section(id).await?)
}

pub async fn create_section(
    state: &App,
    actor: &Actor,
    new: &NewSection,
) -> Result<Section, Error> {
    can(actor, Action::ManageTaxonomy, Resource::None)?;
    newsdesk_core::taxonomy::validate_named(&new.name, &new.slug)?;
    let seq = outbox_position(state).await?;
    let section = state.store().create_section(new).await?;
    announce_since(state, seq).await;
    Ok(section)
}

pub async fn update_section(
    state: &App,
    actor: &Actor,
    section: &Section,
) -> Result<Section, Error> {
    can(actor, Action::ManageTaxonomy, Resource::None)?;
    section.validate()?;
    let seq = outbox_position(state).await?;
    let section = state.store().update_section(section).await?;
    announce_since(state, seq).await;
    Ok(section)
}

/// Articles in the section keep existing, without a section.
pub async fn delete_section(state: &App, actor: &Actor, id: i64) -> Result<(), Error> {
    can(actor, Action::ManageTaxonomy, Resource::None)?;
    let seq = outbox_position(state).await?;
    state.store().delete_section(id).await?;
    announce_since(state, seq).await;
    Ok(())
}

pub async fn list_tags(state: &App, actor: &Actor, edition: &str) -> Result<Vec<Tag>, Error> {
    can(actor, Action::ViewNewsroom, Resource::None)?;
    Ok(state.store().list_tags(edition).await?)
}

pub async fn get_tag(state: &App, actor: &Actor, id: i64) -> Result<Tag, Error> {
    can(actor, Action::ManageTaxonomy, Resource::None)?;
    state
        .store()
        .get_tags(&[id])
        .await?
        .into_iter()
        .next()
        .ok_or(Error::NotFound)
}

pub async fn create_tag(state: &App, actor: &Actor, new: &NewTag) -> Result<Tag, Error> {
    can(actor, Action::ManageTaxonomy, Resource::None)?;
    newsdesk_core::taxonomy::validate_named(&new.name, &new.slug)?;
    let seq = outbox_position(state).await?;
    let tag = state.store().create_tag(new).await?;
    announce_since(state, seq).await;
    Ok(tag)
}

pub async fn update_tag(state: &App, actor: &Actor, tag: &Tag) -> Result<Tag, Error> {
    can(actor, Action::ManageTaxonomy, Resource::None)?;
    tag.validate()?;
    let seq = outbox_position(state).await?;
    let tag = state.store().update_tag(tag).await?;
    announce_since(state, seq).await;
    Ok(tag)
}

pub async fn delete_tag(state: &App, actor: &Actor, id: i64) -> Result<(), Error> {
    can(actor, Action::ManageTaxonomy, Resource::None)?;
    let seq = outbox_position(state).await?;
    state.store().delete_tag(id).await?;
    announce_since(state, seq).await;
    Ok(())
}
