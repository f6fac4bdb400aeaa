//! Editions (read-only), sections and tags.

use axum::Json;
use axum::extract::State;
use http::StatusCode;
use newsdesk_core::{Section, Tag};
use newsdesk_site::AppState;

use crate::actions::taxonomy;
use crate::api::dto::taxonomy::{
    CreateSection, CreateTag, EditionFilter, EditionOut, SectionOut, TagOut, UpdateSection,
    UpdateTag,
};
use crate::api::error::{ApiErrorBody, ApiResult};
use crate::api::extract::{ApiJson, ApiPath, ApiQuery};
use crate::auth::ApiActor;
use crate::policy::{Action, Resource, can};

#[utoipa::path(
    get, path = "/api/v1/admin/editions", tag = "taxonomy",
    responses(
        (status = 200, description = "Every edition, the default first", body = Vec<EditionOut>),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not staff", body = ApiErrorBody),
    )
)]
pub async fn editions(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> ApiResult<Json<Vec<EditionOut>>> {
    can(&actor, Action::ViewNewsroom, Resource::None)?;
    Ok(Json(
        state
            .store()
            .list_editions()
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

#[utoipa::path(
    get, path = "/api/v1/admin/sections", tag = "taxonomy",
    params(EditionFilter),
    responses(
        (status = 200, description = "The edition's sections in navigation order", body = Vec<SectionOut>),
        (status = 400, description = "Missing `edition`", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not staff", body = ApiErrorBody),
    )
)]
pub async fn list_sections(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<EditionFilter>,
) -> ApiResult<Json<Vec<SectionOut>>> {
    let list = taxonomy::list_sections(&state, &actor, &q.edition).await?;
    Ok(Json(list.into_iter().map(Into::into).collect()))
}

#[utoipa::path(
    post, path = "/api/v1/admin/sections", tag = "taxonomy",
    request_body = CreateSection,
    responses(
        (status = 201, description = "The new section", body = SectionOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors only", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Invalid fields or a taken slug", body = ApiErrorBody),
    )
)]
pub async fn create_section(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiJson(input): ApiJson<CreateSection>,
) -> ApiResult<(StatusCode, Json<SectionOut>)> {
    let section = taxonomy::create_section(&state, &actor, &input.into_new()).await?;
    Ok((StatusCode::CREATED, Json(section.into())))
}

#[utoipa::path(
    get, path = "/api/v1/admin/sections/{id}", tag = "taxonomy",
    params(("id" = i64, Path, description = "Section id")),
    responses(
        (status = 200, description = "The section", body = SectionOut),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors only", body = ApiErrorBody),
        (status = 404, description = "No such section", body = ApiErrorBody),
    )
)]
pub async fn get_section(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<SectionOut>> {
    Ok(Json(
        taxonomy::get_section(&state, &actor, id).await?.into(),
    ))
}

#[utoipa::path(
    put, path = "/api/v1/admin/sections/{id}", tag = "taxonomy",
    params(("id" = i64, Path, description = "Section id")),
    request_body = UpdateSection,
    responses(
        (status = 200, description = "The changed section", body = SectionOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors only", body = ApiErrorBody),
        (status = 404, description = "No such section", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Invalid fields or a taken slug", body = ApiErrorBody),
    )
)]
pub async fn update_section(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<UpdateSection>,
) -> ApiResult<Json<SectionOut>> {
    let current = taxonomy::get_section(&state, &actor, id).await?;
    let section = Section {
        id,
        edition: current.edition,
        slug: input.slug,
        name: input.name,
        position: input.position,
    };
    Ok(Json(
        taxonomy::update_section(&state, &actor, &section)
            .await?
            .into(),
    ))
}

#[utoipa::path(
    delete, path = "/api/v1/admin/sections/{id}", tag = "taxonomy",
    params(("id" = i64, Path, description = "Section id")),
    responses(
        (status = 204, description = "Deleted; its articles keep existing without a section"),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors only", body = ApiErrorBody),
        (status = 404, description = "No such section", body = ApiErrorBody),
    )
)]
pub async fn delete_section(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    taxonomy::delete_section(&state, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    get, path = "/api/v1/admin/tags", tag = "taxonomy",
    params(EditionFilter),
    responses(
        (status = 200, description = "The edition's tags by name", body = Vec<TagOut>),
        (status = 400, description = "Missing `edition`", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not staff", body = ApiErrorBody),
    )
)]
pub async fn list_tags(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<EditionFilter>,
) -> ApiResult<Json<Vec<TagOut>>> {
    let list = taxonomy::list_tags(&state, &actor, &q.edition).await?;
    Ok(Json(list.into_iter().map(Into::into).collect()))
}

#[utoipa::path(
    post, path = "/api/v1/admin/tags", tag = "taxonomy",
    request_body = CreateTag,
    responses(
        (status = 201, description = "The new tag", body = TagOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors only", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Invalid fields or a taken slug", body = ApiErrorBody),
    )
)]
pub async fn create_tag(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiJson(input): ApiJson<CreateTag>,
) -> ApiResult<(StatusCode, Json<TagOut>)> {
    let tag = taxonomy::create_tag(&state, &actor, &input.into_new()).await?;
    Ok((StatusCode::CREATED, Json(tag.into())))
}

#[utoipa::path(
    get, path = "/api/v1/admin/tags/{id}", tag = "taxonomy",
    params(("id" = i64, Path, description = "Tag id")),
    responses(
        (status = 200, description = "The tag", body = TagOut),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors only", body = ApiErrorBody),
        (status = 404, description = "No such tag", body = ApiErrorBody),
    )
)]
pub async fn get_tag(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<TagOut>> {
    Ok(Json(taxonomy::get_tag(&state, &actor, id).await?.into()))
}

#[utoipa::path(
    put, path = "/api/v1/admin/tags/{id}", tag = "taxonomy",
    params(("id" = i64, Path, description = "Tag id")),
    request_body = UpdateTag,
    responses(
        (status = 200, description = "The changed tag", body = TagOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors only", body = ApiErrorBody),
        (status = 404, description = "No such tag", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Invalid fields or a taken slug", body = ApiErrorBody),
    )
)]
pub async fn update_tag(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<UpdateTag>,
) -> ApiResult<Json<TagOut>> {
    let current = taxonomy::get_tag(&state, &actor, id).await?;
    let tag = Tag {
        id,
        edition: current.edition,
        slug: input.slug,
        name: input.name,
    };
    Ok(Json(
        taxonomy::update_tag(&state, &actor, &tag).await?.into(),
    ))
}

#[utoipa::path(
    delete, path = "/api/v1/admin/tags/{id}", tag = "taxonomy",
    params(("id" = i64, Path, description = "Tag id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors only", body = ApiErrorBody),
        (status = 404, description = "No such tag", body = ApiErrorBody),
    )
)]
pub async fn delete_tag(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    taxonomy::delete_tag(&state, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
