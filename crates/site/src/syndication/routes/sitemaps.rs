//! Handlers for `robots.txt`, the sitemap index, the files under `/sitemaps/` and the
//! Google News sitemaps.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use newsdesk_core::Edition;
use newsdesk_store::{ArticleQuery, ArticleSummary, MAX_NEWS_PAGE, SitemapArticle, Store};
use sha2::{Digest, Sha256};

use super::{cacheable, edition, site};
use crate::cache::keys;
use crate::error::HttpError;
use crate::state::AppState;
use crate::syndication::hreflang;
use crate::syndication::site::{Site, paths};
use crate::syndication::sitemap::news::{self, NewsEntry, Publication};
use crate::syndication::sitemap::split::{self, MAX_BYTES, MAX_URLS, NEWS_MAX_URLS};
use crate::syndication::sitemap::urlset::{UrlEntry, render_urlset};
use crate::syndication::sitemap::{self, EditionArticles, SitemapFile};
use crate::syndication::story::Translation;
use crate::syndication::time;

const XML: &str = "application/xml; charset=utf-8";

/// The largest body the page cache keeps (its layer answers 500 for a larger one it was
/// asked to keep): a larger article file is served uncached, with an ETag.
const CACHEABLE_BYTES: usize = 8 * 1024 * 1024;

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

/// The index: one query listing editions, then per edition one skip scan of the id index
/// for its non-empty blocks (see [`newsdesk_store::Store::sitemap_blocks`]): about 1 ms
/// at 1,000,000 articles, and a count of its News sitemap's window, which changes by the
/// clock; so it is rebuilt per request rather than cached (see [`robots`]); the ETag
/// spares the transfer.
pub async fn index(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let result: Result<Response, HttpError> = async {
        let store = state.store();
        let editions = store.list_editions().await?;
        let now = Utc::now();
        let mut listed = Vec::with_capacity(editions.len());
        let mut files = 0;
        for e in editions {
            let (start, _) = news_window(&state, &e.code, now);
            let (blocks, news) = futures::try_join!(
                store.sitemap_blocks(&e.code, split::ARTICLE_ID_BLOCK),
                store.count_published_between(&e.code, start, now),
            )?;
            let news = usize::try_from(news).unwrap_or(0);
            files += blocks.len() + split::news_file_count(news);
            listed.push(EditionArticles {
                edition: e,
                blocks,
                news,
            });
        }
        if files >= MAX_URLS {
            // 50,000 files of up to 10,000 ids: far past any archive this serves. Said
            // loudly rather than cut: the index would need an index of its own.
            tracing::error!(
                files,
                "the sitemap index lists more files than the protocol allows"
            );
        }
        let body = sitemap::index(&site(&state), &listed, None);
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
        Some(SitemapFile::Articles { edition, block }) => {
            articles(&state, &edition, block, &headers).await
        }
        Some(SitemapFile::RetiredArticles { .. }) => Err(HttpError::Gone),
        Some(SitemapFile::Pages) => pages(&state).await,
        Some(SitemapFile::News { edition, n }) => news_part(&state, &edition, n, &headers).await,
        None => Err(HttpError::NotFound),
    };
    result.unwrap_or_else(IntoResponse::into_response)
}

/// Article block `block` of edition `code`: its published articles by id, each with its
/// `lastmod` and hreflang alternates. An empty block is not a file (404).
async fn articles(
    state: &AppState,
    code: &str,
    block: i64,
    headers: &HeaderMap,
) -> Result<Response, HttpError> {
    let edition = edition(state, code).await?;
    let range = split::block_range(block).ok_or(HttpError::NotFound)?;
    let store = state.store();
    let (rows, groups) = article_range(store, code, range).await?;
    if rows.is_empty() {
        return Err(HttpError::NotFound);
    }
    let editions = store.list_editions().await?;
    let site = site(state);
    let default_edition = editions
        .iter()
        .find(|e| e.is_default)
        .map(|e| e.code.as_str())
        .unwrap_or_default();
    let entries: Vec<UrlEntry> = rows
        .iter()
        .map(|a| UrlEntry {
            loc: site.url(&a.path()),
            lastmod: Some(time::rfc3339_in(row_modified(a), &edition)),
            alternates: alternates(&site, a, &groups, default_edition),
        })
        .collect();
    let body = render_urlset(&entries);
    if body.len() > MAX_BYTES {
        tracing::error!(
            edition = code,
            block,
            bytes = body.len(),
            "an article sitemap exceeds the protocol's 50 MB"
        );
    }
    if body.len() > CACHEABLE_BYTES {
        return Ok(with_etag(body, XML, headers));
    }
    let last = rows.iter().map(row_modified).max().unwrap_or_else(Utc::now);
    Ok(cacheable(body, XML, all_edition_keys(&editions), last))
}

/// The newest published article of `edition` (for a `lastmod`), if it has any.
async fn newest_published(
    store: &Store,
    edition: &str,
) -> Result<Option<ArticleSummary>, HttpError> {
    let q = ArticleQuery {
        edition: Some(edition.to_owned()),
        limit: 1,
        ..ArticleQuery::default()
    };
    Ok(store.list_articles(&q).await?.into_iter().next())
}

