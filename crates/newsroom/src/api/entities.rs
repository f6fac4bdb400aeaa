//! Entities (organisations, people) and their notes per edition: editors only.

use axum::Json;
use axum::extract::State;
use http::StatusCode;
use newsdesk_site::AppState;

use crate::actions::entities;
use crate::api::dto::taxonomy::{EntityInput, EntityOut};
use crate::api::error::{ApiErrorBody, ApiResult};
use crate::api::extract::{ApiJson, ApiPath};
use crate::auth::ApiActor;

#[utoipa::path(
    get, path = "/api/v1/admin/entities", tag = "entities",
    responses(
        (status = 200, description = "Every entity with its notes", body = Vec<EntityOut>),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors only", body = ApiErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> ApiResult<Json<Vec<EntityOut>>> {
    Ok(Json(
        entities::list(&state, &actor)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

#[utoipa::path(
    post, path = "/api/v1/admin/entities", tag = "entities",
    request_body = EntityInput,
    responses(
        (status = 201, description = "The new entity", body = EntityOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors only", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Invalid fields", body = ApiErrorBody),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiJson(input): ApiJson<EntityInput>,
) -> ApiResult<(StatusCode, Json<EntityOut>)> {
    let entity = entities::create(&state, &actor, &input.into_new()).await?;
    Ok((StatusCode::CREATED, Json(entity.into())))
}

#[utoipa::path(
    get, path = "/api/v1/admin/entities/{id}", tag = "entities",
    params(("id" = i64, Path, description = "Entity id")),
    responses(
        (status = 200, description = "The entity", body = EntityOut),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors only", body = ApiErrorBody),
        (status = 404, description = "No such entity", body = ApiErrorBody),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<EntityOut>> {
    Ok(Json(entities::get(&state, &actor, id).await?.into()))
}

#[utoipa::path(
    put, path = "/api/v1/admin/entities/{id}", tag = "entities",
    params(("id" = i64, Path, description = "Entity id")),
    request_body = EntityInput,
    responses(
        (status = 200, description = "The changed entity", body = EntityOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors only", body = ApiErrorBody),
        (status = 404, description = "No such entity", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Invalid fields", body = ApiErrorBody),
    )
)]
pub async fn update(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<EntityInput>,
) -> ApiResult<Json<EntityOut>> {
    Ok(Json(
        entities::update(&state, &actor, &input.into_entity(id))
            .await?
            .into(),
    ))
}

#[utoipa::path(
    delete, path = "/api/v1/admin/entities/{id}", tag = "entities",
    params(("id" = i64, Path, description = "Entity id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors only", body = ApiErrorBody),
        (status = 404, description = "No such entity", body = ApiErrorBody),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    entities::delete(&state, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
