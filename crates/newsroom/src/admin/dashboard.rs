//! `/admin`: what needs attention — counts by status, my drafts, what is scheduled next,
//! what changed last; for admins, how many background jobs gave up.

use axum::extract::State;
use axum::response::IntoResponse;
use minijinja::{Value, context};
use newsdesk_core::ArticleStatus;
use newsdesk_site::AppState;
use newsdesk_store::ArticleQuery;

use crate::admin::render::{AdminResult, page};
use crate::auth::{Staff, login};
use crate::policy::{Action, Resource, allowed, can};

pub async fn show(State(state): State<AppState>, staff: Staff) -> AdminResult {
    // A moderator's newsroom is the discussion.
    if !allowed(&staff.actor, Action::ViewNewsroom, Resource::None)
        && allowed(&staff.actor, Action::Moderate, Resource::None)
    {
        return Ok(axum::response::Redirect::to("/admin/comments").into_response());
    }
    can(&staff.actor, Action::ViewNewsroom, Resource::None)?;
    let store = state.store();
    let count = |status: ArticleStatus| {
        let q = ArticleQuery {
            status: Some(status),
            limit: i64::MAX,
            ..ArticleQuery::default()
        };
        async move { store.count_articles(&q).await }
    };
    let counts = context! {
        draft => count(ArticleStatus::Draft).await?,
        scheduled => count(ArticleStatus::Scheduled).await?,
        published => count(ArticleStatus::Published).await?,
        unpublished => count(ArticleStatus::Unpublished).await?,
    };
    let mine = match staff.actor.account_id {
        Some(me) => {
            let q = ArticleQuery {
                any_status: true,
                created_by: Some(me),
                limit: 8,
                ..ArticleQuery::default()
            };
            store.list_articles(&q).await?
        }
        None => Vec::new(),
    };
    let scheduled = store
        .list_articles(&ArticleQuery {
            status: Some(ArticleStatus::Scheduled),
            limit: 8,
            ..ArticleQuery::default()
        })
        .await?;
    let recent = store
        .list_articles(&ArticleQuery {
            any_status: true,
            limit: 10,
            ..ArticleQuery::default()
        })
        .await?;
    let editions = store.list_editions().await?;
    let failed_jobs = if allowed(&staff.actor, Action::ManageJobs, Resource::None) {
        crate::actions::jobs::count_failed(&state, &staff.actor).await?
    } else {
        0
    };
    let lockouts = match staff.actor.account_id {
        Some(me) => lockouts_since_previous_login(&state, me).await?,
        None => Vec::new(),
    };
    // Each article's times in its edition's zone, as the editor shows them.
    let zones: std::collections::BTreeMap<&str, &str> = editions
        .iter()
        .map(|e| (e.code.as_str(), e.time_zone.as_str()))
        .collect();
    let ctx = context! {
        nav => "dashboard",
        zones => zones,
        lockouts => lockouts,
        counts => counts,
        mine => Value::from_serialize(&mine),
        scheduled => Value::from_serialize(&scheduled),
        recent => Value::from_serialize(&recent),
        editions => Value::from_serialize(&editions),
        failed_jobs => failed_jobs,
    };
    page(&staff, "admin/dashboard.html", ctx)
}

/// Clients locked out of this account since its owner's previous login, newest first: the
/// notice that someone has been guessing their password.
async fn lockouts_since_previous_login(
    state: &AppState,
    account: i64,
) -> Result<Vec<Value>, newsdesk_store::StoreError> {
    let entries = state
        .store()
        .audit_since_previous(
            &login::account_target(account),
            login::LOCKED_OUT,
            account,
            login::LOGGED_IN,
            20,
        )
        .await?;
    Ok(entries
        .into_iter()
        .map(|(at, details)| {
            context! { at => at, client => details.get("client").and_then(|c| c.as_str()).map(str::to_owned) }
        })
        .collect())
}
