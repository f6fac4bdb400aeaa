//! Crops per aspect ratio: `POST /admin/media/{id}/crops` and the crop editors on the
//! photo page.
//!
//! Every aspect the site crops to is cut around the focal point until an editor draws its
//! rectangle: a tighter crop, or one keeping what no window around a single point keeps.
//! Setting or resetting one announces the photo's change (pages showing it are refreshed,
//! as for the focal point) and queues the rendition job, which remakes that aspect's crops
//! under keys naming the rectangle (`newsdesk_media::keys::crop_key_framed`), never new
//! bytes under an old key. The rectangle is dragged over the picture (`static/crop.js`);
//! the four numeric fields are the same form without script, and the keyboard's way.

use std::collections::BTreeMap;

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use newsdesk_app::jobs::{self, renditions::Renditions};
use newsdesk_app::{App, Error};
use newsdesk_core::{Photo, PhotoId, ValidationError};
use newsdesk_media::{CROP_ASPECTS, CropRect, Frame, Framing, fit_crop, keys, min_crop_width};
use newsdesk_site::{AppState, HttpError};
use newsdesk_store::{PhotoCrop, aspect_name, parse_aspect};
use serde::{Deserialize, Serialize};

use super::actions;
use super::focus::{self, may_set, refused};
use super::pages::{edit_page, text_form};
use crate::actor::Actor;
use crate::admin::forms::{error_map, is_form_error};
use crate::admin::render::{AdminError, AdminResult};
use crate::auth::Staff;

/// Sets the rectangles of `set` (checked against the photo and snapped to their aspect,
/// see [`fit_crop`]) and resets the aspects of `reset` to the focal point, all or nothing;
/// queues the remaking of the photo's crops; returns every crop the photo then has.
///
/// Who may: whoever may move its focal point (see [`focus::set_focus`]).
pub async fn set_crops(
    state: &App,
    actor: &Actor,
    id: i64,
    set: &[((u32, u32), CropRect)],
    reset: &[(u32, u32)],
) -> Result<Vec<PhotoCrop>, Error> {
    let only_if_unpublished = may_set(state, actor, id).await?;
    let photo = state.store().get_photo(id).await?;
    let mut fitted = Vec::with_capacity(set.len());
    for &(aspect, rect) in set {
        let r = fit_crop((photo.width, photo.height), aspect, rect)
            .map_err(|e| ValidationError::single(e.field(), e.to_string()))?;
        fitted.push(PhotoCrop {
            aspect,
            x: r.x,
            y: r.y,
            width: r.width,
            height: r.height,
        });
    }
    if let Some((a, b)) = reset.iter().find(|a| !CROP_ASPECTS.contains(a)) {
        return Err(ValidationError::single(
            "aspect",
            format!("{a}:{b} is not an aspect the site crops to (16:9, 4:3 and 1:1 are)"),
        )
        .into());
    }
    let crops = state
        .store()
        .set_photo_crops_with(id, &fitted, reset, only_if_unpublished)
        .await
        .map_err(refused)?;
    jobs::enqueue(
        state,
        &Renditions {
            photo_id: PhotoId(id),
        },
    )
    .await?;
    tracing::info!(
        photo = id,
        set = fitted.len(),
        reset = reset.len(),
        by = %actor.name,
        "photo crops set"
    );
    Ok(crops)
}

/// The form of one aspect: the rectangle in the original's pixels; `action=reset` goes
/// back to the focal point.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct CropForm {
    pub aspect: String,
    pub x: String,
    pub y: String,
    pub width: String,
    pub height: String,
    pub action: String,
    #[serde(skip_serializing)]
    pub csrf: String,
}

/// What the form asks for: one aspect's rectangle, or its reset.
#[derive(Debug, PartialEq)]
enum Wanted {
    Set((u32, u32), CropRect),
    Reset((u32, u32)),
}

