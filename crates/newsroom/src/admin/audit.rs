//! `/admin/audit` (admins): who published, unpublished, deleted, changed roles or tokens.

use axum::extract::{Query, State};
use minijinja::{Value, context};
use newsdesk_site::AppState;
use serde::Deserialize;

use crate::actions::audit;
use crate::admin::forms::page_number;
use crate::admin::render::{AdminResult, page};
use crate::auth::Staff;

const PER_PAGE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    pub page: String,
}

pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<AuditQuery>,
) -> AdminResult {
    let current = page_number(&q.page);
    // One extra row tells whether there is a next page without counting.
    let mut entries =
        audit::list(&state, &staff.actor, PER_PAGE + 1, (current - 1) * PER_PAGE).await?;
    let more = entries.len() as i64 > PER_PAGE;
    entries.truncate(PER_PAGE as usize);
    let ctx = context! {
        nav => "audit",
        entries => Value::from_serialize(&entries),
        page => current,
        prev => (current > 1).then(|| format!("/admin/audit?page={}", current - 1)),
        next => more.then(|| format!("/admin/audit?page={}", current + 1)),
    };
    page(&staff, "admin/audit.html", ctx)
}
