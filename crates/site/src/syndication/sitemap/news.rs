//! Google News sitemaps: the edition's articles of the last two days, at most 1,000 a
//! file, split through an index when there are more.

use chrono::{DateTime, Duration, Utc};

use super::split::{NEWS_MAX_URLS, split};
use super::urlset::{IndexEntry, NS_SITEMAP, render_index};
use crate::syndication::xml::XmlWriter;

pub const NS_NEWS: &str = "http://www.google.com/schemas/sitemap-news/0.9";

/// Google News keeps an article in a News sitemap for two days after publication.
pub const NEWS_WINDOW_HOURS: i64 = 48;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewsEntry {
    /// Absolute article URL.
    pub loc: String,
    pub title: String,
    /// W3C datetime of first publication.
    pub publication_date: String,
    pub published_at: DateTime<Utc>,
}

/// `news:publication`: the name exactly as registered with Google News (the site name,
/// the same in every edition) and the edition's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    pub name: String,
    pub language: String,
}

/// The oldest publication time still in a News sitemap at `now`.
pub fn window_start(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::hours(NEWS_WINDOW_HOURS)
}

/// `news:language`: ISO 639 (the edition's primary subtag), except Chinese, which Google
/// tells apart as `zh-cn` (simplified) and `zh-tw` (traditional).
pub fn news_language(edition_code: &str) -> String {
    let lower = edition_code.to_ascii_lowercase();
    let mut parts = lower.split('-');
    let primary = parts.next().unwrap_or(&lower).to_owned();
    if primary != "zh" {
        return primary;
    }
    let traditional = parts.any(|p| matches!(p, "hant" | "tw" | "hk" | "mo"));
    if traditional {
        "zh-tw".into()
    } else {
        "zh-cn".into()
    }
}

/// The documents of one edition's News sitemap. `main` is what `/{edition}/news-sitemap.xml`
/// serves: the `urlset` itself, or an index of `parts` when there are more than 1,000.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewsSitemap {
    pub main: String,
    pub parts: Vec<String>,
}

/// Builds the News sitemap from `entries` (any order), keeping those inside the window
/// at `now`, newest first. `part_url(n)` is the absolute URL of part `n` (1-based).
pub fn build(
    publication: &Publication,
    entries: &[NewsEntry],
    now: DateTime<Utc>,
    part_url: impl Fn(usize) -> String,
) -> NewsSitemap {
    let start = window_start(now);
    let mut recent: Vec<&NewsEntry> = entries
        .iter()
        .filter(|e| e.published_at >= start && e.published_at <= now)
        .collect();
    recent.sort_by(|a, b| {
        b.published_at
            .cmp(&a.published_at)
            .then_with(|| a.loc.cmp(&b.loc))
    });
    if recent.len() <= NEWS_MAX_URLS {
        return NewsSitemap {
            main: render(publication, &recent),
            parts: Vec::new(),
        };
    }
    let parts: Vec<String> = split(&recent, NEWS_MAX_URLS)
        .into_iter()
        .map(|chunk| render(publication, chunk))
        .collect();
    NewsSitemap {
        main: parts_index(parts.len(), part_url),
        parts,
    }
}

/// One News sitemap file: `entries` as given (the store's newest first), at most
/// [`NEWS_MAX_URLS`] of them by the caller's query.
pub fn render_file(publication: &Publication, entries: &[NewsEntry]) -> String {
    let refs: Vec<&NewsEntry> = entries.iter().collect();
    render(publication, &refs)
}

/// The index of a News sitemap split into `parts` files; `part_url(n)` is the absolute
/// URL of part `n` (1-based).
pub fn parts_index(parts: usize, part_url: impl Fn(usize) -> String) -> String {
    let index: Vec<IndexEntry> = (1..=parts)
        .map(|n| IndexEntry {
            loc: part_url(n),
            lastmod: None,
        })
        .collect();
    render_index(&index)
}

fn render(publication: &Publication, entries: &[&NewsEntry]) -> String {
    let mut w = XmlWriter::new();
    w.open("urlset", &[("xmlns", NS_SITEMAP), ("xmlns:news", NS_NEWS)]);
    for e in entries {
        w.newline().open("url", &[]).text("loc", &e.loc);
        w.open("news:news", &[]);
        w.open("news:publication", &[])
            .text("news:name", &publication.name)
            .text("news:language", &publication.language);
        w.close("news:publication");
        w.text("news:publication_date", &e.publication_date)
            .text("news:title", &e.title);
        w.close("news:news").close("url");
    }
    w.newline().close("urlset");
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syndication::story::fixtures::at;

    fn entry(i: i64, published_at: DateTime<Utc>) -> NewsEntry {
        NewsEntry {
            loc: format!("https://n.example/en/a-{i}"),
            title: format!("Story {i} & more"),
            publication_date: published_at.to_rfc3339(),
            published_at,
        }
    }

    fn publication() -> Publication {
        Publication {
            name: "The Daily".into(),
            language: "en".into(),
        }
    }

    #[test]
    fn only_the_last_two_days_are_listed_with_every_required_child() {
        let now = at(2026, 11, 27, 12);
        let entries = [
            entry(1, at(2026, 11, 27, 11)),
            entry(2, at(2026, 11, 25, 13)),
            entry(3, at(2026, 11, 25, 11)),
        ];
        let doc = build(&publication(), &entries, now, |n| {
            format!("https://n.example/p{n}.xml")
        });
        assert!(doc.parts.is_empty());
        assert_eq!(doc.main.matches("<url>").count(), 2);
        assert!(!doc.main.contains("a-3<"));
        for child in [
            "<news:name>The Daily</news:name>",
            "<news:language>en</news:language>",
            "<news:publication_date>",
            "<news:title>Story 1 &amp; more</news:title>",
        ] {
            assert!(doc.main.contains(child), "{child}");
        }
    }

    #[test]
    fn more_than_a_thousand_split_through_an_index() {
        let now = at(2026, 11, 27, 12);
        let entries: Vec<NewsEntry> = (0..1_001)
            .map(|i| entry(i, now - Duration::minutes(i)))
            .collect();
        let doc = build(&publication(), &entries, now, |n| {
            format!("https://n.example/sitemaps/en-news-{n}.xml")
        });
        assert!(doc.main.contains("<sitemapindex"));
        assert_eq!(doc.main.matches("<sitemap>").count(), 2);
        assert_eq!(doc.parts.len(), 2);
        assert_eq!(doc.parts[0].matches("<url>").count(), 1_000);
        assert_eq!(doc.parts[1].matches("<url>").count(), 1);
        // Newest first: the oldest item is the one left for the second file.
        assert!(doc.parts[1].contains("a-1000<"));
    }

    #[test]
    fn languages_follow_google_news_codes() {
        assert_eq!(news_language("en"), "en");
        assert_eq!(news_language("pt-BR"), "pt");
        assert_eq!(news_language("zh-Hant"), "zh-tw");
        assert_eq!(news_language("zh-Hans"), "zh-cn");
        assert_eq!(news_language("zh"), "zh-cn");
    }
}
