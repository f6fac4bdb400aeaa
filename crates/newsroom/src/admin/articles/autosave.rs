//! The editor's autosave: the endpoints `static/autosave.js` posts to, and what the editor
//! page says about an autosave when it opens.
//!
//! `POST /admin/articles/{id}/autosave` and `POST /admin/articles/new/autosave?edition=…`
//! take the form's text fields urlencoded: what `navigator.sendBeacon` can send as the page
//! is left, with the CSRF token in the body (it cannot set headers), and what `fetch` sends
//! every few seconds with the token in `X-CSRF-Token`. They answer JSON whatever the
//! request accepts, since only scripts call them: 200 with the time, 409 when the text is
//! older than a save or autosave already stored, 413 when a field is over the article's
//! limit.

use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, SecondsFormat, Utc};
use http::header::CONTENT_TYPE;
use http::{HeaderMap, StatusCode};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use minijinja::{Value, context};
use newsdesk_core::{Article, ValidationError};
use newsdesk_site::{AppState, HttpError};
use newsdesk_store::{Autosave, AutosaveFields, AutosaveSlot, AutosaveWrite};
use serde::Deserialize;
use serde_json::json;

use crate::actions::autosave as actions;
use crate::admin::articles::form::ArticleForm;
use crate::admin::render::AdminError;
use crate::auth::Staff;
use crate::auth::middleware::wants_json;
use crate::policy::{Action, Resource, can};

/// The largest request read. A body at its 200,000-character limit in a four-byte script,
/// percent-encoded, still fits; the per-field character limits checked next are the real
/// bound, and say which field is too long.
const MAX_REQUEST_BYTES: usize = 4 * 1024 * 1024;

/// `?autosave=restore` on the editor: open it with the account's autosave in the form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RestoreQuery {
    pub autosave: String,
}

