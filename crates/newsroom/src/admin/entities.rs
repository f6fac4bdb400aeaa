//! Entity notes (editors): an entity's name, aliases (one per line) and its note in each
//! edition. Articles naming it get the asterisk and the note when rendered.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use minijinja::{Value, context};
use newsdesk_core::Entity;
use newsdesk_site::{AppState, HttpError};
use newsdesk_store::NewEntity;
use serde::Serialize;

use crate::actions::entities;
use crate::admin::forms::{Done, error_map, is_form_error};
use crate::admin::render::{AdminResult, page_with_status};
use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

/// The entity form, read from raw pairs because the notes are one field per edition
/// (`note_en`, `note_ru`, …) whose names depend on the site's editions.
#[derive(Debug, Default, Clone, Serialize)]
pub struct EntityForm {
    pub name: String,
    pub aliases: String,
    pub notes: BTreeMap<String, String>,
}

impl EntityForm {
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut form = EntityForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "name" => form.name = v,
                "aliases" => form.aliases = v,
                _ => {
                    if let Some(code) = k.strip_prefix("note_") {
                        form.notes.insert(code.to_owned(), v);
                    }
                }
            }
        }
        form
    }

    fn from_entity(e: &Entity) -> Self {
        EntityForm {
            name: e.name.clone(),
            aliases: e.aliases.join("\n"),
            notes: e.notes.clone(),
        }
    }

    fn new_entity(&self) -> NewEntity {
        NewEntity {
            name: self.name.trim().to_owned(),
            aliases: self
                .aliases
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            notes: self
                .notes
                .iter()
                .map(|(k, v)| (k.clone(), v.trim().to_owned()))
                .filter(|(_, v)| !v.is_empty())
                .collect(),
        }
    }
}

async fn list_page(
    state: &AppState,
    staff: &Staff,
    form: EntityForm,
    err: Option<HttpError>,
    notice: Option<&'static str>,
) -> AdminResult {
    let list = entities::list(state, &staff.actor).await?;
    let editions = state.store().list_editions().await?;
    let status = err.as_ref().map_or(http::StatusCode::OK, HttpError::status);
    let ctx = context! {
        nav => "entities",
        entities => Value::from_serialize(&list),
        editions => Value::from_serialize(&editions),
        form => Value::from_serialize(&form),
        errors => err.as_ref().map(|e| Value::from_serialize(error_map(e))),
        notice => notice,
    };
    page_with_status(status, staff, "admin/entities.html", ctx)
}

pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(done): Query<Done>,
) -> AdminResult {
    can(&staff.actor, Action::ManageEntities, Resource::None)?;
    list_page(&state, &staff, EntityForm::default(), None, done.notice()).await
}

pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    body: axum::body::Bytes,
) -> AdminResult {
    can(&staff.actor, Action::ManageEntities, Resource::None)?;
    let form = EntityForm::from_pairs(pairs(&body));
    match entities::create(&state, &staff.actor, &form.new_entity()).await {
        Ok(_) => Ok(Redirect::to("/admin/entities?done=updated").into_response()),
        Err(err) if is_form_error(&err) => {
            list_page(&state, &staff, form, Some(err.into()), None).await
        }
        Err(err) => Err(err.into()),
    }
}

async fn edit_page(
    state: &AppState,
    staff: &Staff,
    entity: &Entity,
    form: EntityForm,
    err: Option<HttpError>,
) -> AdminResult {
    let editions = state.store().list_editions().await?;
    let status = err.as_ref().map_or(http::StatusCode::OK, HttpError::status);
    let ctx = context! {
        nav => "entities",
        item => Value::from_serialize(entity),
        editions => Value::from_serialize(&editions),
        form => Value::from_serialize(&form),
        errors => err.as_ref().map(|e| Value::from_serialize(error_map(e))),
    };
    page_with_status(status, staff, "admin/entity_edit.html", ctx)
}

pub async fn edit_form(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> AdminResult {
    let entity = entities::get(&state, &staff.actor, id).await?;
    edit_page(
        &state,
        &staff,
        &entity,
        EntityForm::from_entity(&entity),
        None,
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: axum::body::Bytes,
) -> AdminResult {
    let current = entities::get(&state, &staff.actor, id).await?;
    let form = EntityForm::from_pairs(pairs(&body));
    let new = form.new_entity();
    let changed = Entity {
        id,
        name: new.name,
        aliases: new.aliases,
        notes: new.notes,
    };
    match entities::update(&state, &staff.actor, &changed).await {
        Ok(_) => Ok(Redirect::to("/admin/entities?done=updated").into_response()),
        Err(err) if is_form_error(&err) => {
            edit_page(&state, &staff, &current, form, Some(err.into())).await
        }
        Err(err) => Err(err.into()),
    }
}

pub async fn delete(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> AdminResult {
    entities::delete(&state, &staff.actor, id).await?;
    Ok(Redirect::to("/admin/entities?done=removed").into_response())
}

fn pairs(body: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}
