//! The two cookies the newsroom sets, written by hand so every attribute is visible here.
//!
//! * `nd_session`: the session token (32 random bytes). Only its SHA-256 is stored.
//! * `nd_csrf`: a pre-session CSRF token for the forms shown before anyone is logged in
//!   (login, set password), checked as a double submit against the form's hidden field.

use axum_extra::extract::cookie::CookieJar;
use http::{HeaderMap, HeaderValue};

pub const SESSION_COOKIE: &str = "nd_session";
pub const PRESESSION_COOKIE: &str = "nd_csrf";

/// `Set-Cookie` value for a session token; `max_age` in seconds.
pub fn session_cookie(token: &str, max_age: i64, secure: bool) -> Option<HeaderValue> {
    cookie(SESSION_COOKIE, token, "Lax", max_age, secure)
}

pub fn clear_session_cookie(secure: bool) -> Option<HeaderValue> {
    cookie(SESSION_COOKIE, "", "Lax", 0, secure)
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
