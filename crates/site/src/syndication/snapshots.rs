//! Snapshots of what feed readers, crawlers and link previews read, built from the shared
//! fixture (fixed times, so nothing needs redacting). A change to any document shows up
//! as a reviewable diff in `snapshots/`.

use insta::assert_snapshot;

use super::feeds::{self, FeedScope};
use super::hreflang::Alternate;
use super::jsonld;
use super::site::Site;
use super::sitemap::news::{self, NewsEntry, Publication};
use super::sitemap::urlset::{UrlEntry, render_urlset};
use super::story::Story;
use super::story::fixtures::*;

fn site() -> Site {
    Site::new("https://news.example", "The Daily")
}

fn items() -> Vec<Story> {
    let mut older = story(41, "en");
    older.hero = None;
    older.authors.clear();
    vec![story(42, "en"), older]
}

fn meta(items: &[Story]) -> feeds::FeedMeta {
    feeds::feed_meta(
        &site(),
        &items[0].edition,
        &FeedScope::Edition,
        items,
        at(2020, 1, 1, 0),
    )
}

#[test]
fn rss_feed() {
    let items = items();
    assert_snapshot!(feeds::rss::render(&site(), &meta(&items), &items));
}

#[test]
fn atom_feed() {
    let items = items();
    assert_snapshot!(feeds::atom::render(&site(), &meta(&items), &items));
}

#[test]
fn json_feed() {
    let items = items();
    assert_snapshot!(feeds::json::render(&site(), &meta(&items), &items));
}

#[test]
fn news_article_jsonld() {
    let story = story(42, "en");
    let url = site().url(&story.path);
    let doc = jsonld::news_article(&site(), &story, &url);
    assert_snapshot!(serde_json::to_string_pretty(&doc).unwrap_or_default());
}

#[test]
fn article_sitemap_with_alternates() {
    let entries = [
        UrlEntry {
            loc: "https://news.example/en/2026/11/27/story-42-42".into(),
            lastmod: Some("2026-11-27T11:00:00+03:00".into()),
            alternates: vec![
                Alternate {
                    hreflang: "en".into(),
                    href: "https://news.example/en/2026/11/27/story-42-42".into(),
                },
                Alternate {
                    hreflang: "ru".into(),
                    href: "https://news.example/ru/2026/11/27/story-43-43".into(),
                },
                Alternate {
                    hreflang: "x-default".into(),
                    href: "https://news.example/en/2026/11/27/story-42-42".into(),
                },
            ],
        },
        UrlEntry {
            loc: "https://news.example/en/2026/11/26/story-41-41".into(),
            lastmod: Some("2026-11-26T10:00:00+03:00".into()),
            alternates: vec![],
        },
    ];
    assert_snapshot!(render_urlset(&entries));
}

#[test]
fn news_sitemap() {
    let now = at(2026, 11, 27, 12);
    let entries = [NewsEntry {
        loc: "https://news.example/en/2026/11/27/story-42-42".into(),
        title: "Leaders meet & agree".into(),
        publication_date: "2026-11-27T09:00:00+03:00".into(),
        published_at: at(2026, 11, 27, 6),
    }];
    let doc = news::build(
        &Publication {
            name: "The Daily".into(),
            language: "en".into(),
        },
        &entries,
        now,
        |n| format!("https://news.example/sitemaps/en-news-{n}.xml"),
    );
    assert_snapshot!(doc.main);
}
