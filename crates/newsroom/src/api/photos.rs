//! `/api/v1/admin/photos…`: the media library over the API.

use axum::Json;
use axum::extract::{Request, State};
use http::StatusCode;
use http::header::LOCATION;
use newsdesk_app::Error;
use newsdesk_core::{Photo, ValidationError};
use newsdesk_media::CropRect;
use newsdesk_site::AppState;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::api::dto::photos::{
    CropAspect, PhotoListQuery, PhotoOut, PhotoPage, PutCrops, UpdatePhoto, UploadForm,
};
use crate::api::error::{ApiErrorBody, ApiResult};
use crate::api::extract::{ApiJson, ApiPath, ApiQuery};
use crate::auth::ApiActor;
use crate::media_library::actions::{self, TextChange};
use crate::media_library::body::read_upload;
use crate::media_library::crops::set_crops;
use crate::media_library::upload::{limits, upload as run_upload};

#[utoipa::path(
    get, path = "/api/v1/admin/photos", tag = "photos",
    params(PhotoListQuery),
    responses(
        (status = 200, description = "Photos, newest first", body = PhotoPage),
        (status = 400, description = "Malformed query string", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not staff", body = ApiErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<PhotoListQuery>,
) -> ApiResult<Json<PhotoPage>> {
    let per_page = q.per_page.unwrap_or(24).clamp(1, 100);
    let page = q.page.unwrap_or(1).max(1);
    let photos = actions::list(
        &state,
        &actor,
        q.q.as_deref(),
        per_page,
        (page - 1).saturating_mul(per_page),
    )
    .await?;
    let ids: Vec<i64> = photos.iter().map(|p| p.id).collect();
    let crops = state
        .store()
        .photo_crops_of(&ids)
        .await
        .map_err(Error::from)?;
    let items = photos
        .into_iter()
        .map(|p| {
            let drawn = crops.get(&p.id).map_or(&[][..], Vec::as_slice);
            PhotoOut::from(p).with_crops(drawn)
        })
        .collect();
    Ok(Json(PhotoPage {
        items,
        page,
        per_page,
    }))
}

/// The photo as the API shows it, with its drawn crops.
async fn with_crops(state: &AppState, photo: Photo) -> Result<PhotoOut, Error> {
    let crops = state.store().photo_crops(photo.id).await?;
    Ok(PhotoOut::from(photo).with_crops(&crops))
}

/// Text for a raw-body upload (a multipart upload sends these as form fields instead).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// Replaces the caption read from the photo's metadata.
    pub caption: Option<String>,
    pub alt_text: Option<String>,
    pub credit_agency: Option<String>,
    pub credit_creator: Option<String>,
    /// With a session: its CSRF token, for multipart form posts that cannot set the
    /// `X-CSRF-Token` header (checked by the auth layer, ignored here).
    pub csrf: Option<String>,
}

/// Uploads a photo: `multipart/form-data` with the image in `file`, or the image itself as
/// the body. The content decides the format (JPEG, PNG, WebP); caption, creator, credit
/// line and copyright are prefilled from its IPTC/XMP/EXIF metadata. Renditions are made
/// in the background: `processing` is true until they exist.
#[utoipa::path(
    post, path = "/api/v1/admin/photos", tag = "photos",
    params(UploadQuery),
    request_body(
        description = "The photo",
        content(
            (UploadForm = "multipart/form-data"),
            ("image/jpeg"),
            ("image/png"),
            ("image/webp"),
        )
    ),
    responses(
        (status = 201, description = "The new photo", body = PhotoOut, headers(("Location" = String, description = "The photo's API address"))),
        (status = 400, description = "Malformed multipart form or query", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not staff", body = ApiErrorBody),
        (status = 413, description = "Over the configured upload size", body = ApiErrorBody),
        (status = 415, description = "Not a JPEG, PNG or WebP image (by content), or not an upload", body = ApiErrorBody),
        (status = 422, description = "Damaged or truncated image, too many pixels, or invalid text fields", body = ApiErrorBody),
    )
)]
pub async fn upload(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<UploadQuery>,
    req: Request,
) -> ApiResult<(StatusCode, [(http::HeaderName, String); 1], Json<PhotoOut>)> {
    let raw = read_upload(req, limits(&state).max_bytes).await?;
    let mut text = raw.text;
    text.caption = text.caption.or(q.caption);
    text.alt_text = text.alt_text.or(q.alt_text);
    text.credit_agency = text.credit_agency.or(q.credit_agency);
    text.credit_creator = text.credit_creator.or(q.credit_creator);
    let photo = run_upload(&state, &actor, raw.bytes, text).await?;
    let location = format!("/api/v1/admin/photos/{}", photo.id);
    Ok((
        StatusCode::CREATED,
        [(LOCATION, location)],
        Json(photo.into()),
    ))
}

