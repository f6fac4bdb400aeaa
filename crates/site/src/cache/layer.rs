//! The middleware in front of every cacheable page: a hit answers from memory; a miss runs
//! the handler and, when the handler marked its response [`Cacheable`], stores it.

use std::borrow::Cow;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use http_body_util::BodyExt;

use super::CachedPage;
use crate::state::AppState;

/// Put in a response's extensions by a handler whose page is the same for every
/// anonymous reader; names what the page shows.
#[derive(Debug, Clone)]
pub struct Cacheable {
    pub keys: Vec<String>,
    pub last_modified: DateTime<Utc>,
}

/// Largest page body the layer will buffer to cache (far above any real page).
const MAX_BODY: usize = 8 * 1024 * 1024;

pub async fn serve_cached(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    if is_personal(request.headers()) {
        let mut response = next.run(request).await;
        // Rendered for one reader: no shared cache (CDN) may keep it.
        if response.extensions().get::<Cacheable>().is_some() {
            response.headers_mut().insert(
                header::CACHE_CONTROL,
                http::HeaderValue::from_static("private, no-cache"),
            );
        }
        return response;
    }
    let cache = state.cache();
    let url = cache_key(request.uri());
    if let Some(page) = cache.get(&url) {
        return page.respond(request.headers());
    }
    let url = url.into_owned();
    let generation = cache.generation();
    let conditional = conditional_headers(request.headers());
    let response = next.run(request).await;
    let Some(cacheable) = response.extensions().get::<Cacheable>().cloned() else {
        return response;
    };
    if response.status() != StatusCode::OK {
        return response;
    }
    let (parts, body) = response.into_parts();
    let bytes = match http_body_util::Limited::new(body, MAX_BODY).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(err) => {
            tracing::error!(error = %err, %url, "could not buffer a page for the cache");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .cloned()
        .unwrap_or(http::HeaderValue::from_static("text/html; charset=utf-8"));
    let page = Arc::new(CachedPage::with_type(
        bytes,
        content_type,
        cacheable.keys,
        cacheable.last_modified,
    ));
    cache.insert(&url, page.clone(), generation);
    page.respond(&conditional)
}

/// Query parameters that change a page; every other one (`utm_source`, `fbclid`, a cache
/// buster) is ignored by the handlers and left out of the key, so it can neither split
/// one page into many entries nor push real pages out of the cache.
const MEANINGFUL_PARAMS: &[&str] = &["page", "fragment"];

/// The cache key of a request: its path, plus its meaningful parameters in a fixed order.
/// Borrowed (no allocation) for the common request without a query.
pub fn cache_key(uri: &axum::http::Uri) -> Cow<'_, str> {
    let path = uri.path();
    let Some(query) = uri.query() else {
        return Cow::Borrowed(path);
    };
    let mut key = String::with_capacity(path.len() + query.len() + 1);
    key.push_str(path);
    let mut first = true;
    for name in MEANINGFUL_PARAMS {
        if let Some(pair) = query.split('&').find(|p| p.split('=').next() == Some(name)) {
            key.push(if first { '?' } else { '&' });
            key.push_str(pair);
            first = false;
        }
    }
    Cow::Owned(key)
}

/// A reader with a session gets pages rendered for them (later: their name, the comment
/// form), never a shared copy. Readers' sessions use the `nd_session` cookie.
fn is_personal(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|cookies| {
            cookies
                .split(';')
                .any(|c| c.trim_start().starts_with("nd_session="))
        })
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
        last_modified,
    });
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_parameters_do_not_split_the_cache() {
        let key = |s: &'static str| cache_key(&axum::http::Uri::from_static(s)).into_owned();
        assert_eq!(key("/en/section/world"), "/en/section/world");
        assert_eq!(
            key("/en/section/world?utm_source=x&page=2"),
            "/en/section/world?page=2"
        );
        assert_eq!(key("/en/a-1?fragment=1&fbclid=abc"), "/en/a-1?fragment=1");
        assert_eq!(key("/en?x=1"), "/en");
    }
}
