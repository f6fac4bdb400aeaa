//! The send log: the overview lists recent issues with how their deliveries stand, and
//! `GET /admin/newsletters/issues/{id}` shows one issue's deliveries of one status (the
//! failed ones first, with the reason), a page at a time by recipient id.

use axum::extract::{Path, Query, State};
use chrono::{DateTime, Utc};
use minijinja::{Value, context};
use newsdesk_site::{AppState, HttpError};
use newsdesk_store::newsletters::{DeliveryCounts, DeliveryRow, IssueSummary};
use serde::{Deserialize, Serialize};

use super::{MessageView, with_message_policy};
use crate::admin::render::{AdminResult, page};
use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

/// Deliveries shown per page.
pub const PER_PAGE: i64 = 100;
/// The statuses a delivery can have, in the order the tabs show them.
const STATUSES: [&str; 5] = ["failed", "queued", "sending", "sent", "skipped"];

/// How an issue's deliveries stand, for the templates.
#[derive(Debug, Serialize)]
pub struct Counts {
    queued: i64,
    sending: i64,
    sent: i64,
    failed: i64,
    skipped: i64,
}

impl Counts {
    fn of(&self, status: &str) -> i64 {
        match status {
            "queued" => self.queued,
            "sending" => self.sending,
            "sent" => self.sent,
            "failed" => self.failed,
            "skipped" => self.skipped,
            _ => self.queued + self.sending + self.sent + self.failed + self.skipped,
        }
    }
}

impl From<DeliveryCounts> for Counts {
    fn from(c: DeliveryCounts) -> Self {
        Counts {
            queued: c.queued,
            sending: c.sending,
            sent: c.sent,
            failed: c.failed,
            skipped: c.skipped,
        }
    }
}

/// One line of the send log.
#[derive(Debug, Serialize)]
pub struct IssueRow {
    id: i64,
    edition: String,
    list: String,
    kind: String,
    subject: String,
    status: String,
    recipients: i64,
    created_at: DateTime<Utc>,
    finished_at: Option<DateTime<Utc>>,
    counts: Counts,
}

impl From<IssueSummary> for IssueRow {
    fn from(i: IssueSummary) -> Self {
        IssueRow {
            id: i.id,
            edition: i.edition,
            list: i.list,
            kind: i.kind,
            subject: i.subject,
            status: i.status,
            recipients: i.recipients,
            created_at: i.created_at,
            finished_at: i.finished_at,
            counts: i.counts.into(),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LogQuery {
    status: String,
    after: String,
    done: String,
}

#[derive(Debug, Serialize)]
struct Delivery {
    email: String,
    status: String,
    attempts: i64,
    error: String,
    updated_at: DateTime<Utc>,
}

impl From<DeliveryRow> for Delivery {
    fn from(d: DeliveryRow) -> Self {
        Delivery {
            email: d.email,
            status: d.status,
            attempts: d.attempts,
            error: d.error,
            updated_at: d.updated_at,
        }
    }
}

#[derive(Debug, Serialize)]
struct Tab {
    status: &'static str,
    count: i64,
}

fn notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "queued" => "Queued: sending starts within seconds. This log shows how it goes.",
        _ => return None,
    })
}

pub async fn issue(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Query(q): Query<LogQuery>,
) -> AdminResult {
    can(&staff.actor, Action::ManageNewsletters, Resource::None)?;
    let store = state.store();
    let issue = store.issue(id).await?;
    // The failed deliveries are what an editor comes here for.
    let status: &'static str = match q.status.trim() {
        "" => "failed",
        "all" => "all",
        asked => STATUSES
            .into_iter()
            .find(|s| *s == asked)
            .ok_or_else(|| HttpError::BadRequest(format!("unknown delivery status {asked:?}")))?,
    };
    let after = q
        .after
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|a| *a > 0)
        .unwrap_or(0);
    let filter = (status != "all").then_some(status);
    let mut rows = store
        .list_deliveries(id, filter, after, PER_PAGE + 1)
        .await?;
    let more = i64::try_from(rows.len()).unwrap_or(i64::MAX) > PER_PAGE;
    rows.truncate(usize::try_from(PER_PAGE).unwrap_or(100));
    let next = rows.last().map(|r| r.subscriber_id).filter(|_| more);
    let counts = Counts::from(store.delivery_counts(id).await?);
    let tabs: Vec<Tab> = STATUSES
        .into_iter()
        .chain(["all"])
        .map(|status| Tab {
            status,
            count: counts.of(status),
        })
        .collect();
    let deliveries: Vec<Delivery> = rows.into_iter().map(Delivery::from).collect();
    let view = context! {
        nav => "newsletters",
        issue => context! {
            id => issue.id,
            edition => issue.edition,
            list => issue.list,
            kind => issue.kind,
            subject => issue.subject.clone(),
            status => issue.status,
            recipients => issue.recipients,
            created_at => issue.created_at,
            finished_at => issue.finished_at,
        },
        message => Value::from_serialize(MessageView {
            subject: issue.subject,
            html: issue.html,
            text: issue.text,
        }),
        counts => Value::from_serialize(&counts),
        tabs => Value::from_serialize(&tabs),
        status => status,
        deliveries => Value::from_serialize(&deliveries),
        first_page => after == 0,
        next => next,
        notice => notice(&q.done),
    };
    Ok(with_message_policy(
        &state,
        page(&staff, "admin/newsletters_issue.html", view)?,
    ))
}
