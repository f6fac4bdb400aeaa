//! One cached page: its bytes in every encoding and the validators, with the response
//! headers built once when stored.

use std::sync::atomic::{AtomicU64, Ordering};

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::encoding::{Coding, Encoded};

/// Anonymous pages: a shared cache (CDN) may keep a page 60 s and serve it stale for
/// 10 minutes while it revalidates; browsers revalidate every time (`max-age=0`) and get
/// a 304 when nothing changed. Purges by `Surrogate-Key` make changes show sooner.
pub const PAGE_CACHE_CONTROL: &str = "public, max-age=0, s-maxage=60, stale-while-revalidate=600";

/// A moment on the cache's own clock (milliseconds since it started) that has not come.
pub(super) const NEVER: u64 = u64::MAX;

pub struct CachedPage {
    pub body: Encoded,
    pub keys: Vec<String>,
    /// Keys whose changes refresh the page within [`super::REFRESH_AFTER`] rather than at
    /// once (the newsfeed column of an article page, which a script keeps current). Not
    /// sent as `Surrogate-Key`: a CDN refreshes them through `s-maxage`.
    pub refresh_keys: Vec<String>,
    /// Whole seconds: HTTP dates have no finer resolution.
    pub last_modified: DateTime<Utc>,
    /// Content hash, without quotes or encoding suffix.
    pub hash: String,
    pub(super) last_used: AtomicU64,
    /// When the page was stored, on the cache's clock.
    pub(super) stored_at: AtomicU64,
    /// From when on the page is out of date (a change touched one of its keys), or
    /// [`NEVER`]; the earliest such moment counts.
    pub(super) stale_since: AtomicU64,
    etag: [HeaderValue; 3],
    last_modified_header: HeaderValue,
    surrogate_key: HeaderValue,
    content_type: HeaderValue,
}

impl CachedPage {
    /// An HTML page.
    pub fn new(html: Bytes, keys: Vec<String>, last_modified: DateTime<Utc>) -> Self {
        Self::with_type(
            html,
            HeaderValue::from_static("text/html; charset=utf-8"),
            keys,
            last_modified,
        )
    }

    /// A page in every encoding.
    pub fn with_type(
        body: Bytes,
        content_type: HeaderValue,
        keys: Vec<String>,
        last_modified: DateTime<Utc>,
    ) -> Self {
        let mut page = Self::encoded_for(body, content_type, keys, last_modified, None);
        page.body = Encoded::new(page.body.identity.clone());
        page
    }

    /// A page with only the encoding a reader sending `accept` prefers made (the others
    /// are made when first asked for: see [`CachedPage::completed`]).
    pub fn encoded_for(
        body: Bytes,
        content_type: HeaderValue,
        keys: Vec<String>,
        last_modified: DateTime<Utc>,
        accept: Option<&HeaderValue>,
    ) -> Self {
        let hash = hex::encode(&Sha256::digest(&body)[..12]);
        let etag = |suffix: &str| {
            HeaderValue::from_str(&format!("\"{hash}{suffix}\""))
                .unwrap_or(HeaderValue::from_static("\"0\""))
        };
        let last_modified_header =
            HeaderValue::from_str(&httpdate::fmt_http_date(last_modified.into()))
                .unwrap_or(HeaderValue::from_static(""));
        let surrogate_key =
            HeaderValue::from_str(&keys.join(" ")).unwrap_or(HeaderValue::from_static(""));
        Self {
            etag: [etag(""), etag("-br"), etag("-gz")],
            body: Encoded::plain(body).made_for(accept),
            keys,
            refresh_keys: Vec::new(),
            last_modified,
            hash,
            last_used: AtomicU64::new(0),
            stored_at: AtomicU64::new(0),
            stale_since: AtomicU64::new(NEVER),
            last_modified_header,
            surrogate_key,
            content_type,
        }
    }

    /// A copy with the encoding a reader sending `accept` prefers made, if it is not yet;
    /// the cache swaps it in (see `PageCache::complete`).
    pub fn completed(&self, accept: Option<&HeaderValue>) -> Option<Self> {
        if !self.body.lacks(accept) {
            return None;
        }
        Some(Self {
            body: self.body.made_for(accept),
            keys: self.keys.clone(),
            refresh_keys: self.refresh_keys.clone(),
            last_modified: self.last_modified,
            hash: self.hash.clone(),
            last_used: AtomicU64::new(self.last_used.load(Ordering::Relaxed)),
            stored_at: AtomicU64::new(self.stored_at.load(Ordering::Acquire)),
            stale_since: AtomicU64::new(self.stale_since.load(Ordering::Acquire)),
            etag: self.etag.clone(),
            last_modified_header: self.last_modified_header.clone(),
            surrogate_key: self.surrogate_key.clone(),
            content_type: self.content_type.clone(),
        })
    }

