//! `/admin/login` and `/admin/logout`.

use axum::Extension;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use http::header::{RETRY_AFTER, SET_COOKIE};
use http::{HeaderMap, HeaderValue, StatusCode};
use minijinja::context;
use newsdesk_core::account::normalize_email;
use newsdesk_site::{AppState, HttpError};
use newsdesk_store::StoreError;
use serde::Deserialize;

use crate::admin::render::{AdminError, AdminResult, render};
use crate::auth::cookies;
use crate::auth::password::verify_password;
use crate::auth::ratelimit::{Admission, LoginLimits};
use crate::auth::session::{self, CurrentSession, SESSION_TTL};
use newsdesk_auth::ClientIp;

/// Audit actions: every newsroom login, and every lock-out of a client from an account.
pub const LOGGED_IN: &str = "login";
pub const LOCKED_OUT: &str = "login.locked";

pub use newsdesk_app::actions::staff::target as account_target;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginQuery {
    pub next: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    pub email: String,
    pub password: String,
    pub csrf: String,
    pub next: String,
}

/// Only local newsroom paths: an open redirect would make the login page a phishing tool.
fn safe_next(next: &str) -> &str {
    // Control characters (CR/LF) cannot go into a `Location` header: such a `next` would
    // fail the redirect after the session was already made.
    let local = next.starts_with("/admin")
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control);
    if local { next } else { "/admin" }
}

/// The login form; sets the pre-session CSRF cookie its hidden field must match.
pub async fn show(
    State(state): State<AppState>,
    session: Option<Extension<CurrentSession>>,
    headers: HeaderMap,
    Query(q): Query<LoginQuery>,
) -> AdminResult {
    let session = session.map(|Extension(s)| s);
    if session.as_ref().is_some_and(|s| s.actor.role.is_staff()) {
        return Ok(Redirect::to(safe_next(&q.next)).into_response());
    }
    let (csrf, cookie) = form_token(&state, session.as_ref(), &headers);
    let mut response = login_page(StatusCode::OK, &csrf, "", safe_next(&q.next), None)?;
    if let Some(cookie) = cookie {
        response.headers_mut().append(SET_COOKIE, cookie);
    }
    Ok(response)
}

/// The CSRF token a form shown outside the newsroom proper must carry: the session's when
/// there is one (the middleware checks it), else the pre-session double-submit token.
pub(crate) fn form_token(
    state: &AppState,
    session: Option<&CurrentSession>,
    headers: &HeaderMap,
) -> (String, Option<HeaderValue>) {
    match session {
        Some(s) => (s.csrf.clone(), None),
        None => presession_token(state, headers),
    }
}

/// The existing pre-session token, or a new one with the cookie to set (the reader's
/// account pages use the same double submit).
pub(crate) fn presession_token(
    state: &AppState,
    headers: &HeaderMap,
) -> (String, Option<HeaderValue>) {
    newsdesk_site::account::presession_token(state, headers)
}

/// Double-submit check for forms shown before a session exists. With a session, the
/// middleware has already checked the session's token.
pub(crate) fn presession_ok(
    session: Option<&CurrentSession>,
    headers: &HeaderMap,
    submitted: &str,
) -> bool {
    session.is_some() || newsdesk_site::account::presession_ok(headers, submitted)
}

fn login_page(
    status: StatusCode,
    csrf: &str,
    email: &str,
    next: &str,
    error: Option<&str>,
) -> AdminResult {
    let html = render(
        "admin/login.html",
        context! { csrf => csrf, email => email, next => next, error => error },
    )?;
    Ok((status, Html(html)).into_response())
}

