//! The newsfeed's short items and the chats' moderation: what staff do to the live parts.
//! Every decision goes to the audit log; chat changes go to every instance on the bus.

use chrono::{DateTime, Utc};
use newsdesk_core::{ChatRoom, NewsItem, NewsItemDraft, NewsItemStatus, Role};
use newsdesk_store::RoomActivity;
use serde_json::json;

use crate::actions::audit;
use crate::actor::Actor;
use crate::live::{self, ChatWire};
use crate::policy::{Action, Resource, can};
use crate::{App, Error};

/// Longest reason given for a mute or a ban.
pub const MAX_REASON: usize = 500;

fn breaking_needs_editor(actor: &Actor, draft: &NewsItemDraft) -> Result<(), Error> {
    if draft.breaking && actor.role < Role::Editor {
        return Err(Error::Forbidden(
            "only editors mark items as breaking news (it alerts every reader); ask an editor"
                .to_owned(),
        ));
    }
    Ok(())
}

pub async fn news_items(
    state: &App,
    actor: &Actor,
    edition: Option<&str>,
    status: Option<NewsItemStatus>,
    limit: i64,
    offset: i64,
) -> Result<Vec<NewsItem>, Error> {
    can(actor, Action::ViewNewsroom, Resource::None)?;
    Ok(state
        .store()
        .list_news_items(edition, status, limit, offset)
        .await?)
}

pub async fn news_item(state: &App, actor: &Actor, id: i64) -> Result<NewsItem, Error> {
    can(actor, Action::ViewNewsroom, Resource::None)?;
    Ok(state.store().news_item(id).await?)
}

pub async fn create_news_item(
    state: &App,
    actor: &Actor,
    draft: &NewsItemDraft,
    publish: bool,
) -> Result<NewsItem, Error> {
    can(actor, Action::WriteNewsfeed, Resource::None)?;
    breaking_needs_editor(actor, draft)?;
    let (item, event) = state
        .store()
        .create_news_item(draft, publish, actor.account_id)
        .await?;
    if let Some(event) = &event {
        state.after_write(event).await;
    }
    audit::record(
        state,
        actor,
        if publish {
            "news_item.publish"
        } else {
            "news_item.create"
        },
        &format!("news_item:{}", item.id),
        json!({ "edition": item.edition, "headline": item.headline, "breaking": item.breaking }),
    )
    .await;
    Ok(item)
}

pub async fn update_news_item(
    state: &App,
    actor: &Actor,
    id: i64,
    draft: &NewsItemDraft,
) -> Result<NewsItem, Error> {
    can(actor, Action::WriteNewsfeed, Resource::None)?;
    let before = state.store().news_item(id).await?;
    if draft.breaking && !before.breaking {
        breaking_needs_editor(actor, draft)?;
    }
    let (item, event) = state.store().update_news_item(id, draft).await?;
    if let Some(event) = &event {
        state.after_write(event).await;
    }
    audit::record(
        state,
        actor,
        "news_item.update",
        &format!("news_item:{id}"),
        json!({ "headline": item.headline }),
    )
    .await;
    Ok(item)
}

/// Publishes (`true`) or unpublishes an item.
pub async fn publish_news_item(
    state: &App,
    actor: &Actor,
    id: i64,
    publish: bool,
) -> Result<NewsItem, Error> {
    can(actor, Action::WriteNewsfeed, Resource::None)?;
    let status = if publish {
        NewsItemStatus::Published
    } else {
        NewsItemStatus::Unpublished
    };
    let (item, event) = state.store().set_news_item_status(id, status).await?;
    if let Some(event) = &event {
        state.after_write(event).await;
    }
    audit::record(
        state,
        actor,
        if publish {
            "news_item.publish"
        } else {
            "news_item.unpublish"
        },
        &format!("news_item:{id}"),
        json!({ "headline": item.headline }),
    )
    .await;
    Ok(item)
}

pub async fn delete_news_item(state: &App, actor: &Actor, id: i64) -> Result<(), Error> {
    can(actor, Action::WriteNewsfeed, Resource::None)?;
    let (item, event) = state.store().delete_news_item(id).await?;
    if let Some(event) = &event {
        state.after_write(event).await;
    }
    audit::record(
        state,
        actor,
        "news_item.delete",
        &format!("news_item:{id}"),
        json!({ "headline": item.headline }),
    )
    .await;
    Ok(())
}

/// Chat rooms for the newsroom, the most recently active first.
pub async fn rooms(
    state: &App,
    actor: &Actor,
    edition: Option<&str>,
) -> Result<Vec<RoomActivity>, Error> {
    can(actor, Action::Moderate, Resource::None)?;
    Ok(state.store().chat_rooms(edition, false, 200).await?)
}

pub async fn create_room(
    state: &App,
    actor: &Actor,
    edition: &str,
    title: &str,
    description: &str,
) -> Result<ChatRoom, Error> {
    can(actor, Action::ManageChats, Resource::None)?;
    let room = state
        .store()
        .create_chat_room(edition, title, description, actor.account_id)
        .await?;
    audit::record(
        state,
        actor,
        "chat.open_room",
        &format!("chat_room:{}", room.id),
        json!({ "edition": room.edition, "title": room.title }),
    )
    .await;
    Ok(room)
}

