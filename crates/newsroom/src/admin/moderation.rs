//! `/admin/comments`: the moderation queues (pending, held, reported) with the reason each
//! comment waits, and what a moderator does about it; `/admin/moderation`: each edition's
//! rules and word lists and the pre-moderated sections (editors change them).

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::Form;
use chrono::{Duration, Utc};
use minijinja::{Value, context};
use newsdesk_site::{AppState, HttpError};
use newsdesk_store::{Decision, ModerationSettings, Queue};
use serde::{Deserialize, Serialize};

use crate::actions::moderation;
use crate::admin::forms::{self, Done};
use crate::admin::render::{AdminResult, page};
use crate::auth::Staff;
use crate::policy::{Action, Resource, allowed};

/// Comments shown per queue page.
const PER_PAGE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct QueueQuery {
    queue: String,
    edition: String,
    page: String,
    done: String,
}

#[derive(Debug, Serialize)]
struct Item {
    id: i64,
    article_id: i64,
    article_headline: String,
    article_path: String,
    edition: String,
    author: Option<String>,
    author_id: Option<i64>,
    body: String,
    reason: String,
    reports: i64,
    open_reports: i64,
    featured: bool,
    reply: bool,
    created_at: chrono::DateTime<Utc>,
}

pub async fn queue(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<QueueQuery>,
) -> AdminResult {
    let queue = Queue::parse(&q.queue).unwrap_or(Queue::Pending);
    let edition = (!q.edition.is_empty()).then_some(q.edition.as_str());
    let page_no = forms::page_number(&q.page);
    let items = moderation::queue(
        &state,
        &staff.actor,
        queue,
        edition,
        PER_PAGE + 1,
        (page_no - 1) * PER_PAGE,
    )
    .await?;
    let counts = moderation::queue_counts(&state, &staff.actor, edition).await?;
    let more = items.len() as i64 > PER_PAGE;
    let items: Vec<Item> = items
        .into_iter()
        .take(PER_PAGE as usize)
        .map(|i| Item {
            id: i.comment.id,
            article_id: i.comment.article_id,
            article_headline: i.article_headline,
            article_path: i.article_path,
            edition: i.edition,
            author: i.comment.author_name,
            author_id: i.comment.account_id,
            body: i.comment.body,
            reason: i.comment.reason,
            reports: i.comment.reports,
            open_reports: i.open_reports,
            featured: i.comment.featured,
            reply: i.comment.parent_id.is_some(),
            created_at: i.comment.created_at,
        })
        .collect();
    let tabs: Vec<Value> = Queue::ALL
        .iter()
        .zip(counts)
        .map(|(queue, count)| context! { name => queue.as_str(), count => count })
        .collect();
    let editions = state.store().list_editions().await?;
    let done = Done {
        done: q.done.clone(),
    };
    let ctx = context! {
        nav => "comments",
        queue => queue.as_str(),
        edition => q.edition,
        editions => Value::from_serialize(&editions),
        tabs => tabs,
        items => Value::from_serialize(&items),
        page => page_no,
        more => more,
        notice => notice(&q.done).or(done.notice()),
        can_settings => allowed(&staff.actor, Action::ManageModeration, Resource::None),
    };
    page(&staff, "admin/comments.html", ctx)
}

fn notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "approved" => "Approved: the comment is shown.",
        "rejected" => "Rejected: its author sees your reason.",
        "featured" => "Featured: shown first in its thread.",
        "unfeatured" => "No longer featured.",
        "banned" => "The reader is banned from the discussion.",
        "suspended" => "The reader is suspended.",
        "unbanned" => "The ban is lifted.",
        "closed" => "Comments on the article are closed.",
        "reopened" => "Comments on the article are open again.",
        "settings" => "Moderation settings saved.",
        _ => return None,
    })
}

/// Where a form sends the moderator back to: the queue they were working on.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    reason: String,
    back: String,
    days: String,
}

fn back(form: &DecisionForm, done: &str) -> axum::response::Response {
    if form.back == "moderation" {
        return Redirect::to(&format!("/admin/moderation?done={done}")).into_response();
    }
    let queue = Queue::parse(&form.back).unwrap_or(Queue::Pending).as_str();
    Redirect::to(&format!("/admin/comments?queue={queue}&done={done}")).into_response()
}

