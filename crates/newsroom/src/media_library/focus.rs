//! A photo's focal point: `POST /admin/media/{id}/focus` and the picker on the photo page.
//!
//! The point decides what every crop keeps (the article hero's 16:9 frame, the JSON-LD and
//! share crops), so setting it queues the photo's rendition job, which remakes them around
//! it under new keys (see `newsdesk_media::keys::crop_key_at`). The picture on the page is
//! clicked to place it (`static/focus.js`); the two numeric fields are the same form
//! without script, and the keyboard's way.

use std::collections::BTreeMap;

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use newsdesk_app::jobs::{self, renditions::Renditions};
use newsdesk_app::{App, Error};
use newsdesk_core::error::Validator;
use newsdesk_core::{Photo, PhotoId, ValidationError};
use newsdesk_media::{CROP_ASPECTS, Frame, HERO_FRAME, keys, needs_frame_ladder_framed};
use newsdesk_site::{AppState, HttpError};
use newsdesk_store::{PhotoCrop, PhotoFocus, StoreError};
use serde::{Deserialize, Serialize};

use super::actions;
use super::crops::CropView;
use super::pages::{edit_page, text_form};
use crate::actor::Actor;
use crate::admin::forms::{error_map, is_form_error};
use crate::admin::render::{AdminError, AdminResult};
use crate::auth::Staff;
use crate::policy::{Action, PhotoFacts, Resource, allowed, can};

/// Sets the focal point of photo `id` and queues the remaking of its crops; returns the
/// point as stored (to thousandths).
///
/// Who may: whoever may change the photo's caption ([`Action::EditMedia`]): its uploader
/// and editors; a contributor only while no published or scheduled article shows it,
/// since the point changes what readers see of it.
pub async fn set_focus(
    state: &App,
    actor: &Actor,
    id: i64,
    focus: PhotoFocus,
) -> Result<PhotoFocus, Error> {
    let only_if_unpublished = may_set(state, actor, id).await?;
    let stored = state
        .store()
        .set_photo_focus_with(id, focus, only_if_unpublished)
        .await
        .map_err(refused)?;
    // Queued even when the point did not move: it also remakes crops a photo lacks (one
    // processed before the hero frame existed).
    jobs::enqueue(
        state,
        &Renditions {
            photo_id: PhotoId(id),
        },
    )
    .await?;
    tracing::info!(
        photo = id,
        x = stored.x,
        y = stored.y,
        by = %actor.name,
        "photo focal point set"
    );
    Ok(stored)
}

/// A store refusal as the actions report it: a photo readers see is not a contributor's
/// to re-aim (403, naming the articles), the rest as the store says.
pub(super) fn refused(err: StoreError) -> Error {
    match err {
        StoreError::InUse { used_by, .. } => {
            let shown: Vec<String> = used_by
                .iter()
                .take(5)
                .map(|(id, headline)| format!("“{headline}” (#{id})"))
                .collect();
            Error::Forbidden(format!(
                "contributors cannot change photos that published or scheduled articles show ({}); ask an editor",
                shown.join(", ")
            ))
        }
        err => err.into(),
    }
}

/// Refused (403) unless `actor` may move the point (or a crop) of photo `id` at all;
/// `Ok(true)` when only while no published or scheduled article shows it (the store judges
/// that again with the row held, as for the text).
pub(super) async fn may_set(state: &App, actor: &Actor, id: i64) -> Result<bool, Error> {
    can(actor, Action::UploadMedia, Resource::None)?;
    let usage = state.store().photo_usage(id).await?;
    can(actor, Action::EditMedia, Resource::photo(&usage))?;
    Ok(!allowed(
        actor,
        Action::EditMedia,
        Resource::photo(PhotoFacts {
            public: true,
            ..PhotoFacts::from(&usage)
        }),
    ))
}

/// The form: fractions of the width and height from the top-left corner.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct FocusForm {
    pub focus_x: String,
    pub focus_y: String,
    #[serde(skip_serializing)]
    pub csrf: String,
}

impl FocusForm {
    fn parse(&self) -> Result<PhotoFocus, ValidationError> {
        // A decimal comma is how half the newsroom types fractions.
        let read = |s: &str| s.trim().replace(',', ".").parse::<f64>().ok();
        let (x, y) = (read(&self.focus_x), read(&self.focus_y));
        let mut v = Validator::new();
        let within = |n: Option<f64>| n.is_some_and(|n| (0.0..=1.0).contains(&n));
        v.check(within(x), "focus_x", "must be a number from 0 to 1");
        v.check(within(y), "focus_y", "must be a number from 0 to 1");
        v.finish()?;
        Ok(PhotoFocus {
            x: x.unwrap_or(0.5),
            y: y.unwrap_or(0.5),
        })
    }
}

/// What the photo page shows of the point.
#[derive(Debug, Serialize)]
pub struct FocusView {
    /// As the fields show them (what was typed, when it was refused).
    pub x: String,
    pub y: String,
    /// A whole-picture rendition to click on (the original while none exists yet).
    pub preview_url: String,
    pub width: u32,
    pub height: u32,
    /// The frame the picker outlines: the article hero's.
    pub frame_width: u32,
    pub frame_height: u32,
    /// The crops on record of the aspects cut around the point were made around another
    /// one, or the hero's are missing: the rendition job is (re)making them.
    pub remaking: bool,
    pub errors: Option<BTreeMap<String, Vec<String>>>,
    /// One per aspect the site crops to, in [`CROP_ASPECTS`] order.
    pub crops: Vec<CropView>,
}

