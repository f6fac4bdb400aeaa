//! Revisions of an article: the list, a side-by-side comparison of any two, and restoring
//! one (which saves it as a new revision).

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::Form;
use minijinja::{Value, context};
use newsdesk_site::AppState;
use serde::Deserialize;

use crate::actions::{articles, revisions};
use crate::admin::forms::Done;
use crate::admin::render::{AdminResult, page};
use crate::auth::Staff;
use crate::policy::{Action, Resource, allowed};

async fn account_names(state: &AppState) -> HashMap<i64, String> {
    // Contributors cannot list accounts through the staff page, but seeing who saved a
    // revision is part of reading its history; names only.
    state
        .store()
        .list_accounts()
        .await
        .map(|accounts| accounts.into_iter().map(|a| (a.id, a.name)).collect())
        .unwrap_or_default()
}

pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Query(done): Query<Done>,
) -> AdminResult {
    let article = articles::get(&state, &staff.actor, id).await?;
    let revs = revisions::list(&state, &staff.actor, id).await?;
    let names = account_names(&state).await;
    let rows: Vec<Value> = revs
        .iter()
        .map(|r| {
            context! {
                number => r.number,
                created_at => r.created_at,
                by => r.account_id.and_then(|a| names.get(&a).cloned()),
                headline => r.draft.headline.clone(),
                current => r.number == article.version,
            }
        })
        .collect();
    let tz = crate::admin::time::edition_zone(&state, &article.edition).await;
    let ctx = context! {
        nav => "articles",
        tz => tz,
        article => Value::from_serialize(&article),
        revisions => rows,
        notice => done.notice(),
        may_restore => allowed(&staff.actor, Action::EditArticle, Resource::article(&article)),
    };
    page(&staff, "admin/articles/revisions.html", ctx)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CompareQuery {
    pub a: String,
    pub b: String,
}

pub async fn compare(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Query(q): Query<CompareQuery>,
) -> AdminResult {
    let article = articles::get(&state, &staff.actor, id).await?;
    // Without a choice: the previous revision against the current one.
    let b = q.b.parse::<i64>().unwrap_or(article.version);
    let a = q.a.parse::<i64>().unwrap_or((b - 1).max(1));
    let comparison = revisions::compare(&state, &staff.actor, id, a, b).await?;
    let tz = crate::admin::time::edition_zone(&state, &article.edition).await;
    let ctx = context! {
        nav => "articles",
        tz => tz,
        article => Value::from_serialize(&article),
        comparison => Value::from_serialize(&comparison),
        numbers => (1..=article.version).rev().collect::<Vec<_>>(),
        may_restore => allowed(&staff.actor, Action::EditArticle, Resource::article(&article)),
    };
    page(&staff, "admin/articles/compare.html", ctx)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RestoreForm {
    pub version: String,
    pub csrf: String,
}

pub async fn restore(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, number)): Path<(i64, i64)>,
    Form(form): Form<RestoreForm>,
) -> AdminResult {
    let expected = form.version.trim().parse::<i64>().unwrap_or(0);
    articles::restore_revision(&state, &staff.actor, id, number, expected).await?;
    Ok(Redirect::to(&format!("/admin/articles/{id}?done=restored")).into_response())
}
