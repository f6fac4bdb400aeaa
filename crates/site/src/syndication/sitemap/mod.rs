//! `robots.txt`, the sitemap index, per-edition article sitemaps, the sitemap of listing
//! pages, and Google News sitemaps. Documents are built by pure functions here; the
//! handlers in [`super::routes`] load the rows.

pub mod news;
pub mod split;
pub mod urlset;

use chrono::{DateTime, Utc};
use newsdesk_core::Edition;

use super::site::Site;
use super::time;
use urlset::{IndexEntry, UrlEntry, render_index, render_urlset};

/// A file under `/sitemaps/`, parsed from its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SitemapFile {
    /// `{edition}-articles-{n}.xml`
    Articles { edition: String, n: usize },
    /// `{edition}-news-{n}.xml`: part of a split News sitemap.
    News { edition: String, n: usize },
    /// `pages.xml`: front pages, sections, tags and authors of every edition.
    Pages,
}

impl SitemapFile {
    /// Parses a file name; edition codes may contain `-` (`pt-BR`), so the number and the
    /// kind are taken from the end.
    pub fn parse(name: &str) -> Option<Self> {
        let stem = name.strip_suffix(".xml")?;
        if stem == "pages" {
            return Some(Self::Pages);
        }
        let (rest, n) = stem.rsplit_once('-')?;
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || n.starts_with('0') {
            return None;
        }
        let n: usize = n.parse().ok()?;
        if let Some(edition) = rest.strip_suffix("-articles") {
            return (!edition.is_empty()).then(|| Self::Articles {
                edition: edition.to_owned(),
                n,
            });
        }
        let edition = rest.strip_suffix("-news")?;
        (!edition.is_empty()).then(|| Self::News {
            edition: edition.to_owned(),
            n,
        })
    }

    pub fn path(&self) -> String {
        match self {
            Self::Articles { edition, n } => format!("/sitemaps/{edition}-articles-{n}.xml"),
            Self::News { edition, n } => format!("/sitemaps/{edition}-news-{n}.xml"),
            Self::Pages => "/sitemaps/pages.xml".to_owned(),
        }
    }
}

pub const INDEX_PATH: &str = "/sitemap.xml";

pub fn news_path(edition: &str) -> String {
    format!("/{edition}/news-sitemap.xml")
}

/// What the index needs to know about one edition's articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditionArticles {
    pub edition: Edition,
    /// Published articles.
    pub count: usize,
    /// The newest change among them.
    pub last_modified: Option<DateTime<Utc>>,
}

/// The sitemap index: every edition's article sitemaps (split at `per_file` URLs), then
/// the listing pages' sitemap. News sitemaps are announced in `robots.txt` instead: a
/// News sitemap may itself be an index, and indexes cannot nest.
pub fn index(
    site: &Site,
    editions: &[EditionArticles],
    per_file: usize,
    pages_modified: Option<DateTime<Utc>>,
) -> String {
    let mut entries = Vec::new();
    for e in editions {
        let lastmod = e.last_modified.map(|t| time::rfc3339_in(t, &e.edition));
        for n in 1..=split::file_count(e.count, per_file) {
            let file = SitemapFile::Articles {
                edition: e.edition.code.clone(),
                n,
            };
            entries.push(IndexEntry {
                loc: site.url(&file.path()),
                lastmod: lastmod.clone(),
            });
        }
    }
    entries.push(IndexEntry {
        loc: site.url(&SitemapFile::Pages.path()),
        lastmod: pages_modified.map(time::rfc3339_utc),
    });
    render_index(&entries)
}

/// All article sitemaps of one edition at once, with their index: what the served,
/// paged files add up to. Used to test the split end to end.
pub fn split_articles(
    site: &Site,
    edition: &str,
    entries: &[UrlEntry],
    per_file: usize,
) -> (String, Vec<String>) {
    let files: Vec<String> = split::split(entries, per_file)
        .into_iter()
        .map(render_urlset)
        .collect();
    let index: Vec<IndexEntry> = (1..=files.len())
        .map(|n| IndexEntry {
            loc: site.url(
                &SitemapFile::Articles {
                    edition: edition.to_owned(),
                    n,
                }
                .path(),
            ),
            lastmod: None,
        })
        .collect();
    (render_index(&index), files)
}

