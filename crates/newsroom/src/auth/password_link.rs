//! One-time "set your password" links, for invitations and resets.
//!
//! No extra table: the account's stored password hash is replaced by
//! `invite:{expiry}:{sha256(secret)}`. That value is not a PHC string, so the login form
//! can never accept it; setting a password replaces it, which makes the link single-use.

use axum::Extension;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Redirect};
use axum_extra::extract::Form;
use http::header::SET_COOKIE;
use http::{HeaderMap, StatusCode};
use minijinja::context;
use newsdesk_core::Account;
use newsdesk_core::account::validate_password;
use newsdesk_site::{AppState, HttpError};
use newsdesk_store::StoreError;
use serde::Deserialize;

use crate::admin::render::{AdminError, AdminResult, render};
use crate::auth::cookies;
use crate::auth::login::{form_token, presession_ok};
use crate::auth::password::hash_password;
use crate::auth::session::CurrentSession;
use crate::auth::session::{self, SESSION_TTL};

pub use newsdesk_auth::link::{LINK_TTL, new_link};

/// The account a link is for, if the link is current.
async fn account_for(state: &AppState, token: &str) -> Result<Option<Account>, HttpError> {
    let Some((id, secret)) = newsdesk_auth::link::parse(token) else {
        return Ok(None);
    };
    let account = match state.store().get_account(id).await {
        Ok(a) => a,
        Err(StoreError::NotFound) => return Ok(None),
        Err(err) => return Err(err.into()),
    };
    let (account, stored) = match state.store().account_by_email(&account.email).await {
        Ok(found) => found,
        Err(StoreError::NotFound) => return Ok(None),
        Err(err) => return Err(err.into()),
    };
    let opens = newsdesk_auth::link::opens(&stored, secret);
    Ok((opens && !account.disabled).then_some(account))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    pub password: String,
    pub confirm: String,
    pub csrf: String,
}

fn expired() -> AdminError {
    AdminError(HttpError::Gone)
}

fn form_page(
    status: StatusCode,
    csrf: &str,
    account: &Account,
    error: Option<String>,
) -> AdminResult {
    let html = render(
        "admin/password.html",
        context! { csrf => csrf, name => account.name.clone(), email => account.email.clone(), error => error },
    )?;
    Ok((status, Html(html)).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    Path(token): Path<String>,
    session: Option<Extension<CurrentSession>>,
    headers: HeaderMap,
) -> AdminResult {
    let account = account_for(&state, &token).await?.ok_or_else(expired)?;
    let session = session.map(|Extension(s)| s);
    let (csrf, cookie) = form_token(&state, session.as_ref(), &headers);
    let mut response = form_page(StatusCode::OK, &csrf, &account, None)?;
    if let Some(c) = cookie {
        response.headers_mut().append(SET_COOKIE, c);
    }
    Ok(response)
}

pub async fn submit(
    State(state): State<AppState>,
    Path(token): Path<String>,
    session: Option<Extension<CurrentSession>>,
    headers: HeaderMap,
    Form(form): Form<PasswordForm>,
) -> AdminResult {
    let session = session.map(|Extension(s)| s);
    if !presession_ok(session.as_ref(), &headers, &form.csrf) {
        return Err(AdminError(HttpError::Forbidden(
            "the form expired; reload the page and try again".to_owned(),
        )));
    }
    let account = account_for(&state, &token).await?.ok_or_else(expired)?;
    if let Err(err) = validate_password(&form.password) {
        return form_page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form.csrf,
            &account,
            Some(err.to_string()),
        );
    }
    if form.password != form.confirm {
        let msg = "the two passwords differ".to_owned();
        return form_page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form.csrf,
            &account,
            Some(msg),
        );
    }
    let hash = hash_password(&form.password).await?;
    state.store().set_password_hash(account.id, &hash).await?;
    state
        .store()
        .audit(
            account.id.into(),
            "account.password_set",
            &format!("account:{}", account.id),
            &serde_json::json!({}),
        )
        .await?;
    if let Some(previous) = &session {
        previous.end(&state).await?;
    }
    let (token, _) = session::start(&state, &account).await?;
    let secure = state.config().secure_cookies;
    let mut response = Redirect::to("/admin").into_response();
    if let Some(c) = cookies::session_cookie(&token, SESSION_TTL.num_seconds(), secure) {
        response.headers_mut().append(SET_COOKIE, c);
    }
    if let Some(c) = cookies::clear_presession_cookie(secure) {
        response.headers_mut().append(SET_COOKIE, c);
    }
    Ok(response)
}
