//! `GET /admin/newsletters/preview?edition=en&list=digest`: the next digest of a list as it
//! would go if it went now (the day's stories so far), with its subject, how many
//! subscribers it would reach, its HTML part in a sandboxed frame and its text part.

use axum::extract::{Query, State};
use chrono::Utc;
use minijinja::{Value, context};
use newsdesk_site::AppState;
use newsdesk_site::HttpError;
use newsdesk_site::newsletters::compose::{self, BREAKING_LIST};
use newsdesk_site::newsletters::forms::lists_of;
use newsdesk_site::newsletters::issues::{compose_digest, next_digest_day};
use newsdesk_site::public::context::EditionCtx;
use serde::{Deserialize, Serialize};

use super::{MessageView, with_message_policy};
use crate::admin::render::{AdminResult, page};
use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PreviewQuery {
    edition: String,
    list: String,
}

#[derive(Debug, Serialize)]
struct Tab {
    list: String,
    name: String,
}

pub async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<PreviewQuery>,
) -> AdminResult {
    can(&staff.actor, Action::ManageNewsletters, Resource::None)?;
    let (edition, editions) = super::pick_edition(&state, &q.edition).await?;
    let list = super::pick_list(&q.list)?;
    let ctx = EditionCtx::load(&state, &edition.code).await?;
    // Breaking news has no digest: its messages are the alerts.
    let tabs: Vec<Tab> = lists_of(&ctx)
        .into_iter()
        .filter(|l| l != BREAKING_LIST)
        .map(|list| Tab {
            name: compose::list_name(&state, &ctx, &list),
            list,
        })
        .collect();
    if !tabs.iter().any(|t| t.list == list) {
        return Err(HttpError::NotFound.into());
    }
    let day = next_digest_day(&state, &ctx, Utc::now());
    let (message, stories) = compose_digest(&state, &ctx, &list, day).await?;
    let recipients = super::confirmed(&state, &edition.code, &list).await?;
    let digest_at = state.config().newsletters.digest_at;
    let view = context! {
        nav => "newsletters",
        edition => edition.code.clone(),
        edition_name => edition.name.clone(),
        editions => Value::from_serialize(&editions),
        list => list.clone(),
        list_name => compose::list_name(&state, &ctx, &list),
        tabs => Value::from_serialize(&tabs),
        sends_at => format!(
            "{} {} ({})",
            day.format("%-d %b %Y"),
            digest_at.format("%H:%M"),
            edition.time_zone
        ),
        stories => stories,
        recipients => recipients,
        message => Value::from_serialize(MessageView::from(message)),
    };
    Ok(with_message_policy(
        &state,
        page(&staff, "admin/newsletters_preview.html", view)?,
    ))
}
