//! `/` (which edition?), `/healthz`, and the 404 for everything unknown.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use newsdesk_core::Edition;

use super::error_page::error_page;
use crate::error::HttpError;
use crate::state::AppState;

/// `/` → the edition the reader's `Accept-Language` prefers, else the default edition.
/// A temporary redirect that varies by language, so no cache sends everyone the same.
pub async fn home(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let editions = match state.store().list_editions().await {
        Ok(e) => e,
        Err(err) => return error_page(&state, None, &err.into()).await,
    };
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    // The edition the reader picked last time (set by site.js) beats their browser's list.
    let picked =
        cookie(&headers, "nd_edition").and_then(|code| editions.iter().find(|e| e.code == code));
    let Some(edition) = picked.or_else(|| choose_edition(&editions, accept)) else {
        return error_page(&state, None, &HttpError::NotFound).await;
    };
    let mut response = super::page::redirect(StatusCode::FOUND, &format!("/{}", edition.code));
    let h = response.headers_mut();
    h.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=0, s-maxage=300"),
    );
    response
}

/// The best edition for an `Accept-Language` header: exact tag first (`pt-BR`), then
/// primary language (`pt`), in the reader's order of preference (`q` values honoured);
/// else the default edition (listed first by the store).
pub fn choose_edition<'a>(editions: &'a [Edition], accept_language: &str) -> Option<&'a Edition> {
    let mut wanted: Vec<(f32, usize, String)> = accept_language
        .split(',')
        .enumerate()
        .filter_map(|(i, item)| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim().to_ascii_lowercase();
            let q = parts
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            (!tag.is_empty() && tag != "*" && q > 0.0).then_some((q, i, tag))
        })
        .collect();
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, _, tag) in &wanted {
        if let Some(e) = editions.iter().find(|e| e.code.eq_ignore_ascii_case(tag)) {
            return Some(e);
        }
        let primary = tag.split('-').next().unwrap_or(tag);
        if let Some(e) = editions
            .iter()
            .find(|e| e.language().eq_ignore_ascii_case(primary))
        {
            return Some(e);
        }
    }
    editions
        .iter()
        .find(|e| e.is_default)
        .or_else(|| editions.first())
}

fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(name)?.strip_prefix('='))
}

/// `/{edition}/` → `/{edition}`: one URL per page. Only for a segment that can be an
/// edition code: `/\evil.com/` must not become `Location: /\evil.com`, which browsers
/// read as `//evil.com`, another host.
pub async fn trailing_slash(uri: Uri) -> Response {
    let path = uri.path().trim_end_matches('/');
    let segment = path.strip_prefix('/').unwrap_or(path);
    let edition_like = !segment.is_empty()
        && segment.len() <= 16
        && segment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !edition_like {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    super::page::redirect(StatusCode::MOVED_PERMANENTLY, path)
}

pub async fn healthz() -> &'static str {
    "ok"
}

/// Unknown paths: a 404 page in the language of the edition the path starts with.
pub async fn not_found(State(state): State<AppState>, uri: Uri) -> Response {
    let first = uri
        .path()
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("");
    let edition = newsdesk_core::edition::is_bcp47(first).then_some(first);
    let mut response = error_page(&state, edition, &HttpError::NotFound).await;
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}

#[cfg(test)]
mod tests {
    use newsdesk_core::Direction;

    use super::*;

    fn ed(code: &str, default: bool) -> Edition {
        Edition {
            code: code.into(),
            name: code.into(),
            direction: Direction::Ltr,
            time_zone: "UTC".into(),
            is_default: default,
        }
    }

    #[test]
    fn follows_the_readers_preference_then_the_default() {
        let eds = [ed("en", true), ed("ru", false), ed("ar", false)];
        assert_eq!(
            choose_edition(&eds, "ru-RU,ru;q=0.9,en;q=0.8").map(|e| e.code.as_str()),
            Some("ru")
        );
        assert_eq!(
            choose_edition(&eds, "de, ar;q=0.5, en;q=0.4").map(|e| e.code.as_str()),
            Some("ar")
        );
        assert_eq!(
            choose_edition(&eds, "de").map(|e| e.code.as_str()),
            Some("en")
        );
        assert_eq!(
            choose_edition(&eds, "").map(|e| e.code.as_str()),
            Some("en")
        );
        assert_eq!(
            choose_edition(&eds, "ru;q=0, ar").map(|e| e.code.as_str()),
            Some("ar")
        );
    }
}