#[utoipa::path(
    get, path = "/api/v1/admin/photos/{id}", tag = "photos",
    params(("id" = i64, Path, description = "Photo id")),
    responses(
        (status = 200, description = "The photo", body = PhotoOut),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not staff", body = ApiErrorBody),
        (status = 404, description = "No such photo", body = ApiErrorBody),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<PhotoOut>> {
    let photo = actions::get(&state, &actor, id).await?;
    Ok(Json(with_crops(&state, photo).await?))
}

/// Changes caption, alt text, credit or copyright; fields left out keep their value. The
/// same ownership rules as articles: the uploader and editors may.
#[utoipa::path(
    patch, path = "/api/v1/admin/photos/{id}", tag = "photos",
    params(("id" = i64, Path, description = "Photo id")),
    request_body = UpdatePhoto,
    responses(
        (status = 200, description = "The changed photo", body = PhotoOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not allowed to change this photo: only its uploader and editors may (a contributor only while no published or scheduled article shows it); photos with no recorded uploader, editors only", body = ApiErrorBody),
        (status = 404, description = "No such photo", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Not a JSON object; too long; alt text that repeats the caption or names a file; or alt text removed from a photo that published or scheduled articles show (the message names them)", body = ApiErrorBody),
    )
)]
pub async fn update(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<UpdatePhoto>,
) -> ApiResult<Json<PhotoOut>> {
    let change = TextChange {
        caption: input.caption,
        alt_text: input.alt_text,
        credit_agency: input.credit_agency,
        credit_creator: input.credit_creator,
        copyright_notice: input.copyright_notice,
        copyright_year: input.copyright_year,
    };
    let photo = actions::update_text(&state, &actor, id, change).await?;
    Ok(Json(with_crops(&state, photo).await?))
}

/// Replaces the crops an editor drew: each aspect listed is cut to its rectangle, each
/// left out around the focal point (an empty list resets them all). Every rectangle must
/// lie inside the photo, be at least 320 px wide (or as wide as the photo allows at the
/// aspect) and have its aspect within a pixel; the height is snapped to the width's. The
/// crops are remade in the background under new URLs (`renditions` lists them once made),
/// and pages showing the photo are refreshed. The same rules as the focal point: the
/// uploader and editors may, a contributor only while no published or scheduled article
/// shows the photo.
#[utoipa::path(
    put, path = "/api/v1/admin/photos/{id}/crops", tag = "photos",
    params(("id" = i64, Path, description = "Photo id")),
    request_body = PutCrops,
    responses(
        (status = 200, description = "The photo with its crops as stored (snapped)", body = PhotoOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not allowed to change this photo: only its uploader and editors may (a contributor only while no published or scheduled article shows it); photos with no recorded uploader, editors only", body = ApiErrorBody),
        (status = 404, description = "No such photo", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Not a JSON object of the documented shape; an aspect listed twice; or a rectangle outside the photo, too small or off its aspect (field `crops`, the message naming the aspect and the problem)", body = ApiErrorBody),
    )
)]
pub async fn put_crops(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<PutCrops>,
) -> ApiResult<Json<PhotoOut>> {
    let mut set = Vec::with_capacity(input.crops.len());
    for c in &input.crops {
        let aspect = c.aspect.ratio();
        if set.iter().any(|(a, _)| *a == aspect) {
            let (a, b) = aspect;
            return Err(Error::from(ValidationError::single(
                "crops",
                format!("{a}x{b} is listed twice; give each aspect one rectangle"),
            ))
            .into());
        }
        let rect = CropRect {
            x: c.x,
            y: c.y,
            width: c.width,
            height: c.height,
        };
        set.push((aspect, rect));
    }
    let reset: Vec<(u32, u32)> = CropAspect::ALL
        .iter()
        .map(|a| a.ratio())
        .filter(|a| !set.iter().any(|(s, _)| s == a))
        .collect();
    // The form names a rectangle's own fields; here they all belong to `crops`, and each
    // message names its aspect.
    set_crops(&state, &actor, id, &set, &reset)
        .await
        .map_err(|err| match err {
            Error::Invalid(mut v) => {
                for e in &mut v.errors {
                    e.field = "crops";
                }
                Error::Invalid(v)
            }
            err => err,
        })?;
    let photo = actions::get(&state, &actor, id).await?;
    Ok(Json(with_crops(&state, photo).await?))
}

/// Deletes the photo, its original and its renditions. Refused (409 `in_use`, listing
/// them in `used_by`) while a published or scheduled article shows it.
#[utoipa::path(
    delete, path = "/api/v1/admin/photos/{id}", tag = "photos",
    params(("id" = i64, Path, description = "Photo id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors only", body = ApiErrorBody),
        (status = 404, description = "No such photo", body = ApiErrorBody),
        (status = 409, description = "Published or scheduled articles show it (`in_use`, with `used_by`)", body = ApiErrorBody),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    actions::delete(&state, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
