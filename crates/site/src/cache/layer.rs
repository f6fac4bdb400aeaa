//! The middleware in front of every cacheable page: a hit answers from memory; a miss runs
//! the handler and, when the handler marked its response [`Cacheable`], stores it.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::uri::PathAndQuery;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use http_body_util::BodyExt;

use super::flight::{self, Outcome};
use super::params::{self, Param, Refusal};
use super::{CachedPage, Lookup, session};
use crate::error::HttpError;
use crate::state::AppState;

/// Put in a response's extensions by a handler whose page is the same for every
/// anonymous reader; names what the page shows.
#[derive(Debug, Clone)]
pub struct Cacheable {
    pub keys: Vec<String>,
    /// Keys whose changes refresh the page lazily (see [`CachedPage::refresh_keys`]).
    pub refresh_keys: Vec<String>,
    pub last_modified: DateTime<Utc>,
}

/// Largest page body the layer will buffer to cache (far above any real page).
const MAX_BODY: usize = 8 * 1024 * 1024;
/// Longest cache key stored. Canonical keys of real pages are a fraction of this (slugs
/// are at most 80 characters); anything longer is rendered but never kept.
const MAX_KEY: usize = 1024;

/// The page cache in front of routes that read these query parameters (see [`params`]).
#[derive(Clone)]
pub struct CachedRoute {
    state: AppState,
    params: &'static [Param],
}

impl CachedRoute {
    pub fn new(state: &AppState, params: &'static [Param]) -> Self {
        Self {
            state: state.clone(),
            params,
        }
    }
}

/// The page cache for routes that read no query parameter (feeds, sitemaps, fronts).
pub async fn serve_cached(State(state): State<AppState>, request: Request, next: Next) -> Response {
    serve(&state, &[], request, next).await
}

/// The page cache for routes that read the parameters named in their [`CachedRoute`].
pub async fn serve_cached_route(
    State(route): State<CachedRoute>,
    request: Request,
    next: Next,
) -> Response {
    serve(&route.state, route.params, request, next).await
}

async fn serve(state: &AppState, params: &[Param], mut request: Request, next: Next) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    let canonical = match params::canonicalise(request.uri(), params) {
        Ok(canonical) => canonical,
        Err(Refusal::Redirect(to)) => {
            return crate::public::page::redirect(StatusCode::MOVED_PERMANENTLY, &to);
        }
        Err(Refusal::Invalid(why)) => return refuse(state, request.uri(), why).await,
    };
    // The handler reads exactly what the key holds, so no spelling of a parameter can
    // make it render one page while the cache files it under another.
    if !set_query(&mut request, canonical.query.as_deref()) {
        let why = "this address cannot be read".to_owned();
        return refuse(state, request.uri(), why).await;
    }
    if session::is_staff(state, request.headers()).await {
        let mut response = next.run(request).await;
        // Rendered for one person: no shared cache (CDN) may keep it.
        if response.extensions().get::<Cacheable>().is_some() {
            response.headers_mut().insert(
                header::CACHE_CONTROL,
                http::HeaderValue::from_static("private, no-cache"),
            );
        }
        return response;
    }
    if canonical.key.len() > MAX_KEY {
        return next.run(request).await;
    }
    let url = canonical.key;
    let cache = state.cache();
    // Twice at most: a second pass only when the render being waited for vanished.
    for _ in 0..2 {
        let previous = match cache.lookup(&url) {
            Lookup::Fresh(page) => {
                let page = cache.complete(&url, page, accept(&request));
                return page.respond(request.headers());
            }
            Lookup::Stale(page, age) if age < cache.stale_bound() => Some(page),
            Lookup::Stale(..) | Lookup::Miss => None,
        };
        match cache.flights.join(&url) {
            // The first reader to find the page missing or out of date renders it and
            // waits for it, so a reader coming after a change sees the change.
            flight::Role::Lead(pilot) => {
                let conditional = conditional_headers(request.headers());
                let render = render_request(&request);
                // A task of its own: a reader who hangs up does not cancel the render the
                // others wait for.
                let task = tokio::spawn(render_and_store(
                    state.clone(),
                    url.clone(),
                    pilot,
                    render,
                    next.clone(),
                ));
                return match task.await {
                    Ok(Rendered::Page(page)) => page.respond(&conditional),
                    Ok(Rendered::Other(response)) => response,
                    Err(err) => {
                        tracing::error!(error = %err, %url, "a page render failed");
                        StatusCode::INTERNAL_SERVER_ERROR.into_response()
                    }
                };
            }
            // Readers arriving while it renders get the previous bytes, if recent enough,
            // or wait for the render.
            flight::Role::Follow(slot) => {
                if let Some(page) = previous {
                    let page = cache.complete(&url, page, accept(&request));
                    return page.respond(request.headers());
                }
                match flight::wait(slot).await {
                    Some(Outcome::Page(page)) => {
                        let page = cache.complete(&url, page, accept(&request));
                        return page.respond(request.headers());
                    }
                    Some(Outcome::Uncacheable) => return next.run(request).await,
                    None => continue,
                }
            }
        }
    }
    next.run(request).await
}

