//! `/admin/newsletters`: the newsletters as editors see them (issue 16). The overview shows
//! the confirmed subscribers of every list of every edition, each exportable as CSV
//! ([`export`]), a link to each digest's preview ([`preview`]), the stories of the last 24
//! hours a breaking alert can go out about ([`alerts`]), and the send log of recent issues
//! ([`log`]).

pub mod alerts;
pub mod export;
pub mod log;
pub mod preview;

use std::collections::BTreeMap;

use axum::extract::State;
use axum::response::Response;
use chrono::Utc;
use http::HeaderValue;
use http::header::CONTENT_SECURITY_POLICY;
use minijinja::{Value, context};
use newsdesk_core::Edition;
use newsdesk_site::newsletters::compose::{self, BREAKING_LIST, Composed};
use newsdesk_site::newsletters::forms::lists_of;
use newsdesk_site::newsletters::issues::next_digest_day;
use newsdesk_site::public::context::EditionCtx;
use newsdesk_site::{AppState, HttpError};
use newsdesk_store::newsletters::valid_list;
use serde::Serialize;

use crate::admin::render::{AdminResult, page};
use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

/// Issues the overview's send log shows.
const RECENT_ISSUES: i64 = 30;

/// The edition asked for (`""`: the default one), with every edition for the switchers.
/// An unknown code is not found: an export or preview of the wrong edition is worse than none.
async fn pick_edition(state: &AppState, asked: &str) -> Result<(Edition, Vec<Edition>), HttpError> {
    let editions = state.store().list_editions().await?;
    let asked = asked.trim();
    let edition = if asked.is_empty() {
        editions
            .iter()
            .find(|e| e.is_default)
            .or_else(|| editions.first())
    } else {
        editions.iter().find(|e| e.code == asked)
    }
    .cloned()
    .ok_or(HttpError::NotFound)?;
    Ok((edition, editions))
}

/// The list asked for (`""`: the daily digest); anything that is not a list name is not found.
fn pick_list(asked: &str) -> Result<String, HttpError> {
    let asked = asked.trim();
    if asked.is_empty() {
        return Ok(compose::DIGEST_LIST.to_owned());
    }
    if valid_list(asked) {
        Ok(asked.to_owned())
    } else {
        Err(HttpError::NotFound)
    }
}

/// Confirmed subscribers of `list` in `edition`.
async fn confirmed(state: &AppState, edition: &str, list: &str) -> Result<i64, HttpError> {
    Ok(state
        .store()
        .list_counts(Some(edition))
        .await?
        .into_iter()
        .find(|c| c.list == list)
        .map_or(0, |c| c.confirmed))
}

/// A composed message as the preview templates show it.
#[derive(Debug, Serialize)]
struct MessageView {
    subject: String,
    html: String,
    text: String,
}

impl From<Composed> for MessageView {
    fn from(c: Composed) -> Self {
        MessageView {
            subject: c.subject,
            html: c.html,
            text: c.text,
        }
    }
}

/// A page that shows a message in a sandboxed `srcdoc` frame. Such a frame inherits the
/// page's Content-Security-Policy, and a newsletter is styled with `style` attributes (what
/// mail clients read) and shows images from the site's own address: both are allowed on
/// this page, scripts stay forbidden (the frame's `sandbox` forbids them too).
fn with_message_policy(state: &AppState, mut response: Response) -> Response {
    let origin = url::Url::parse(&state.config().base_url)
        .map(|u| u.origin().ascii_serialization())
        .ok()
        .filter(|o| o != "null")
        .unwrap_or_default();
    let csp = newsdesk_site::security::CSP
        .replace(
            "style-src 'self';",
            "style-src 'self'; style-src-attr 'unsafe-inline';",
        )
        .replace(
            "img-src 'self' data:",
            &format!("img-src 'self' data: {origin}"),
        );
    if let Ok(value) = HeaderValue::from_str(&csp) {
        response
            .headers_mut()
            .insert(CONTENT_SECURITY_POLICY, value);
    }
    response
}

/// One list of one edition on the overview.
#[derive(Debug, Serialize)]
struct ListRow {
    list: String,
    name: String,
    confirmed: i64,
    /// A digest list (the daily digest or a section's): it has a preview.
    digest: bool,
}

#[derive(Debug, Serialize)]
struct EditionView {
    code: String,
    name: String,
    time_zone: String,
    lists: Vec<ListRow>,
    next_digest: String,
    alerts: Vec<alerts::Candidate>,
}

/// The lists of `ctx`'s edition readers may choose, then any list that still has
/// subscribers although it is no longer offered (a section that was removed).
async fn edition_view(state: &AppState, edition: &Edition) -> Result<EditionView, HttpError> {
    let ctx = EditionCtx::load(state, &edition.code).await?;
    let mut counts: BTreeMap<String, i64> = state
        .store()
        .list_counts(Some(&edition.code))
        .await?
        .into_iter()
        .map(|c| (c.list, c.confirmed))
        .collect();
    let mut lists: Vec<ListRow> = lists_of(&ctx)
        .into_iter()
        .map(|list| ListRow {
            name: compose::list_name(state, &ctx, &list),
            confirmed: counts.remove(&list).unwrap_or(0),
            digest: list != BREAKING_LIST,
            list,
        })
        .collect();
    lists.extend(counts.into_iter().map(|(list, confirmed)| ListRow {
        name: compose::list_name(state, &ctx, &list),
        confirmed,
        digest: false,
        list,
    }));
    Ok(EditionView {
        code: edition.code.clone(),
        name: edition.name.clone(),
        time_zone: edition.time_zone.clone(),
        lists,
        next_digest: next_digest_day(state, &ctx, Utc::now())
            .format("%-d %b %Y")
            .to_string(),
        alerts: alerts::candidates(state, &edition.code).await?,
    })
}

/// `GET /admin/newsletters`.
pub async fn overview(State(state): State<AppState>, staff: Staff) -> AdminResult {
    can(&staff.actor, Action::ManageNewsletters, Resource::None)?;
    let mut editions = Vec::new();
    for edition in state.store().list_editions().await? {
        editions.push(edition_view(&state, &edition).await?);
    }
    let issues: Vec<log::IssueRow> = state
        .store()
        .list_issues(None, RECENT_ISSUES)
        .await?
        .into_iter()
        .map(log::IssueRow::from)
        .collect();
    let ctx = context! {
        nav => "newsletters",
        editions => Value::from_serialize(&editions),
        issues => Value::from_serialize(&issues),
        digest_at => state.config().newsletters.digest_at.format("%H:%M").to_string(),
    };
    page(&staff, "admin/newsletters.html", ctx)
}
