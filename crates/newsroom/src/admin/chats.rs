//! `/admin/chats`: the chat rooms, the most recently active first (moderators, editors and
//! admins; opening an extra room takes an editor), and `/admin/chats/{id}`: a room's latest
//! messages, deleted and flagged ones included, with what a moderator does about them —
//! delete a message, mute its author in the room, ban them from every chat — and the
//! room's state (open or closed, slow mode).

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::Form;
use chrono::{Duration, Utc};
use http::StatusCode;
use minijinja::{Value, context};
use newsdesk_core::{ChatMessage, FieldError};
use newsdesk_site::{AppState, HttpError};
use serde::{Deserialize, Serialize};

use crate::actions::live;
use crate::admin::forms::{self, error_map, is_form_error};
use crate::admin::render::{AdminResult, page, page_with_status};
use crate::auth::Staff;
use crate::policy::{Action, Resource, allowed, can};

/// The slow mode choices offered (seconds between two messages of one reader; 0: off).
pub const SLOW_MODES: [i64; 5] = [0, 10, 30, 60, 300];
/// The longest mute: a week (a longer one is a ban).
pub const MAX_MUTE_MINUTES: i64 = 7 * 24 * 60;
/// The longest ban with an end; longer is for good.
pub const MAX_BAN_DAYS: i64 = 3650;
/// Messages shown per page of a room.
pub const PER_PAGE: i64 = 100;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    edition: String,
    done: String,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct RoomForm {
    pub edition: String,
    pub title: String,
    pub description: String,
}

fn notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "opened" => "Room opened. Readers find it on the edition's chats page.",
        "state" => "Saved: everyone in the room sees the change at once.",
        "deleted" => "Message deleted for everyone.",
        "muted" => "The reader is muted in this room.",
        "unmuted" => "The mute is lifted.",
        "banned" => "The reader is banned from every chat.",
        "unbanned" => "The ban from chats is lifted.",
        _ => return None,
    })
}

#[derive(Debug, Serialize)]
struct RoomRow {
    id: i64,
    edition: String,
    article_id: Option<i64>,
    title: String,
    open: bool,
    slow_mode_seconds: i64,
    messages: i64,
    last_activity: chrono::DateTime<Utc>,
}

async fn list_page(
    state: &AppState,
    staff: &Staff,
    edition: &str,
    notice: Option<&'static str>,
    form: RoomForm,
    err: Option<HttpError>,
) -> AdminResult {
    let filter = (!edition.is_empty()).then_some(edition);
    let rooms: Vec<RoomRow> = live::rooms(state, &staff.actor, filter)
        .await?
        .into_iter()
        .map(|r| RoomRow {
            title: r.headline.unwrap_or_else(|| r.room.title.clone()),
            id: r.room.id,
            edition: r.room.edition,
            article_id: r.room.article_id,
            open: r.room.open,
            slow_mode_seconds: r.room.slow_mode_seconds,
            messages: r.messages,
            last_activity: r.room.last_message_at.unwrap_or(r.room.created_at),
        })
        .collect();
    let editions = state.store().list_editions().await?;
    let status = err.as_ref().map_or(StatusCode::OK, HttpError::status);
    let ctx = context! {
        nav => "chats",
        edition => edition,
        editions => Value::from_serialize(&editions),
        rooms => Value::from_serialize(&rooms),
        notice => notice,
        form => Value::from_serialize(&form),
        errors => err.as_ref().map(|e| Value::from_serialize(error_map(e))),
        can_open => allowed(&staff.actor, Action::ManageChats, Resource::None),
    };
    page_with_status(status, staff, "admin/chats.html", ctx)
}

pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<ListQuery>,
) -> AdminResult {
    list_page(
        &state,
        &staff,
        &q.edition,
        notice(&q.done),
        RoomForm::default(),
        None,
    )
    .await
}