/// Translated articles, by translation group: their published versions in other editions.
type Groups = HashMap<i64, Vec<SitemapArticle>>;

/// What one article sitemap file lists: the published articles of `edition` with an id in
/// `[from, to)`, by id, and the published translations (other editions) of those in a
/// translation group. Two queries, whatever the number of articles.
async fn article_range(
    store: &Store,
    edition: &str,
    (from, to): (i64, i64),
) -> Result<(Vec<SitemapArticle>, Groups), HttpError> {
    let articles = store.sitemap_articles(edition, from, to).await?;
    let mut groups = Groups::new();
    if articles.iter().any(|a| a.translation_group.is_some()) {
        for t in store.sitemap_translations(edition, from, to).await? {
            if let Some(group) = t.translation_group {
                groups.entry(group).or_default().push(t);
            }
        }
    }
    Ok((articles, groups))
}

fn row_modified(a: &SitemapArticle) -> DateTime<Utc> {
    time::latest(a.published(), a.updated_at)
}

fn translation(a: &SitemapArticle) -> Translation {
    Translation {
        edition: a.edition.clone(),
        path: a.path(),
        published_at: a.published(),
        id: a.id,
    }
}

/// hreflang alternates of `a`, from the published members of its translation group in
/// other editions (`groups`, by group id), exactly as its page computes them.
fn alternates(
    site: &Site,
    a: &SitemapArticle,
    groups: &Groups,
    default_edition: &str,
) -> Vec<hreflang::Alternate> {
    let Some(members) = a.translation_group.and_then(|g| groups.get(&g)) else {
        return Vec::new();
    };
    let others: Vec<Translation> = members.iter().map(translation).collect();
    hreflang::alternates(site, &translation(a), &others, default_edition)
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
        let newest = newest_published(store, &e.code)
            .await?
            .as_ref()
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

/// The News sitemap's window at `now` and the edition's publication.
fn news_window(state: &AppState, code: &str, now: DateTime<Utc>) -> (DateTime<Utc>, Publication) {
    let publication = Publication {
        name: site(state).site_name,
        language: news::news_language(code),
    };
    (news::window_start(now), publication)
}

/// File `n` (1-based) of the edition's News sitemap at `now`: one bounded query, the n-th
/// thousand of the window's articles, newest first.
async fn news_file(
    state: &AppState,
    edition: &Edition,
    n: usize,
    now: DateTime<Utc>,
) -> Result<Vec<NewsEntry>, HttpError> {
    let (start, _) = news_window(state, &edition.code, now);
    let page = i64::try_from(NEWS_MAX_URLS).unwrap_or(MAX_NEWS_PAGE);
    let offset = i64::try_from(n.saturating_sub(1))
        .ok()
        .and_then(|i| i.checked_mul(page))
        .ok_or(HttpError::NotFound)?;
    let rows = state
        .store()
        .published_between(&edition.code, start, now, offset, page)
        .await?;
    let site = site(state);
    Ok(rows
        .iter()
        .filter_map(|a| {
            let published_at = a.published_at?;
            Some(NewsEntry {
                loc: site.url(&a.path()),
                title: a.headline.clone(),
                publication_date: time::rfc3339_in(published_at, edition),
                published_at,
            })
        })
        .collect())
}

/// News sitemaps change by the clock as well as by edits (items leave after two days),
/// so they are not held in the page cache; a 304 saves the transfer. Up to 1,000 articles
/// in the window, the sitemap is the one file; past that it is an index of files of 1,000
/// (`/sitemaps/{edition}-news-{n}.xml`), each read by its own bounded query, so a busy day
/// is listed whole without any request reading the whole window.
pub async fn news(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Response {
    let result: Result<Response, HttpError> = async {
        let edition = edition(&state, &code).await?;
        let now = Utc::now();
        let (start, publication) = news_window(&state, &code, now);
        let total = state
            .store()
            .count_published_between(&code, start, now)
            .await?;
        let total = usize::try_from(total).unwrap_or(0);
        let body = if total <= NEWS_MAX_URLS {
            let entries = news_file(&state, &edition, 1, now).await?;
            news::render_file(&publication, &entries)
        } else {
            let site = site(&state);
            news::parts_index(split::news_file_count(total), |n| {
                site.url(
                    &SitemapFile::News {
                        edition: code.clone(),
                        n,
                    }
                    .path(),
                )
            })
        };
        Ok(with_etag(body, XML, &headers))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

async fn news_part(
    state: &AppState,
    code: &str,
    n: usize,
    headers: &HeaderMap,
) -> Result<Response, HttpError> {
    let edition = edition(state, code).await?;
    let now = Utc::now();
    let entries = news_file(state, &edition, n, now).await?;
    if entries.is_empty() {
        return Err(HttpError::NotFound);
    }
    let (_, publication) = news_window(state, code, now);
    Ok(with_etag(
        news::render_file(&publication, &entries),
        XML,
        headers,
    ))
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
