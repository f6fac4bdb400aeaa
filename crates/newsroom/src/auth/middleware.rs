//! The layer in front of every `/admin` and `/api/v1/admin` route: finds the session,
//! renews it, enforces CSRF on unsafe methods, and marks every answer `private, no-store`.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{CACHE_CONTROL, CONTENT_TYPE, SET_COOKIE};
use http::{HeaderValue, Method};
use newsdesk_site::{AppState, HttpError};

use crate::admin::render::AdminError;
use crate::auth::cookies;
use crate::auth::session::{self, Lookup, SESSION_TTL};
use crate::auth::token::constant_time_eq;

/// Header carrying the CSRF token for `fetch` requests.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Form field carrying the CSRF token.
pub const CSRF_FIELD: &str = "csrf";
/// The largest form body buffered to find the CSRF field: the newsroom's one form limit,
/// which [`crate::body_limit`] has already enforced, with its own answer, before this runs.
const MAX_FORM_BYTES: usize = crate::body_limit::FORM_BODY_LIMIT;

pub async fn layer(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let secure = state.config().secure_cookies;
    let mut set_cookie: Option<HeaderValue> = None;

    // A Bearer request carries its own credential and no ambient one: no session, no CSRF.
    let bearer = req
        .headers()
        .get(http::header::AUTHORIZATION)
        .is_some_and(|v| v.as_bytes().starts_with(b"Bearer "));
    let token = if bearer {
        None
    } else {
        cookies::read(req.headers(), cookies::SESSION_COOKIE)
    };

    let mut current = None;
    if let Some(token) = token {
        match session::lookup(&state, &token).await {
            Ok(Lookup::Valid { session, renewed }) => {
                if renewed {
                    set_cookie = cookies::session_cookie(&token, SESSION_TTL.num_seconds(), secure);
                }
                current = Some(*session);
            }
            Ok(Lookup::Gone) => set_cookie = cookies::clear_session_cookie(secure),
            Err(err) => return finish(error_response(&req, err), None),
        }
    }

    if let Some(session) = &current
        && is_unsafe(req.method())
    {
        let (checked, ok) = match check_csrf(req, &session.csrf).await {
            Ok(pair) => pair,
            Err(response) => return finish(response, set_cookie),
        };
        req = checked;
        if !ok {
            let err = HttpError::Forbidden(
                "this form has expired or came from another site; reload the page and try again"
                    .to_owned(),
            );
            return finish(error_response(&req, err), set_cookie);
        }
    }

    if let Some(session) = current {
        req.extensions_mut().insert(session);
    }
    finish(next.run(req).await, set_cookie)
}

fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn finish(mut response: Response, set_cookie: Option<HeaderValue>) -> Response {
    let headers = response.headers_mut();
    if let Some(cookie) = set_cookie {
        headers.append(SET_COOKIE, cookie);
    }
    if !headers.contains_key(CACHE_CONTROL) {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    }
    response
}

/// JSON for API calls and `fetch`, an admin page otherwise.
pub fn error_response(req: &Request, err: HttpError) -> Response {
    if wants_json(req.headers(), req.uri().path()) {
        err.into_response()
    } else {
        AdminError(err).into_response()
    }
}

pub fn wants_json(headers: &http::HeaderMap, path: &str) -> bool {
    path.starts_with("/api/")
        || headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("application/json") && !v.contains("text/html"))
}

/// Finds the request's CSRF token (header, then urlencoded form field, then — for
/// multipart uploads, whose body is streamed to the handler — the `csrf` query parameter)
/// and compares it with the session's. Returns the request with its body restored.
async fn check_csrf(req: Request, expected: &str) -> Result<(Request, bool), Response> {
    if let Some(value) = req.headers().get(CSRF_HEADER).and_then(|v| v.to_str().ok()) {
        let ok = constant_time_eq(value, expected);
        return Ok((req, ok));
    }
    let content_type = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let (parts, body) = req.into_parts();
        let bytes = match to_bytes(body, MAX_FORM_BYTES).await {
            Ok(bytes) => bytes,
            Err(_) => {
                let err = HttpError::PayloadTooLarge("the form is too large".to_owned());
                return Err(AdminError(err).into_response());
            }
        };
        let ok = form_field(&bytes, CSRF_FIELD).is_some_and(|v| constant_time_eq(&v, expected));
        return Ok((Request::from_parts(parts, Body::from(bytes)), ok));
    }
    if content_type.starts_with("multipart/form-data") {
        let ok = req
            .uri()
            .query()
            .and_then(|q| form_field(q.as_bytes(), CSRF_FIELD))
            .is_some_and(|v| constant_time_eq(&v, expected));
        return Ok((req, ok));
    }
    Ok((req, false))
}

pub(crate) fn form_field(bytes: &[u8], name: &str) -> Option<String> {
    url::form_urlencoded::parse(bytes)
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}