/// Opens or closes a room and sets its slow mode; every reader in it sees the change.
pub async fn set_room_state(
    state: &App,
    actor: &Actor,
    room_id: i64,
    open: bool,
    slow_mode_seconds: i64,
) -> Result<ChatRoom, Error> {
    can(actor, Action::Moderate, Resource::None)?;
    let room = state
        .store()
        .set_chat_room_state(room_id, open, slow_mode_seconds)
        .await?;
    live::publish(
        state,
        &ChatWire::Room {
            room_id,
            open,
            slow_mode_seconds,
        },
    )
    .await;
    audit::record(
        state,
        actor,
        "chat.room_state",
        &format!("chat_room:{room_id}"),
        json!({ "open": open, "slow_mode_seconds": slow_mode_seconds }),
    )
    .await;
    Ok(room)
}

/// Deletes a message for everyone.
pub async fn delete_message(state: &App, actor: &Actor, id: i64) -> Result<(), Error> {
    can(actor, Action::Moderate, Resource::None)?;
    let message = state.store().chat_message(id).await?;
    if state
        .store()
        .delete_chat_message(id, actor.account_id)
        .await?
    {
        live::publish(
            state,
            &ChatWire::Deleted {
                room_id: message.room_id,
                id,
            },
        )
        .await;
    }
    audit::record(
        state,
        actor,
        "chat.delete_message",
        &format!("chat_message:{id}"),
        json!({ "room_id": message.room_id, "author": message.account_id, "text": message.body }),
    )
    .await;
    Ok(())
}

fn check_reason(reason: &str) -> Result<(), Error> {
    let mut v = newsdesk_core::error::Validator::new();
    v.optional_text(reason, "reason", MAX_REASON);
    Ok(v.finish()?)
}

async fn reader_account(state: &App, account_id: i64) -> Result<(), Error> {
    let account = state.store().get_account(account_id).await?;
    if account.role != Role::Reader {
        return Err(Error::Forbidden(
            "only readers can be muted or banned; staff access is managed by admins".to_owned(),
        ));
    }
    Ok(())
}

/// Mutes a reader in one room until `until`.
pub async fn mute(
    state: &App,
    actor: &Actor,
    room_id: i64,
    account_id: i64,
    until: DateTime<Utc>,
    reason: &str,
) -> Result<(), Error> {
    can(actor, Action::Moderate, Resource::None)?;
    check_reason(reason)?;
    reader_account(state, account_id).await?;
    if until <= Utc::now() {
        return Err(Error::BadRequest(
            "a mute must end in the future".to_owned(),
        ));
    }
    state.store().chat_room(room_id).await?;
    state
        .store()
        .mute_in_chat(room_id, account_id, until, reason.trim(), actor.account_id)
        .await?;
    audit::record(
        state,
        actor,
        "chat.mute",
        &format!("account:{account_id}"),
        json!({ "room_id": room_id, "until": until, "reason": reason }),
    )
    .await;
    Ok(())
}

pub async fn unmute(
    state: &App,
    actor: &Actor,
    room_id: i64,
    account_id: i64,
) -> Result<(), Error> {
    can(actor, Action::Moderate, Resource::None)?;
    if !state.store().unmute_in_chat(room_id, account_id).await? {
        return Err(Error::NotFound);
    }
    audit::record(
        state,
        actor,
        "chat.unmute",
        &format!("account:{account_id}"),
        json!({ "room_id": room_id }),
    )
    .await;
    Ok(())
}

/// Bans a reader from every chat (`until` None: for good).
pub async fn ban(
    state: &App,
    actor: &Actor,
    account_id: i64,
    until: Option<DateTime<Utc>>,
    reason: &str,
) -> Result<(), Error> {
    can(actor, Action::Moderate, Resource::None)?;
    check_reason(reason)?;
    reader_account(state, account_id).await?;
    state
        .store()
        .ban_from_chats(account_id, until, reason.trim(), actor.account_id)
        .await?;
    audit::record(
        state,
        actor,
        "chat.ban",
        &format!("account:{account_id}"),
        json!({ "until": until, "reason": reason }),
    )
    .await;
    Ok(())
}

pub async fn lift_ban(state: &App, actor: &Actor, account_id: i64) -> Result<(), Error> {
    can(actor, Action::Moderate, Resource::None)?;
    if !state.store().lift_chat_ban(account_id).await? {
        return Err(Error::NotFound);
    }
    audit::record(
        state,
        actor,
        "chat.unban",
        &format!("account:{account_id}"),
        json!({}),
    )
    .await;
    Ok(())
}

/// The room's latest messages for moderators: deleted and flagged ones included.
pub async fn room_messages(
    state: &App,
    actor: &Actor,
    room_id: i64,
    before: Option<i64>,
) -> Result<Vec<newsdesk_core::ChatMessage>, Error> {
    can(actor, Action::Moderate, Resource::None)?;
    Ok(state
        .store()
        .chat_messages_for_moderation(room_id, before, 100)
        .await?)
}
