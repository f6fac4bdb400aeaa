//! Handlers for `robots.txt`, the sitemap index, the files under `/sitemaps/` and the
//! Google News sitemaps.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use newsdesk_core::Edition;
use newsdesk_store::{ArticleQuery, ArticleSummary};
use sha2::{Digest, Sha256};

use super::{cacheable, edition, site};
use crate::cache::keys;
use crate::error::HttpError;
use crate::state::AppState;
use crate::syndication::hreflang;
use crate::syndication::load;
use crate::syndication::site::{Site, paths};
use crate::syndication::sitemap::news::{self, NewsEntry, Publication};
use crate::syndication::sitemap::split::{self, MAX_URLS};
use crate::syndication::sitemap::urlset::{UrlEntry, render_urlset};
use crate::syndication::sitemap::{self, EditionArticles, SitemapFile};
use crate::syndication::story::Translation;
use crate::syndication::time;

const XML: &str = "application/xml; charset=utf-8";

/// How many full articles are read at once to find translation groups.
const TRANSLATION_BATCH: usize = 500;

fn all_edition_keys(editions: &[Edition]) -> Vec<String> {
    editions
        .iter()
        .flat_map(|e| [keys::feed(&e.code), keys::edition(&e.code)])
        .collect()
}

fn modified(summary: &ArticleSummary) -> DateTime<Utc> {
    let published = summary
        .published_at
        .or(summary.first_published_at)
        .unwrap_or(summary.created_at);
    time::latest(published, summary.updated_at)
}

