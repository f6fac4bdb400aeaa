//! HTTP handlers for feeds, sitemaps, `robots.txt` and the publisher logo. Each loads
//! rows in bulk, calls a pure builder, and answers through the page cache with the
//! surrogate keys of what the document shows.

use std::collections::BTreeSet;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, Utc};
use newsdesk_core::Edition;

use super::feeds::{self, FeedFormat, FeedScope};
use super::load;
use super::logo;
use super::site::{LOGO_PATH, Site};
use super::sitemap;
use super::websub;
use crate::cache::{Cacheable, keys};
use crate::error::HttpError;
use crate::state::AppState;

mod sitemaps;

/// Every syndication route, with the page cache in front of the documents. The caller
/// merges it into the public router before applying the state.
pub fn routes(state: &AppState) -> Router<AppState> {
    let documents = Router::new()
        .route("/robots.txt", get(sitemaps::robots))
        .route(sitemap::INDEX_PATH, get(sitemaps::index))
        .route("/sitemaps/{file}", get(sitemaps::file))
        .route("/{edition}/news-sitemap.xml", get(sitemaps::news))
        .route_layer(from_fn_with_state(
            state.clone(),
            crate::cache::serve_cached,
        ));
    let mut feed_routes = Router::new()
        .route(
            "/{edition}/feed.rss",
            get(|s: State<AppState>, p: Path<String>| edition_feed(s, p, FeedFormat::Rss)),
        )
        .route(
            "/{edition}/feed.atom",
            get(|s: State<AppState>, p: Path<String>| edition_feed(s, p, FeedFormat::Atom)),
        )
        .route(
            "/{edition}/feed.json",
            get(|s: State<AppState>, p: Path<String>| edition_feed(s, p, FeedFormat::Json)),
        );
    // Static kinds, not a `{kind}` parameter: the reading site routes `/{edition}/section/{slug}`
    // and `/{edition}/{yyyy}/…`, and the router refuses two parameter names in one place.
    for kind in ["section", "tag", "author"] {
        for format in [FeedFormat::Rss, FeedFormat::Atom, FeedFormat::Json] {
            let path = format!("/{{edition}}/{kind}/{{slug}}/feed.{}", format.extension());
            feed_routes = feed_routes.route(
                &path,
                get(move |s: State<AppState>, Path((code, slug)): Path<(String, String)>| async move {
                    scoped_feed(s, &code, kind, &slug, format).await
                }),
            );
        }
    }
    // The WebSub `Link` header goes on outside the cache, which keeps no handler headers.
    let feed_routes = feed_routes
        .route_layer(from_fn_with_state(
            state.clone(),
            crate::cache::serve_cached,
        ))
        .route_layer(from_fn_with_state(state.clone(), websub::discovery));
    Router::new()
        .route(LOGO_PATH, get(logo::serve))
        .merge(documents)
        .merge(feed_routes)
}

/// A response the page cache stores, tagged with `keys`.
pub(super) fn cacheable(
    body: String,
    content_type: &'static str,
    keys: Vec<String>,
    last_modified: DateTime<Utc>,
) -> Response {
    let mut response = (
        [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
        body,
    )
        .into_response();
    response.extensions_mut().insert(Cacheable {
        refresh_keys: Vec::new(),
        keys,
        last_modified,
    });
    response
}

pub(super) fn site(state: &AppState) -> Site {
    Site::from_config(state.config())
}

pub(super) async fn edition(state: &AppState, code: &str) -> Result<Edition, HttpError> {
    Ok(state.store().get_edition(code).await?)
}

async fn edition_feed(
    State(state): State<AppState>,
    Path(code): Path<String>,
    format: FeedFormat,
) -> Response {
    feed(&state, &code, None, format)
        .await
        .unwrap_or_else(IntoResponse::into_response)
}

async fn scoped_feed(
    State(state): State<AppState>,
    code: &str,
    kind: &str,
    slug: &str,
    format: FeedFormat,
) -> Response {
    feed(&state, code, Some((kind, slug)), format)
        .await
        .unwrap_or_else(IntoResponse::into_response)
}

async fn feed(
    state: &AppState,
    code: &str,
    scope: Option<(&str, &str)>,
    format: FeedFormat,
) -> Result<Response, HttpError> {
    let edition = edition(state, code).await?;
    let store = state.store();
    let scope = match scope {
        None => FeedScope::Edition,
        Some(("section", slug)) => FeedScope::Section(store.section_by_slug(code, slug).await?),
        Some(("tag", slug)) => FeedScope::Tag(store.tag_by_slug(code, slug).await?),
        Some(("author", slug)) => FeedScope::Author(store.author_by_slug(slug).await?),
        Some(_) => return Err(HttpError::NotFound),
    };
    let stories = load::feed_stories(state, &edition, &scope).await?;
    let site = site(state);
    let meta = feeds::feed_meta(&site, &edition, &scope, &stories, Utc::now());
    let body = match format {
        FeedFormat::Rss => feeds::rss::render(&site, &meta, &stories),
        FeedFormat::Atom => feeds::atom::render(&site, &meta, &stories),
        FeedFormat::Json => feeds::json::render(&site, &meta, &stories),
    };
    // Any public change to an article of the edition touches `feed:{code}`, so items need
    // no keys of their own; photo metadata (credit, caption) changes separately.
    let mut tags = BTreeSet::from([keys::feed(code), keys::edition(code)]);
    match &scope {
        FeedScope::Edition => {}
        FeedScope::Section(s) => {
            tags.insert(keys::section(s.id));
        }
        FeedScope::Tag(t) => {
            tags.insert(keys::tag(t.id));
        }
        FeedScope::Author(a) => {
            tags.insert(keys::author(a.id));
        }
    }
    tags.extend(
        stories
            .iter()
            .filter_map(|s| s.hero.as_ref())
            .map(|p| keys::photo(p.id)),
    );
    let tags: Vec<String> = tags.into_iter().collect();
    Ok(cacheable(body, format.content_type(), tags, meta.updated))
}
