//! Getting back in without the password: "forgot password" (a reset link) and a login
//! link by email. Both ask only for an address and answer the same whether it has an
//! account or not; both links are single-use and open a page with a button first (mail
//! scanners follow links; they do not press buttons).

use axum::Extension;
use axum::extract::{Path, State};
use axum::response::Response;
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
use super::register::CsrfForm;
use super::{emails, links, log_in};
use crate::public::context::EditionCtx;
use crate::public::error_page::or_error_page;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EmailForm {
    pub email: String,
    pub csrf: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewPasswordForm {
    pub password: String,
    pub csrf: String,
}

/// Which emailed link a request form asks for.
#[derive(Clone, Copy)]
enum Ask {
    Reset,
    Magic,
}

impl Ask {
    fn path(self) -> &'static str {
        match self {
            Ask::Reset => "forgot",
            Ask::Magic => "magic",
        }
    }

    fn key(self, part: &str) -> String {
        let name = match self {
            Ask::Reset => "forgot",
            Ask::Magic => "magic",
        };
        format!("account-{name}-{part}")
    }
}

fn ask_page(state: &AppState, ctx: &EditionCtx, ask: Ask, csrf: &str, email: &str) -> AccountPage {
    let code = &ctx.edition.code;
    AccountPage::new(state, ctx, &ask.key("heading"))
        .paragraph(ctx.t(state, &ask.key("intro")))
        .form(PageForm {
            heading: None,
            action: format!("/{code}/account/{}", ask.path()),
            csrf: csrf.to_owned(),
            next: String::new(),
            submit: ctx.t(state, &ask.key("submit")),
            fields: vec![field(state, ctx, "email", "email", email, "email")],
        })
        .link(
            format!("/{code}/account/login"),
            ctx.t(state, "account-login-heading"),
        )
}

async fn show_ask(state: AppState, code: String, headers: HeaderMap, ask: Ask) -> Response {
    let result = async {
        let ctx = EditionCtx::load(&state, &code).await?;
        let (csrf, cookie) = presession_token(&state, &headers);
        ask_page(&state, &ctx, ask, &csrf, "")
            .cookie(cookie)
            .respond(&state)
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

async fn submit_ask(
    state: AppState,
    limits: ReaderLimits,
    ip: Option<std::net::IpAddr>,
    code: String,
    headers: HeaderMap,
    form: EmailForm,
    ask: Ask,
) -> Response {
    let result = async {
        let ctx = EditionCtx::load(&state, &code).await?;
        if !presession_ok(&headers, &form.csrf) {
            return Err(expired_form());
        }
        let Ok(email) = normalize_email(&form.email) else {
            return ask_page(&state, &ctx, ask, &form.csrf, &form.email)
                .status(StatusCode::UNPROCESSABLE_ENTITY)
                .error(ctx.t(&state, "account-error-email"))
                .respond(&state);
        };
        if let Err(wait) = limits.email_links.check(ip, Some(&email)) {
            return ask_page(&state, &ctx, ask, &form.csrf, &form.email)
                .retry_after(wait)
                .error(ctx.t(&state, "account-error-too-many"))
                .respond(&state);
        }
        match state.store().account_by_email(&email).await {
            Ok((account, _)) if account.role == Role::Reader && !account.disabled => match ask {
                Ask::Reset => emails::send_reset(&state, &ctx, &account).await?,
                Ask::Magic => emails::send_magic(&state, &ctx, &account).await?,
            },
            // No reader behind the address: nothing is sent and nothing is said.
            Ok(_) | Err(StoreError::NotFound) => {}
            Err(err) => return Err(err.into()),
        }
        let text = state.i18n().get(
            ctx.lang(),
            &ask.key("sent"),
            Some(&crate::i18n::args(&[(
                "email",
                crate::i18n::isolate(&email),
            )])),
        );
        AccountPage::new(&state, &ctx, "account-check-inbox-heading")
            .paragraph(text)
            .respond(&state)
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

pub async fn forgot(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Response {
    show_ask(state, code, headers, Ask::Reset).await
}

pub async fn forgot_submit(
    State(state): State<AppState>,
    Extension(limits): Extension<ReaderLimits>,
    ClientIp(ip): ClientIp,
    Path(code): Path<String>,
    headers: HeaderMap,
    Form(form): Form<EmailForm>,
) -> Response {
    submit_ask(state, limits, ip, code, headers, form, Ask::Reset).await
}

pub async fn magic(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Response {
    show_ask(state, code, headers, Ask::Magic).await
}

pub async fn magic_submit(
    State(state): State<AppState>,
    Extension(limits): Extension<ReaderLimits>,
    ClientIp(ip): ClientIp,
    Path(code): Path<String>,
    headers: HeaderMap,
    Form(form): Form<EmailForm>,
) -> Response {
    submit_ask(state, limits, ip, code, headers, form, Ask::Magic).await
}

pub async fn reset_page(
    State(state): State<AppState>,
    Path((code, token)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    links::landing(&state, &code, &token, &headers, "reset").await
}

/// Sets the new password: every session of the account ends (the store does that with
/// the password), and this browser is logged in afresh.
pub async fn reset(
    State(state): State<AppState>,
    Path((code, token)): Path<(String, String)>,
    headers: HeaderMap,
    Form(form): Form<NewPasswordForm>,
) -> Response {
    let result = async {
        let ctx = EditionCtx::load(&state, &code).await?;
        if !presession_ok(&headers, &form.csrf) {
            return Err(expired_form());
        }
        if validate_password(&form.password).is_err() {
            // The link is not taken yet: the reader can try again with a longer password.
            return AccountPage::new(&state, &ctx, "account-reset-landing-heading")
                .status(StatusCode::UNPROCESSABLE_ENTITY)
                .error(ctx.t(&state, "account-error-password"))
                .form(PageForm {
                    heading: None,
                    action: format!("/{code}/account/reset/{token}"),
                    csrf: form.csrf.clone(),
                    next: String::new(),
                    submit: ctx.t(&state, "account-reset-landing-submit"),
                    fields: vec![field(
                        &state,
                        &ctx,
                        "password",
                        "password",
                        "",
                        "new-password",
                    )],
                })
                .respond(&state);
        }
        let hash = hash_password(&form.password).await?;
        let Some(taken) = links::take(&state, &token, LinkPurpose::Reset).await? else {
            return links::dead_link(&state, &ctx);
        };
        state
            .store()
            .set_password_hash(taken.account_id, &hash)
            .await?;
        // Whoever could read the reset link owns the address.
        let account = state.store().confirm_email(taken.account_id).await?;
        tracing::info!(account = account.id, "reader reset their password");
        log_in(
            &state,
            &headers,
            &account,
            &format!("/{code}/account?changed=password"),
        )
        .await
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

pub async fn magic_page(
    State(state): State<AppState>,
    Path((code, token)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    links::landing(&state, &code, &token, &headers, "magic").await
}

pub async fn magic_login(
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
            LinkPurpose::Magic,
        )
        .await?
        {
            Ok(found) => found,
            Err(dead) => return Ok(dead),
        };
        let account = state.store().confirm_email(taken.account_id).await?;
        if account.disabled {
            return links::dead_link(&state, &ctx);
        }
        tracing::info!(account = account.id, "reader logged in by link");
        log_in(&state, &headers, &account, &format!("/{code}/account")).await
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}
