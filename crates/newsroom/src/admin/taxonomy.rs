//! Sections and tags of each edition (editors).

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::Form;
use minijinja::{Value, context};
use newsdesk_core::slug::slugify;
use newsdesk_core::{Section, Tag};
use newsdesk_site::{AppState, HttpError};
use newsdesk_store::{NewSection, NewTag};
use serde::{Deserialize, Serialize};

use crate::actions::taxonomy;
use crate::admin::forms::{Done, error_map, is_form_error};
use crate::admin::render::{AdminResult, page_with_status};
use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditionQuery {
    pub edition: String,
    pub done: String,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct NamedForm {
    pub edition: String,
    pub name: String,
    pub slug: String,
    pub position: String,
    pub csrf: String,
}

impl NamedForm {
    /// The slug typed, or one made from the name.
    fn slug(&self) -> String {
        let slug = self.slug.trim();
        if slug.is_empty() {
            slugify(self.name.trim())
        } else {
            slug.to_owned()
        }
    }

    fn position(&self) -> i32 {
        self.position.trim().parse().unwrap_or(0)
    }
}

/// The edition asked for, or the default one.
async fn pick_edition(
    state: &AppState,
    asked: &str,
) -> Result<(String, Vec<newsdesk_core::Edition>), HttpError> {
    let editions = state.store().list_editions().await?;
    let code = editions
        .iter()
        .find(|e| e.code == asked)
        .or_else(|| editions.first())
        .map(|e| e.code.clone())
        .ok_or(HttpError::NotFound)?;
    Ok((code, editions))
}

async fn list_page(
    state: &AppState,
    staff: &Staff,
    kind: &str,
    edition: &str,
    form: NamedForm,
    err: Option<HttpError>,
    notice: Option<&'static str>,
) -> AdminResult {
    let (edition, editions) = pick_edition(state, edition).await?;
    let items = if kind == "sections" {
        Value::from_serialize(taxonomy::list_sections(state, &staff.actor, &edition).await?)
    } else {
        Value::from_serialize(taxonomy::list_tags(state, &staff.actor, &edition).await?)
    };
    let status = err.as_ref().map_or(http::StatusCode::OK, HttpError::status);
    let ctx = context! {
        nav => kind,
        kind => kind,
        edition => edition,
        editions => Value::from_serialize(&editions),
        items => items,
        form => Value::from_serialize(&form),
        errors => err.as_ref().map(|e| Value::from_serialize(error_map(e))),
        notice => notice,
    };
    page_with_status(status, staff, &format!("admin/{kind}.html"), ctx)
}

pub async fn sections_page(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<EditionQuery>,
) -> AdminResult {
    can(&staff.actor, Action::ManageTaxonomy, Resource::None)?;
    let notice = Done { done: q.done }.notice();
    list_page(
        &state,
        &staff,
        "sections",
        &q.edition,
        NamedForm::default(),
        None,
        notice,
    )
    .await
}

pub async fn create_section(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<NamedForm>,
) -> AdminResult {
    can(&staff.actor, Action::ManageTaxonomy, Resource::None)?;
    let new = NewSection {
        edition: form.edition.clone(),
        slug: form.slug(),
        name: form.name.trim().to_owned(),
        position: form.position(),
    };
    match taxonomy::create_section(&state, &staff.actor, &new).await {
        Ok(s) => Ok(Redirect::to(&format!(
            "/admin/sections?edition={}&done=updated",
            s.edition
        ))
        .into_response()),
        Err(err) if is_form_error(&err) => {
            list_page(
                &state,
                &staff,
                "sections",
                &form.edition.clone(),
                form,
                Some(err.into()),
                None,
            )
            .await
        }
        Err(err) => Err(err.into()),
    }
}

async fn edit_page(
    staff: &Staff,
    kind: &str,
    item: Value,
    form: NamedForm,
    err: Option<HttpError>,
) -> AdminResult {
    let status = err.as_ref().map_or(http::StatusCode::OK, HttpError::status);
    let ctx = context! {
        nav => format!("{kind}s"),
        item => item,
        form => Value::from_serialize(&form),
        errors => err.as_ref().map(|e| Value::from_serialize(error_map(e))),
    };
    page_with_status(status, staff, &format!("admin/{kind}_edit.html"), ctx)
}

pub async fn section_form(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> AdminResult {
    let s = taxonomy::get_section(&state, &staff.actor, id).await?;
    let form = NamedForm {
        edition: s.edition.clone(),
        name: s.name.clone(),
        slug: s.slug.clone(),
        position: s.position.to_string(),
        csrf: String::new(),
    };
    edit_page(&staff, "section", Value::from_serialize(&s), form, None).await
}

pub async fn update_section(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<NamedForm>,
) -> AdminResult {
    let current = taxonomy::get_section(&state, &staff.actor, id).await?;
    let changed = Section {
        name: form.name.trim().to_owned(),
        slug: form.slug(),
        position: form.position(),
        ..current.clone()
    };
    match taxonomy::update_section(&state, &staff.actor, &changed).await {
        Ok(s) => Ok(Redirect::to(&format!(
            "/admin/sections?edition={}&done=updated",
            s.edition
        ))
        .into_response()),
        Err(err) if is_form_error(&err) => {
            edit_page(
                &staff,
                "section",
                Value::from_serialize(&current),
                form,
                Some(err.into()),
            )
            .await
        }
        Err(err) => Err(err.into()),
    }
}

pub async fn delete_section(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> AdminResult {
    let current = taxonomy::get_section(&state, &staff.actor, id).await?;
    taxonomy::delete_section(&state, &staff.actor, id).await?;
    Ok(Redirect::to(&format!(
        "/admin/sections?edition={}&done=removed",
        current.edition
    ))
    .into_response())
}

pub async fn tags_page(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<EditionQuery>,
) -> AdminResult {
    can(&staff.actor, Action::ManageTaxonomy, Resource::None)?;
    let notice = Done { done: q.done }.notice();
    list_page(
        &state,
        &staff,
        "tags",
        &q.edition,
        NamedForm::default(),
        None,
        notice,
    )
    .await
}

pub async fn create_tag(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<NamedForm>,
) -> AdminResult {
    can(&staff.actor, Action::ManageTaxonomy, Resource::None)?;
    let new = NewTag {
        edition: form.edition.clone(),
        slug: form.slug(),
        name: form.name.trim().to_owned(),
    };
    match taxonomy::create_tag(&state, &staff.actor, &new).await {
        Ok(t) => Ok(
            Redirect::to(&format!("/admin/tags?edition={}&done=updated", t.edition))
                .into_response(),
        ),
        Err(err) if is_form_error(&err) => {
            list_page(
                &state,
                &staff,
                "tags",
                &form.edition.clone(),
                form,
                Some(err.into()),
                None,
            )
            .await
        }
        Err(err) => Err(err.into()),
    }
}

pub async fn tag_form(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> AdminResult {
    let t = taxonomy::get_tag(&state, &staff.actor, id).await?;
    let form = NamedForm {
        edition: t.edition.clone(),
        name: t.name.clone(),
        slug: t.slug.clone(),
        ..NamedForm::default()
    };
    edit_page(&staff, "tag", Value::from_serialize(&t), form, None).await
}

pub async fn update_tag(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<NamedForm>,
) -> AdminResult {
    let current = taxonomy::get_tag(&state, &staff.actor, id).await?;
    let changed = Tag {
        name: form.name.trim().to_owned(),
        slug: form.slug(),
        ..current.clone()
    };
    match taxonomy::update_tag(&state, &staff.actor, &changed).await {
        Ok(t) => Ok(
            Redirect::to(&format!("/admin/tags?edition={}&done=updated", t.edition))
                .into_response(),
        ),
        Err(err) if is_form_error(&err) => {
            edit_page(
                &staff,
                "tag",
                Value::from_serialize(&current),
                form,
                Some(err.into()),
            )
            .await
        }
        Err(err) => Err(err.into()),
    }
}

pub async fn delete_tag(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> AdminResult {
    let current = taxonomy::get_tag(&state, &staff.actor, id).await?;
    taxonomy::delete_tag(&state, &staff.actor, id).await?;
    Ok(Redirect::to(&format!(
        "/admin/tags?edition={}&done=removed",
        current.edition
    ))
    .into_response())
}
