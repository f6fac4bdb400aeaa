//! `/admin/newsfeed`: the short items written for an edition's newsfeed (authors, editors
//! and admins): the list newest first, a form to write one, and per item edit, publish,
//! unpublish and delete. Marking an item as breaking news takes an editor.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::Form;
use http::StatusCode;
use minijinja::{Value, context};
use newsdesk_core::{Edition, NewsItem, NewsItemDraft, NewsItemStatus, Role, ValidationError};
use newsdesk_site::{AppState, HttpError};
use serde::{Deserialize, Serialize};

use crate::actions::live;
use crate::admin::forms::{checkbox, error_map, is_form_error, page_number};
use crate::admin::render::{AdminResult, page_with_status};
use crate::auth::Staff;
use crate::policy::{Action, Resource, allowed, can};

/// Items shown per page.
pub const PER_PAGE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    edition: String,
    status: String,
    page: String,
    done: String,
    /// A breaking item just published: the page offers its breaking alert.
    alert: String,
}

/// The fields of the item form (new and edit). `text` is the item's paragraph
/// ([`NewsItemDraft::body`]).
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct ItemForm {
    pub edition: String,
    pub headline: String,
    pub text: String,
    pub link: String,
    pub important: String,
    pub breaking: String,
    /// Which button: `publish` (Publish now) or `draft` (Save draft).
    pub publish: String,
}

impl ItemForm {
    fn draft(&self, edition: &str) -> NewsItemDraft {
        NewsItemDraft {
            edition: edition.to_owned(),
            headline: self.headline.trim().to_owned(),
            body: self.text.trim().to_owned(),
            link: self.link.trim().to_owned(),
            important: checkbox(&self.important),
            breaking: checkbox(&self.breaking),
        }
    }

    fn from_item(item: &NewsItem) -> Self {
        let on = |b: bool| if b { "on" } else { "" }.to_owned();
        ItemForm {
            edition: item.edition.clone(),
            headline: item.headline.clone(),
            text: item.body.clone(),
            link: item.link.clone(),
            important: on(item.important),
            breaking: on(item.breaking),
            publish: String::new(),
        }
    }
}

/// The notice after a redirect: a fixed code, never text from the URL.
fn notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "published" => "Published: the item is in the newsfeed now.",
        "drafted" => "Saved as a draft: readers do not see it until it is published.",
        "saved" => "Saved. A published item changes in the newsfeed at once.",
        "unpublished" => "Unpublished: the item left the newsfeed.",
        "deleted" => "Deleted.",
        _ => return None,
    })
}

/// The item's paragraph is `text` on the form and in the Admin API, `body` in the draft:
/// errors about it are shown next to the field the person filled in.
pub fn body_is_text(err: HttpError) -> HttpError {
    match err {
        HttpError::Invalid(v) => HttpError::Invalid(ValidationError {
            errors: v
                .errors
                .into_iter()
                .map(|mut e| {
                    if e.field == "body" {
                        e.field = "text";
                    }
                    e
                })
                .collect(),
        }),
        other => other,
    }
}

/// The edition asked for, or the default one, with every edition (for the switcher).
async fn pick_edition(state: &AppState, asked: &str) -> Result<(Edition, Vec<Edition>), HttpError> {
    let editions = state.store().list_editions().await?;
    let edition = editions
        .iter()
        .find(|e| e.code == asked)
        .or_else(|| editions.iter().find(|e| e.is_default))
        .or_else(|| editions.first())
        .cloned()
        .ok_or(HttpError::NotFound)?;
    Ok((edition, editions))
}

#[derive(Debug, Serialize)]
struct Row {
    id: i64,
    headline: String,
    text: String,
    link: String,
    important: bool,
    breaking: bool,
    status: &'static str,
    published_at: Option<chrono::DateTime<chrono::Utc>>,
    updated_at: chrono::DateTime<chrono::Utc>,
    author: Option<String>,
}