/// Opens an extra room (editors).
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<RoomForm>,
) -> AdminResult {
    can(&staff.actor, Action::ManageChats, Resource::None)?;
    match live::create_room(
        &state,
        &staff.actor,
        form.edition.trim(),
        &form.title,
        &form.description,
    )
    .await
    {
        Ok(room) => {
            Ok(Redirect::to(&format!("/admin/chats/{}?done=opened", room.id)).into_response())
        }
        Err(err) if is_form_error(&err) => {
            let edition = form.edition.clone();
            list_page(&state, &staff, &edition, None, form, Some(err.into())).await
        }
        Err(err) => Err(err.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RoomQuery {
    before: String,
    done: String,
}

#[derive(Debug, Serialize)]
struct MessageRow {
    id: i64,
    author: String,
    author_id: Option<i64>,
    staff: bool,
    text: String,
    flagged: bool,
    created_at: chrono::DateTime<Utc>,
    deleted_at: Option<chrono::DateTime<Utc>>,
    /// A reader's message: the reader can be muted and banned.
    reader: bool,
    muted_until: Option<chrono::DateTime<Utc>>,
    banned: bool,
    banned_until: Option<chrono::DateTime<Utc>>,
}

pub async fn room(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Query(q): Query<RoomQuery>,
) -> AdminResult {
    can(&staff.actor, Action::Moderate, Resource::None)?;
    let store = state.store();
    let room = store.chat_room(id).await?;
    let before = q.before.trim().parse::<i64>().ok().filter(|b| *b > 0);
    let messages = live::room_messages(&state, &staff.actor, id, before).await?;
    // Whether each reader on the page is muted here or banned, read once per reader.
    let mut mutes = BTreeMap::new();
    let mut bans = BTreeMap::new();
    for reader in messages
        .iter()
        .filter(|m| !m.staff)
        .filter_map(|m| m.account_id)
    {
        if mutes.contains_key(&reader) {
            continue;
        }
        mutes.insert(reader, store.active_chat_mute(id, reader).await?);
        bans.insert(reader, store.active_chat_ban(reader).await?);
    }
    // A full page: there may be older messages, before the last one shown.
    let older = if messages.len() as i64 >= PER_PAGE {
        messages.last().map(|m| m.id)
    } else {
        None
    };
    let rows: Vec<MessageRow> = messages
        .into_iter()
        .map(|m: ChatMessage| {
            let reader = !m.staff && m.account_id.is_some();
            let mute = m.account_id.and_then(|a| mutes.get(&a).cloned().flatten());
            let ban = m.account_id.and_then(|a| bans.get(&a).cloned().flatten());
            MessageRow {
                id: m.id,
                author: m.author_name,
                author_id: m.account_id,
                staff: m.staff,
                text: m.body,
                flagged: m.flagged,
                created_at: m.created_at,
                deleted_at: m.deleted_at,
                reader,
                muted_until: mute.map(|m| m.until),
                banned: ban.is_some(),
                banned_until: ban.and_then(|b| b.until),
            }
        })
        .collect();
    let (title, article_path) = match room.article_id {
        Some(article_id) => match store.get_article(article_id).await {
            Ok(article) => (
                article.headline,
                Some(format!("/admin/articles/{article_id}")),
            ),
            Err(newsdesk_store::StoreError::NotFound) => (room.title.clone(), None),
            Err(err) => return Err(err.into()),
        },
        None => (room.title.clone(), None),
    };
    let mut slow_modes = SLOW_MODES.to_vec();
    if !slow_modes.contains(&room.slow_mode_seconds) {
        slow_modes.push(room.slow_mode_seconds);
        slow_modes.sort_unstable();
    }
    let ctx = context! {
        nav => "chats",
        room => context! {
            id => room.id,
            edition => room.edition.clone(),
            article_id => room.article_id,
            title => title,
            description => room.description.clone(),
            open => room.open,
            slow_mode_seconds => room.slow_mode_seconds,
            created_at => room.created_at,
            public_path => format!("/{}/chats/{}", room.edition, room.id),
        },
        article_path => article_path,
        slow_modes => slow_modes,
        messages => Value::from_serialize(&rows),
        before => before,
        older => older,
        notice => notice(&q.done),
    };
    page(&staff, "admin/chat_room.html", ctx)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StateForm {
    open: String,
    slow_mode_seconds: String,
}

/// Opens or closes the room and sets its slow mode.
pub async fn set_state(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<StateForm>,
) -> AdminResult {
    can(&staff.actor, Action::Moderate, Resource::None)?;
    let mut errors = Vec::new();
    let open = match form.open.as_str() {
        "open" => true,
        "closed" => false,
        _ => {
            errors.push(FieldError {
                field: "open",
                message: "choose open or closed".to_owned(),
            });
            false
        }
    };
    let slow = whole_number(&form.slow_mode_seconds, "slow_mode_seconds", &mut errors);
    forms::finish(errors).map_err(HttpError::from)?;
    live::set_room_state(&state, &staff.actor, id, open, slow).await?;
    Ok(Redirect::to(&format!("/admin/chats/{id}?done=state")).into_response())
}

/// Deletes a message for everyone, then shows its room again.
pub async fn delete_message(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> AdminResult {
    live::delete_message(&state, &staff.actor, id).await?;
    let room = state.store().chat_message(id).await?.room_id;
    Ok(Redirect::to(&format!("/admin/chats/{room}?done=deleted#message-{id}")).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MuteForm {
    account_id: String,
    minutes: String,
    reason: String,
}

/// Mutes a reader in the room for `minutes`.
pub async fn mute(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<MuteForm>,
) -> AdminResult {
    can(&staff.actor, Action::Moderate, Resource::None)?;
    let mut errors = Vec::new();
    let account = required_id(&form.account_id, "account_id", &mut errors);
    let minutes = whole_number(&form.minutes, "minutes", &mut errors);
    if errors.is_empty() && !(1..=MAX_MUTE_MINUTES).contains(&minutes) {
        errors.push(FieldError {
            field: "minutes",
            message: format!("a mute lasts 1 to {MAX_MUTE_MINUTES} minutes"),
        });
    }
    forms::finish(errors).map_err(HttpError::from)?;
    let until = Utc::now() + Duration::minutes(minutes);
    live::mute(&state, &staff.actor, id, account, until, form.reason.trim()).await?;
    Ok(Redirect::to(&format!("/admin/chats/{id}?done=muted")).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AccountForm {
    account_id: String,
    /// The room to go back to.
    room: String,
}

/// Lifts a reader's mute in the room.
pub async fn unmute(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<AccountForm>,
) -> AdminResult {
    can(&staff.actor, Action::Moderate, Resource::None)?;
    let mut errors = Vec::new();
    let account = required_id(&form.account_id, "account_id", &mut errors);
    forms::finish(errors).map_err(HttpError::from)?;
    live::unmute(&state, &staff.actor, id, account).await?;
    Ok(Redirect::to(&format!("/admin/chats/{id}?done=unmuted")).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BanForm {
    account_id: String,
    /// `1`, `7` (days) or `forever`.
    days: String,
    reason: String,
    /// The room to go back to.
    room: String,
}

fn back_to(room: &str, done: &str) -> axum::response::Response {
    match room.trim().parse::<i64>() {
        Ok(room) if room > 0 => {
            Redirect::to(&format!("/admin/chats/{room}?done={done}")).into_response()
        }
        _ => Redirect::to(&format!("/admin/chats?done={done}")).into_response(),
    }
}

/// Bans a reader from every chat, for some days or for good.
pub async fn ban(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<BanForm>,
) -> AdminResult {
    can(&staff.actor, Action::Moderate, Resource::None)?;
    let mut errors = Vec::new();
    let account = required_id(&form.account_id, "account_id", &mut errors);
    let until = match form.days.trim() {
        "" | "forever" => None,
        days => match days.parse::<i64>() {
            Ok(d) if (1..=MAX_BAN_DAYS).contains(&d) => Some(Utc::now() + Duration::days(d)),
            _ => {
                errors.push(FieldError {
                    field: "days",
                    message: format!("a ban lasts 1 to {MAX_BAN_DAYS} days, or for good"),
                });
                None
            }
        },
    };
    forms::finish(errors).map_err(HttpError::from)?;
    live::ban(&state, &staff.actor, account, until, form.reason.trim()).await?;
    Ok(back_to(&form.room, "banned"))
}

/// Lifts a reader's ban from chats.
pub async fn lift_ban(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<AccountForm>,
) -> AdminResult {
    can(&staff.actor, Action::Moderate, Resource::None)?;
    let mut errors = Vec::new();
    let account = required_id(&form.account_id, "account_id", &mut errors);
    forms::finish(errors).map_err(HttpError::from)?;
    live::lift_ban(&state, &staff.actor, account).await?;
    Ok(back_to(&form.room, "unbanned"))
}

fn required_id(value: &str, field: &'static str, errors: &mut Vec<FieldError>) -> i64 {
    let id = forms::optional_id(value, field, errors);
    if id.is_none() && value.trim().is_empty() {
        errors.push(FieldError {
            field,
            message: "is required".to_owned(),
        });
    }
    id.unwrap_or(0)
}

fn whole_number(value: &str, field: &'static str, errors: &mut Vec<FieldError>) -> i64 {
    value.trim().parse().unwrap_or_else(|_| {
        errors.push(FieldError {
            field,
            message: "must be a whole number".to_owned(),
        });
        0
    })
}
