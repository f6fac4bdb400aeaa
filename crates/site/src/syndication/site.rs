//! The site-wide facts every syndication builder needs (base URL, name) and the public
//! URL scheme of the pages feeds and sitemaps point at, kept in one place so a feed, a
//! sitemap and a page head can never disagree about an address.

use newsdesk_app::AppConfig;

/// Base URL and publication name, taken from [`AppConfig`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// Scheme and host (and optional path prefix), no trailing slash.
    pub base_url: String,
    /// The publication's name: JSON-LD publisher, `og:site_name`, Google News `news:name`.
    pub site_name: String,
    /// The WebSub hub every feed names as `rel="hub"` (`AppConfig::websub_hub`); None:
    /// feeds name no hub.
    pub websub_hub: Option<String>,
}

/// Where the publisher logo is served (a PNG, see [`super::logo`]).
pub const LOGO_PATH: &str = "/publisher-logo.png";

impl Site {
    pub fn new(base_url: &str, site_name: &str) -> Self {
        Self {
            base_url: base_url.trim_end_matches('/').to_owned(),
            site_name: site_name.to_owned(),
            websub_hub: None,
        }
    }

    pub fn from_config(config: &AppConfig) -> Self {
        Self::new(&config.base_url, &config.site_name).with_hub(newsdesk_app::websub::hub(config))
    }

    /// With `hub` as the feeds' WebSub hub.
    pub fn with_hub(mut self, hub: Option<&str>) -> Self {
        self.websub_hub = hub.map(str::to_owned);
        self
    }

    /// Absolute URL of a site-relative path (`/en/…`). Already absolute URLs pass through,
    /// so callers may hand in either.
    pub fn url(&self, path: &str) -> String {
        if path.starts_with("http://") || path.starts_with("https://") {
            return path.to_owned();
        }
        if path.starts_with('/') {
            format!("{}{path}", self.base_url)
        } else {
            format!("{}/{path}", self.base_url)
        }
    }

    /// Absolute URL of an object in media storage (served under `/media/`).
    pub fn media_url(&self, key: &str) -> String {
        format!("{}/media/{}", self.base_url, key.trim_start_matches('/'))
    }

    pub fn logo_url(&self) -> String {
        self.url(LOGO_PATH)
    }

    /// The host part of the base URL, used in `tag:` URIs (RFC 4151) for stable feed ids.
    pub fn host(&self) -> &str {
        let rest = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, r)| r);
        let host = rest.split('/').next().unwrap_or(rest);
        // A port is not part of a tagging authority.
        host.rsplit_once(':')
            .filter(|(_, p)| p.bytes().all(|b| b.is_ascii_digit()))
            .map_or(host, |(h, _)| h)
    }
}

/// Public page paths. They mirror the reading site's routes; feeds hang off them as
/// `{page}/feed.{rss,atom,json}` (see [`crate::head::feed_links`]).
pub mod paths {
    pub fn edition(edition: &str) -> String {
        format!("/{edition}")
    }

    pub fn section(edition: &str, slug: &str) -> String {
        format!("/{edition}/section/{slug}")
    }

    pub fn tag(edition: &str, slug: &str) -> String {
        format!("/{edition}/tag/{slug}")
    }

    /// Authors write for every edition; each edition has its own page of them (the
    /// reading site keeps readers in their edition).
    pub fn author(edition: &str, slug: &str) -> String {
        format!("/{edition}/author/{slug}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_absolute_and_never_doubled() {
        let site = Site::new("https://news.example.com/", "Daily");
        assert_eq!(site.url("/en/x"), "https://news.example.com/en/x");
        assert_eq!(site.url("en/x"), "https://news.example.com/en/x");
        assert_eq!(
            site.url("https://other.example/x"),
            "https://other.example/x"
        );
        assert_eq!(
            site.media_url("photos/1/a.jpg"),
            "https://news.example.com/media/photos/1/a.jpg"
        );
        assert_eq!(
            site.logo_url(),
            "https://news.example.com/publisher-logo.png"
        );
    }

    #[test]
    fn host_drops_scheme_port_and_path() {
        assert_eq!(Site::new("http://127.0.0.1:8080", "x").host(), "127.0.0.1");
        assert_eq!(
            Site::new("https://example.com/news", "x").host(),
            "example.com"
        );
    }
}
