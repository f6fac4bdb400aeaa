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
use urlset::{IndexEntry, render_index};

/// A file under `/sitemaps/`, parsed from its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SitemapFile {
    /// `{edition}-articles-{first}-{last}.xml`: the edition's published articles with an
    /// id in `first..=last`, block `block` of [`split::ARTICLE_ID_BLOCK`] ids.
    Articles { edition: String, block: i64 },
    /// `{edition}-articles-{n}.xml`: the name of the n-th file when files were windows
    /// over the newest-first list, whose contents shifted with every publish. Answered
    /// 410 Gone: which block now holds what such a file held cannot be told.
    RetiredArticles { edition: String, n: usize },
    /// `{edition}-news-{n}.xml`: part of a split News sitemap.
    News { edition: String, n: usize },
    /// `pages.xml`: front pages, sections, tags and authors of every edition.
    Pages,
}

/// A number as file names spell it: digits without a leading zero (but `0` itself).
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if text.len() > 1 && text.starts_with('0') {
        return None;
    }
    text.parse().ok()
}

impl SitemapFile {
    /// Parses a file name; edition codes may contain `-` (`pt-BR`), so the numbers and
    /// the kind are taken from the end. Only canonical names parse: one spelling per file.
    pub fn parse(name: &str) -> Option<Self> {
        let stem = name.strip_suffix(".xml")?;
        if stem == "pages" {
            return Some(Self::Pages);
        }
        let (rest, last) = stem.rsplit_once('-')?;
        let last = number(last)?;
        if let Some((head, first)) = rest.rsplit_once('-')
            && let Some(first) = number(first)
            && let Some(edition) = head.strip_suffix("-articles")
        {
            let block = i64::try_from(first).ok()? / split::ARTICLE_ID_BLOCK;
            let (from, to) = split::block_range(block)?;
            let exact = u64::try_from(from).ok()? == first && u64::try_from(to - 1).ok()? == last;
            return (exact && !edition.is_empty()).then(|| Self::Articles {
                edition: edition.to_owned(),
                block,
            });
        }
        let n = usize::try_from(last).ok().filter(|n| *n > 0)?;
        if let Some(edition) = rest.strip_suffix("-articles") {
            return (!edition.is_empty()).then(|| Self::RetiredArticles {
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
            Self::Articles { edition, block } => {
                let (from, to) = split::block_range(*block).unwrap_or_default();
                format!("/sitemaps/{edition}-articles-{from}-{}.xml", to - 1)
            }
            Self::RetiredArticles { edition, n } => format!("/sitemaps/{edition}-articles-{n}.xml"),
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
    /// The blocks of [`split::ARTICLE_ID_BLOCK`] ids holding at least one published
    /// article of the edition, in order.
    pub blocks: Vec<i64>,
    /// Articles in the edition's News sitemap now (the last two days).
    pub news: usize,
}

/// The sitemap index: every edition's article sitemaps (one per non-empty block of ids),
/// its News sitemap, then the listing pages' sitemap. Indexes cannot nest, so where the
/// News sitemap is itself an index (past 1,000 articles) its files are listed instead;
/// an edition with nothing in the last two days lists none (an empty urlset is not a
/// valid sitemap, though robots.txt still announces its address for when it fills).
///
/// Article files carry no `lastmod` here: a file's newest change is the newest among its
/// up to 10,000 rows, and finding it for every file means reading every published row of
/// the archive (1.3 s at 1,000,000 articles on SQLite) on each request. Crawlers read each
/// file's own `<lastmod>`s; a wrong or coarse date here would teach them to ignore it.
pub fn index(
    site: &Site,
    editions: &[EditionArticles],
    pages_modified: Option<DateTime<Utc>>,
) -> String {
    let mut entries = Vec::new();
    for e in editions {
        for block in &e.blocks {
            let file = SitemapFile::Articles {
                edition: e.edition.code.clone(),
                block: *block,
            };
            entries.push(IndexEntry {
                loc: site.url(&file.path()),
                lastmod: None,
            });
        }
        entries.extend(
            news_files(&e.edition.code, e.news)
                .into_iter()
                .map(|path| IndexEntry {
                    loc: site.url(&path),
                    lastmod: None,
                }),
        );
    }
    entries.push(IndexEntry {
        loc: site.url(&SitemapFile::Pages.path()),
        lastmod: pages_modified.map(time::rfc3339_utc),
    });
    render_index(&entries)
}

/// The News sitemap files of an edition with `news` articles in its window: none, the one
/// News sitemap, or its parts when it is an index.
fn news_files(edition: &str, news: usize) -> Vec<String> {
    match news {
        0 => Vec::new(),
        n if n <= split::NEWS_MAX_URLS => vec![news_path(edition)],
        n => (1..=split::news_file_count(n))
            .map(|n| {
                SitemapFile::News {
                    edition: edition.to_owned(),
                    n,
                }
                .path()
            })
            .collect(),
    }
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
    use crate::syndication::story::fixtures::edition;

    fn site() -> Site {
        Site::new("https://n.example", "The Daily")
    }

    #[test]
    fn file_names_round_trip_and_junk_is_refused() {
        for f in [
            SitemapFile::Articles {
                edition: "pt-BR".into(),
                block: 12,
            },
            SitemapFile::Articles {
                edition: "en".into(),
                block: 0,
            },
            SitemapFile::RetiredArticles {
                edition: "en".into(),
                n: 3,
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
        assert_eq!(
            SitemapFile::parse("pt-BR-articles-120000-129999.xml"),
            Some(SitemapFile::Articles {
                edition: "pt-BR".into(),
                block: 12
            })
        );
        for bad in [
            "en-articles-0.xml",
            "en-articles-01.xml",
            "-articles-1.xml",
            "en-articles-x.xml",
            "en-articles-1",
            "en-other-1.xml",
            "../etc.xml",
            "en-articles-99999999999999999999999.xml",
            // Not a block: misaligned, the wrong width, leading zeros, no edition.
            "en-articles-5-10004.xml",
            "en-articles-0-19999.xml",
            "en-articles-00-9999.xml",
            "-articles-0-9999.xml",
            "en-articles-92233720368547750000-92233720368547759999.xml",
        ] {
            assert_eq!(SitemapFile::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn index_lists_one_file_per_non_empty_block_then_pages() {
        let editions = [
            EditionArticles {
                edition: edition("en", "UTC", true),
                blocks: vec![0, 1, 7],
                news: 0,
            },
            EditionArticles {
                edition: edition("ar", "UTC", false),
                blocks: vec![],
                news: 0,
            },
        ];
        let doc = index(&site(), &editions, None);
        assert_eq!(doc.matches("<sitemap>").count(), 4);
        assert!(doc.contains("<loc>https://n.example/sitemaps/en-articles-70000-79999.xml</loc>"));
        assert!(!doc.contains("en-articles-20000"));
        assert!(!doc.contains("ar-articles"));
        assert!(doc.contains("<loc>https://n.example/sitemaps/pages.xml</loc>"));
    }

    #[test]
    fn fifty_thousand_and_one_articles_make_an_index_and_files_within_the_limits() {
        use std::collections::BTreeMap;
        use urlset::{UrlEntry, render_urlset};
        let mut files: BTreeMap<i64, Vec<UrlEntry>> = BTreeMap::new();
        for id in 1..=50_001i64 {
            files
                .entry(id / split::ARTICLE_ID_BLOCK)
                .or_default()
                .push(UrlEntry {
                    loc: format!("https://n.example/en/2026/11/27/story-{id}"),
                    lastmod: Some("2026-11-27T09:00:00+00:00".into()),
                    alternates: vec![],
                });
        }
        let blocks: Vec<i64> = files.keys().copied().collect();
        let doc = index(
            &site(),
            &[EditionArticles {
                edition: edition("en", "UTC", true),
                blocks,
                news: 0,
            }],
            None,
        );
        assert_eq!(doc.matches("<sitemap>").count(), files.len() + 1);
        let mut total = 0;
        for entries in files.values() {
            let file = render_urlset(entries);
            let urls = file.matches("<url>").count();
            assert!(urls <= split::MAX_URLS && file.len() <= split::MAX_BYTES);
            total += urls;
        }
        assert_eq!(total, 50_001);
    }

    #[test]
    fn the_index_lists_news_sitemaps_or_their_parts_never_an_index() {
        let with_news = |code: &str, news| EditionArticles {
            edition: edition(code, "UTC", false),
            blocks: vec![0],
            news,
        };
        let doc = index(
            &site(),
            &[
                with_news("en", 12),
                with_news("ru", 0),
                with_news("ar", 2_001),
            ],
            None,
        );
        assert!(doc.contains("<loc>https://n.example/en/news-sitemap.xml</loc>"));
        // Nothing in the last two days: no file (an empty urlset is not a valid sitemap).
        assert!(!doc.contains("/ru/news-sitemap.xml"));
        // Past 1,000 the News sitemap is an index: its three parts are listed instead.
        assert!(!doc.contains("/ar/news-sitemap.xml"));
        for n in 1..=3 {
            assert!(doc.contains(&format!(
                "<loc>https://n.example/sitemaps/ar-news-{n}.xml</loc>"
            )));
        }
        assert!(!doc.contains("ar-news-4.xml"));
        assert_eq!(doc.matches("<sitemap>").count(), 3 + 1 + 3 + 1);
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
