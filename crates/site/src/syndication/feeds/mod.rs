//! Feeds of an edition, a section, a tag or an author, in RSS 2.0 (with Media RSS,
//! `content:encoded`, `dc:creator`), Atom 1.0 and JSON Feed 1.1. Each builder is a pure
//! function of the feed's description ([`FeedMeta`]) and its items ([`Story`]).

pub mod atom;
pub mod json;
pub mod rss;

use chrono::{DateTime, Utc};
use newsdesk_core::{Author, Edition, Section, Tag};

use super::site::{Site, paths};
use super::story::Story;
use crate::head::{FeedLink, feed_links};

/// How many items a feed carries, newest first.
pub const FEED_ITEMS: i64 = 50;

/// The year in every `tag:` URI (RFC 4151) this site mints; it must never change, or
/// every feed reader would see every item as new.
const TAG_YEAR: &str = "2026";

/// What a feed covers.
#[derive(Debug, Clone, PartialEq)]
pub enum FeedScope {
    Edition,
    Section(Section),
    Tag(Tag),
    Author(Author),
}

/// The three formats, with what each is served as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedFormat {
    Rss,
    Atom,
    Json,
}

impl FeedFormat {
    pub const ALL: [FeedFormat; 3] = [Self::Rss, Self::Atom, Self::Json];

    /// From the path's extension (`feed.rss`, `feed.atom`, `feed.json`).
    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext {
            "rss" => Some(Self::Rss),
            "atom" => Some(Self::Atom),
            "json" => Some(Self::Json),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Rss => "rss",
            Self::Atom => "atom",
            Self::Json => "json",
        }
    }

    /// The media type of the document (no parameters), as in `<link type>`.
    pub fn mime(self) -> &'static str {
        match self {
            Self::Rss => "application/rss+xml",
            Self::Atom => "application/atom+xml",
            Self::Json => "application/feed+json",
        }
    }

    /// The `Content-Type` it is served with.
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Rss => "application/rss+xml; charset=utf-8",
            Self::Atom => "application/atom+xml; charset=utf-8",
            Self::Json => "application/feed+json; charset=utf-8",
        }
    }
}

/// Everything a feed says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedMeta {
    pub title: String,
    pub description: String,
    pub edition: Edition,
    /// Absolute URL of the HTML page the feed follows.
    pub page_url: String,
    /// Stable `tag:` URI (Atom `id`).
    pub id: String,
    /// The newest change among the items; the feed's `updated`/`lastBuildDate`.
    pub updated: DateTime<Utc>,
}

impl FeedMeta {
    /// Absolute URL of the feed in `format`: `{page}/feed.{ext}`, as
    /// [`crate::head::feed_links`] links them. It is the feed's `rel="self"` and the topic
    /// the WebSub hub is pinged with.
    pub fn feed_url(&self, format: FeedFormat) -> String {
        feed_url_of(&self.page_url, format)
    }
}

/// Absolute URL of `scope`'s feed in `format`, without loading the feed: what
/// [`FeedMeta::feed_url`] gives for it.
pub fn feed_url(site: &Site, edition: &str, scope: &FeedScope, format: FeedFormat) -> String {
    feed_url_of(&site.url(&scope_path(edition, scope)), format)
}

fn feed_url_of(page_url: &str, format: FeedFormat) -> String {
    format!(
        "{}/feed.{}",
        page_url.trim_end_matches('/'),
        format.extension()
    )
}

/// Site-relative path of the page a scope's feed follows.
pub fn scope_path(edition: &str, scope: &FeedScope) -> String {
    match scope {
        FeedScope::Edition => paths::edition(edition),
        FeedScope::Section(s) => paths::section(edition, &s.slug),
        FeedScope::Tag(t) => paths::tag(edition, &t.slug),
        FeedScope::Author(a) => paths::author(edition, &a.slug),
    }
}

