//! An article's history: corrections, revisions, comparing two, restoring one.

use axum::Json;
use axum::extract::State;
use newsdesk_site::AppState;

use crate::actions::{articles, revisions};
use crate::api::dto::articles::{ArticleOut, CorrectionOut};
use crate::api::dto::revisions::{CompareQuery, ComparisonOut, RestoreRevision, RevisionOut};
use crate::api::error::{ApiErrorBody, ApiResult};
use crate::api::extract::{ApiJson, ApiPath, ApiQuery};
use crate::auth::ApiActor;
use crate::policy::{Action, Resource, can};

/// Oldest first, as printed under the article.
#[utoipa::path(
    get, path = "/api/v1/admin/articles/{id}/corrections", tag = "articles",
    params(("id" = i64, Path, description = "Article id")),
    responses(
        (status = 200, description = "The article's corrections", body = Vec<CorrectionOut>),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not staff", body = ApiErrorBody),
        (status = 404, description = "No such article", body = ApiErrorBody),
    )
)]
pub async fn corrections(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<CorrectionOut>>> {
    can(&actor, Action::ViewNewsroom, Resource::None)?;
    state.store().get_article(id).await?;
    let list = state.store().list_corrections(id).await?;
    Ok(Json(list.into_iter().map(Into::into).collect()))
}

/// Every saved revision, newest first.
#[utoipa::path(
    get, path = "/api/v1/admin/articles/{id}/revisions", tag = "revisions",
    params(("id" = i64, Path, description = "Article id")),
    responses(
        (status = 200, description = "Revisions, newest first", body = Vec<RevisionOut>),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not staff", body = ApiErrorBody),
        (status = 404, description = "No such article", body = ApiErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<RevisionOut>>> {
    let list = revisions::list(&state, &actor, id).await?;
    Ok(Json(list.into_iter().map(Into::into).collect()))
}

#[utoipa::path(
    get, path = "/api/v1/admin/articles/{id}/revisions/{number}", tag = "revisions",
    params(("id" = i64, Path, description = "Article id"), ("number" = i64, Path, description = "Revision number")),
    responses(
        (status = 200, description = "The revision", body = RevisionOut),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not staff", body = ApiErrorBody),
        (status = 404, description = "No such article or revision", body = ApiErrorBody),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath((id, number)): ApiPath<(i64, i64)>,
) -> ApiResult<Json<RevisionOut>> {
    can(&actor, Action::ViewNewsroom, Resource::None)?;
    Ok(Json(state.store().get_revision(id, number).await?.into()))
}

/// Two revisions side by side, line by line for each field.
#[utoipa::path(
    get, path = "/api/v1/admin/articles/{id}/compare", tag = "revisions",
    params(("id" = i64, Path, description = "Article id"), CompareQuery),
    responses(
        (status = 200, description = "The comparison", body = ComparisonOut),
        (status = 400, description = "Missing or malformed `from`/`to`", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not staff", body = ApiErrorBody),
        (status = 404, description = "No such article or revision", body = ApiErrorBody),
    )
)]
pub async fn compare(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<CompareQuery>,
) -> ApiResult<Json<ComparisonOut>> {
    Ok(Json(
        revisions::compare(&state, &actor, id, q.from, q.to)
            .await?
            .into(),
    ))
}

/// Saves the revision's content as a new revision (history is never rewritten).
#[utoipa::path(
    post, path = "/api/v1/admin/articles/{id}/revisions/{number}/restore", tag = "revisions",
    params(("id" = i64, Path, description = "Article id"), ("number" = i64, Path, description = "Revision number")),
    request_body = RestoreRevision,
    responses(
        (status = 200, description = "The article with the restored content", body = ArticleOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not allowed to edit this article", body = ApiErrorBody),
        (status = 404, description = "No such article or revision", body = ApiErrorBody),
        (status = 409, description = "Someone saved first (`stale_version`)", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "The old content no longer validates", body = ApiErrorBody),
    )
)]
pub async fn restore(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath((id, number)): ApiPath<(i64, i64)>,
    ApiJson(input): ApiJson<RestoreRevision>,
) -> ApiResult<Json<ArticleOut>> {
    Ok(Json(
        articles::restore_revision(&state, &actor, id, number, input.version)
            .await?
            .into(),
    ))
}
