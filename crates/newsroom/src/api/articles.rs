//! `/api/v1/admin/articles…`: list, read, create, save, delete, and headline search.
//! Publishing and history are in [`super::workflow`] and [`super::history`].

use axum::Json;
use axum::extract::State;
use http::StatusCode;
use newsdesk_site::AppState;
use newsdesk_store::ArticleQuery;

use crate::actions::articles;
use crate::api::dto::articles::{
    ArticleListQuery, ArticleOut, ArticlePage, CreateArticle, HeadlineHit, HeadlineSearchQuery,
    SaveArticle,
};
use crate::api::error::{ApiErrorBody, ApiResult};
use crate::api::extract::{ApiJson, ApiPath, ApiQuery};
use crate::auth::ApiActor;
use crate::policy::{Action, Resource, can};

const PER_PAGE: i64 = 30;

/// Articles of every state, most recently changed first, filtered and paginated.
#[utoipa::path(
    get, path = "/api/v1/admin/articles", tag = "articles",
    params(ArticleListQuery),
    responses(
        (status = 200, description = "One page of articles", body = ArticlePage),
        (status = 400, description = "Malformed query string", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not staff", body = ApiErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<ArticleListQuery>,
) -> ApiResult<Json<ArticlePage>> {
    can(&actor, Action::ViewNewsroom, Resource::None)?;
    let per_page = q.per_page.unwrap_or(PER_PAGE).clamp(1, 100);
    let page = q.page.unwrap_or(1).max(1);
    let nonempty = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    let query = ArticleQuery {
        edition: nonempty(q.edition),
        any_status: q.status.is_none(),
        status: q.status.map(Into::into),
        section_id: q.section,
        author_id: q.author,
        search: nonempty(q.q),
        created_by: if q.mine == Some(true) {
            actor.account_id
        } else {
            None
        },
        limit: per_page,
        offset: (page - 1).saturating_mul(per_page),
        ..ArticleQuery::default()
    };
    let store = state.store();
    let items = store.list_articles(&query).await?;
    let total = store
        .count_articles(&ArticleQuery {
            limit: i64::MAX,
            offset: 0,
            ..query
        })
        .await?;
    Ok(Json(ArticlePage {
        items: items.into_iter().map(Into::into).collect(),
        total,
        page,
        per_page,
    }))
}

/// A new draft (version 1), owned by the caller's account.
#[utoipa::path(
    post, path = "/api/v1/admin/articles", tag = "articles",
    request_body = CreateArticle,
    responses(
        (status = 201, description = "The new draft", body = ArticleOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not staff", body = ApiErrorBody),
        (status = 413, description = "Body over 1 MiB", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Invalid fields, unknown ids, or a taken slug", body = ApiErrorBody),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiJson(input): ApiJson<CreateArticle>,
) -> ApiResult<(StatusCode, Json<ArticleOut>)> {
    let article = articles::create(&state, &actor, &input.into_draft()).await?;
    Ok((StatusCode::CREATED, Json(article.into())))
}

#[utoipa::path(
    get, path = "/api/v1/admin/articles/{id}", tag = "articles",
    params(("id" = i64, Path, description = "Article id")),
    responses(
        (status = 200, description = "The article", body = ArticleOut),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not staff", body = ApiErrorBody),
        (status = 404, description = "No such article", body = ApiErrorBody),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<ArticleOut>> {
    Ok(Json(articles::get(&state, &actor, id).await?.into()))
}

/// Saves new content as a new revision. Send the `version` you loaded; if someone saved
/// since, the answer is 409 `stale_version` with `current_version`.
#[utoipa::path(
    put, path = "/api/v1/admin/articles/{id}", tag = "articles",
    params(("id" = i64, Path, description = "Article id")),
    request_body = SaveArticle,
    responses(
        (status = 200, description = "The saved article, with its new version", body = ArticleOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not allowed to edit this article", body = ApiErrorBody),
        (status = 404, description = "No such article", body = ApiErrorBody),
        (status = 409, description = "Someone saved first (`stale_version`, with `current_version`)", body = ApiErrorBody),
        (status = 413, description = "Body over 1 MiB", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Invalid fields, unknown ids, photos without alt text on a live article", body = ApiErrorBody),
    )
)]
pub async fn save(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<SaveArticle>,
) -> ApiResult<Json<ArticleOut>> {
    let (version, draft) = input.into_draft();
    Ok(Json(
        articles::save(&state, &actor, id, version, &draft)
            .await?
            .into(),
    ))
}

/// Deletes the article and its history. Articles readers have seen need an editor.
#[utoipa::path(
    delete, path = "/api/v1/admin/articles/{id}", tag = "articles",
    params(("id" = i64, Path, description = "Article id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not allowed to delete this article", body = ApiErrorBody),
        (status = 409, description = "Published articles link it (`in_use`, with `used_by`)", body = ApiErrorBody),
        (status = 404, description = "No such article", body = ApiErrorBody),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    articles::delete(&state, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Headline search for related-article cards and translation links (at least two
/// characters; at most 20 hits).
#[utoipa::path(
    get, path = "/api/v1/admin/search/articles", tag = "articles",
    params(HeadlineSearchQuery),
    responses(
        (status = 200, description = "Matching articles", body = Vec<HeadlineHit>),
        (status = 400, description = "Malformed query string", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not staff", body = ApiErrorBody),
    )
)]
pub async fn search(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<HeadlineSearchQuery>,
) -> ApiResult<Json<Vec<HeadlineHit>>> {
    can(&actor, Action::ViewNewsroom, Resource::None)?;
    let text = q.q.trim();
    if text.chars().count() < 2 {
        return Ok(Json(Vec::new()));
    }
    let edition = q
        .edition
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty());
    let not_edition = q
        .not_edition
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty());
    let found = state.store().search_headlines(edition, text, 40).await?;
    let hits = found
        .into_iter()
        .filter(|a| Some(a.id) != q.exclude && not_edition.is_none_or(|n| a.edition != n))
        .take(20)
        .map(|a| HeadlineHit {
            id: a.id,
            path: a.path(),
            edition: a.edition,
            headline: a.headline,
            status: a.status.into(),
            published_at: a.published_at,
        })
        .collect();
    Ok(Json(hits))
}