fn accept(request: &Request) -> Option<&http::HeaderValue> {
    request.headers().get(header::ACCEPT_ENCODING)
}

/// What one render produced.
enum Rendered {
    Page(Arc<CachedPage>),
    /// Passed on as it came: errors, redirects, pages not for the shared cache.
    Other(Response),
}

/// The request a render runs: the reader's, as a plain `GET` (a `HEAD` would render no
/// body to store). Validators stay: a handler that answers them itself (the News sitemap)
/// does so, and its 304 is passed on rather than stored.
fn render_request(request: &Request) -> Request {
    let mut render = Request::new(Body::empty());
    *render.uri_mut() = request.uri().clone();
    *render.headers_mut() = request.headers().clone();
    // The route's matched parameters live here.
    *render.extensions_mut() = request.extensions().clone();
    render
}

/// Runs the handler once for `url`, stores the page if it is for the shared cache, and
/// hands the outcome to everyone waiting on `pilot`'s flight.
async fn render_and_store(
    state: AppState,
    url: String,
    pilot: flight::Pilot,
    request: Request,
    next: Next,
) -> Rendered {
    let cache = state.cache();
    let ticket = cache.start_render();
    let accept = request.headers().get(header::ACCEPT_ENCODING).cloned();
    let response = next.run(request).await;
    let status = response.status();
    match into_page(response, &url, accept).await {
        Ok(page) => {
            cache.insert(&url, page.clone(), ticket);
            pilot.land(Outcome::Page(page.clone()));
            Rendered::Page(page)
        }
        Err(response) => {
            // Gone, moved or not found: the old bytes must not be served again. A server
            // error keeps them (better the page before the change than an error page).
            if !status.is_server_error() {
                cache.remove(&url);
            }
            pilot.land(Outcome::Uncacheable);
            Rendered::Other(response)
        }
    }
}

/// The handler's response as a page for the shared cache, or as it was if it is not one.
async fn into_page(
    response: Response,
    url: &str,
    accept: Option<http::HeaderValue>,
) -> Result<Arc<CachedPage>, Response> {
    let Some(cacheable) = response.extensions().get::<Cacheable>().cloned() else {
        return Err(response);
    };
    if response.status() != StatusCode::OK || !shared(response.headers()) {
        return Err(response);
    }
    let (parts, body) = response.into_parts();
    let bytes = match http_body_util::Limited::new(body, MAX_BODY).collect().await {
        // The rendered `String` behind the body may hold up to twice its length.
        Ok(collected) => super::encoding::exact(collected.to_bytes()),
        Err(err) => {
            tracing::error!(error = %err, %url, "could not buffer a page for the cache");
            return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response());
        }
    };
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .cloned()
        .unwrap_or(http::HeaderValue::from_static("text/html; charset=utf-8"));
    // Compressing is CPU work of the size of the render: off the async threads, and only
    // for the encoding this reader takes (others are made when first asked for).
    let page = tokio::task::spawn_blocking(move || {
        CachedPage::encoded_for(
            bytes,
            content_type,
            cacheable.keys,
            cacheable.last_modified,
            accept.as_ref(),
        )
        .with_refresh_keys(cacheable.refresh_keys)
    })
    .await
    .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())?;
    Ok(Arc::new(page))
}