/// Names of the staff who wrote `items`, by account id.
async fn authors(state: &AppState, items: &[NewsItem]) -> Result<HashMap<i64, String>, HttpError> {
    let mut names = HashMap::new();
    for id in items.iter().filter_map(|i| i.created_by) {
        if names.contains_key(&id) {
            continue;
        }
        match state.store().get_account(id).await {
            Ok(account) => {
                names.insert(id, account.name);
            }
            Err(newsdesk_store::StoreError::NotFound) => {}
            Err(err) => return Err(err.into()),
        }
    }
    Ok(names)
}

async fn list_page(
    state: &AppState,
    staff: &Staff,
    q: &ListQuery,
    form: ItemForm,
    err: Option<HttpError>,
) -> AdminResult {
    let asked = if form.edition.is_empty() {
        q.edition.as_str()
    } else {
        form.edition.as_str()
    };
    let (edition, editions) = pick_edition(state, asked).await?;
    let status = q.status.parse::<NewsItemStatus>().ok();
    let page_no = page_number(&q.page);
    let items = live::news_items(
        state,
        &staff.actor,
        Some(&edition.code),
        status,
        PER_PAGE + 1,
        (page_no - 1) * PER_PAGE,
    )
    .await?;
    let more = items.len() as i64 > PER_PAGE;
    let items: Vec<NewsItem> = items.into_iter().take(PER_PAGE as usize).collect();
    let names = authors(state, &items).await?;
    let rows: Vec<Row> = items
        .into_iter()
        .map(|i| Row {
            author: i.created_by.and_then(|id| names.get(&id).cloned()),
            id: i.id,
            headline: i.headline,
            text: i.body,
            link: i.link,
            important: i.important,
            breaking: i.breaking,
            status: i.status.as_str(),
            published_at: i.published_at,
            updated_at: i.updated_at,
        })
        .collect();
    let http_status = err.as_ref().map_or(StatusCode::OK, HttpError::status);
    let ctx = context! {
        nav => "newsfeed",
        edition => edition.code,
        tz => edition.time_zone,
        editions => Value::from_serialize(&editions),
        status => status.map(NewsItemStatus::as_str).unwrap_or_default(),
        statuses => ["draft", "published", "unpublished"],
        items => Value::from_serialize(&rows),
        page => page_no,
        more => more,
        form => Value::from_serialize(&form),
        errors => err.as_ref().map(|e| Value::from_serialize(error_map(e))),
        notice => notice(&q.done),
        can_breaking => staff.actor.role >= Role::Editor,
        alert_item => alert_offer(state, staff, &q.alert).await?,
    };
    page_with_status(http_status, staff, "admin/newsfeed.html", ctx)
}

/// The item `?alert=` names, when the person may send breaking alerts and none went about
/// it yet: the notice after publishing a breaking item links to its alert.
async fn alert_offer(state: &AppState, staff: &Staff, raw: &str) -> Result<Option<i64>, HttpError> {
    let Some(id) = raw.trim().parse::<i64>().ok() else {
        return Ok(None);
    };
    if !allowed(&staff.actor, Action::ManageNewsletters, Resource::None) {
        return Ok(None);
    }
    let key = newsdesk_site::newsletters::issues::AlertSubject::NewsItem(id).key();
    Ok((!state.store().issue_exists(&key).await?).then_some(id))
}

/// Where to go after `item` was saved with `done`: a breaking item that went live offers
/// its alert there.
fn after_save(item: &NewsItem, done: &str) -> String {
    let alert = if item.breaking && item.status == NewsItemStatus::Published {
        format!("&alert={}", item.id)
    } else {
        String::new()
    };
    format!(
        "/admin/newsfeed?edition={}&done={done}{alert}",
        item.edition
    )
}

pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<ListQuery>,
) -> AdminResult {
    // Reading the list is open to every writer, but this page is for those who write items.
    can(&staff.actor, Action::WriteNewsfeed, Resource::None)?;
    list_page(&state, &staff, &q, ItemForm::default(), None).await
}

pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<ItemForm>,
) -> AdminResult {
    // Who may, before what they sent: a contributor learns that, not which field was wrong.
    can(&staff.actor, Action::WriteNewsfeed, Resource::None)?;
    let publish = form.publish == "publish";
    let draft = form.draft(form.edition.trim());
    match live::create_news_item(&state, &staff.actor, &draft, publish).await {
        Ok(item) => Ok(Redirect::to(&after_save(
            &item,
            if publish { "published" } else { "drafted" },
        ))
        .into_response()),
        Err(err) if is_form_error(&err) || matches!(err, newsdesk_app::Error::Forbidden(_)) => {
            let q = ListQuery {
                edition: form.edition.clone(),
                ..ListQuery::default()
            };
            list_page(&state, &staff, &q, form, Some(body_is_text(err.into()))).await
        }
        Err(err) => Err(err.into()),
    }
}

async fn edit_page(
    state: &AppState,
    staff: &Staff,
    item: &NewsItem,
    form: ItemForm,
    err: Option<HttpError>,
) -> AdminResult {
    let http_status = err.as_ref().map_or(StatusCode::OK, HttpError::status);
    let tz = crate::admin::time::edition_zone(state, &item.edition).await;
    let ctx = context! {
        nav => "newsfeed",
        tz => tz,
        item => context! {
            id => item.id,
            edition => item.edition.clone(),
            status => item.status.as_str(),
            breaking => item.breaking,
            published_at => item.published_at,
            created_at => item.created_at,
            updated_at => item.updated_at,
        },
        form => Value::from_serialize(&form),
        errors => err.as_ref().map(|e| Value::from_serialize(error_map(e))),
        // An author may take the mark off an item an editor marked, not put it on.
        can_breaking => staff.actor.role >= Role::Editor || item.breaking,
    };
    page_with_status(http_status, staff, "admin/newsfeed_edit.html", ctx)
}

pub async fn edit_form(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> AdminResult {
    can(&staff.actor, Action::WriteNewsfeed, Resource::None)?;
    let item = live::news_item(&state, &staff.actor, id).await?;
    edit_page(&state, &staff, &item, ItemForm::from_item(&item), None).await
}

pub async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<ItemForm>,
) -> AdminResult {
    can(&staff.actor, Action::WriteNewsfeed, Resource::None)?;
    let item = live::news_item(&state, &staff.actor, id).await?;
    let draft = form.draft(&item.edition);
    match live::update_news_item(&state, &staff.actor, id, &draft).await {
        Ok(saved) => Ok(Redirect::to(&format!(
            "/admin/newsfeed?edition={}&done=saved",
            saved.edition
        ))
        .into_response()),
        Err(err) if is_form_error(&err) || matches!(err, newsdesk_app::Error::Forbidden(_)) => {
            edit_page(&state, &staff, &item, form, Some(body_is_text(err.into()))).await
        }
        Err(err) => Err(err.into()),
    }
}

async fn set_status(state: &AppState, staff: &Staff, id: i64, publish: bool) -> AdminResult {
    let item = live::publish_news_item(state, &staff.actor, id, publish).await?;
    Ok(Redirect::to(&after_save(
        &item,
        if publish { "published" } else { "unpublished" },
    ))
    .into_response())
}

pub async fn publish(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> AdminResult {
    set_status(&state, &staff, id, true).await
}

pub async fn unpublish(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> AdminResult {
    set_status(&state, &staff, id, false).await
}

pub async fn delete(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> AdminResult {
    can(&staff.actor, Action::WriteNewsfeed, Resource::None)?;
    let item = live::news_item(&state, &staff.actor, id).await?;
    live::delete_news_item(&state, &staff.actor, id).await?;
    Ok(Redirect::to(&format!(
        "/admin/newsfeed?edition={}&done=deleted",
        item.edition
    ))
    .into_response())
}