/// `robots.txt` and the index name every edition, and a new edition's first event names
/// only itself: they are rebuilt per request (one or two queries per edition) rather than
/// held in the page cache where nothing would drop them.
pub async fn robots(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let result: Result<Response, HttpError> = async {
        let editions = state.store().list_editions().await?;
        let body = sitemap::robots_txt(&site(&state), &editions);
        Ok(with_etag(body, "text/plain; charset=utf-8", &headers))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

pub async fn index(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let result: Result<Response, HttpError> = async {
        let store = state.store();
        let editions = store.list_editions().await?;
        let mut counts = Vec::with_capacity(editions.len());
        for e in &editions {
            let count = load::published_count(store, &e.code).await?;
            let newest = load::article_page(store, &e.code, 0, 1).await?;
            counts.push(EditionArticles {
                edition: e.clone(),
                count,
                last_modified: newest.first().map(modified),
            });
        }
        let per_file = split::article_urls_per_file(editions.len());
        let body = sitemap::index(&site(&state), &counts, per_file, None);
        Ok(with_etag(body, XML, &headers))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

pub async fn file(
    State(state): State<AppState>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Response {
    let result = match SitemapFile::parse(&name) {
        Some(SitemapFile::Articles { edition, n }) => articles(&state, &edition, n).await,
        Some(SitemapFile::Pages) => pages(&state).await,
        Some(SitemapFile::News { edition, n }) => news_part(&state, &edition, n, &headers).await,
        None => Err(HttpError::NotFound),
    };
    result.unwrap_or_else(IntoResponse::into_response)
}

async fn articles(state: &AppState, code: &str, n: usize) -> Result<Response, HttpError> {
    let edition = edition(state, code).await?;
    let store = state.store();
    let editions = store.list_editions().await?;
    let per_file = split::article_urls_per_file(editions.len());
    let total = load::published_count(store, code).await?;
    let (offset, len) = split::file_range(total, per_file, n).ok_or(HttpError::NotFound)?;
    let summaries = load::article_page(store, code, offset, len).await?;
    let site = site(state);
    let default_edition = editions
        .iter()
        .find(|e| e.is_default)
        .map(|e| e.code.clone())
        .unwrap_or_default();
    let alternates = translation_alternates(state, &site, &summaries, &default_edition).await?;
    let entries: Vec<UrlEntry> = summaries
        .iter()
        .map(|s| UrlEntry {
            loc: site.url(&s.path()),
            lastmod: Some(time::rfc3339_in(modified(s), &edition)),
            alternates: alternates.get(&s.id).cloned().unwrap_or_default(),
        })
        .collect();
    let last = summaries
        .iter()
        .map(modified)
        .max()
        .unwrap_or_else(Utc::now);
    Ok(cacheable(
        render_urlset(&entries),
        XML,
        all_edition_keys(&editions),
        last,
    ))
}

/// hreflang alternates of the translated articles among `summaries`, by article id.
/// Summaries do not carry the translation group, so full articles are read in batches.
async fn translation_alternates(
    state: &AppState,
    site: &Site,
    summaries: &[ArticleSummary],
    default_edition: &str,
) -> Result<HashMap<i64, Vec<hreflang::Alternate>>, HttpError> {
    let store = state.store();
    let mut out = HashMap::new();
    for batch in summaries.chunks(TRANSLATION_BATCH) {
        let ids: Vec<i64> = batch.iter().map(|s| s.id).collect();
        for article in store.get_articles(&ids).await? {
            if article.translation_group.is_none() || !article.is_public() {
                continue;
            }
            let others: Vec<Translation> = store
                .translations(&article)
                .await?
                .iter()
                .map(Translation::of_summary)
                .collect();
            let alts = hreflang::alternates(
                site,
                &Translation::of_article(&article),
                &others,
                default_edition,
            );
            if !alts.is_empty() {
                out.insert(article.id, alts);
            }
        }
    }
    Ok(out)
}

/// Front pages, sections, tags and authors (those with articles in the edition).
async fn pages(state: &AppState) -> Result<Response, HttpError> {
    let store = state.store();
    let site = site(state);
    let editions = store.list_editions().await?;
    let authors = store.list_authors().await?;
    let mut entries = Vec::new();
    let mut last = None;
    for e in &editions {
        let newest = load::article_page(store, &e.code, 0, 1)
            .await?
            .first()
            .map(modified);
        last = last.max(newest);
        let lastmod = newest.map(|t| time::rfc3339_in(t, e));
        entries.push(UrlEntry {
            loc: site.url(&paths::edition(&e.code)),
            lastmod,
            alternates: Vec::new(),
        });
        for s in store.list_sections(&e.code).await? {
            entries.push(UrlEntry {
                loc: site.url(&paths::section(&e.code, &s.slug)),
                lastmod: None,
                alternates: Vec::new(),
            });
        }
        for t in store.list_tags(&e.code).await? {
            entries.push(UrlEntry {
                loc: site.url(&paths::tag(&e.code, &t.slug)),
                lastmod: None,
                alternates: Vec::new(),
            });
        }
        for a in &authors {
            let q = ArticleQuery {
                edition: Some(e.code.clone()),
                author_id: Some(a.id),
                ..ArticleQuery::default()
            };
            if store.count_articles(&q).await? > 0 {
                entries.push(UrlEntry {
                    loc: site.url(&paths::author(&e.code, &a.slug)),
                    lastmod: None,
                    alternates: Vec::new(),
                });
            }
        }
    }
    if entries.len() > MAX_URLS {
        tracing::warn!(
            count = entries.len(),
            "listing pages exceed one sitemap; the rest are left out"
        );
        entries.truncate(MAX_URLS);
    }
    Ok(cacheable(
        render_urlset(&entries),
        XML,
        all_edition_keys(&editions),
        last.unwrap_or_else(Utc::now),
    ))
}

/// The News sitemap of an edition, built at `now`.
async fn news_doc(
    state: &AppState,
    code: &str,
    now: DateTime<Utc>,
) -> Result<news::NewsSitemap, HttpError> {
    let edition = edition(state, code).await?;
    let q = ArticleQuery {
        edition: Some(code.to_owned()),
        published_from: Some(news::window_start(now)),
        // An index holds at most 50,000 parts' worth; far beyond any newsroom's two days.
        limit: i64::try_from(MAX_URLS).unwrap_or(i64::MAX),
        ..ArticleQuery::default()
    };
    let summaries = state.store().list_articles(&q).await?;
    let site = site(state);
    let entries: Vec<NewsEntry> = summaries
        .iter()
        .filter_map(|s| {
            let published_at = s.published_at?;
            Some(NewsEntry {
                loc: site.url(&s.path()),
                title: s.headline.clone(),
                publication_date: time::rfc3339_in(published_at, &edition),
                published_at,
            })
        })
        .collect();
    let publication = Publication {
        name: site.site_name.clone(),
        language: news::news_language(code),
    };
    let part_url = |n| {
        site.url(
            &SitemapFile::News {
                edition: code.to_owned(),
                n,
            }
            .path(),
        )
    };
    Ok(news::build(&publication, &entries, now, part_url))
}

/// News sitemaps change by the clock as well as by edits (items leave after two days),
/// so they are not held in the page cache; they are small, and a 304 saves the transfer.
pub async fn news(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Response {
    match news_doc(&state, &code, Utc::now()).await {
        Ok(doc) => with_etag(doc.main, XML, &headers),
        Err(err) => err.into_response(),
    }
}

async fn news_part(
    state: &AppState,
    code: &str,
    n: usize,
    headers: &HeaderMap,
) -> Result<Response, HttpError> {
    let doc = news_doc(state, code, Utc::now()).await?;
    let part = n
        .checked_sub(1)
        .and_then(|i| doc.parts.into_iter().nth(i))
        .ok_or(HttpError::NotFound)?;
    Ok(with_etag(part, XML, headers))
}

fn with_etag(body: String, content_type: &'static str, request: &HeaderMap) -> Response {
    let etag = format!(
        "\"{}\"",
        hex::encode(&Sha256::digest(body.as_bytes())[..16])
    );
    let matches = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim().trim_start_matches("W/") == etag)
        });
    let mut response = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        body.into_response()
    };
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=0, s-maxage=300, stale-while-revalidate=600"),
    );
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    response
}