/// The 400 page, in the language of the edition the path names (the default edition's
/// when it names none).
async fn refuse(state: &AppState, uri: &Uri, why: String) -> Response {
    let edition = uri
        .path()
        .trim_start_matches('/')
        .split('/')
        .next()
        .filter(|code| !code.is_empty() && code.len() <= 16);
    let edition = edition.map(str::to_owned);
    crate::public::error_page(state, edition.as_deref(), &HttpError::BadRequest(why)).await
}

/// Replaces the request's query with `query`; false if the result is not a valid URI.
fn set_query(request: &mut Request, query: Option<&str>) -> bool {
    let uri = request.uri();
    if uri.query() == query {
        return true;
    }
    let path_and_query = match query {
        Some(q) => format!("{}?{q}", uri.path()),
        None => uri.path().to_owned(),
    };
    let mut parts = uri.clone().into_parts();
    let Ok(path_and_query) = PathAndQuery::try_from(path_and_query) else {
        return false;
    };
    parts.path_and_query = Some(path_and_query);
    match Uri::from_parts(parts) {
        Ok(uri) => {
            *request.uri_mut() = uri;
            true
        }
        Err(_) => false,
    }
}

/// Whether a response may go into the shared cache: never one that sets a cookie, says it
/// is private or not to be stored, or varies with the reader's credentials, whatever its
/// handler marked.
fn shared(headers: &HeaderMap) -> bool {
    let texts = |name: header::HeaderName| {
        headers
            .get_all(name)
            .iter()
            .map(|v| v.to_str().map(str::to_ascii_lowercase).unwrap_or_default())
            .collect::<Vec<_>>()
    };
    let private = texts(header::CACHE_CONTROL).iter().any(|v| {
        v.split(',')
            .map(|d| d.split('=').next().unwrap_or("").trim())
            .any(|d| matches!(d, "private" | "no-store" | "no-cache"))
    });
    let personal_vary = texts(header::VARY).iter().any(|v| {
        v.split(',')
            .map(str::trim)
            .any(|f| matches!(f, "*" | "cookie" | "authorization"))
    });
    !headers.contains_key(header::SET_COOKIE) && !private && !personal_vary
}

fn conditional_headers(headers: &HeaderMap) -> HeaderMap {
    let mut out = HeaderMap::new();
    for name in [
        header::ACCEPT_ENCODING,
        header::IF_NONE_MATCH,
        header::IF_MODIFIED_SINCE,
    ] {
        if let Some(v) = headers.get(&name) {
            out.insert(name, v.clone());
        }
    }
    out
}

/// Turns rendered HTML plus its keys into a response the layer will cache.
pub fn cacheable_html(html: String, keys: Vec<String>, last_modified: DateTime<Utc>) -> Response {
    let mut response = (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        Body::from(html),
    )
        .into_response();
    response.extensions_mut().insert(Cacheable {
        keys,
        refresh_keys: Vec::new(),
        last_modified,
    });
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_personal_goes_into_the_shared_cache() {
        let headers = |pairs: &[(&'static str, &'static str)]| {
            let mut h = HeaderMap::new();
            for (name, value) in pairs {
                h.append(*name, http::HeaderValue::from_static(value));
            }
            h
        };
        assert!(shared(&headers(&[("cache-control", "public, max-age=0")])));
        assert!(shared(&headers(&[("vary", "Accept-Encoding")])));
        for pairs in [
            &[("set-cookie", "nd_csrf=x; Path=/")][..],
            &[("cache-control", "private, no-cache")],
            &[("cache-control", "No-Store")],
            &[
                ("cache-control", "public"),
                ("cache-control", "no-cache=\"set-cookie\""),
            ],
            &[("vary", "Accept-Encoding, Cookie")],
            &[("vary", "*")],
        ] {
            assert!(!shared(&headers(pairs)), "{pairs:?}");
        }
    }
}
