//! The library pages: `/admin/media` (grid with search), `/admin/media/new` (upload form),
//! `/admin/media/{id}` (caption, alt text, credit, focal point and crops — see
//! [`super::focus`] and [`super::crops`]) and its delete button.

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, Query, Request, State};
use axum::response::{IntoResponse, Redirect};
use http::StatusCode;
use minijinja::{Value, context};
use newsdesk_core::Photo;
use newsdesk_site::{AppState, HttpError};
use serde::{Deserialize, Serialize};

use super::actions::{self, TextChange};
use super::body::read_upload;
use super::focus::{self, FocusView};
use super::render::page;
use super::upload::{UploadText, limits, upload};
use crate::admin::forms::{error_map, is_form_error, page_number};
use crate::admin::render::{AdminError, AdminResult};
use crate::api::dto::photos::PhotoOut;
use crate::auth::Staff;
use crate::policy::{Action, Resource, allowed, can};

const PER_PAGE: i64 = 24;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    pub page: String,
    pub done: String,
}

fn notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "uploaded" => {
            "Uploaded. Renditions are being made; check the caption, alt text and credit."
        }
        "saved" => "Saved.",
        "focus" => "Focal point set. The crops are being made around it.",
        "crop" => "Crop saved. This aspect's crops are being made from it.",
        "crop-reset" => {
            "Crop reset. This aspect is cut around the focal point again; its crops are being made."
        }
        "deleted" => "Photo deleted.",
        _ => return None,
    })
}

pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<ListQuery>,
) -> AdminResult {
    let current = page_number(&q.page);
    let search = q.q.trim();
    // One more than a page tells whether there is a next page without counting.
    let mut photos = actions::list(
        &state,
        &staff.actor,
        Some(search),
        PER_PAGE + 1,
        (current - 1) * PER_PAGE,
    )
    .await?;
    let more = photos.len() as i64 > PER_PAGE;
    photos.truncate(PER_PAGE as usize);
    let link = |n: i64| {
        let mut ser = url::form_urlencoded::Serializer::new(String::new());
        if !search.is_empty() {
            ser.append_pair("q", search);
        }
        ser.append_pair("page", &n.to_string());
        format!("/admin/media?{}", ser.finish())
    };
    let items: Vec<PhotoOut> = photos.into_iter().map(PhotoOut::from).collect();
    let ctx = context! {
        nav => "media",
        q => search,
        photos => Value::from_serialize(&items),
        page => current,
        prev => (current > 1).then(|| link(current - 1)),
        next => more.then(|| link(current + 1)),
        notice => notice(&q.done),
    };
    page(StatusCode::OK, &staff, "admin/media_list.html", ctx)
}

/// The text fields of the upload form, echoed back when an upload is refused.
#[derive(Debug, Default, Serialize)]
struct UploadEcho {
    caption: String,
    alt_text: String,
    credit_agency: String,
    credit_creator: String,
}

fn new_form(
    state: &AppState,
    staff: &Staff,
    status: StatusCode,
    form: &UploadEcho,
    err: Option<&HttpError>,
) -> AdminResult {
    let limits = limits(state);
    let ctx = context! {
        nav => "media",
        form => Value::from_serialize(form),
        errors => err.map(error_map),
        max_bytes => limits.max_bytes,
        max_megapixels => limits.max_pixels / 1_000_000,
    };
    page(status, staff, "admin/media_new.html", ctx)
}

pub async fn new(State(state): State<AppState>, staff: Staff) -> AdminResult {
    can(&staff.actor, Action::UploadMedia, Resource::None)?;
    new_form(&state, &staff, StatusCode::OK, &UploadEcho::default(), None)
}

/// A refused upload re-renders the form with the reason next to the file input and the
/// refusal's status (413, 415, 422), so scripts and people both see what happened.
pub async fn create(State(state): State<AppState>, staff: Staff, req: Request) -> AdminResult {
    can(&staff.actor, Action::UploadMedia, Resource::None)?;
    let max = limits(&state).max_bytes;
    let outcome = match read_upload(req, max).await {
        Ok(raw) => {
            let echo = echo(&raw.text);
            (
                upload(&state, &staff.actor, raw.bytes, raw.text)
                    .await
                    .map_err(HttpError::from),
                echo,
            )
        }
        Err(err) => (Err(err), UploadEcho::default()),
    };
    match outcome {
        (Ok(photo), _) => {
            Ok(Redirect::to(&format!("/admin/media/{}?done=uploaded", photo.id)).into_response())
        }
        (Err(err), echo) if err.status().is_client_error() => {
            let status = err.status();
            new_form(&state, &staff, status, &echo, Some(&as_file_error(err)))
        }
        (Err(err), _) => Err(AdminError(err)),
    }
}

/// Size and type refusals concern the file input: shown next to it (the response keeps
/// the original status).
fn as_file_error(err: HttpError) -> HttpError {
    match err {
        HttpError::PayloadTooLarge(m)
        | HttpError::UnsupportedMedia(m)
        | HttpError::BadRequest(m) => newsdesk_core::ValidationError::single("file", m).into(),
        other => other,
    }
}