impl FocusView {
    pub fn of(photo: &Photo, focus: PhotoFocus, drawn: &[PhotoCrop]) -> Self {
        let framing = newsdesk_app::jobs::renditions::framing(focus, drawn);
        let made: Vec<_> = photo
            .renditions
            .iter()
            .filter_map(|r| Some((keys::crop_aspect(&r.key)?, keys::crop_frame(&r.key)?)))
            .collect();
        // Aspects with a drawn crop say so on their own card; this part speaks of the point.
        let stale = made.iter().any(|(aspect, f)| {
            let wanted = framing.frame(*aspect);
            matches!(wanted, Frame::Focus(_)) && *f != wanted
        });
        let hero_ladder = photo.renditions.iter().any(|r| {
            keys::crop_aspect(&r.key) == Some(HERO_FRAME) && r.content_type == "image/webp"
        });
        let ladder_missing =
            needs_frame_ladder_framed(photo.width, photo.height, framing.frame(HERO_FRAME))
                && !hero_ladder;
        let (preview_url, width, height) = preview(photo);
        let crops = CROP_ASPECTS
            .iter()
            .map(|&aspect| CropView::of(photo, &framing, aspect))
            .collect();
        FocusView {
            x: focus.x.to_string(),
            y: focus.y.to_string(),
            preview_url,
            width,
            height,
            frame_width: HERO_FRAME.0,
            frame_height: HERO_FRAME.1,
            remaking: !photo.renditions.is_empty() && (stale || ladder_missing),
            errors: None,
            crops,
        }
    }

    /// The page again after a refusal: what was typed, and why not.
    fn refused(mut self, form: &FocusForm, err: &HttpError) -> Self {
        self.x = form.focus_x.clone();
        self.y = form.focus_y.clone();
        self.errors = Some(error_map(err));
        self
    }
}

/// The narrowest whole-picture JPEG at least 640 px wide (sharp enough to aim at a face,
/// small enough to load at once), else the widest.
pub(super) fn preview(photo: &Photo) -> (String, u32, u32) {
    let whole: Vec<_> = photo
        .renditions
        .iter()
        .filter(|r| keys::crop_aspect(&r.key).is_none() && r.content_type == "image/jpeg")
        .filter(|r| r.width > 0 && r.height > 0)
        .collect();
    let chosen = whole
        .iter()
        .filter(|r| r.width >= 640)
        .min_by_key(|r| r.width)
        .or_else(|| whole.iter().max_by_key(|r| r.width));
    match chosen {
        Some(r) => (format!("/media/{}", r.key), r.width, r.height),
        None => (
            format!("/admin/media/{}/original", photo.id),
            photo.width,
            photo.height,
        ),
    }
}

/// The photo page's focus and crops part, read from the store.
pub async fn view(state: &AppState, photo: &Photo) -> Result<FocusView, HttpError> {
    let focus = state.store().photo_focus(photo.id).await?;
    let drawn = state.store().photo_crops(photo.id).await?;
    Ok(FocusView::of(photo, focus, &drawn))
}

pub async fn save(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    form: Result<Form<FocusForm>, FormRejection>,
) -> AdminResult {
    let Form(form) = form.map_err(|e| AdminError(HttpError::BadRequest(e.body_text())))?;
    let result = match form.parse() {
        Ok(focus) => set_focus(&state, &staff.actor, id, focus)
            .await
            .map_err(HttpError::from),
        // Someone who may not touch the photo learns that, not what was wrong with the form.
        Err(invalid) => match may_set(&state, &staff.actor, id).await {
            Ok(_) => Err(invalid.into()),
            Err(denied) => Err(denied.into()),
        },
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/admin/media/{id}?done=focus")).into_response()),
        Err(err) if is_form_error(&err) => {
            let photo = actions::get(&state, &staff.actor, id).await?;
            let focus = view(&state, &photo).await?.refused(&form, &err);
            let text = text_form(&photo);
            edit_page(&staff, err.status(), photo, focus, &text, None, "", &[])
        }
        Err(err) => Err(AdminError(err)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(x: &str, y: &str) -> FocusForm {
        FocusForm {
            focus_x: x.into(),
            focus_y: y.into(),
            csrf: String::new(),
        }
    }

    #[test]
    fn the_fields_take_fractions_from_zero_to_one() {
        assert_eq!(
            form("0.25", " 0,7 ").parse().ok(),
            Some(PhotoFocus { x: 0.25, y: 0.7 })
        );
        assert_eq!(
            form("0", "1").parse().ok(),
            Some(PhotoFocus { x: 0.0, y: 1.0 })
        );
        let err = form("1.5", "")
            .parse()
            .err()
            .map(|e| e.errors.iter().map(|e| e.field).collect::<Vec<_>>());
        assert_eq!(err, Some(vec!["focus_x", "focus_y"]));
        assert!(form("NaN", "0.5").parse().is_err());
    }
}
