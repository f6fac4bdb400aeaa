//! The caller, author profiles, staff accounts (admin), API tokens (admin), audit log (admin).

use axum::Json;
use axum::extract::State;
use http::StatusCode;
use newsdesk_site::AppState;

use crate::actions::{audit, authors, staff, tokens};
use crate::api::dto::people::{
    AccountOut, AuditEntryOut, AuthorInput, AuthorOut, ChangeRole, CreateToken, CreatedTokenOut,
    InvitationOut, InviteStaff, Me, PageQuery, TokenOut,
};
use crate::api::error::{ApiErrorBody, ApiResult};
use crate::api::extract::{ApiJson, ApiPath, ApiQuery};
use crate::auth::ApiActor;
use crate::policy::{Action, Resource, can};

/// Who the credentials belong to, and their role.
#[utoipa::path(
    get, path = "/api/v1/admin/me", tag = "staff",
    responses(
        (status = 200, description = "The caller", body = Me),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not staff", body = ApiErrorBody),
    )
)]
pub async fn me(ApiActor(actor): ApiActor) -> ApiResult<Json<Me>> {
    // Every staff account, moderators (who cannot view the newsroom) included.
    if !crate::policy::allowed(&actor, Action::Moderate, Resource::None) {
        can(&actor, Action::ViewNewsroom, Resource::None)?;
    }
    Ok(Json(actor.into()))
}

