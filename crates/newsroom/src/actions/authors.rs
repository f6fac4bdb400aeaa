//! Public author profiles that bylines link to (editor and above).

use newsdesk_core::Author;
use newsdesk_store::NewAuthor;
use newsdesk_web::{AppError, AppState};

use crate::actions::{announce_since, outbox_position};
use crate::actor::Actor;
use crate::policy::{Action, Resource, can};

/// Every staff member sees the list (bylines are picked from it).
pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<Author>, AppError> {
    can(actor, Action::ViewNewsroom, Resource::None)?;
    Ok(state.store().list_authors().await?)
}

pub async fn get(state: &AppState, actor: &Actor, id: i64) -> Result<Author, AppError> {
    can(actor, Action::ManageAuthors, Resource::None)?;
    Ok(state.store().get_author(id).await?)
}

pub async fn create(state: &AppState, actor: &Actor, new: &NewAuthor) -> Result<Author, AppError> {
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

pub async fn update(state: &AppState, actor: &Actor, author: &Author) -> Result<Author, AppError> {
    can(actor, Action::ManageAuthors, Resource::None)?;
    author.validate()?;
    let seq = outbox_position(state).await?;
    let author = state.store().update_author(author).await?;
    announce_since(state, seq).await;
    Ok(author)
}
