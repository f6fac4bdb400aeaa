//! One spelling per page. Every cached route names the query parameters it reads
//! ([`Param`]); the layer turns a request into its canonical form before the cache or the
//! handler sees it, so the cache key and what the handler renders can never disagree, and
//! no attacker-chosen byte reaches a key:
//!
//! * a parameter the route does not read (`utm_source`, `fbclid`, a cache buster) is
//!   dropped: it neither splits a page into many entries nor reaches the handler;
//! * a parameter it reads in a non-canonical spelling (`?page=02`, `?page=%2B2`,
//!   `?page=1`, `?fragment=yes`) answers 301 to the canonical URL;
//! * a value that names no page (`?page=abc`, `?page=-2`, `?page=` followed by 57,000
//!   digits) is refused with 400;
//! * the path is keyed by what the router decodes it to (`/en/section/%77orld` and
//!   `/en/section/world` are one entry).

use std::fmt::Write;

use axum::http::Uri;

use crate::public::page::MAX_PAGE;

/// A query parameter a cached route reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    /// `?page=N`, 2 ≤ N ≤ [`MAX_PAGE`]; page 1 has no parameter.
    Page,
    /// `?fragment=1`, the infinite-scroll fragment of an article.
    Fragment,
}

impl Param {
    fn name(self) -> &'static str {
        match self {
            Param::Page => "page",
            Param::Fragment => "fragment",
        }
    }
}

/// A request in its one canonical form.
#[derive(Debug, PartialEq, Eq)]
pub struct Canonical {
    /// The page cache's key: the normalised path, then `?` and the route's parameters in
    /// the order the route lists them.
    pub key: String,
    /// The query the handler gets (only the route's parameters, canonical), if any.
    pub query: Option<String>,
}

/// Why a request was not taken as it came.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The same page under its canonical URL (a 301).
    Redirect(String),
    /// A parameter whose value names no page (a 400); carries the explanation.
    Invalid(String),
}

/// Longer raw values are refused before any parsing: no page number needs them.
const MAX_VALUE_LEN: usize = 16;

pub fn canonicalise(uri: &Uri, params: &[Param]) -> Result<Canonical, Refusal> {
    let path = normalise_path(uri.path());
    let mut values: Vec<Option<String>> = vec![None; params.len()];
    let mut canonical_spelling = true;
    if let Some(raw) = uri.query() {
        for (name, value) in url::form_urlencoded::parse(raw.as_bytes()) {
            let Some(i) = params.iter().position(|p| p.name() == name) else {
                continue;
            };
            if values[i].is_some() {
                return Err(Refusal::Invalid(format!(
                    "the parameter “{name}” is given more than once"
                )));
            }
            let param = params[i];
            let canonical = canonical_value(param, &value)?;
            // Only the exact canonical bytes pass: `pa%67e=2` or `page=%32` redirect too.
            let exact = canonical
                .as_deref()
                .is_some_and(|v| raw_has_pair(raw, param.name(), v));
            canonical_spelling &= exact;
            values[i] = Some(canonical.unwrap_or_default());
        }
    }
    let mut query = String::new();
    for (param, value) in params.iter().zip(&values) {
        if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
            if !query.is_empty() {
                query.push('&');
            }
            let _ = write!(query, "{}={value}", param.name());
        }
    }
    if !canonical_spelling {
        return Err(Refusal::Redirect(redirect_target(&path, &query)));
    }
    let key = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    Ok(Canonical {
        key,
        query: (!query.is_empty()).then_some(query),
    })
}

/// The canonical spelling of `value`: `Some("")` when the parameter should be absent
/// (page 1), `Some(v)` for the one spelling of a value.
fn canonical_value(param: Param, value: &str) -> Result<Option<String>, Refusal> {
    match param {
        Param::Fragment => Ok(Some("1".to_owned())),
        Param::Page => {
            let invalid = || {
                Refusal::Invalid(format!(
                    "“page” is a page number from 1 to {MAX_PAGE}, for example ?page=2"
                ))
            };
            if value.len() > MAX_VALUE_LEN {
                return Err(invalid());
            }
            // A literal `+` in a query is a space: `?page=+2` means page 2 as well.
            let value = value.trim_matches(' ');
            let digits = value.strip_prefix('+').unwrap_or(value);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid());
            }
            let n: i64 = digits.parse().map_err(|_| invalid())?;
            if !(1..=MAX_PAGE).contains(&n) {
                return Err(invalid());
            }
            Ok(Some(if n == 1 { String::new() } else { n.to_string() }))
        }
    }
}

/// Whether the raw query holds `name=value` spelled exactly so (no percent-encoding).
fn raw_has_pair(raw: &str, name: &str, value: &str) -> bool {
    raw.split('&')
        .any(|pair| pair.split_once('=') == Some((name, value)))
}