#[utoipa::path(
    get, path = "/api/v1/admin/authors", tag = "authors",
    responses(
        (status = 200, description = "Every author profile", body = Vec<AuthorOut>),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Not staff", body = ApiErrorBody),
    )
)]
pub async fn list_authors(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> ApiResult<Json<Vec<AuthorOut>>> {
    Ok(Json(
        authors::list(&state, &actor)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

#[utoipa::path(
    post, path = "/api/v1/admin/authors", tag = "authors",
    request_body = AuthorInput,
    responses(
        (status = 201, description = "The new author profile", body = AuthorOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors only", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Invalid fields or a taken slug", body = ApiErrorBody),
    )
)]
pub async fn create_author(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiJson(input): ApiJson<AuthorInput>,
) -> ApiResult<(StatusCode, Json<AuthorOut>)> {
    let author = authors::create(&state, &actor, &input.into_new()).await?;
    Ok((StatusCode::CREATED, Json(author.into())))
}

#[utoipa::path(
    get, path = "/api/v1/admin/authors/{id}", tag = "authors",
    params(("id" = i64, Path, description = "Author id")),
    responses(
        (status = 200, description = "The author profile", body = AuthorOut),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors only", body = ApiErrorBody),
        (status = 404, description = "No such author", body = ApiErrorBody),
    )
)]
pub async fn get_author(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<AuthorOut>> {
    Ok(Json(authors::get(&state, &actor, id).await?.into()))
}

#[utoipa::path(
    put, path = "/api/v1/admin/authors/{id}", tag = "authors",
    params(("id" = i64, Path, description = "Author id")),
    request_body = AuthorInput,
    responses(
        (status = 200, description = "The changed author profile", body = AuthorOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Editors only", body = ApiErrorBody),
        (status = 404, description = "No such author", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Invalid fields or a taken slug", body = ApiErrorBody),
    )
)]
pub async fn update_author(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<AuthorInput>,
) -> ApiResult<Json<AuthorOut>> {
    authors::get(&state, &actor, id).await?;
    Ok(Json(
        authors::update(&state, &actor, &input.into_author(id))
            .await?
            .into(),
    ))
}

#[utoipa::path(
    get, path = "/api/v1/admin/staff", tag = "staff",
    responses(
        (status = 200, description = "Every account", body = Vec<AccountOut>),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Admins only", body = ApiErrorBody),
    )
)]
pub async fn list_staff(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> ApiResult<Json<Vec<AccountOut>>> {
    Ok(Json(
        staff::list(&state, &actor)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

/// Creates an account that can log in once its owner has opened the one-time link.
#[utoipa::path(
    post, path = "/api/v1/admin/staff", tag = "staff",
    request_body = InviteStaff,
    responses(
        (status = 201, description = "The account and its set-password link (shown once)", body = InvitationOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Admins only", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Invalid fields or the email is taken", body = ApiErrorBody),
    )
)]
pub async fn invite(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiJson(input): ApiJson<InviteStaff>,
) -> ApiResult<(StatusCode, Json<InvitationOut>)> {
    let invitation =
        staff::invite(&state, &actor, &input.email, &input.name, input.role.into()).await?;
    Ok((StatusCode::CREATED, Json(invitation.into())))
}

#[utoipa::path(
    put, path = "/api/v1/admin/staff/{id}/role", tag = "staff",
    params(("id" = i64, Path, description = "Account id")),
    request_body = ChangeRole,
    responses(
        (status = 200, description = "The account with its new role", body = AccountOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Admins only; nobody changes their own role", body = ApiErrorBody),
        (status = 404, description = "No such account", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Not a role", body = ApiErrorBody),
    )
)]
pub async fn set_role(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<ChangeRole>,
) -> ApiResult<Json<AccountOut>> {
    Ok(Json(
        staff::set_role(&state, &actor, id, input.role.into())
            .await?
            .into(),
    ))
}

/// Disables the account and ends its sessions at once.
#[utoipa::path(
    post, path = "/api/v1/admin/staff/{id}/disable", tag = "staff",
    params(("id" = i64, Path, description = "Account id")),
    responses(
        (status = 200, description = "The disabled account", body = AccountOut),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Admins only; nobody disables themselves", body = ApiErrorBody),
        (status = 404, description = "No such account", body = ApiErrorBody),
    )
)]
pub async fn disable(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<AccountOut>> {
    Ok(Json(
        staff::set_disabled(&state, &actor, id, true).await?.into(),
    ))
}

#[utoipa::path(
    post, path = "/api/v1/admin/staff/{id}/enable", tag = "staff",
    params(("id" = i64, Path, description = "Account id")),
    responses(
        (status = 200, description = "The enabled account", body = AccountOut),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Admins only", body = ApiErrorBody),
        (status = 404, description = "No such account", body = ApiErrorBody),
    )
)]
pub async fn enable(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<AccountOut>> {
    Ok(Json(
        staff::set_disabled(&state, &actor, id, false).await?.into(),
    ))
}

/// A fresh one-time set-password link; the account's current password stops working.
#[utoipa::path(
    post, path = "/api/v1/admin/staff/{id}/password-link", tag = "staff",
    params(("id" = i64, Path, description = "Account id")),
    responses(
        (status = 201, description = "The account and its new link (shown once)", body = InvitationOut),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Admins only", body = ApiErrorBody),
        (status = 404, description = "No such account", body = ApiErrorBody),
    )
)]
pub async fn password_link(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<(StatusCode, Json<InvitationOut>)> {
    Ok((
        StatusCode::CREATED,
        Json(staff::reset_link(&state, &actor, id).await?.into()),
    ))
}

#[utoipa::path(
    get, path = "/api/v1/admin/tokens", tag = "tokens",
    responses(
        (status = 200, description = "Every API token (never their secrets)", body = Vec<TokenOut>),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Admins only", body = ApiErrorBody),
    )
)]
pub async fn list_tokens(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> ApiResult<Json<Vec<TokenOut>>> {
    Ok(Json(
        tokens::list(&state, &actor)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

/// Creates a token acting with `role` on behalf of the caller's account. The secret is in
/// this answer only.
#[utoipa::path(
    post, path = "/api/v1/admin/tokens", tag = "tokens",
    request_body = CreateToken,
    responses(
        (status = 201, description = "The token and its secret (shown once)", body = CreatedTokenOut),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Admins only", body = ApiErrorBody),
        (status = 415, description = "Body is not JSON", body = ApiErrorBody),
        (status = 422, description = "Invalid name or a non-staff role", body = ApiErrorBody),
    )
)]
pub async fn create_token(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiJson(input): ApiJson<CreateToken>,
) -> ApiResult<(StatusCode, Json<CreatedTokenOut>)> {
    let created = tokens::create(&state, &actor, &input.name, input.role.into()).await?;
    Ok((StatusCode::CREATED, Json(created.into())))
}

/// Revokes a token at once; requests carrying it get 401 from then on.
#[utoipa::path(
    delete, path = "/api/v1/admin/tokens/{id}", tag = "tokens",
    params(("id" = i64, Path, description = "Token id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Admins only", body = ApiErrorBody),
        (status = 404, description = "No such token", body = ApiErrorBody),
    )
)]
pub async fn revoke_token(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    tokens::revoke(&state, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Who published, unpublished, deleted, changed roles or tokens, and when; newest first.
#[utoipa::path(
    get, path = "/api/v1/admin/audit", tag = "audit",
    params(PageQuery),
    responses(
        (status = 200, description = "Audit entries, newest first", body = Vec<AuditEntryOut>),
        (status = 400, description = "Malformed query string", body = ApiErrorBody),
        (status = 401, description = "No valid credentials", body = ApiErrorBody),
        (status = 403, description = "Admins only", body = ApiErrorBody),
    )
)]
pub async fn audit_log(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<Json<Vec<AuditEntryOut>>> {
    let (limit, offset, _) = q.window(50);
    Ok(Json(
        audit::list(&state, &actor, limit, offset)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}