/// The feed's title as shown in a feed reader: the site, then what it covers. Names are
/// the edition's own (section, tag and edition names are stored per language), so no UI
/// string of another language appears.
pub fn scope_title(site: &Site, edition: &Edition, scope: &FeedScope) -> String {
    title_for(&site.site_name, edition, scope)
}

fn title_for(site_name: &str, edition: &Edition, scope: &FeedScope) -> String {
    let what = match scope {
        FeedScope::Edition => &edition.name,
        FeedScope::Section(s) => &s.name,
        FeedScope::Tag(t) => &t.name,
        FeedScope::Author(a) => &a.name,
    };
    format!("{site_name} — {what}")
}

/// The `<link rel="alternate">` feed links of the page a scope's feeds follow, titled as
/// the feeds title themselves (so a browser's or reader's feed picker shows the same
/// name as the subscribed feed).
pub fn head_links(site_name: &str, edition: &Edition, scope: &FeedScope) -> Vec<FeedLink> {
    feed_links(
        &scope_path(&edition.code, scope),
        &title_for(site_name, edition, scope),
    )
}

/// Describes the feed of `scope` in `edition` holding `items` (newest first). `fallback`
/// is the `updated` of an empty feed (the time the scope last changed, or now).
pub fn feed_meta(
    site: &Site,
    edition: &Edition,
    scope: &FeedScope,
    items: &[Story],
    fallback: DateTime<Utc>,
) -> FeedMeta {
    let title = scope_title(site, edition, scope);
    let description = match scope {
        FeedScope::Author(a) if !a.bio.trim().is_empty() => a.bio.clone(),
        _ => title.clone(),
    };
    let host = site.host();
    let code = &edition.code;
    let id = match scope {
        FeedScope::Edition => format!("tag:{host},{TAG_YEAR}:feed:{code}"),
        FeedScope::Section(s) => format!("tag:{host},{TAG_YEAR}:feed:{code}:section:{}", s.id),
        FeedScope::Tag(t) => format!("tag:{host},{TAG_YEAR}:feed:{code}:tag:{}", t.id),
        FeedScope::Author(a) => format!("tag:{host},{TAG_YEAR}:feed:{code}:author:{}", a.id),
    };
    FeedMeta {
        title,
        description,
        edition: edition.clone(),
        page_url: site.url(&scope_path(code, scope)),
        id,
        updated: items
            .iter()
            .map(|s| s.modified_at)
            .max()
            .unwrap_or(fallback),
    }
}

/// The item's permanent id: a `tag:` URI from the article id and its creation day, so a
/// changed headline, slug or domain path never makes it a new item.
pub fn item_id(site: &Site, story: &Story) -> String {
    format!(
        "tag:{},{}:article:{}",
        site.host(),
        story.created_at.format("%Y-%m-%d"),
        story.id
    )
}