/// A redirect never leaves the site: a path the browser could read as another host
/// (`//host`, `/\host`) goes to the front of the site instead.
fn redirect_target(path: &str, query: &str) -> String {
    let path = if path.starts_with("//") || path.starts_with("/%5C") {
        "/"
    } else {
        path
    };
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

/// The path in one spelling per decoded value, as the router sees it: bytes that need no
/// escaping are unescaped (`%77` → `w`), every other byte is `%XX` in upper case, and an
/// escaped `/` stays escaped (it is part of a segment, not a separator).
pub fn normalise_path(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    while i < bytes.len() {
        let (byte, from_escape) = match (bytes[i], hex_pair(bytes, i + 1)) {
            (b'%', Some(decoded)) => {
                i += 3;
                (decoded, true)
            }
            (b, _) => {
                i += 1;
                (b, false)
            }
        };
        if is_unreserved(byte) || (byte == b'/' && !from_escape) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

fn hex_pair(bytes: &[u8], at: usize) -> Option<u8> {
    let hi = char::from(*bytes.get(at)?).to_digit(16)?;
    let lo = char::from(*bytes.get(at + 1)?).to_digit(16)?;
    u8::try_from(hi * 16 + lo).ok()
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(uri: &'static str, params: &[Param]) -> Result<Canonical, Refusal> {
        canonicalise(&Uri::from_static(uri), params)
    }

    fn key(uri: &'static str, params: &[Param]) -> String {
        run(uri, params).unwrap().key
    }

    fn redirect(uri: &'static str, params: &[Param]) -> String {
        match run(uri, params) {
            Err(Refusal::Redirect(to)) => to,
            other => panic!("{uri}: {other:?}"),
        }
    }

    const PAGED: &[Param] = &[Param::Page];
    const ARTICLE: &[Param] = &[Param::Fragment];

    #[test]
    fn parameters_a_route_does_not_read_are_dropped() {
        assert_eq!(key("/en/section/world", PAGED), "/en/section/world");
        assert_eq!(
            key("/en/section/world?utm_source=x&page=2", PAGED),
            "/en/section/world?page=2"
        );
        assert_eq!(
            key("/en/a-1?fragment=1&fbclid=abc", ARTICLE),
            "/en/a-1?fragment=1"
        );
        assert_eq!(key("/en?x=1&page=2&fragment=1", &[]), "/en");
        assert_eq!(key("/en/a-1?page=7", ARTICLE), "/en/a-1");
        let plain = run("/en/latest?utm_campaign=z", PAGED).unwrap();
        assert_eq!(plain.query, None);
    }

    #[test]
    fn page_numbers_have_one_spelling() {
        for uri in [
            "/en/latest?page=02",
            "/en/latest?page=0002",
            "/en/latest?page=%2B2",
            "/en/latest?page=+2",
            "/en/latest?pa%67e=2",
            "/en/latest?page=%32",
            "/en/latest?page=2&page2=x&utm=1&page_=3",
        ] {
            if uri.ends_with("page_=3") {
                assert_eq!(key(uri, PAGED), "/en/latest?page=2");
            } else {
                assert_eq!(redirect(uri, PAGED), "/en/latest?page=2", "{uri}");
            }
        }
        assert_eq!(redirect("/en/latest?page=1", PAGED), "/en/latest");
        assert_eq!(redirect("/en/latest?page=001&utm=x", PAGED), "/en/latest");
    }

    #[test]
    fn values_that_name_no_page_are_refused() {
        let zeros: &'static str =
            Box::leak(format!("/en/latest?page={}3", "0".repeat(57_000)).into_boxed_str());
        for uri in [
            "/en/latest?page=abc",
            "/en/latest?page=-2",
            "/en/latest?page=0",
            "/en/latest?page=",
            "/en/latest?page",
            "/en/latest?page=2.0",
            "/en/latest?page=501",
            "/en/latest?page=99999999999999999999999",
            "/en/latest?page=2&page=3",
            zeros,
        ] {
            assert!(
                matches!(run(uri, PAGED), Err(Refusal::Invalid(_))),
                "{}",
                &uri[..uri.len().min(40)]
            );
        }
    }

    #[test]
    fn the_fragment_flag_is_only_ever_one() {
        assert_eq!(
            run("/en/a-1?fragment=1", ARTICLE).unwrap().query.as_deref(),
            Some("fragment=1")
        );
        for uri in [
            "/en/a-1?fragment=0",
            "/en/a-1?fragment=",
            "/en/a-1?fragment",
            "/en/a-1?fragment=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ] {
            assert_eq!(redirect(uri, ARTICLE), "/en/a-1?fragment=1", "{uri}");
        }
    }

    #[test]
    fn paths_are_keyed_as_the_router_decodes_them() {
        assert_eq!(normalise_path("/en/section/%77orld"), "/en/section/world");
        assert_eq!(
            normalise_path("/en/section/%77%6F%72ld"),
            "/en/section/world"
        );
        assert_eq!(normalise_path("/ru/tag/%d0%bc"), "/ru/tag/%D0%BC");
        assert_eq!(normalise_path("/en/a%2Fb"), "/en/a%2Fb");
        assert_eq!(normalise_path("/en/a!b"), normalise_path("/en/a%21b"));
        assert_eq!(normalise_path("/en/100%"), "/en/100%25");
        assert_eq!(normalise_path("/en/%zz"), "/en/%25zz");
    }

    #[test]
    fn redirects_stay_on_the_site() {
        assert_eq!(redirect("//evil.example/latest?page=02", PAGED), "/?page=2");
        assert_eq!(redirect("/%5Cevil.example?page=02", PAGED), "/?page=2");
    }
}
