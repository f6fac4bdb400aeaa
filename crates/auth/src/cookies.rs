//! The cookies Newsdesk sets, written by hand so every attribute is visible here.
//!
//! * `nd_session`: a staff session token (32 random bytes). Only its SHA-256 is stored.
//! * `nd_reader`: a reader session token, the same way; a different cookie *and* a
//!   different session kind in the store, so neither can stand in for the other.
//! * `nd_csrf`: a pre-session CSRF token for the forms shown before anyone is logged in
//!   (login, set password), checked as a double submit against the form's hidden field.

use axum_extra::extract::cookie::CookieJar;
use http::{HeaderMap, HeaderValue};

pub const SESSION_COOKIE: &str = "nd_session";
pub const PRESESSION_COOKIE: &str = "nd_csrf";

pub const READER_COOKIE: &str = "nd_reader";

use crate::SessionKind;

/// The cookie a session of `kind` travels in.
pub fn session_cookie_name(kind: SessionKind) -> &'static str {
    match kind {
        SessionKind::Staff => SESSION_COOKIE,
        SessionKind::Reader => READER_COOKIE,
    }
}

/// `Set-Cookie` value for a staff session token; `max_age` in seconds.
pub fn session_cookie(token: &str, max_age: i64, secure: bool) -> Option<HeaderValue> {
    session_cookie_of(SessionKind::Staff, token, max_age, secure)
}

pub fn clear_session_cookie(secure: bool) -> Option<HeaderValue> {
    session_cookie_of(SessionKind::Staff, "", 0, secure)
}

/// `Set-Cookie` value for a session token of `kind`; `max_age` in seconds.
pub fn session_cookie_of(
    kind: SessionKind,
    token: &str,
    max_age: i64,
    secure: bool,
) -> Option<HeaderValue> {
    cookie(session_cookie_name(kind), token, "Lax", max_age, secure)
}

/// The pre-session token lives one hour: long enough to fill in a login form.
pub fn presession_cookie(token: &str, secure: bool) -> Option<HeaderValue> {
    cookie(PRESESSION_COOKIE, token, "Strict", 3600, secure)
}

pub fn clear_presession_cookie(secure: bool) -> Option<HeaderValue> {
    cookie(PRESESSION_COOKIE, "", "Strict", 0, secure)
}

fn cookie(
    name: &str,
    value: &str,
    same_site: &str,
    max_age: i64,
    secure: bool,
) -> Option<HeaderValue> {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/; HttpOnly; SameSite={same_site}; Max-Age={max_age}{secure}"
    ))
    .ok()
}

/// The value of cookie `name` in the request, if present and non-empty.
pub fn read(headers: &HeaderMap, name: &str) -> Option<String> {
    CookieJar::from_headers(headers)
        .get(name)
        .map(|c| c.value().to_owned())
        .filter(|v| !v.is_empty())
}
