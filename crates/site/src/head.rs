//! What goes into a page's `<head>` beyond the title and the stylesheet: the canonical URL,
//! structured data, social tags and alternate links.
//!
//! Pages build a [`HeadMeta`] with their canonical URL and feed links; the syndication module
//! (`crate::syndication`) fills in JSON-LD, Open Graph/Twitter tags and hreflang alternates.
//! The base template prints whatever is here in its `head_meta` block, escaping every value,
//! so a builder never writes HTML.

use serde::Serialize;

/// Everything page-specific in `<head>`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct HeadMeta {
    /// Absolute canonical URL (`<link rel="canonical">`).
    pub canonical: String,
    /// `<meta name="description">`.
    pub description: String,
    /// Serialised JSON-LD documents, one `<script type="application/ld+json">` each.
    /// Builders must produce them with `serde_json` (the template escapes `</` for safety).
    pub jsonld: Vec<String>,
    /// `<meta {attr}="{key}" content="{value}">`, e.g. `("property", "og:type", "article")`
    /// or `("name", "twitter:card", "summary_large_image")`.
    pub meta: Vec<MetaTag>,
    /// `<link rel=… href=… [hreflang] [type] [title]>`: hreflang alternates, feeds, and
    /// anything else a builder adds.
    pub links: Vec<HeadLink>,
    /// Ask search engines not to index (previews, error pages).
    pub noindex: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetaTag {
    /// `name` or `property`.
    pub attr: &'static str,
    pub key: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeadLink {
    pub rel: String,
    pub href: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hreflang: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub mime: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl HeadMeta {
    pub fn new(canonical: impl Into<String>) -> Self {
        Self {
            canonical: canonical.into(),
            ..Self::default()
        }
    }

    pub fn meta(
        &mut self,
        attr: &'static str,
        key: impl Into<String>,
        value: impl Into<String>,
    ) -> &mut Self {
        self.meta.push(MetaTag {
            attr,
            key: key.into(),
            value: value.into(),
        });
        self
    }

    /// An `hreflang` alternate (`lang` = BCP 47 code or `x-default`).
    pub fn alternate_language(
        &mut self,
        lang: impl Into<String>,
        href: impl Into<String>,
    ) -> &mut Self {
        self.links.push(HeadLink {
            rel: "alternate".into(),
            href: href.into(),
            hreflang: Some(lang.into()),
            mime: None,
            title: None,
        });
        self
    }

    /// A feed alternate (`<link rel="alternate" type="application/rss+xml" …>`).
    pub fn feed(&mut self, feed: &FeedLink) -> &mut Self {
        self.links.push(HeadLink {
            rel: "alternate".into(),
            href: feed.href.clone(),
            hreflang: None,
            mime: Some(feed.mime.to_owned()),
            title: Some(feed.title.clone()),
        });
        self
    }
}

/// One feed of a page (edition, section, tag or author), in three formats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeedLink {
    /// `rss`, `atom` or `json`.
    pub format: &'static str,
    pub mime: &'static str,
    /// Site-relative URL.
    pub href: String,
    pub title: String,
}

/// The feed URLs of a page whose own path is `base` (`/en`, `/en/section/world`, …):
/// `{base}/feed.rss`, `{base}/feed.atom`, `{base}/feed.json`. The syndication module
/// serves these paths; keeping the naming here lets every page link them already.
pub fn feed_links(base: &str, title: &str) -> Vec<FeedLink> {
    let base = base.trim_end_matches('/');
    [
        ("rss", "application/rss+xml"),
        ("atom", "application/atom+xml"),
        ("json", "application/feed+json"),
    ]
    .into_iter()
    .map(|(format, mime)| FeedLink {
        format,
        mime,
        href: format!("{base}/feed.{format}"),
        title: title.to_owned(),
    })
    .collect()
}

/// Everything the article page knows that structured data and social tags need, loaded
/// once by the page (no builder queries the store).
pub struct ArticleHead<'a> {
    /// Public base URL without trailing slash.
    pub base_url: &'a str,
    pub site_name: &'a str,
    pub edition: &'a newsdesk_core::Edition,
    pub article: &'a newsdesk_core::Article,
    pub section: Option<&'a newsdesk_core::Section>,
    pub tags: &'a [newsdesk_core::Tag],
    pub authors: &'a [newsdesk_core::Author],
    pub hero: Option<&'a newsdesk_core::Photo>,
    /// The article's social image, when it has one (share cards and JSON-LD show it
    /// instead of the hero).
    pub social_photo: Option<&'a newsdesk_core::Photo>,
    /// Published translations in other editions (for hreflang).
    pub translations: &'a [newsdesk_store::ArticleSummary],
    /// Code of the site's default edition (hreflang `x-default`).
    pub default_edition: Option<&'a str>,
}

/// Fills an article page's head: JSON-LD `NewsArticle` and `BreadcrumbList`, Open Graph
/// and Twitter tags, hreflang alternates (built by [`crate::syndication`]). The page has
/// already set `canonical`, `description`, `noindex` and the feed links.
pub fn article_head(head: &mut HeadMeta, input: &ArticleHead<'_>) {
    crate::syndication::article_head_with_default(head, input, input.default_edition);
}

/// Fills a listing page's head (fronts, sections, tags, authors): Open Graph `website`
/// tags. `head.canonical` must be set.
pub fn listing_head(
    head: &mut HeadMeta,
    base_url: &str,
    site_name: &str,
    edition: &newsdesk_core::Edition,
    title: &str,
    description: &str,
) {
    crate::syndication::listing_head(head, base_url, site_name, edition, title, description);
}