pub async fn approve(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> AdminResult {
    moderation::decide(&state, &staff.actor, id, Decision::Approve).await?;
    Ok(back(&form, "approved"))
}

pub async fn reject(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> AdminResult {
    moderation::decide(
        &state,
        &staff.actor,
        id,
        Decision::Reject(form.reason.trim()),
    )
    .await?;
    Ok(back(&form, "rejected"))
}

pub async fn feature(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> AdminResult {
    let on = form.days != "off";
    moderation::decide(&state, &staff.actor, id, Decision::Feature(on)).await?;
    Ok(back(&form, if on { "featured" } else { "unfeatured" }))
}

/// Bans the reader (`days` empty or `forever`) or suspends them for `days` days.
pub async fn ban(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> AdminResult {
    let until = match form.days.trim() {
        "" | "forever" => None,
        days => match days.parse::<i64>() {
            Ok(d) if (1..=3650).contains(&d) => Some(Utc::now() + Duration::days(d)),
            _ => {
                return Err(HttpError::from(newsdesk_core::ValidationError::single(
                    "days",
                    "a suspension lasts 1 to 3650 days",
                ))
                .into());
            }
        },
    };
    moderation::ban(&state, &staff.actor, id, until, form.reason.trim()).await?;
    Ok(back(
        &form,
        if until.is_some() {
            "suspended"
        } else {
            "banned"
        },
    ))
}

pub async fn unban(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> AdminResult {
    moderation::lift_ban(&state, &staff.actor, id).await?;
    Ok(back(&form, "unbanned"))
}

/// Closes (`days` = `close`) or reopens an article's discussion.
pub async fn discussion(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> AdminResult {
    let close = form.days != "open";
    moderation::close_discussion(&state, &staff.actor, id, close).await?;
    Ok(back(&form, if close { "closed" } else { "reopened" }))
}

pub async fn settings_page(
    State(state): State<AppState>,
    staff: Staff,
    Query(done): Query<Done>,
) -> AdminResult {
    crate::policy::can(&staff.actor, Action::Moderate, Resource::None)?;
    let store = state.store();
    let mut editions = Vec::new();
    // The editions were just listed: their rules are read straight from the store, not
    // through the action that first checks the edition exists.
    for edition in store.list_editions().await? {
        let s = store.moderation_settings(&edition.code).await?;
        let sections = store.list_sections(&edition.code).await?;
        editions.push(context! {
            code => edition.code,
            name => edition.name,
            dir => edition.direction.as_str(),
            close_after_days => s.close_after_days,
            trust_after => s.trust_after,
            new_account_minutes => s.new_account_minutes,
            max_links => s.max_links,
            banned_words => s.banned_words,
            suspect_words => s.suspect_words,
            sections => Value::from_serialize(&sections),
        });
    }
    let premoderated = store.premoderated_sections().await?;
    let closed: Vec<Value> = moderation::closed_discussions(&state, &staff.actor)
        .await?
        .into_iter()
        .map(|c| {
            context! {
                id => c.article_id, headline => c.headline, path => c.path,
                at => c.closed_at.to_rfc3339(),
            }
        })
        .collect();
    let ctx = context! {
        nav => "moderation",
        closed => closed,
        editions => editions,
        premoderated => premoderated,
        notice => notice(&done.done),
        can_edit => allowed(&staff.actor, Action::ManageModeration, Resource::None),
    };
    page(&staff, "admin/moderation.html", ctx)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    edition: String,
    close_after_days: String,
    trust_after: String,
    new_account_minutes: String,
    max_links: String,
    banned_words: String,
    suspect_words: String,
    premoderated: Vec<String>,
}

pub async fn save_settings(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<SettingsForm>,
) -> AdminResult {
    // Who may, before what they sent: a moderator learns that, not which field was wrong.
    crate::policy::can(&staff.actor, Action::ManageModeration, Resource::None)?;
    let mut errors = Vec::new();
    let mut number = |value: &str, field: &'static str| -> i64 {
        value.trim().parse().unwrap_or_else(|_| {
            errors.push(newsdesk_core::FieldError {
                field,
                message: "must be a whole number".to_owned(),
            });
            0
        })
    };
    let settings = ModerationSettings {
        edition: form.edition.clone(),
        close_after_days: number(&form.close_after_days, "close_after_days"),
        trust_after: number(&form.trust_after, "trust_after"),
        new_account_minutes: number(&form.new_account_minutes, "new_account_minutes"),
        max_links: number(&form.max_links, "max_links"),
        banned_words: form.banned_words.replace("\r\n", "\n"),
        suspect_words: form.suspect_words.replace("\r\n", "\n"),
    };
    let premoderated = forms::ids(&form.premoderated, "premoderated", &mut errors);
    forms::finish(errors).map_err(HttpError::from)?;
    moderation::set_settings(&state, &staff.actor, &settings).await?;
    moderation::set_premoderated_sections(&state, &staff.actor, &form.edition, &premoderated)
        .await?;
    Ok(Redirect::to("/admin/moderation?done=settings").into_response())
}