    /// Adds keys whose changes refresh the page lazily (see `refresh_keys`).
    pub fn with_refresh_keys(mut self, keys: Vec<String>) -> Self {
        self.refresh_keys = keys;
        self
    }

    /// Marks the page out of date from `at` on (or earlier, if it already was).
    pub(super) fn stale_from(&self, at: u64) {
        self.stale_since.fetch_min(at, Ordering::AcqRel);
    }

    /// Every byte the page holds: each encoding of the body, the surrogate keys, the hash
    /// and the prepared header values, plus the struct itself.
    pub fn weight(&self) -> usize {
        let headers: usize = self
            .etag
            .iter()
            .chain([
                &self.last_modified_header,
                &self.surrogate_key,
                &self.content_type,
            ])
            .map(HeaderValue::len)
            .sum();
        let keys: usize = self
            .keys
            .iter()
            .chain(&self.refresh_keys)
            .map(|k| k.len() + std::mem::size_of::<String>())
            .sum();
        std::mem::size_of::<Self>() + self.body.weight() + keys + self.hash.len() + headers
    }

    /// The response for a request with these headers: 304 when the reader's copy is
    /// current, else the body in the best encoding it accepts.
    pub fn respond(&self, request: &HeaderMap) -> Response {
        let coding = self.body.choose(request.get(header::ACCEPT_ENCODING));
        let etag = match coding {
            Coding::Identity => &self.etag[0],
            Coding::Br => &self.etag[1],
            Coding::Gzip => &self.etag[2],
        };
        let not_modified = match request.get(header::IF_NONE_MATCH) {
            Some(inm) => etag_matches(inm.as_bytes(), &self.hash),
            None => request
                .get(header::IF_MODIFIED_SINCE)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| httpdate::parse_http_date(v).ok())
                .is_some_and(|since| {
                    DateTime::<Utc>::from(since).timestamp() >= self.last_modified.timestamp()
                }),
        };
        let mut response = if not_modified {
            let mut r = Response::new(Body::empty());
            *r.status_mut() = StatusCode::NOT_MODIFIED;
            r
        } else {
            let body = match coding {
                Coding::Br => self.body.br.clone().unwrap_or_default(),
                Coding::Gzip => self.body.gzip.clone().unwrap_or_default(),
                Coding::Identity => self.body.identity.clone(),
            };
            Response::new(Body::from(body))
        };
        let headers = response.headers_mut();
        if !not_modified {
            headers.insert(header::CONTENT_TYPE, self.content_type.clone());
            match coding {
                Coding::Br => {
                    headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
                }
                Coding::Gzip => {
                    headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                }
                Coding::Identity => {}
            }
        }
        headers.insert(header::ETAG, etag.clone());
        headers.insert(header::LAST_MODIFIED, self.last_modified_header.clone());
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(PAGE_CACHE_CONTROL),
        );
        headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
        headers.insert("surrogate-key", self.surrogate_key.clone());
        response
    }
}

/// `If-None-Match` holds `*` or a list of (possibly weak) tags; any tag of this content, in
/// any encoding, matches (weak comparison, RFC 9110 §13.1.2).
fn etag_matches(header: &[u8], hash: &str) -> bool {
    let Ok(header) = std::str::from_utf8(header) else {
        return false;
    };
    header.split(',').any(|tag| {
        let tag = tag.trim();
        if tag == "*" {
            return true;
        }
        let tag = tag.strip_prefix("W/").unwrap_or(tag).trim_matches('"');
        let tag = tag
            .strip_suffix("-br")
            .or_else(|| tag.strip_suffix("-gz"))
            .unwrap_or(tag);
        tag == hash
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_encoding_of_the_same_content_matches() {
        assert!(etag_matches(b"\"abc-br\"", "abc"));
        assert!(etag_matches(b"W/\"abc\", \"zzz\"", "abc"));
        assert!(etag_matches(b"*", "abc"));
        assert!(!etag_matches(b"\"abd\"", "abc"));
    }
}