/// `robots.txt`: keep crawlers out of the newsroom and the APIs, and announce the
/// sitemap index and every edition's News sitemap.
pub fn robots_txt(site: &Site, editions: &[Edition]) -> String {
    let mut out = String::from("User-agent: *\nDisallow: /admin\nDisallow: /api\nAllow: /\n\n");
    out.push_str(&format!("Sitemap: {}\n", site.url(INDEX_PATH)));
    for e in editions {
        out.push_str(&format!("Sitemap: {}\n", site.url(&news_path(&e.code))));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syndication::story::fixtures::{at, edition};

    fn site() -> Site {
        Site::new("https://n.example", "The Daily")
    }

    #[test]
    fn file_names_round_trip_and_junk_is_refused() {
        for f in [
            SitemapFile::Articles {
                edition: "pt-BR".into(),
                n: 12,
            },
            SitemapFile::News {
                edition: "en".into(),
                n: 1,
            },
            SitemapFile::Pages,
        ] {
            let path = f.path();
            let name = path.trim_start_matches("/sitemaps/");
            assert_eq!(SitemapFile::parse(name), Some(f));
        }
        for bad in [
            "en-articles-0.xml",
            "en-articles-01.xml",
            "-articles-1.xml",
            "en-articles-x.xml",
            "en-articles-1",
            "en-other-1.xml",
            "../etc.xml",
            "en-articles-99999999999999999999999.xml",
        ] {
            assert_eq!(SitemapFile::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn fifty_thousand_and_one_articles_make_an_index_and_two_files() {
        let entries: Vec<UrlEntry> = (0..50_001)
            .map(|i| UrlEntry {
                loc: format!("https://n.example/en/2026/11/27/story-{i}"),
                lastmod: Some("2026-11-27T09:00:00+00:00".into()),
                alternates: vec![],
            })
            .collect();
        let (index, files) = split_articles(&site(), "en", &entries, split::MAX_URLS);
        assert_eq!(files.len(), 2);
        assert_eq!(index.matches("<sitemap>").count(), 2);
        assert!(index.contains("<loc>https://n.example/sitemaps/en-articles-2.xml</loc>"));
        assert_eq!(files[0].matches("<url>").count(), 50_000);
        assert_eq!(files[1].matches("<url>").count(), 1);
        assert!(files.iter().all(|f| f.len() <= split::MAX_BYTES));
    }

    #[test]
    fn index_lists_article_files_per_edition_then_pages() {
        let editions = [
            EditionArticles {
                edition: edition("en", "UTC", true),
                count: 100_001,
                last_modified: Some(at(2026, 11, 27, 9)),
            },
            EditionArticles {
                edition: edition("ar", "UTC", false),
                count: 0,
                last_modified: None,
            },
        ];
        let doc = index(&site(), &editions, split::MAX_URLS, None);
        assert_eq!(doc.matches("<sitemap>").count(), 4);
        assert!(doc.contains("en-articles-3.xml"));
        assert!(!doc.contains("ar-articles"));
        assert!(doc.contains("<loc>https://n.example/sitemaps/pages.xml</loc>"));
        assert!(doc.contains("<lastmod>2026-11-27T09:00:00+00:00</lastmod>"));
    }

    #[test]
    fn robots_names_the_index_and_news_sitemaps_and_keeps_out_admin() {
        let txt = robots_txt(
            &site(),
            &[edition("en", "UTC", true), edition("ar", "UTC", false)],
        );
        assert!(txt.contains("Disallow: /admin\n"));
        assert!(txt.contains("Disallow: /api\n"));
        assert!(txt.contains("Sitemap: https://n.example/sitemap.xml\n"));
        assert!(txt.contains("Sitemap: https://n.example/ar/news-sitemap.xml\n"));
    }
}