impl RestoreQuery {
    pub fn restores(&self) -> bool {
        self.autosave == "restore"
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditionQuery {
    pub edition: String,
}

/// `POST /admin/articles/{id}/autosave`.
pub async fn save_article(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, HttpError> {
    let posted = read_form(&headers, body).await?;
    // Judged after the rights (by the store): who may not edit the article hears that first.
    let version = posted.version.trim().parse::<i64>().ok();
    let slot = AutosaveSlot::Article(id);
    let write = actions::put(&state, &staff.actor, &slot, version, &posted.fields).await?;
    Ok(answer(&state, write).await)
}

/// `POST /admin/articles/new/autosave?edition=…` (or the form's `edition` field).
pub async fn save_new(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<EditionQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, HttpError> {
    // Before the request is judged: who may not write articles hears that first.
    can(&staff.actor, Action::CreateArticle, Resource::None)?;
    let posted = read_form(&headers, body).await?;
    let edition = edition_of(&q.edition, &posted.edition)?;
    let slot = AutosaveSlot::New(edition);
    let write = actions::put(&state, &staff.actor, &slot, None, &posted.fields).await?;
    Ok(answer(&state, write).await)
}

/// `POST /admin/articles/{id}/autosave/discard`: the notice's "Discard it". A script gets
/// 204, a plain form goes back to the editor.
pub async fn discard_article(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    let slot = AutosaveSlot::Article(id);
    discarded(
        &state,
        &staff,
        &slot,
        &headers,
        format!("/admin/articles/{id}"),
    )
    .await
}

/// `POST /admin/articles/new/autosave/discard?edition=…`.
pub async fn discard_new(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<EditionQuery>,
    headers: HeaderMap,
) -> Response {
    if let Err(err) = can(&staff.actor, Action::ViewNewsroom, Resource::None) {
        return failed(&headers, err.into());
    }
    let edition = match edition_of(&q.edition, "") {
        Ok(edition) => edition,
        Err(err) => return failed(&headers, err),
    };
    let back = format!("/admin/articles/new?edition={}", encode(&edition));
    discarded(&state, &staff, &AutosaveSlot::New(edition), &headers, back).await
}

async fn discarded(
    state: &AppState,
    staff: &Staff,
    slot: &AutosaveSlot,
    headers: &HeaderMap,
    back: String,
) -> Response {
    match actions::discard(state, &staff.actor, slot).await {
        Ok(()) if wants_json(headers, "") => StatusCode::NO_CONTENT.into_response(),
        Ok(()) => Redirect::to(&back).into_response(),
        Err(err) => failed(headers, err.into()),
    }
}

fn failed(headers: &HeaderMap, err: HttpError) -> Response {
    if wants_json(headers, "") {
        err.into_response()
    } else {
        AdminError(err).into_response()
    }
}

fn edition_of(query: &str, field: &str) -> Result<String, HttpError> {
    let edition = if query.trim().is_empty() {
        field
    } else {
        query
    }
    .trim();
    if edition.is_empty() {
        return Err(ValidationError::single("edition", "must be chosen").into());
    }
    Ok(edition.to_owned())
}

/// What an autosave request carries.
#[derive(Debug, Default)]
struct Posted {
    version: String,
    edition: String,
    fields: AutosaveFields,
}

async fn read_form(headers: &HeaderMap, body: Body) -> Result<Posted, HttpError> {
    let urlencoded = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.to_ascii_lowercase()
                .starts_with("application/x-www-form-urlencoded")
        });
    if !urlencoded {
        return Err(HttpError::UnsupportedMedia(
            "send the form's fields as application/x-www-form-urlencoded".to_owned(),
        ));
    }
    let bytes = match Limited::new(body, MAX_REQUEST_BYTES).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(err) if err.downcast_ref::<LengthLimitError>().is_some() => {
            return Err(HttpError::PayloadTooLarge(format!(
                "not autosaved: the request is larger than {} MB",
                MAX_REQUEST_BYTES / (1024 * 1024)
            )));
        }
        Err(err) => {
            return Err(HttpError::BadRequest(format!(
                "could not read the request body: {err}"
            )));
        }
    };
    let mut posted = Posted::default();
    for (key, value) in url::form_urlencoded::parse(&bytes) {
        let f = &mut posted.fields;
        let into = match key.as_ref() {
            "version" => &mut posted.version,
            "edition" => &mut posted.edition,
            "headline" => &mut f.headline,
            "lead" => &mut f.lead,
            "body" => &mut f.body,
            "slug" => &mut f.slug,
            "seo_title" => &mut f.seo_title,
            "meta_description" => &mut f.meta_description,
            // The CSRF token (checked by the session layer) and anything else.
            _ => continue,
        };
        *into = value.into_owned();
    }
    Ok(posted)
}

async fn answer(state: &AppState, write: AutosaveWrite) -> Response {
    match write {
        AutosaveWrite::Saved {
            autosave,
            current_version,
        } => {
            let time = clock(state, &autosave.edition, autosave.saved_at).await;
            Json(json!({
                "saved_at": autosave.saved_at,
                "time": time,
                "based_on": autosave.base_version,
                "current_version": current_version,
                "stale": is_stale(autosave.base_version, current_version),
            }))
            .into_response()
        }
        AutosaveWrite::Superseded { current_version } => conflict(
            "autosave_superseded",
            format!(
                "not autosaved: you saved this article since (it is at version \
                 {current_version}); reload it to go on from your save"
            ),
        ),
        AutosaveWrite::NewerKept(kept) => {
            let time = clock(state, &kept.edition, kept.saved_at).await;
            conflict(
                "newer_autosave",
                format!(
                    "not autosaved: your autosave from {time}, made from a newer version of \
                     this article in another window, is kept; reload to see it"
                ),
            )
        }
    }
}

/// The error body every JSON answer uses, for the two refusals that are not errors of the
/// request but of its timing.
fn conflict(code: &str, message: String) -> Response {
    let body = json!({ "error": { "code": code, "message": message } });
    (StatusCode::CONFLICT, Json(body)).into_response()
}

fn is_stale(based_on: Option<i64>, current: Option<i64>) -> bool {
    matches!((based_on, current), (Some(b), Some(c)) if b < c)
}

/// `HH:MM` in the edition's zone, as the editor shows its other times.
async fn clock(state: &AppState, edition: &str, at: DateTime<Utc>) -> String {
    let tz = match state.store().get_edition(edition).await {
        Ok(e) => e.tz(),
        Err(_) => chrono_tz::UTC,
    };
    at.with_timezone(&tz).format("%H:%M").to_string()
}

fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// Where the editor page's script posts, and where "Discard it" goes.
fn endpoints(article: Option<&Article>, edition: &str) -> (String, String) {
    match article {
        Some(a) => (
            format!("/admin/articles/{}/autosave", a.id),
            format!("/admin/articles/{}/autosave/discard", a.id),
        ),
        None => {
            let q = encode(edition);
            (
                format!("/admin/articles/new/autosave?edition={q}"),
                format!("/admin/articles/new/autosave/discard?edition={q}"),
            )
        }
    }
}

/// The template's `autosave` for a page that offers nothing (a refused save shows the
/// text that was sent; autosaving it goes on).
pub fn quiet(article: Option<&Article>, edition: &str) -> Value {
    let (url, discard) = endpoints(article, edition);
    context! { url, discard }
}

/// The template's `autosave` when the editor opens: the notice offering the account's
/// autosave when it is newer than the saved article and differs from it (any autosave
/// with text, for a new article), or with `restore`, the form filled from it. A restored
/// form carries the version the autosave was made from, so saving it over a newer save
/// is refused with both texts shown, never done unseen.
pub async fn offer(
    state: &AppState,
    staff: &Staff,
    article: Option<&Article>,
    form: &mut ArticleForm,
    restore: bool,
) -> Result<Value, HttpError> {
    let (url, discard) = endpoints(article, &form.edition);
    let slot = match article {
        Some(a) => AutosaveSlot::Article(a.id),
        None if form.edition.is_empty() => return Ok(context! { url, discard }),
        None => AutosaveSlot::New(form.edition.clone()),
    };
    let Some(saved) = actions::get(state, &staff.actor, &slot).await? else {
        return Ok(context! { url, discard });
    };
    let current_version = article.map(|a| a.version);
    let about = context! {
        time => clock(state, &saved.edition, saved.saved_at).await,
        // `<time datetime>` takes at most three fractional digits; the store keeps six.
        saved_at => saved.saved_at.to_rfc3339_opts(SecondsFormat::Secs, true),
        stale => is_stale(saved.base_version, current_version),
        based_on => saved.base_version,
        current_version => current_version,
    };
    if restore {
        fill(form, &saved);
        return Ok(context! { url, discard, restored => about });
    }
    if !offered(&saved, article) {
        return Ok(context! { url, discard });
    }
    Ok(context! { url, discard, notice => about })
}

fn offered(saved: &Autosave, article: Option<&Article>) -> bool {
    match article {
        Some(a) => {
            saved.saved_at > a.updated_at
                && !saved.fields.same_text_as(&AutosaveFields::of_article(a))
        }
        None => !saved.fields.same_text_as(&AutosaveFields::default()),
    }
}

fn fill(form: &mut ArticleForm, saved: &Autosave) {
    let f = saved.fields.clone();
    form.headline = f.headline;
    form.lead = f.lead;
    form.body = f.body;
    form.slug = f.slug;
    form.seo_title = f.seo_title;
    form.meta_description = f.meta_description;
    if let Some(version) = saved.base_version {
        form.version = version.to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_older_base_is_stale() {
        assert!(is_stale(Some(3), Some(4)));
        assert!(!is_stale(Some(4), Some(4)));
        assert!(!is_stale(None, None));
    }

    #[test]
    fn the_query_names_the_edition_before_the_form() {
        assert_eq!(edition_of("ar", "en").ok().as_deref(), Some("ar"));
        assert_eq!(edition_of(" ", "en").ok().as_deref(), Some("en"));
        assert!(edition_of("", " ").is_err());
    }

    #[test]
    fn a_new_article_posts_to_its_editions_slot() {
        let (url, discard) = endpoints(None, "pt-BR");
        assert_eq!(url, "/admin/articles/new/autosave?edition=pt-BR");
        assert_eq!(
            discard,
            "/admin/articles/new/autosave/discard?edition=pt-BR"
        );
    }
}