/// Makes the site-relative URLs in body HTML (`href="/…"`, `src="/…"`, every `srcset`
/// candidate) absolute: a feed is read away from the site, where `/media/…` means nothing.
pub fn absolutize_html(html: &str, site: &Site) -> String {
    let base = &site.base_url;
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(pos) = rest.find("=\"") {
        let (before, after) = rest.split_at(pos + 2);
        out.push_str(before);
        let attr = attr_name(before);
        let end = after.find('"').unwrap_or(after.len());
        let (value, tail) = after.split_at(end);
        match attr {
            "href" | "src" => out.push_str(&absolute(value, base)),
            "srcset" => {
                let candidates: Vec<String> = value
                    .split(',')
                    .map(|c| absolute(c.trim_start(), base))
                    .collect();
                out.push_str(&candidates.join(", "));
            }
            _ => out.push_str(value),
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// The attribute name right before `="` at the end of `before`.
fn attr_name(before: &str) -> &str {
    let head = before.strip_suffix("=\"").unwrap_or(before);
    head.rsplit(|c: char| c.is_whitespace() || c == '<')
        .next()
        .unwrap_or("")
}

/// `/x` → `{base}/x`; protocol-relative (`//host`), absolute and fragment URLs unchanged.
fn absolute(url: &str, base: &str) -> String {
    if url.starts_with('/') && !url.starts_with("//") {
        format!("{base}{url}")
    } else {
        url.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syndication::story::fixtures::*;

    fn site() -> Site {
        Site::new("https://news.example", "The Daily")
    }

    #[test]
    fn relative_links_images_and_srcsets_become_absolute() {
        let html = r##"<p><a href="/en/2026/a-1">x</a> <a href="https://o.example/">o</a> <a href="//cdn.example/x">c</a> <a href="#n">n</a></p><img src="/media/p.jpg" srcset="/media/a.webp 320w, /media/b.webp 640w" alt="a=&quot;b&quot;">"##;
        let out = absolutize_html(html, &site());
        assert!(out.contains(r#"href="https://news.example/en/2026/a-1""#));
        assert!(out.contains(r#"href="https://o.example/""#));
        assert!(out.contains(r#"href="//cdn.example/x""#));
        assert!(out.contains(r##"href="#n""##));
        assert!(out.contains(r#"src="https://news.example/media/p.jpg""#));
        assert!(out.contains(r#"srcset="https://news.example/media/a.webp 320w, https://news.example/media/b.webp 640w""#));
        assert!(out.contains(r#"alt="a=&quot;b&quot;""#));
    }

    #[test]
    fn head_links_point_at_the_served_feeds_with_the_feeds_titles() {
        let story = story(42, "en");
        let scope = story
            .section
            .clone()
            .map(FeedScope::Section)
            .unwrap_or(FeedScope::Edition);
        let links = head_links("The Daily", &story.edition, &scope);
        let hrefs: Vec<&str> = links.iter().map(|l| l.href.as_str()).collect();
        assert_eq!(
            hrefs,
            [
                "/en/section/world/feed.rss",
                "/en/section/world/feed.atom",
                "/en/section/world/feed.json"
            ]
        );
        let meta = feed_meta(&site(), &story.edition, &scope, &[], at(2020, 1, 1, 0));
        assert!(links.iter().all(|l| l.title == meta.title));
    }

    #[test]
    fn ids_are_stable_tag_uris_and_urls_follow_the_page() {
        let story = story(42, "en");
        assert_eq!(
            item_id(&site(), &story),
            "tag:news.example,2026-11-26:article:42"
        );
        let mut renamed = story.clone();
        renamed.headline = "New".into();
        renamed.path = "/en/2026/11/27/new-42".into();
        assert_eq!(item_id(&site(), &renamed), item_id(&site(), &story));
        let section = story
            .section
            .clone()
            .map(FeedScope::Section)
            .unwrap_or(FeedScope::Edition);
        let meta = feed_meta(
            &site(),
            &story.edition,
            &section,
            std::slice::from_ref(&story),
            at(2020, 1, 1, 0),
        );
        assert_eq!(meta.id, "tag:news.example,2026:feed:en:section:3");
        assert_eq!(
            meta.feed_url(FeedFormat::Rss),
            "https://news.example/en/section/world/feed.rss"
        );
        assert_eq!(meta.updated, story.modified_at);
        assert_eq!(meta.title, "The Daily — World & Politics");
    }

    #[test]
    fn a_feed_url_made_without_the_feed_is_its_self_url() {
        let story = story(42, "en");
        let mut scopes = vec![FeedScope::Edition];
        scopes.extend(story.section.clone().map(FeedScope::Section));
        scopes.extend(story.tags.iter().cloned().map(FeedScope::Tag));
        scopes.extend(story.authors.iter().cloned().map(FeedScope::Author));
        assert_eq!(scopes.len(), 6);
        for scope in &scopes {
            let meta = feed_meta(&site(), &story.edition, scope, &[], at(2020, 1, 1, 0));
            for format in FeedFormat::ALL {
                assert_eq!(
                    feed_url(&site(), "en", scope, format),
                    meta.feed_url(format)
                );
            }
        }
    }
}
