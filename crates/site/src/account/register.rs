//! Registering, and confirming the address by the emailed link.

use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use http::{HeaderMap, StatusCode};
use newsdesk_auth::password::hash_password;
use newsdesk_auth::{ClientIp, ReaderLimits};
use newsdesk_core::Role;
use newsdesk_core::account::{normalize_email, validate_password};
use newsdesk_store::{LinkPurpose, StoreError};
use serde::Deserialize;

use super::page::{
    AccountPage, Form as PageForm, expired_form, field, presession_ok, presession_token,
};
use super::{emails, links, log_in, reader, safe_next};
use crate::public::context::EditionCtx;
use crate::public::error_page::or_error_page;
use crate::state::AppState;

/// Longest display name, in characters.
pub const MAX_NAME: usize = 80;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NextQuery {
    pub next: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RegisterForm {
    pub name: String,
    pub email: String,
    pub password: String,
    pub csrf: String,
    pub next: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CsrfForm {
    pub csrf: String,
}

pub async fn show(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<NextQuery>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let ctx = EditionCtx::load(&state, &code).await?;
        if reader(&state, &headers).await?.is_some() {
            return Ok(Redirect::to(&format!("/{code}/account")).into_response());
        }
        let (csrf, cookie) = presession_token(&state, &headers);
        let next = safe_next(&q.next, &code);
        register_page(
            &state,
            &ctx,
            &csrf,
            &RegisterForm {
                next,
                ..RegisterForm::default()
            },
        )
        .cookie(cookie)
        .respond(&state)
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

fn register_page(
    state: &AppState,
    ctx: &EditionCtx,
    csrf: &str,
    form: &RegisterForm,
) -> AccountPage {
    let code = &ctx.edition.code;
    AccountPage::new(state, ctx, "account-register-heading")
        .paragraph(ctx.t(state, "account-register-intro"))
        .form(PageForm {
            heading: None,
            action: format!("/{code}/account/register"),
            csrf: csrf.to_owned(),
            next: form.next.clone(),
            submit: ctx.t(state, "account-register-submit"),
            fields: vec![
                field(state, ctx, "name", "text", &form.name, "nickname"),
                field(state, ctx, "email", "email", &form.email, "email"),
                field(state, ctx, "password", "password", "", "new-password"),
            ],
        })
        .link(
            format!(
                "/{code}/account/login?next={}",
                url::form_urlencoded::byte_serialize(form.next.as_bytes()).collect::<String>()
            ),
            ctx.t(state, "account-have-account"),
        )
}

pub async fn submit(
    State(state): State<AppState>,
    Extension(limits): Extension<ReaderLimits>,
    ClientIp(ip): ClientIp,
    Path(code): Path<String>,
    headers: HeaderMap,
    Form(form): Form<RegisterForm>,
) -> Response {
    let result = async {
        let ctx = EditionCtx::load(&state, &code).await?;
        if !presession_ok(&headers, &form.csrf) {
            return Err(expired_form());
        }
        let form = RegisterForm {
            next: safe_next(&form.next, &code),
            ..form
        };
        let refuse = |key: &str| {
            register_page(&state, &ctx, &form.csrf, &form)
                .status(StatusCode::UNPROCESSABLE_ENTITY)
                .error(ctx.t(&state, key))
                .respond(&state)
        };
        let name = form.name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME || name.chars().any(char::is_control)
        {
            return refuse("account-error-name");
        }
        let Ok(email) = normalize_email(&form.email) else {
            return refuse("account-error-email");
        };
        if validate_password(&form.password).is_err() {
            return refuse("account-error-password");
        }
        if let Err(wait) = limits.register.check(ip, Some(&email)) {
            return register_page(&state, &ctx, &form.csrf, &form)
                .retry_after(wait)
                .error(ctx.t(&state, "account-error-too-many"))
                .respond(&state);
        }
        // Hashed before anything else, taken address or not: the time the answer takes
        // must not tell whether the address has an account.
        let hash = hash_password(&form.password).await?;
        match state
            .store()
            .create_account(&email, name, Role::Reader, &hash)
            .await
        {
            Ok(account) => {
                tracing::info!(account = account.id, "reader registered");
                emails::send_confirmation(&state, &ctx, &account).await?;
            }
            Err(StoreError::Conflict { .. }) => {
                let (account, _) = state.store().account_by_email(&email).await?;
                emails::send_already_registered(&state, &ctx, &account).await?;
            }
            Err(err) => return Err(err.into()),
        }
        check_inbox(&state, &ctx, &email).respond(&state)
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

/// The same page whether the address was new or not.
fn check_inbox(state: &AppState, ctx: &EditionCtx, email: &str) -> AccountPage {
    let text = state.i18n().get(
        ctx.lang(),
        "account-check-inbox-text",
        Some(&crate::i18n::args(&[(
            "email",
            crate::i18n::isolate(email),
        )])),
    );
    AccountPage::new(state, ctx, "account-check-inbox-heading").paragraph(text)
}

/// The link from the email opens a page with one button: mail scanners that follow every
/// link must not use up a single-use link (or be logged in by it) before the reader does.
pub async fn confirm_page(
    State(state): State<AppState>,
    Path((code, token)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    links::landing(&state, &code, &token, &headers, "confirm").await
}

/// Takes the link, confirms the address and logs the reader in.
pub async fn confirm(
    State(state): State<AppState>,
    Path((code, token)): Path<(String, String)>,
    headers: HeaderMap,
    Form(form): Form<CsrfForm>,
) -> Response {
    let result = async {
        let taken = match links::take_posted(
            &state,
            &code,
            &token,
            &headers,
            &form.csrf,
            LinkPurpose::Confirm,
        )
        .await?
        {
            Ok((_, taken)) => taken,
            Err(dead) => return Ok(dead),
        };
        let account = state.store().confirm_email(taken.account_id).await?;
        tracing::info!(account = account.id, "reader confirmed their address");
        log_in(
            &state,
            &headers,
            &account,
            &format!("/{code}/account?confirmed=1"),
        )
        .await
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

/// Sends the confirmation again, for a logged-in reader who has not confirmed yet.
pub async fn resend(
    State(state): State<AppState>,
    Extension(limits): Extension<ReaderLimits>,
    ClientIp(ip): ClientIp,
    Path(code): Path<String>,
    headers: HeaderMap,
    Form(form): Form<CsrfForm>,
) -> Response {
    let result = async {
        let ctx = EditionCtx::load(&state, &code).await?;
        let Some(found) = reader(&state, &headers).await? else {
            return Ok(Redirect::to(&format!("/{code}/account/login")).into_response());
        };
        if !newsdesk_auth::token::constant_time_eq(&found.csrf, &form.csrf) {
            return Err(expired_form());
        }
        if found.account.email_confirmed_at.is_some() {
            return Ok(Redirect::to(&format!("/{code}/account")).into_response());
        }
        if let Err(wait) = limits.email_links.check(ip, Some(&found.account.email)) {
            return AccountPage::new(&state, &ctx, "account-home-heading")
                .retry_after(wait)
                .error(ctx.t(&state, "account-error-too-many"))
                .link(
                    format!("/{code}/account"),
                    ctx.t(&state, "account-home-heading"),
                )
                .respond(&state);
        }
        emails::send_confirmation(&state, &ctx, &found.account).await?;
        check_inbox(&state, &ctx, &found.account.email).respond(&state)
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}