fn echo(text: &UploadText) -> UploadEcho {
    let v = |s: &Option<String>| s.clone().unwrap_or_default();
    UploadEcho {
        caption: v(&text.caption),
        alt_text: v(&text.alt_text),
        credit_agency: v(&text.credit_agency),
        credit_creator: v(&text.credit_creator),
    }
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct EditForm {
    pub caption: String,
    pub alt_text: String,
    pub credit_agency: String,
    pub credit_creator: String,
    pub copyright_notice: String,
    pub copyright_year: String,
    #[serde(skip_serializing)]
    pub csrf: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditQuery {
    pub done: String,
}

/// The photo page: the text form (with `err` from a refused save) and the focal point;
/// `used_by` are the articles (id, headline) that show the photo, listed with links above
/// the form after a refused delete instead of a "Not saved" that named nothing.
#[allow(
    clippy::too_many_arguments,
    reason = "the page's parts, each distinct; a handful of call sites"
)]
pub(super) fn edit_page(
    staff: &Staff,
    status: StatusCode,
    photo: Photo,
    focus: FocusView,
    form: &EditForm,
    err: Option<&HttpError>,
    done: &str,
    used_by: &[(i64, String)],
) -> AdminResult {
    let photo = PhotoOut::from(photo);
    let used_by: Vec<Value> = used_by
        .iter()
        .map(|(id, headline)| context! { id => id, headline => headline })
        .collect();
    let ctx = context! {
        nav => "media",
        used_by => used_by,
        photo => Value::from_serialize(&photo),
        focus => Value::from_serialize(&focus),
        form => Value::from_serialize(form),
        errors => err.map(error_map),
        can_delete => allowed(&staff.actor, Action::DeleteMedia, Resource::None),
        notice => notice(done),
    };
    page(status, staff, "admin/media_edit.html", ctx)
}

pub async fn edit(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Query(q): Query<EditQuery>,
) -> AdminResult {
    let photo = actions::get(&state, &staff.actor, id).await?;
    let form = text_form(&photo);
    let focus = focus::view(&state, &photo).await?;
    edit_page(
        &staff,
        StatusCode::OK,
        photo,
        focus,
        &form,
        None,
        &q.done,
        &[],
    )
}

/// The text form as the photo has it.
pub(super) fn text_form(photo: &Photo) -> EditForm {
    EditForm {
        caption: photo.caption.clone(),
        alt_text: photo.alt_text.clone(),
        credit_agency: photo.credit.agency.clone(),
        credit_creator: photo.credit.creator.clone(),
        copyright_notice: photo.copyright_notice.clone(),
        copyright_year: photo
            .copyright_year
            .map(|y| y.to_string())
            .unwrap_or_default(),
        csrf: String::new(),
    }
}

/// The uploaded file as it came, for staff only: originals keep their location metadata,
/// so the public `/media/` route serves renditions alone.
pub async fn original(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> AdminResult {
    let photo = actions::get(&state, &staff.actor, id).await?;
    let bytes = state
        .media()
        .get(&photo.key)
        .await
        .map_err(|err| match err {
            // A row whose file is gone is worth a warning, not an error with a backtrace
            // per click; the staff member sees a plain 404.
            newsdesk_media::MediaError::NotFound { .. } => {
                tracing::warn!(photo = photo.id, key = %photo.key, "photo original missing from media storage");
                HttpError::NotFound
            }
            err => HttpError::internal(err),
        })?;
    let content_type = http::HeaderValue::from_str(&photo.content_type)
        .unwrap_or(http::HeaderValue::from_static("application/octet-stream"));
    Ok((
        [
            (http::header::CONTENT_TYPE, content_type),
            (
                http::header::CACHE_CONTROL,
                http::HeaderValue::from_static("private, no-store"),
            ),
        ],
        bytes,
    )
        .into_response())
}

pub async fn save(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    form: Result<Form<EditForm>, FormRejection>,
) -> AdminResult {
    let Form(form) = form.map_err(|e| AdminError(HttpError::BadRequest(e.body_text())))?;
    let year = match form.copyright_year.trim() {
        "" => Ok(None),
        y => y.parse::<i32>().map(Some).map_err(|_| {
            HttpError::from(newsdesk_core::ValidationError::single(
                "copyright_year",
                "must be a year, e.g. 2026",
            ))
        }),
    };
    let result = match year {
        Ok(year) => {
            let change = TextChange {
                caption: Some(form.caption.clone()),
                alt_text: Some(form.alt_text.clone()),
                credit_agency: Some(form.credit_agency.clone()),
                credit_creator: Some(form.credit_creator.clone()),
                copyright_notice: Some(form.copyright_notice.clone()),
                copyright_year: Some(year),
            };
            actions::update_text(&state, &staff.actor, id, change)
                .await
                .map_err(HttpError::from)
        }
        Err(err) => Err(err),
    };
    match result {
        Ok(photo) => {
            Ok(Redirect::to(&format!("/admin/media/{}?done=saved", photo.id)).into_response())
        }
        Err(err) if is_form_error(&err) => {
            let photo = actions::get(&state, &staff.actor, id).await?;
            let focus = focus::view(&state, &photo).await?;
            edit_page(
                &staff,
                err.status(),
                photo,
                focus,
                &form,
                Some(&err),
                "",
                &[],
            )
        }
        Err(err) => Err(AdminError(err)),
    }
}

pub async fn delete(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> AdminResult {
    let err = match actions::delete(&state, &staff.actor, id)
        .await
        .map_err(HttpError::from)
    {
        Ok(()) => return Ok(Redirect::to("/admin/media?done=deleted").into_response()),
        Err(err) => err,
    };
    if !matches!(err, HttpError::InUse { .. }) && !is_form_error(&err) {
        return Err(AdminError(err));
    }
    // Both refusals show the photo's page again: one listing the articles that use it, the
    // other saying what to fix.
    let photo = actions::get(&state, &staff.actor, id).await?;
    let form = text_form(&photo);
    let focus = focus::view(&state, &photo).await?;
    match &err {
        HttpError::InUse { used_by, .. } => edit_page(
            &staff,
            StatusCode::CONFLICT,
            photo,
            focus,
            &form,
            None,
            "",
            used_by,
        ),
        _ => edit_page(
            &staff,
            err.status(),
            photo,
            focus,
            &form,
            Some(&err),
            "",
            &[],
        ),
    }
}
