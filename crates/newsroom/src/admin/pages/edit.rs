//! Writing a page: the edit form, saving, deleting. Every write is announced at once
//! (`after_write`: this instance's page cache drops the edition's pages, other instances
//! hear it from the bus), so readers see the new text on their next request, and it goes
//! to the audit log: these pages carry the site's legal and contact texts.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::Form;
use minijinja::{Value, context};
use newsdesk_core::ValidationError;
use newsdesk_site::{AppState, HttpError};
use newsdesk_store::StoreError;
use newsdesk_store::static_pages::StaticPage;
use serde_json::json;

use super::{PageForm, STANDARD_NAMES, new_page, standard_name};
use crate::actions::audit;
use crate::admin::forms::{Done, error_map, is_form_error};
use crate::admin::render::{AdminResult, page_with_status};
use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

fn target(edition: &str, slug: &str) -> String {
    format!("page:{edition}/{slug}")
}

/// Where the page is after a save, with the notice to show there.
fn edit_path(page: &StaticPage, done: &str) -> String {
    format!("/admin/pages/{}/{}?done={done}", page.edition, page.slug)
}

/// A slug already taken, in the words of this form (the store names only the field).
fn form_error(err: StoreError) -> HttpError {
    match err {
        StoreError::Conflict { .. } => HttpError::Conflict {
            field: "slug".to_owned(),
            message: "this edition already has a page at this address; open it from the list \
                      to change it"
                .to_owned(),
        },
        other => other.into(),
    }
}

/// The messages next to the fields; a page saved meanwhile is told as such (the shared
/// message speaks of articles).
fn errors_of(err: &HttpError) -> BTreeMap<String, Vec<String>> {
    match err {
        HttpError::Stale { current_version } => BTreeMap::from([(
            "_".to_owned(),
            vec![format!(
                "someone else saved this page while you were editing (it is now at version \
                 {current_version}). Your text is kept below: copy it, reload the page and \
                 apply your changes to theirs."
            )],
        )]),
        other => error_map(other),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    staff: Staff,
    Path((edition, slug)): Path<(String, String)>,
    Query(done): Query<Done>,
) -> AdminResult {
    can(&staff.actor, Action::ManagePages, Resource::None)?;
    let page = state.store().static_page(&edition, &slug).await?;
    let form = PageForm {
        edition: page.edition.clone(),
        slug: page.slug.clone(),
        title: page.title.clone(),
        body: page.body.clone(),
        version: page.version.to_string(),
    };
    edit_page(&state, &staff, &page, form, None, done.notice()).await
}

async fn edit_page(
    state: &AppState,
    staff: &Staff,
    page: &StaticPage,
    form: PageForm,
    err: Option<HttpError>,
    notice: Option<&'static str>,
) -> AdminResult {
    let store = state.store();
    let (edition, revisions) = tokio::join!(
        store.get_edition(&page.edition),
        store.static_page_revisions(&page.edition, &page.slug)
    );
    let status = err.as_ref().map_or(http::StatusCode::OK, HttpError::status);
    let ctx = context! {
        nav => "pages",
        page => Value::from_serialize(page),
        edition => Value::from_serialize(edition?),
        standard => Value::from_serialize(STANDARD_NAMES),
        kind => standard_name(&page.slug),
        revisions => Value::from_serialize(revisions?),
        form => Value::from_serialize(&form),
        errors => err.as_ref().map(|e| Value::from_serialize(errors_of(e))),
        notice => notice,
    };
    page_with_status(status, staff, "admin/pages/edit.html", ctx)
}

/// `POST /admin/pages`: a page not written yet.
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<PageForm>,
) -> AdminResult {
    can(&staff.actor, Action::ManagePages, Resource::None)?;
    let input = form.input();
    match state
        .store()
        .create_static_page(&input, staff.actor.account_id)
        .await
    {
        Ok((page, event)) => {
            state.after_write(&event).await;
            audit::record(
                state.app(),
                &staff.actor,
                "page.create",
                &target(&page.edition, &page.slug),
                json!({ "title": page.title }),
            )
            .await;
            Ok(Redirect::to(&edit_path(&page, "saved")).into_response())
        }
        Err(err) => {
            let err = form_error(err);
            if !is_form_error(&err) {
                return Err(err.into());
            }
            new_page(&state, &staff, form, Some(err)).await
        }
    }
}

/// `POST /admin/pages/{edition}/{slug}`: a new version of a written page.
pub async fn save(
    State(state): State<AppState>,
    staff: Staff,
    Path((edition, slug)): Path<(String, String)>,
    Form(form): Form<PageForm>,
) -> AdminResult {
    can(&staff.actor, Action::ManagePages, Resource::None)?;
    let current = state.store().static_page(&edition, &slug).await?;
    // The address names the page; fields in the body cannot move it elsewhere.
    let form = PageForm {
        edition: current.edition.clone(),
        slug: current.slug.clone(),
        ..form
    };
    let result = match form.version.trim().parse::<i64>() {
        Ok(version) => state
            .store()
            .update_static_page(&form.input(), version, staff.actor.account_id)
            .await
            .map_err(form_error),
        Err(_) => Err(HttpError::Invalid(ValidationError::single(
            "_",
            "the form lost track of the page's version; reload the page",
        ))),
    };
    match result {
        Ok((page, event)) => {
            state.after_write(&event).await;
            audit::record(
                state.app(),
                &staff.actor,
                "page.save",
                &target(&page.edition, &page.slug),
                json!({ "title": page.title, "version": page.version }),
            )
            .await;
            Ok(Redirect::to(&edit_path(&page, "saved")).into_response())
        }
        Err(err) if is_form_error(&err) => {
            edit_page(&state, &staff, &current, form, Some(err), None).await
        }
        Err(err) => Err(err.into()),
    }
}

/// `POST /admin/pages/{edition}/{slug}/delete`: the page goes, and its footer link with it.
pub async fn delete(
    State(state): State<AppState>,
    staff: Staff,
    Path((edition, slug)): Path<(String, String)>,
) -> AdminResult {
    can(&staff.actor, Action::ManagePages, Resource::None)?;
    let current = state.store().static_page(&edition, &slug).await?;
    let event = state.store().delete_static_page(&edition, &slug).await?;
    state.after_write(&event).await;
    audit::record(
        state.app(),
        &staff.actor,
        "page.delete",
        &target(&edition, &slug),
        json!({ "title": current.title, "version": current.version }),
    )
    .await;
    Ok(Redirect::to("/admin/pages?done=removed").into_response())
}