impl CropForm {
    fn parse(&self) -> Result<Wanted, ValidationError> {
        let aspect = parse_aspect(self.aspect.trim())
            .filter(|a| CROP_ASPECTS.contains(a))
            .ok_or_else(|| ValidationError::single("aspect", "choose one of 16x9, 4x3 and 1x1"))?;
        if self.action == "reset" {
            return Ok(Wanted::Reset(aspect));
        }
        // Whole pixels; a script or a zoomed field may send a fraction, taken as the
        // nearest pixel.
        let read = |s: &str| {
            let n = s.trim().replace(',', ".").parse::<f64>().ok()?;
            (n.is_finite() && n >= 0.0 && n <= f64::from(u32::MAX)).then(|| n.round() as u32)
        };
        let (x, y, width, height) = (
            read(&self.x),
            read(&self.y),
            read(&self.width),
            read(&self.height),
        );
        let mut errors = Vec::new();
        for (value, field) in [(x, "x"), (y, "y"), (width, "width"), (height, "height")] {
            if value.is_none() {
                errors.push(newsdesk_core::error::FieldError {
                    field,
                    message: "must be a whole number of pixels, 0 or more".to_owned(),
                });
            }
        }
        match (x, y, width, height) {
            (Some(x), Some(y), Some(width), Some(height)) if errors.is_empty() => Ok(Wanted::Set(
                aspect,
                CropRect {
                    x,
                    y,
                    width,
                    height,
                },
            )),
            _ => Err(ValidationError { errors }),
        }
    }
}

/// A picture of one crop as it is now on record.
#[derive(Debug, Serialize)]
pub struct CropPreview {
    pub url: String,
    pub width: u32,
    pub height: u32,
}

/// What the photo page shows of one aspect's crop.
#[derive(Debug, Serialize)]
pub struct CropView {
    /// `16x9`: the form's value and the element ids.
    pub name: String,
    /// `16:9`.
    pub label: String,
    pub aspect_width: u32,
    pub aspect_height: u32,
    /// What the site shows this crop as.
    pub used_for: &'static str,
    /// An editor drew it (else it is the focal point's).
    pub drawn: bool,
    /// The rectangle in the original's pixels, as the fields show it (what was typed,
    /// when it was refused).
    pub x: String,
    pub y: String,
    pub width: String,
    pub height: String,
    pub min_width: u32,
    /// The crop as made, when it is (the JSON-LD or hero crop of the aspect).
    pub preview: Option<CropPreview>,
    /// The crop on record was cut otherwise: the rendition job is remaking it.
    pub remaking: bool,
    pub errors: Option<BTreeMap<String, Vec<String>>>,
}

fn used_for(aspect: (u32, u32)) -> &'static str {
    match aspect {
        (16, 9) => {
            "the article page's hero, share previews (Open Graph, X) and the first image search engines show"
        }
        (4, 3) => "the 4:3 image search engines show",
        _ => "the square image search engines show",
    }
}

impl CropView {
    pub fn of(photo: &Photo, framing: &Framing, aspect: (u32, u32)) -> Self {
        let frame = framing.frame(aspect);
        let rect = shown_rect(photo, frame, aspect);
        let of_aspect: Vec<_> = photo
            .renditions
            .iter()
            .filter(|r| keys::crop_aspect(&r.key) == Some(aspect) && r.width > 0)
            .collect();
        let current: Vec<_> = of_aspect
            .iter()
            .copied()
            .filter(|r| keys::crop_frame(&r.key) == Some(frame))
            .collect();
        let pool = if current.is_empty() {
            &of_aspect
        } else {
            &current
        };
        let jpegs: Vec<_> = pool
            .iter()
            .copied()
            .filter(|r| r.content_type == "image/jpeg")
            .collect();
        let chosen = jpegs
            .iter()
            .filter(|r| r.width >= 320)
            .min_by_key(|r| r.width)
            .or_else(|| jpegs.iter().max_by_key(|r| r.width));
        let (a, b) = aspect;
        CropView {
            name: aspect_name(aspect),
            label: format!("{a}:{b}"),
            aspect_width: a,
            aspect_height: b,
            used_for: used_for(aspect),
            drawn: matches!(frame, Frame::Rect(_)),
            x: rect.x.to_string(),
            y: rect.y.to_string(),
            width: rect.width.to_string(),
            height: rect.height.to_string(),
            min_width: min_crop_width(photo.width, photo.height, aspect),
            preview: chosen.map(|r| CropPreview {
                url: format!("/media/{}", r.key),
                width: r.width,
                height: r.height,
            }),
            remaking: !of_aspect.is_empty() && current.is_empty(),
            errors: None,
        }
    }

    /// The card again after a refusal: what was typed, and why not.
    fn refused(&mut self, form: &CropForm, err: &HttpError) {
        self.x = form.x.clone();
        self.y = form.y.clone();
        self.width = form.width.clone();
        self.height = form.height.clone();
        self.errors = Some(error_map(err));
    }
}

