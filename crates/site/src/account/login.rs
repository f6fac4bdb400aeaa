//! Logging in and out, and the account page.

use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use http::header::SET_COOKIE;
use http::{HeaderMap, StatusCode};
use newsdesk_auth::cookies;
use newsdesk_auth::password::verify_password;
use newsdesk_auth::ratelimit::{Admission, Exceeded};
use newsdesk_auth::session::{self as auth_session, Found};
use newsdesk_auth::token::constant_time_eq;
use newsdesk_auth::{ClientIp, ReaderLimits, SessionKind};
use newsdesk_core::account::normalize_email;
use newsdesk_store::StoreError;
use serde::Deserialize;

use super::page::{
    AccountPage, Form as PageForm, expired_form, field, presession_ok, presession_token,
};
use super::register::{CsrfForm, NextQuery};
use super::{log_in, reader, safe_next};
use crate::public::context::EditionCtx;
use crate::public::error_page::or_error_page;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    pub email: String,
    pub password: String,
    pub csrf: String,
    pub next: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct HomeQuery {
    pub confirmed: Option<String>,
    pub changed: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<NextQuery>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let ctx = EditionCtx::load(&state, &code).await?;
        let next = safe_next(&q.next, &code);
        if reader(&state, &headers).await?.is_some() {
            return Ok(Redirect::to(&next).into_response());
        }
        let (csrf, cookie) = presession_token(&state, &headers);
        login_page(&state, &ctx, &csrf, "", &next)
            .cookie(cookie)
            .respond(&state)
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

fn login_page(
    state: &AppState,
    ctx: &EditionCtx,
    csrf: &str,
    email: &str,
    next: &str,
) -> AccountPage {
    let code = &ctx.edition.code;
    let next_param: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
    AccountPage::new(state, ctx, "account-login-heading")
        .form(PageForm {
            heading: None,
            action: format!("/{code}/account/login"),
            csrf: csrf.to_owned(),
            next: next.to_owned(),
            submit: ctx.t(state, "account-login-submit"),
            fields: vec![
                field(state, ctx, "email", "email", email, "email"),
                field(state, ctx, "password", "password", "", "current-password"),
            ],
        })
        .link(
            format!("/{code}/account/register?next={next_param}"),
            ctx.t(state, "account-no-account"),
        )
        .link(
            format!("/{code}/account/forgot"),
            ctx.t(state, "account-forgot-link"),
        )
        .link(
            format!("/{code}/account/magic"),
            ctx.t(state, "account-magic-link"),
        )
}

pub async fn submit(
    State(state): State<AppState>,
    Extension(limits): Extension<ReaderLimits>,
    ClientIp(ip): ClientIp,
    Path(code): Path<String>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    let result = async {
        let ctx = EditionCtx::load(&state, &code).await?;
        if !presession_ok(&headers, &form.csrf) {
            return Err(expired_form());
        }
        let next = safe_next(&form.next, &code);
        let again = |status: StatusCode, key: &str| {
            login_page(&state, &ctx, &form.csrf, &form.email, &next)
                .status(status)
                .error(ctx.t(&state, key))
        };
        if form.email.trim().is_empty() || form.password.is_empty() {
            return again(
                StatusCode::UNPROCESSABLE_ENTITY,
                "account-error-login-empty",
            )
            .respond(&state);
        }
        let email =
            normalize_email(&form.email).unwrap_or_else(|_| form.email.trim().to_lowercase());
        match limits.login.admit(ip, &email) {
            Ok(Admission::Go) => {}
            Ok(Admission::SlowDown(pause)) => tokio::time::sleep(pause).await,
            Err(refused) => {
                // The same words whether or not the address has an account.
                let key = match refused.reason {
                    Exceeded::Ip => "account-error-too-many",
                    Exceeded::Account => "account-error-locked",
                };
                return again(StatusCode::TOO_MANY_REQUESTS, key)
                    .retry_after(refused.retry_after)
                    .respond(&state);
            }
        }
        let found = match state.store().account_by_email(&email).await {
            Ok(found) => Some(found),
            Err(StoreError::NotFound) => None,
            Err(err) => return Err(err.into()),
        };
        // One argon2 verification whether the address exists or not.
        let ok = verify_password(&form.password, found.as_ref().map(|(_, h)| h.as_str())).await?;
        // A staff account is not a reader's: the reader login knows only readers, and says
        // so in the words it uses for a wrong password.
        let account = match found {
            Some((account, _))
                if ok && account.role == newsdesk_core::Role::Reader && !account.disabled =>
            {
                account
            }
            Some((account, _))
                if ok && account.disabled && account.role == newsdesk_core::Role::Reader =>
            {
                return again(StatusCode::FORBIDDEN, "account-error-disabled").respond(&state);
            }
            _ => {
                if !ok {
                    limits.login.failed(ip, &email);
                }
                return again(StatusCode::UNAUTHORIZED, "account-error-login").respond(&state);
            }
        };
        limits.login.succeeded(ip, &email);
        tracing::info!(account = account.id, "reader logged in");
        log_in(&state, &headers, &account, &next).await
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

pub async fn logout(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    Form(form): Form<CsrfForm>,
) -> Response {
    let result = async {
        if let Some(found) = reader(&state, &headers).await? {
            if !constant_time_eq(&found.csrf, &form.csrf) {
                return Err(expired_form());
            }
            auth_session::end(state.store(), &found.token_hash).await?;
        }
        let mut response = Redirect::to(&format!("/{code}")).into_response();
        if let Some(c) =
            cookies::session_cookie_of(SessionKind::Reader, "", 0, state.config().secure_cookies)
        {
            response.headers_mut().append(SET_COOKIE, c);
        }
        Ok(response)
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

/// The reader's own page: who they are, whether their address is confirmed, and the
/// forms that change the account.
pub async fn home(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<HomeQuery>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let ctx = EditionCtx::load(&state, &code).await?;
        let Some(found) = reader(&state, &headers).await? else {
            return Ok(Redirect::to(&format!("/{code}/account/login")).into_response());
        };
        let subscriptions = state.store().subscriptions_of(&found.account.email).await?;
        let page = home_page(&state, &ctx, &found, Some(&q));
        crate::newsletters::forms::account_section(
            &state,
            &ctx,
            page,
            &found.account.email,
            &subscriptions,
        )
        .respond(&state)
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

pub(crate) fn home_page(
    state: &AppState,
    ctx: &EditionCtx,
    found: &Found,
    q: Option<&HomeQuery>,
) -> AccountPage {
    let code = &ctx.edition.code;
    let account = &found.account;
    let text = |key: &str, name: &'static str, value: &str| {
        let args = crate::i18n::args(&[(name, crate::i18n::isolate(value))]);
        state.i18n().get(ctx.lang(), key, Some(&args))
    };
    let mut page = AccountPage::new(state, ctx, "account-home-heading")
        .paragraph(text("account-home-name", "name", &account.name))
        .paragraph(text("account-home-email", "email", &account.email));
    let notice = q.and_then(|q| {
        if q.confirmed.is_some() {
            Some("account-confirmed-notice")
        } else {
            match q.changed.as_deref() {
                Some("password") => Some("account-password-changed"),
                Some("email") => Some("account-email-changed"),
                _ => None,
            }
        }
    });
    if let Some(key) = notice {
        page = page.notice(ctx.t(state, key));
    }
    if account.email_confirmed_at.is_some() {
        page = page.paragraph(ctx.t(state, "account-home-confirmed"));
    } else {
        page = page.error(ctx.t(state, "account-home-unconfirmed")).button(
            format!("/{code}/account/resend"),
            &found.csrf,
            ctx.t(state, "account-resend-submit"),
        );
    }
    let form = |key: &str, path: &str, fields| PageForm {
        heading: Some(ctx.t(state, &format!("account-{key}-heading"))),
        action: format!("/{code}/account/{path}"),
        csrf: found.csrf.clone(),
        next: String::new(),
        submit: ctx.t(state, &format!("account-{key}-submit")),
        fields,
    };
    page.button(
        format!("/{code}/account/logout"),
        &found.csrf,
        ctx.t(state, "account-logout-submit"),
    )
    .form(form(
        "password",
        "password",
        vec![
            field(state, ctx, "current", "password", "", "current-password"),
            field(state, ctx, "password", "password", "", "new-password"),
        ],
    ))
    .form(form(
        "email",
        "email",
        vec![
            field(state, ctx, "email", "email", "", "email"),
            field(state, ctx, "current", "password", "", "current-password"),
        ],
    ))
    .form(form(
        "delete",
        "delete",
        vec![
            field(state, ctx, "current", "password", "", "current-password"),
            field(state, ctx, "remove_comments", "checkbox", "1", "off"),
        ],
    ))
    .link(
        format!("/{code}/account/export"),
        ctx.t(state, "account-export-link"),
    )
    .link(format!("/{code}"), ctx.t(state, "error-back-home"))
}
