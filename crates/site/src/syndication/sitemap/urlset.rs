//! Sitemap documents (protocol 0.9): a `urlset` with optional hreflang alternates, and a
//! `sitemapindex`.

use crate::syndication::hreflang::Alternate;
use crate::syndication::xml::XmlWriter;

pub const NS_SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
pub const NS_XHTML: &str = "http://www.w3.org/1999/xhtml";

/// One page in a sitemap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlEntry {
    /// Absolute URL.
    pub loc: String,
    /// W3C datetime (RFC 3339 with offset); for articles the same instant and text as
    /// JSON-LD `dateModified`.
    pub lastmod: Option<String>,
    /// hreflang alternates (empty for pages in one language only).
    pub alternates: Vec<Alternate>,
}

/// One sitemap listed in an index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    pub loc: String,
    pub lastmod: Option<String>,
}

pub fn render_urlset(entries: &[UrlEntry]) -> String {
    let with_alternates = entries.iter().any(|e| !e.alternates.is_empty());
    let mut w = XmlWriter::new();
    if with_alternates {
        w.open(
            "urlset",
            &[("xmlns", NS_SITEMAP), ("xmlns:xhtml", NS_XHTML)],
        );
    } else {
        w.open("urlset", &[("xmlns", NS_SITEMAP)]);
    }
    for e in entries {
        w.newline().open("url", &[]).text("loc", &e.loc);
        if let Some(lastmod) = &e.lastmod {
            w.text("lastmod", lastmod);
        }
        for a in &e.alternates {
            w.empty(
                "xhtml:link",
                &[
                    ("rel", "alternate"),
                    ("hreflang", &a.hreflang),
                    ("href", &a.href),
                ],
            );
        }
        w.close("url");
    }
    w.newline().close("urlset");
    w.finish()
}

pub fn render_index(entries: &[IndexEntry]) -> String {
    let mut w = XmlWriter::new();
    w.open("sitemapindex", &[("xmlns", NS_SITEMAP)]);
    for e in entries {
        w.newline().open("sitemap", &[]).text("loc", &e.loc);
        if let Some(lastmod) = &e.lastmod {
            w.text("lastmod", lastmod);
        }
        w.close("sitemap");
    }
    w.newline().close("sitemapindex");
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urlset_escapes_locations_and_declares_xhtml_only_when_used() {
        let plain = render_urlset(&[UrlEntry {
            loc: "https://n.example/a?x=1&y=<2>".into(),
            lastmod: None,
            alternates: vec![],
        }]);
        assert!(plain.contains("<loc>https://n.example/a?x=1&amp;y=&lt;2&gt;</loc>"));
        assert!(!plain.contains("xmlns:xhtml"));
        let alt = render_urlset(&[UrlEntry {
            loc: "https://n.example/en/a".into(),
            lastmod: Some("2026-11-27T09:00:00+00:00".into()),
            alternates: vec![Alternate {
                hreflang: "ru".into(),
                href: "https://n.example/ru/b".into(),
            }],
        }]);
        assert!(alt.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
        assert!(alt.contains(
            r#"<xhtml:link rel="alternate" hreflang="ru" href="https://n.example/ru/b"/>"#
        ));
        assert!(alt.contains("<lastmod>2026-11-27T09:00:00+00:00</lastmod>"));
    }

    #[test]
    fn index_lists_each_sitemap() {
        let doc = render_index(&[
            IndexEntry {
                loc: "https://n.example/sitemaps/en-articles-1.xml".into(),
                lastmod: None,
            },
            IndexEntry {
                loc: "https://n.example/sitemaps/en-articles-2.xml".into(),
                lastmod: None,
            },
        ]);
        assert_eq!(doc.matches("<sitemap>").count(), 2);
        assert!(doc.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    }
}