pub async fn submit(
    State(state): State<AppState>,
    Extension(limits): Extension<LoginLimits>,
    ClientIp(ip): ClientIp,
    session: Option<Extension<CurrentSession>>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> AdminResult {
    let session = session.map(|Extension(s)| s);
    let next = safe_next(&form.next);
    if !presession_ok(session.as_ref(), &headers, &form.csrf) {
        return Err(AdminError(HttpError::Forbidden(
            "the login form expired; reload the page and try again".to_owned(),
        )));
    }
    if form.email.trim().is_empty() || form.password.is_empty() {
        let msg = "Enter your email and password.";
        return login_page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form.csrf,
            &form.email,
            next,
            Some(msg),
        );
    }
    let email = normalize_email(&form.email).unwrap_or_else(|_| form.email.trim().to_lowercase());
    match limits.admit(ip, &email) {
        Ok(Admission::Go) => {}
        Ok(Admission::SlowDown(pause)) => tokio::time::sleep(pause).await,
        Err(refused) => {
            let mut response = login_page(
                StatusCode::TOO_MANY_REQUESTS,
                &form.csrf,
                &form.email,
                next,
                Some(refused.reason.message()),
            )?;
            response.headers_mut().insert(
                RETRY_AFTER,
                HeaderValue::from(refused.retry_after.as_secs()),
            );
            return Ok(response);
        }
    }

    let found = match state.store().account_by_email(&email).await {
        Ok(found) => Some(found),
        Err(StoreError::NotFound) => None,
        Err(err) => return Err(err.into()),
    };
    // Always one argon2 verification, found or not: the time taken reveals nothing.
    let ok = verify_password(
        &form.password,
        found.as_ref().map(|(_, hash)| hash.as_str()),
    )
    .await?;
    let refusal = match &found {
        Some((account, _)) if ok && account.disabled => {
            Some("This account is disabled. Ask an admin.")
        }
        Some((account, _)) if ok && !account.role.is_staff() => {
            Some("This account has no access to the newsroom.")
        }
        Some(_) if ok => None,
        _ => Some("Wrong email or password."),
    };
    if !ok && limits.failed(ip, &email) {
        // Tell the owner (on their dashboard, after their next login) that someone was
        // locked out of their account, and from where.
        if let Some((account, _)) = &found {
            tracing::warn!(account = account.id, client = ?ip, "newsroom login locked out");
            if let Err(err) = state
                .store()
                .audit(
                    None,
                    LOCKED_OUT,
                    &account_target(account.id),
                    &client_details(ip),
                )
                .await
            {
                tracing::error!(%err, "login lock-out could not be recorded");
            }
        }
    }
    let account = match (refusal, found) {
        (None, Some((account, _))) => account,
        (refusal, _) => {
            let message = refusal.unwrap_or("Wrong email or password.");
            tracing::info!(email = %email, "newsroom login refused");
            return login_page(
                StatusCode::UNAUTHORIZED,
                &form.csrf,
                &form.email,
                next,
                Some(message),
            );
        }
    };

    // Logging in as someone else in the same browser ends the previous session.
    if let Some(previous) = &session {
        previous.end(&state).await?;
    }
    limits.succeeded(ip, &email);
    let (token, _csrf) = session::start(&state, &account).await?;
    tracing::info!(account = account.id, "newsroom login");
    if let Err(err) = state
        .store()
        .audit(
            Some(account.id),
            LOGGED_IN,
            &account_target(account.id),
            &client_details(ip),
        )
        .await
    {
        tracing::error!(%err, "login could not be recorded");
    }
    let secure = state.config().secure_cookies;
    let mut response = Redirect::to(next).into_response();
    let headers = response.headers_mut();
    if let Some(c) = cookies::session_cookie(&token, SESSION_TTL.num_seconds(), secure) {
        headers.append(SET_COOKIE, c);
    }
    if let Some(c) = cookies::clear_presession_cookie(secure) {
        headers.append(SET_COOKIE, c);
    }
    Ok(response)
}

/// Ends the session (CSRF-checked by the middleware) and clears the cookie. Logged-out
/// visitors land on the login page too.
pub async fn logout(
    State(state): State<AppState>,
    session: Option<Extension<CurrentSession>>,
) -> Result<Response, AdminError> {
    if let Some(Extension(session)) = session {
        session.end(&state).await?;
    }
    let mut response = Redirect::to("/admin/login").into_response();
    if let Some(c) = cookies::clear_session_cookie(state.config().secure_cookies) {
        response.headers_mut().append(SET_COOKIE, c);
    }
    Ok(response)
}

/// The audit details of a login or lock-out: the client it came from.
fn client_details(ip: Option<std::net::IpAddr>) -> serde_json::Value {
    serde_json::json!({ "client": ip.map(|ip| ip.to_string()) })
}
