//! The pages behind emailed links. A link opens a page with one button (or, for a reset,
//! the new-password form); only posting it takes the link. Mail scanners follow every link
//! in a message; they do not press buttons, so they cannot use up a single-use link or be
//! logged in by it.

use axum::response::Response;
use http::{HeaderMap, StatusCode};
use newsdesk_auth::token::hash_secret;
use newsdesk_store::{LinkPurpose, StoreError, TakenLink};

use super::page::{
    AccountPage, Form as PageForm, expired_form, field, presession_ok, presession_token,
};
use crate::error::HttpError;
use crate::public::context::EditionCtx;
use crate::public::error_page::or_error_page;
use crate::state::AppState;

/// The page link `token` of `kind` (`confirm`, `magic`, `email`, `reset`) opens: strings
/// `account-{kind}-landing-heading`, `-text` and `-submit`; its form posts back to the
/// link's own address.
pub async fn landing(
    state: &AppState,
    code: &str,
    token: &str,
    headers: &HeaderMap,
    kind: &str,
) -> Response {
    let result = async {
        let ctx = EditionCtx::load(state, code).await?;
        let (csrf, cookie) = presession_token(state, headers);
        let action = format!("/{code}/account/{kind}/{token}");
        let text = |part: &str| ctx.t(state, &format!("account-{kind}-landing-{part}"));
        let page = AccountPage::new(state, &ctx, &format!("account-{kind}-landing-heading"))
            .paragraph(text("text"))
            .cookie(cookie);
        let page = if kind == "reset" {
            page.form(PageForm {
                heading: None,
                action,
                csrf,
                next: String::new(),
                submit: text("submit"),
                fields: vec![field(
                    state,
                    &ctx,
                    "password",
                    "password",
                    "",
                    "new-password",
                )],
            })
        } else {
            page.button(action, &csrf, text("submit"))
        };
        page.respond(state)
    }
    .await;
    or_error_page(state, Some(code), result).await
}

/// A link that was used, has expired or never existed.
pub fn dead_link(state: &AppState, ctx: &EditionCtx) -> Result<Response, HttpError> {
    let code = &ctx.edition.code;
    AccountPage::new(state, ctx, "account-link-dead-heading")
        .status(StatusCode::GONE)
        .paragraph(ctx.t(state, "account-link-dead-text"))
        .link(
            format!("/{code}/account/login"),
            ctx.t(state, "account-login-heading"),
        )
        .respond(state)
}

/// Takes link `token` of `purpose`; `None` when it opens nothing.
pub async fn take(
    state: &AppState,
    token: &str,
    purpose: LinkPurpose,
) -> Result<Option<TakenLink>, HttpError> {
    match state
        .store()
        .take_account_link(&hash_secret(token), purpose)
        .await
    {
        Ok(taken) => Ok(Some(taken)),
        Err(StoreError::NotFound) => Ok(None),
        Err(err) => Err(err.into()),
    }
}

/// The landing page's form posted: checks its CSRF token and takes the link. `Err` holds
/// the page to answer with when the link opens nothing.
pub async fn take_posted(
    state: &AppState,
    code: &str,
    token: &str,
    headers: &HeaderMap,
    csrf: &str,
    purpose: LinkPurpose,
) -> Result<Result<(EditionCtx, TakenLink), Response>, HttpError> {
    let ctx = EditionCtx::load(state, code).await?;
    if !presession_ok(headers, csrf) {
        return Err(expired_form());
    }
    match take(state, token, purpose).await? {
        Some(taken) => Ok(Ok((ctx, taken))),
        None => dead_link(state, &ctx).map(Err),
    }
}
