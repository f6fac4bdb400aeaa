//! Autosaves of the article editor (see `newsdesk_store::Autosave`): stored per staff
//! account, never applied to the article. Whoever may edit an article may autosave it;
//! anyone may read and discard their own.

use newsdesk_store::{Autosave, AutosaveFields, AutosaveSlot, AutosaveWrite};

use crate::actor::Actor;
use crate::policy::{Action, Resource, can};
use crate::{App, Error};

/// Stores `fields` as the actor's autosave in `slot`, made from article version
/// `base_version` (ignored for a new article).
pub async fn put(
    state: &App,
    actor: &Actor,
    slot: &AutosaveSlot,
    base_version: Option<i64>,
    fields: &AutosaveFields,
) -> Result<AutosaveWrite, Error> {
    let account = person(actor)?;
    match slot {
        AutosaveSlot::Article(id) => {
            let current = state.store().get_article(*id).await?;
            can(actor, Action::EditArticle, Resource::article(&current))?;
        }
        AutosaveSlot::New(_) => can(actor, Action::CreateArticle, Resource::None)?,
    }
    if let Some(o) = fields.oversized() {
        return Err(Error::PayloadTooLarge(format!(
            "not autosaved: {} is {} characters, and an article holds at most {}",
            o.field, o.chars, o.limit
        )));
    }
    Ok(state
        .store()
        .put_autosave(account, slot, base_version, fields)
        .await?)
}

/// The actor's autosave in `slot`, if any.
pub async fn get(
    state: &App,
    actor: &Actor,
    slot: &AutosaveSlot,
) -> Result<Option<Autosave>, Error> {
    can(actor, Action::ViewNewsroom, Resource::None)?;
    let Some(account) = actor.account_id else {
        return Ok(None);
    };
    Ok(state.store().autosave(account, slot).await?)
}

/// Deletes the actor's autosave in `slot` (nothing to do when there is none).
pub async fn discard(state: &App, actor: &Actor, slot: &AutosaveSlot) -> Result<(), Error> {
    can(actor, Action::ViewNewsroom, Resource::None)?;
    let account = person(actor)?;
    state.store().delete_autosave(account, slot).await?;
    Ok(())
}

/// After a save by a person: their autosave of what they just saved is spent. A token's
/// save (a desk script acting for its account) leaves the person's autosave alone. A
/// failure here costs nothing but a notice the editor can discard, so it is logged, not
/// reported.
pub(crate) async fn spent(state: &App, actor: &Actor, slot: &AutosaveSlot) {
    let (Some(account), None) = (actor.account_id, actor.token_id) else {
        return;
    };
    if let Err(err) = state.store().delete_autosave(account, slot).await {
        tracing::warn!(%err, ?slot, account, "could not delete the autosave after a save");
    }
}

/// Autosaves belong to a staff account: an Admin API token made by the CLI has none.
fn person(actor: &Actor) -> Result<i64, Error> {
    actor
        .account_id
        .ok_or_else(|| Error::Forbidden("autosaves belong to a staff account".to_owned()))
}