/// The rectangle the fields show: the drawn one, or the focal point's window in whole
/// pixels (what saving the fields unchanged would draw).
fn shown_rect(photo: &Photo, frame: Frame, aspect: (u32, u32)) -> CropRect {
    if let Frame::Rect(rect) = frame {
        return rect;
    }
    let window = frame.window(photo.width, photo.height, aspect);
    let width = (window.width.floor() as u32).max(1);
    let (a, b) = (u64::from(aspect.0.max(1)), u64::from(aspect.1));
    let height = u32::try_from((u64::from(width) * b + a / 2) / a).unwrap_or(u32::MAX);
    CropRect {
        x: (window.left.round() as u32).min(photo.width.saturating_sub(width)),
        y: (window.top.round() as u32).min(photo.height.saturating_sub(height)),
        width,
        height,
    }
}

pub async fn save(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    form: Result<Form<CropForm>, FormRejection>,
) -> AdminResult {
    let Form(form) = form.map_err(|e| AdminError(HttpError::BadRequest(e.body_text())))?;
    let wanted = form.parse();
    let result = match &wanted {
        Ok(Wanted::Set(aspect, rect)) => {
            set_crops(&state, &staff.actor, id, &[(*aspect, *rect)], &[]).await
        }
        Ok(Wanted::Reset(aspect)) => set_crops(&state, &staff.actor, id, &[], &[*aspect]).await,
        // Someone who may not touch the photo learns that, not what was wrong with the form.
        Err(invalid) => match may_set(&state, &staff.actor, id).await {
            Ok(_) => Err(invalid.clone().into()),
            Err(denied) => Err(denied),
        },
    }
    .map_err(HttpError::from);
    let name = aspect_name(match &wanted {
        Ok(Wanted::Set(aspect, _) | Wanted::Reset(aspect)) => *aspect,
        Err(_) => parse_aspect(form.aspect.trim()).unwrap_or(CROP_ASPECTS[0]),
    });
    match result {
        Ok(_) => {
            let done = if matches!(wanted, Ok(Wanted::Reset(_))) {
                "crop-reset"
            } else {
                "crop"
            };
            let to = format!("/admin/media/{id}?done={done}#crop-{name}");
            Ok(Redirect::to(&to).into_response())
        }
        Err(err) if is_form_error(&err) => {
            let photo = actions::get(&state, &staff.actor, id).await?;
            let mut view = focus::view(&state, &photo).await?;
            match view.crops.iter_mut().find(|c| c.name == name) {
                Some(card) => card.refused(&form, &err),
                None => view.errors = Some(error_map(&err)),
            }
            let text = text_form(&photo);
            edit_page(&staff, err.status(), photo, view, &text, None, "", &[])
        }
        Err(err) => Err(AdminError(err)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(aspect: &str, x: &str, y: &str, width: &str, height: &str) -> CropForm {
        CropForm {
            aspect: aspect.into(),
            x: x.into(),
            y: y.into(),
            width: width.into(),
            height: height.into(),
            ..CropForm::default()
        }
    }

    #[test]
    fn the_fields_take_whole_pixels_of_a_known_aspect() {
        let rect = CropRect {
            x: 10,
            y: 20,
            width: 1600,
            height: 900,
        };
        assert_eq!(
            form("16x9", "10", " 20 ", "1600", "900").parse(),
            Ok(Wanted::Set((16, 9), rect))
        );
        // A fraction (a zoomed page's drag) is the nearest pixel.
        assert_eq!(
            form("16x9", "9.6", "20,2", "1600", "900").parse(),
            Ok(Wanted::Set((16, 9), rect))
        );
        let fields = |f: CropForm| {
            f.parse()
                .err()
                .map(|e| e.errors.iter().map(|e| e.field).collect::<Vec<_>>())
        };
        assert_eq!(
            fields(form("16x9", "-1", "", "wide", "900")),
            Some(vec!["x", "y", "width"])
        );
        assert_eq!(
            fields(form("3x2", "0", "0", "300", "200")),
            Some(vec!["aspect"])
        );
        assert_eq!(
            fields(form("", "0", "0", "300", "200")),
            Some(vec!["aspect"])
        );
        let reset = CropForm {
            action: "reset".into(),
            ..form("1x1", "", "", "", "")
        };
        assert_eq!(reset.parse(), Ok(Wanted::Reset((1, 1))));
    }
}
