//! Author profiles (editors): name, slug, bio, photo, and the staff account behind them.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::Form;
use minijinja::{Value, context};
use newsdesk_core::Author;
use newsdesk_core::slug::slugify;
use newsdesk_site::{AppState, HttpError};
use newsdesk_store::NewAuthor;
use serde::{Deserialize, Serialize};

use crate::actions::authors;
use crate::admin::forms::{Done, error_map, is_form_error, optional_id};
use crate::admin::render::{AdminResult, page_with_status};
use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct AuthorForm {
    pub name: String,
    pub slug: String,
    pub bio: String,
    pub photo_id: String,
    pub account_id: String,
    pub csrf: String,
}

impl AuthorForm {
    fn from_author(a: &Author) -> Self {
        AuthorForm {
            name: a.name.clone(),
            slug: a.slug.clone(),
            bio: a.bio.clone(),
            photo_id: a.photo_id.map(|i| i.to_string()).unwrap_or_default(),
            account_id: a.account_id.map(|i| i.to_string()).unwrap_or_default(),
            csrf: String::new(),
        }
    }

    fn new_author(&self) -> Result<NewAuthor, HttpError> {
        let mut errors = Vec::new();
        let slug = if self.slug.trim().is_empty() {
            slugify(self.name.trim())
        } else {
            self.slug.trim().to_owned()
        };
        let new = NewAuthor {
            slug,
            name: self.name.trim().to_owned(),
            bio: self.bio.trim().to_owned(),
            photo_id: optional_id(&self.photo_id, "photo_id", &mut errors),
            account_id: optional_id(&self.account_id, "account_id", &mut errors),
        };
        crate::admin::forms::finish(errors)?;
        Ok(new)
    }
}

async fn list_page(
    state: &AppState,
    staff: &Staff,
    form: AuthorForm,
    err: Option<HttpError>,
    notice: Option<&'static str>,
) -> AdminResult {
    let list = authors::list(state, &staff.actor).await?;
    let accounts = state.store().list_accounts().await?;
    let accounts: Vec<_> = accounts.into_iter().filter(|a| a.role.is_staff()).collect();
    let status = err.as_ref().map_or(http::StatusCode::OK, HttpError::status);
    let ctx = context! {
        nav => "authors",
        authors => Value::from_serialize(&list),
        accounts => Value::from_serialize(&accounts),
        form => Value::from_serialize(&form),
        errors => err.as_ref().map(|e| Value::from_serialize(error_map(e))),
        notice => notice,
    };
    page_with_status(status, staff, "admin/authors.html", ctx)
}

pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(done): Query<Done>,
) -> AdminResult {
    can(&staff.actor, Action::ManageAuthors, Resource::None)?;
    list_page(&state, &staff, AuthorForm::default(), None, done.notice()).await
}

pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<AuthorForm>,
) -> AdminResult {
    can(&staff.actor, Action::ManageAuthors, Resource::None)?;
    let result = match form.new_author() {
        Ok(new) => authors::create(&state, &staff.actor, &new)
            .await
            .map_err(HttpError::from),
        Err(err) => Err(err),
    };
    match result {
        Ok(_) => Ok(Redirect::to("/admin/authors?done=updated").into_response()),
        Err(err) if is_form_error(&err) => list_page(&state, &staff, form, Some(err), None).await,
        Err(err) => Err(err.into()),
    }
}

async fn edit_page(
    state: &AppState,
    staff: &Staff,
    author: &Author,
    form: AuthorForm,
    err: Option<HttpError>,
) -> AdminResult {
    let accounts = state.store().list_accounts().await?;
    let accounts: Vec<_> = accounts.into_iter().filter(|a| a.role.is_staff()).collect();
    let status = err.as_ref().map_or(http::StatusCode::OK, HttpError::status);
    let ctx = context! {
        nav => "authors",
        item => Value::from_serialize(author),
        accounts => Value::from_serialize(&accounts),
        form => Value::from_serialize(&form),
        errors => err.as_ref().map(|e| Value::from_serialize(error_map(e))),
    };
    page_with_status(status, staff, "admin/author_edit.html", ctx)
}

pub async fn edit_form(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> AdminResult {
    let author = authors::get(&state, &staff.actor, id).await?;
    edit_page(
        &state,
        &staff,
        &author,
        AuthorForm::from_author(&author),
        None,
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<AuthorForm>,
) -> AdminResult {
    let current = authors::get(&state, &staff.actor, id).await?;
    let result = match form.new_author() {
        Ok(new) => {
            let changed = Author {
                id,
                slug: new.slug,
                name: new.name,
                bio: new.bio,
                photo_id: new.photo_id,
                account_id: new.account_id,
            };
            authors::update(&state, &staff.actor, &changed)
                .await
                .map_err(HttpError::from)
        }
        Err(err) => Err(err),
    };
    match result {
        Ok(_) => Ok(Redirect::to("/admin/authors?done=updated").into_response()),
        Err(err) if is_form_error(&err) => {
            edit_page(&state, &staff, &current, form, Some(err)).await
        }
        Err(err) => Err(err.into()),
    }
}
