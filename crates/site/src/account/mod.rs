//! Readers' accounts (issue 14): register, confirm the address by email, log in and out,
//! and the account page, in the edition's language and direction.
//!
//! None of these pages is cached: each depends on who asks. A reader's session lives in
//! its own cookie and is looked up as a reader session only (`newsdesk_auth::session`), so
//! it never opens the newsroom, and a staff session is not a reader's.

mod emails;
mod links;
mod login;
pub(crate) mod page;
mod recovery;
mod register;
mod settings;

use axum::Router;
use axum::response::Redirect;
use axum::routing::{get, post};
use http::HeaderMap;
use newsdesk_auth::cookies::{self, READER_COOKIE};
use newsdesk_auth::session::{self, Found};
use newsdesk_auth::{ReaderLimits, SessionKind};

pub use page::{AccountPage, presession_ok, presession_token};

use crate::error::HttpError;
use crate::state::AppState;

/// The account routes; `limits` are shared by every request of this instance.
pub fn routes(limits: ReaderLimits) -> Router<AppState> {
    Router::new()
        .route("/{edition}/account", get(login::home))
        .route(
            "/{edition}/account/register",
            get(register::show).post(register::submit),
        )
        .route(
            "/{edition}/account/confirm/{token}",
            get(register::confirm_page).post(register::confirm),
        )
        .route("/{edition}/account/resend", post(register::resend))
        .route(
            "/{edition}/account/login",
            get(login::show).post(login::submit),
        )
        .route("/{edition}/account/logout", post(login::logout))
        .route(
            "/{edition}/account/forgot",
            get(recovery::forgot).post(recovery::forgot_submit),
        )
        .route(
            "/{edition}/account/reset/{token}",
            get(recovery::reset_page).post(recovery::reset),
        )
        .route(
            "/{edition}/account/magic",
            get(recovery::magic).post(recovery::magic_submit),
        )
        .route(
            "/{edition}/account/magic/{token}",
            get(recovery::magic_page).post(recovery::magic_login),
        )
        .route(
            "/{edition}/account/password",
            post(settings::change_password),
        )
        .route("/{edition}/account/email", post(settings::change_email))
        .route(
            "/{edition}/account/email/{token}",
            get(settings::email_page).post(settings::email_confirm),
        )
        .route("/{edition}/account/delete", post(settings::delete))
        .route("/{edition}/account/export", get(settings::export))
        // Links from before the pages had an edition, and from places that have none.
        .route("/account/login", get(|| async { Redirect::to("/") }))
        .route("/account/register", get(|| async { Redirect::to("/") }))
        .layer(axum::Extension(limits))
}

/// The reader logged in with this request's `nd_reader` cookie, if any.
pub async fn reader(state: &AppState, headers: &HeaderMap) -> Result<Option<Found>, HttpError> {
    let Some(token) = cookies::read(headers, READER_COOKIE) else {
        return Ok(None);
    };
    session::lookup(state.store(), SessionKind::Reader, &token)
        .await
        .map_err(HttpError::internal)
}

/// Where to go after logging in: a local path only, so the form cannot be used to send
/// a reader to another site.
pub fn safe_next(next: &str, edition: &str) -> String {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control)
        && next.len() <= 512;
    if local {
        next.to_owned()
    } else {
        format!("/{edition}/account")
    }
}

/// Logs `account` in as a reader (ending this browser's previous reader session) and
/// redirects to `to`.
pub(crate) async fn log_in(
    state: &AppState,
    headers: &HeaderMap,
    account: &newsdesk_core::Account,
    to: &str,
) -> Result<axum::response::Response, HttpError> {
    use axum::response::IntoResponse;
    if let Some(previous) = reader(state, headers).await? {
        session::end(state.store(), &previous.token_hash).await?;
    }
    let started = session::start(state.store(), SessionKind::Reader, account).await?;
    let mut response = Redirect::to(to).into_response();
    let secure = state.config().secure_cookies;
    let headers = response.headers_mut();
    if let Some(c) = cookies::session_cookie_of(
        SessionKind::Reader,
        &started.token,
        session::SESSION_TTL.num_seconds(),
        secure,
    ) {
        headers.append(http::header::SET_COOKIE, c);
    }
    if let Some(c) = cookies::clear_presession_cookie(secure) {
        headers.append(http::header::SET_COOKIE, c);
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next("/en/2026/01/02/x-1", "en"), "/en/2026/01/02/x-1");
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "/a\r\nb",
            "",
        ] {
            assert_eq!(safe_next(bad, "ar"), "/ar/account", "{bad:?}");
        }
    }
}
