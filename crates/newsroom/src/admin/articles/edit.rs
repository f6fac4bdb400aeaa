//! The article editor: new, edit, save (with optimistic locking), save-and-publish.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::Form;
use http::StatusCode;
use minijinja::context;
use newsdesk_site::{AppState, HttpError};
use serde::Deserialize;

use crate::actions::{articles, revisions};
use crate::admin::articles::autosave;
use crate::admin::articles::form::{ArticleForm, EditorPage, editor_context};
use crate::admin::articles::not_published;
use crate::admin::articles::workflow::published_notice;
use crate::admin::forms::{Done, error_map, is_form_error};
use crate::admin::render::{AdminResult, page, page_with_status};
use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

const TEMPLATE: &str = "admin/articles/edit.html";

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewQuery {
    pub edition: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<NewQuery>,
    Query(restore): Query<autosave::RestoreQuery>,
) -> AdminResult {
    can(&staff.actor, Action::CreateArticle, Resource::None)?;
    let edition = if q.edition.is_empty() {
        let editions = state.store().list_editions().await?;
        editions.first().map(|e| e.code.clone()).unwrap_or_default()
    } else {
        q.edition
    };
    let mut form = ArticleForm::blank(&edition);
    let offer = autosave::offer(&state, &staff, None, &mut form, restore.restores()).await?;
    let page_ctx = EditorPage {
        form: &form,
        article: None,
        errors: Default::default(),
        notice: None,
        stale: None,
    };
    let ctx = editor_context(&state, &staff.actor, page_ctx).await?;
    page(&staff, TEMPLATE, context! { autosave => offer, ..ctx })
}

pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<ArticleForm>,
) -> AdminResult {
    can(&staff.actor, Action::CreateArticle, Resource::None)?;
    let result = match form.draft() {
        Ok(draft) => articles::create(&state, &staff.actor, &draft).await,
        Err(invalid) => Err(invalid.into()),
    };
    let article = match result {
        Ok(article) => article,
        Err(err) if is_form_error(&err) => {
            return refused(&state, &staff, &form, None, err.into()).await;
        }
        Err(err) => return Err(err.into()),
    };
    if form.then == "publish" {
        return match articles::publish(&state, &staff.actor, article.id).await {
            Ok(done) => Ok(Redirect::to(&format!(
                "/admin/articles/{}?done={}",
                article.id,
                published_notice(done.changed)
            ))
            .into_response()),
            Err(err) => saved_not_published(&state, &staff, &article, err.into()).await,
        };
    }
    Ok(Redirect::to(&format!("/admin/articles/{}?done=created", article.id)).into_response())
}

pub async fn edit_form(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Query(done): Query<Done>,
    Query(restore): Query<autosave::RestoreQuery>,
) -> AdminResult {
    let article = articles::get(&state, &staff.actor, id).await?;
    let mut form = ArticleForm::from_article(&article);
    let offer = autosave::offer(
        &state,
        &staff,
        Some(&article),
        &mut form,
        restore.restores(),
    )
    .await?;
    let page_ctx = EditorPage {
        form: &form,
        article: Some(&article),
        errors: Default::default(),
        notice: done.notice(),
        stale: None,
    };
    let ctx = editor_context(&state, &staff.actor, page_ctx).await?;
    page(&staff, TEMPLATE, context! { autosave => offer, ..ctx })
}

pub async fn save(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(mut form): Form<ArticleForm>,
) -> AdminResult {
    let current = articles::get(&state, &staff.actor, id).await?;
    // An article's edition never changes; the form need not (and cannot) say otherwise.
    form.edition = current.edition.clone();
    can(
        &staff.actor,
        Action::EditArticle,
        Resource::article(&current),
    )?;
    if form.then == "publish" {
        // Checked before saving, so a refused publish does not leave half the work done.
        can(
            &staff.actor,
            Action::PublishArticle,
            Resource::article(&current),
        )?;
    }
    let result = match form.draft() {
        Ok(draft) => articles::save(&state, &staff.actor, id, form.version(), &draft).await,
        Err(invalid) => Err(invalid.into()),
    };
    let article = match result {
        Ok(article) => article,
        Err(err) if is_form_error(&err) => {
            return refused(&state, &staff, &form, Some(&current), err.into()).await;
        }
        Err(err) => return Err(err.into()),
    };
    if form.then == "publish" {
        return match articles::publish(&state, &staff.actor, id).await {
            // Published meanwhile by someone else: the save went to the live article.
            Ok(done) => Ok(Redirect::to(&format!(
                "/admin/articles/{id}?done={}",
                if done.changed { "published" } else { "saved" }
            ))
            .into_response()),
            Err(err) => saved_not_published(&state, &staff, &article, err.into()).await,
        };
    }
    Ok(Redirect::to(&format!("/admin/articles/{id}?done=saved")).into_response())
}

/// "Save and publish" after the save went through: the editor shows the saved draft (its
/// new version, so the next save is not stale) under "Saved as a draft, but not
/// published", with each reason and the fields concerned highlighted. A server failure
/// stays an error page; the draft is saved all the same, which its revisions show.
async fn saved_not_published(
    state: &AppState,
    staff: &Staff,
    article: &newsdesk_core::Article,
    err: HttpError,
) -> AdminResult {
    let status = err.status();
    if !status.is_client_error() {
        return Err(err.into());
    }
    let form = ArticleForm::from_article(article);
    let page_ctx = EditorPage {
        form: &form,
        article: Some(article),
        errors: error_map(&err),
        notice: None,
        stale: None,
    };
    let ctx = editor_context(state, &staff.actor, page_ctx).await?;
    let why = not_published::explain(state, article, &err).await;
    let ctx = context! { not_published => why, ..ctx };
    page_with_status(status, staff, TEMPLATE, ctx)
}

/// Re-renders the editor with what was typed and why it was refused. A stale save keeps
/// the person's text, shows what changed in the meantime, and moves the form to the
/// current version: saving again is then a deliberate choice to replace the other edit.
async fn refused(
    state: &AppState,
    staff: &Staff,
    form: &ArticleForm,
    current: Option<&newsdesk_core::Article>,
    err: HttpError,
) -> AdminResult {
    let status = err.status();
    let mut form = form.clone();
    let mut stale = None;
    let mut article = current.cloned();
    if let HttpError::Stale { .. } = err
        && let Some(id) = current.map(|a| a.id)
    {
        let latest = state.store().get_article(id).await?;
        let theirs = latest.draft();
        let mine = form.draft().unwrap_or_else(|_| theirs.clone());
        stale = Some(context! {
            your_version => form.version(),
            current_version => latest.version,
            fields => minijinja::Value::from_serialize(revisions::diff_drafts(&theirs, &mine)),
        });
        form.version = latest.version.to_string();
        article = Some(latest);
    }
    let errors = error_map(&err);
    let page_ctx = EditorPage {
        form: &form,
        article: article.as_ref(),
        errors,
        notice: None,
        stale,
    };
    let ctx = editor_context(state, &staff.actor, page_ctx).await?;
    let status = if status.is_client_error() {
        status
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page_with_status(status, staff, TEMPLATE, ctx)
}
