//! Public author profiles that bylines link to (editor and above).

use crate::{App, Error};
use newsdesk_core::Author;
use newsdesk_store::NewAuthor;

use crate::actions::{announce_since, outbox_position};
use crate::actor::Actor;
use crate::policy::{Action, Resource, can};

/// Every staff member sees the list (bylines are picked from it).
pub async fn list(state: &App, actor: &Actor) -> Result<Vec<Author>, Error> {
    can(actor, Action::ViewNewsroom, Resource::None)?;
    Ok(state.store().list_authors().await?)
}

pub async fn get(state: &App, actor: &Actor, id: i64) -> Result<Author, Error> {
    can(actor, Action::ManageAuthors, Resource::None)?;
    Ok(state.store().get_author(id).await?)
}

pub async fn create(state: &App, actor: &Actor, new: &NewAuthor) -> Result<Author, Error> {
    can(actor, Action::ManageAuthors, Resource::None)?;
    let probe = Author {
        id: 0,
        slug: new.slug.clone(),
        name: new.name.clone(),
        bio: new.bio.clone(),
        photo_id: new.photo_id,
        account_id: new.account_id,
    };
    probe.validate()?;
    let seq = outbox_position(state).await?;
    let author = state.store().create_author(new).await?;
    announce_since(state, seq).await;
    Ok(author)
}

pub async fn update(state: &App, actor: &Actor, author: &Author) -> Result<Author, Error> {
    can(actor, Action::ManageAuthors, Resource::None)?;
    author.validate()?;
    let seq = outbox_position(state).await?;
    let author = state.store().update_author(author).await?;
    announce_since(state, seq).await;
    Ok(author)
}
