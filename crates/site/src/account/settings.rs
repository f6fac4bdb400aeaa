//! What a logged-in reader changes about their account: password, address, the account
//! itself (deleted), and a copy of their data.

use axum::Extension;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use http::{HeaderMap, HeaderValue, StatusCode};
use newsdesk_auth::cookies;
use newsdesk_auth::password::{hash_password, verify_password};
use newsdesk_auth::session::Found;
use newsdesk_auth::token::constant_time_eq;
use newsdesk_auth::{ClientIp, ReaderLimits, SessionKind};
use newsdesk_core::account::{normalize_email, validate_password};
use newsdesk_store::{LinkPurpose, StoreError};
use serde::Deserialize;

use super::page::{AccountPage, expired_form};
use super::register::CsrfForm;
use super::{emails, links, log_in, reader};
use crate::error::HttpError;
use crate::public::context::EditionCtx;
use crate::public::error_page::or_error_page;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    pub current: String,
    pub password: String,
    pub csrf: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EmailChangeForm {
    pub email: String,
    pub current: String,
    pub csrf: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DeleteForm {
    pub current: String,
    /// Present (a ticked box) when the reader's comments go with the account.
    pub remove_comments: Option<String>,
    pub csrf: String,
}

/// The logged-in reader whose session's CSRF token the form carries and who gave their
/// current password again; otherwise the response to send instead (the login page, or the
/// account page saying the password is wrong), or 403 for a forged form.
async fn reauthenticated(
    state: &AppState,
    code: &str,
    headers: &HeaderMap,
    csrf: &str,
    current: &str,
) -> Result<Result<Found, Response>, HttpError> {
    let Some(found) = reader(state, headers).await? else {
        return Ok(Err(
            Redirect::to(&format!("/{code}/account/login")).into_response()
        ));
    };
    if !constant_time_eq(&found.csrf, csrf) {
        return Err(expired_form());
    }
    if !password_ok(state, &found.account.email, current).await? {
        return refused(state, code, headers, "account-error-current")
            .await
            .map(Err);
    }
    Ok(Ok(found))
}

/// Whether `password` is the account's current one.
async fn password_ok(state: &AppState, email: &str, password: &str) -> Result<bool, HttpError> {
    let stored = match state.store().account_by_email(email).await {
        Ok((_, hash)) => Some(hash),
        Err(StoreError::NotFound) => None,
        Err(err) => return Err(err.into()),
    };
    Ok(verify_password(password, stored.as_deref()).await?)
}

/// The account page again, with an error about one of its forms.
async fn refused(
    state: &AppState,
    code: &str,
    headers: &HeaderMap,
    key: &str,
) -> Result<Response, HttpError> {
    let ctx = EditionCtx::load(state, code).await?;
    let Some(found) = reader(state, headers).await? else {
        return Ok(Redirect::to(&format!("/{code}/account/login")).into_response());
    };
    let page = super::login::home_page(state, &ctx, &found, None)
        .status(StatusCode::UNPROCESSABLE_ENTITY)
        .error(ctx.t(state, key));
    page.respond(state)
}

pub async fn change_password(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    Form(form): Form<PasswordForm>,
) -> Response {
    let result = async {
        let found =
            match reauthenticated(&state, &code, &headers, &form.csrf, &form.current).await? {
                Ok(found) => found,
                Err(response) => return Ok(response),
            };
        if validate_password(&form.password).is_err() {
            return refused(&state, &code, &headers, "account-error-password").await;
        }
        let hash = hash_password(&form.password).await?;
        // Ends every session of the account, this one included: other devices are logged
        // out, and this browser is logged in again below.
        state
            .store()
            .set_password_hash(found.account.id, &hash)
            .await?;
        tracing::info!(account = found.account.id, "reader changed their password");
        log_in(
            &state,
            &headers,
            &found.account,
            &format!("/{code}/account?changed=password"),
        )
        .await
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

pub async fn change_email(
    State(state): State<AppState>,
    Extension(limits): Extension<ReaderLimits>,
    ClientIp(ip): ClientIp,
    Path(code): Path<String>,
    headers: HeaderMap,
    Form(form): Form<EmailChangeForm>,
) -> Response {
    let result = async {
        let found =
            match reauthenticated(&state, &code, &headers, &form.csrf, &form.current).await? {
                Ok(found) => found,
                Err(response) => return Ok(response),
            };
        let Ok(email) = normalize_email(&form.email) else {
            return refused(&state, &code, &headers, "account-error-email").await;
        };
        let ctx = EditionCtx::load(&state, &code).await?;
        if let Err(wait) = limits.email_links.check(ip, Some(&found.account.email)) {
            return super::login::home_page(&state, &ctx, &found, None)
                .retry_after(wait)
                .error(ctx.t(&state, "account-error-too-many"))
                .respond(&state);
        }
        // A taken address gets no link, and the page says the same as for a free one.
        match state.store().account_by_email(&email).await {
            Err(StoreError::NotFound) => {
                emails::send_email_change(&state, &ctx, &found.account, &email).await?;
            }
            Ok(_) => {}
            Err(err) => return Err(err.into()),
        }
        let text = state.i18n().get(
            ctx.lang(),
            "account-email-sent",
            Some(&crate::i18n::args(&[(
                "email",
                crate::i18n::isolate(&email),
            )])),
        );
        AccountPage::new(&state, &ctx, "account-check-inbox-heading")
            .paragraph(text)
            .link(
                format!("/{code}/account"),
                ctx.t(&state, "account-home-heading"),
            )
            .respond(&state)
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

pub async fn email_page(
    State(state): State<AppState>,
    Path((code, token)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    links::landing(&state, &code, &token, &headers, "email").await
}

/// Takes the link sent to the new address and moves the account there.
pub async fn email_confirm(
    State(state): State<AppState>,
    Path((code, token)): Path<(String, String)>,
    headers: HeaderMap,
    Form(form): Form<CsrfForm>,
) -> Response {
    let result = async {
        let (ctx, taken) = match links::take_posted(
            &state,
            &code,
            &token,
            &headers,
            &form.csrf,
            LinkPurpose::Email,
        )
        .await?
        {
            Ok(found) => found,
            Err(dead) => return Ok(dead),
        };
        let account = match state
            .store()
            .set_account_email(taken.account_id, &taken.detail)
            .await
        {
            Ok(account) => account,
            // Taken by someone else since the link went out.
            Err(StoreError::Conflict { .. }) => return links::dead_link(&state, &ctx),
            Err(err) => return Err(err.into()),
        };
        tracing::info!(account = account.id, "reader moved to a new address");
        log_in(
            &state,
            &headers,
            &account,
            &format!("/{code}/account?changed=email"),
        )
        .await
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

/// Deletes the account after the password is given again; the reader is logged out.
pub async fn delete(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    Form(form): Form<DeleteForm>,
) -> Response {
    let result = async {
        let found =
            match reauthenticated(&state, &code, &headers, &form.csrf, &form.current).await? {
                Ok(found) => found,
                Err(response) => return Ok(response),
            };
        // The reader chooses: their comments stay under "deleted account", or go.
        if form.remove_comments.is_some() {
            state.store().delete_comments_of(found.account.id).await?;
        }
        state.store().delete_account(found.account.id).await?;
        tracing::info!(account = found.account.id, "reader deleted their account");
        let ctx = EditionCtx::load(&state, &code).await?;
        AccountPage::new(&state, &ctx, "account-deleted-heading")
            .paragraph(ctx.t(&state, "account-deleted-text"))
            .link(format!("/{code}"), ctx.t(&state, "error-back-home"))
            .cookie(cookies::session_cookie_of(
                SessionKind::Reader,
                "",
                0,
                state.config().secure_cookies,
            ))
            .respond(&state)
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

/// Everything stored about the reader, as a JSON download.
pub async fn export(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let Some(found) = reader(&state, &headers).await? else {
            return Ok(Redirect::to(&format!("/{code}/account/login")).into_response());
        };
        let a = &found.account;
        let comments: Vec<serde_json::Value> = state
            .store()
            .comments_by_account(a.id)
            .await?
            .iter()
            .map(|c| {
                serde_json::json!({
                    "id": c.id,
                    "article_id": c.article_id,
                    "reply_to": c.parent_id,
                    "text": c.body,
                    "status": c.status.as_str(),
                    "posted_at": c.created_at,
                    "edited_at": c.edited_at,
                    "likes": c.likes,
                })
            })
            .collect();
        let data = serde_json::json!({
            "account": {
                "id": a.id,
                "email": a.email,
                "display_name": a.name,
                "registered_at": a.created_at,
                "email_confirmed_at": a.email_confirmed_at,
            },
            "comments": comments,
        });
        let body = serde_json::to_vec_pretty(&data).map_err(HttpError::internal)?;
        let mut response = (StatusCode::OK, body).into_response();
        let h = response.headers_mut();
        h.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        h.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
        h.insert(
            CONTENT_DISPOSITION,
            HeaderValue::from_static("attachment; filename=\"my-account.json\""),
        );
        Ok(response)
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}
