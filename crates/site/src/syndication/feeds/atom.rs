//! Atom 1.0 (RFC 4287): stable `tag:` ids, `updated` on feed and entries, authors,
//! `self` and `alternate` links, and the WebSub `hub` when one is configured.

use atom_syndication::{
    Category, Content, Entry, Feed, FixedDateTime, Generator, Link, Person, Text,
};
use chrono::{DateTime, Utc};
use newsdesk_core::Edition;

use super::{FeedFormat, FeedMeta, absolutize_html, item_id};
use crate::syndication::site::{Site, paths};
use crate::syndication::story::Story;
use crate::syndication::xml::clean;

/// The feed as an Atom document.
pub fn render(site: &Site, meta: &FeedMeta, items: &[Story]) -> String {
    let entries: Vec<Entry> = items.iter().map(|s| entry(site, s)).collect();
    let mut links = vec![
        link(
            &meta.feed_url(FeedFormat::Atom),
            "self",
            FeedFormat::Atom.mime(),
        ),
        link(&meta.page_url, "alternate", "text/html"),
    ];
    // WebSub discovery (§4): the hub next to the topic's self URL.
    if let Some(hub) = &site.websub_hub {
        links.push(Link {
            href: hub.clone(),
            rel: "hub".into(),
            ..Link::default()
        });
    }
    let feed = Feed {
        title: Text::plain(clean(&meta.title)),
        id: meta.id.clone(),
        updated: fixed(meta.updated, &meta.edition),
        // The publication is the feed's author, so entries without a byline still have one.
        authors: vec![Person {
            name: clean(&site.site_name),
            uri: Some(site.url("/")),
            ..Person::default()
        }],
        links,
        subtitle: Some(Text::plain(clean(&meta.description))),
        generator: Some(Generator {
            value: "Newsdesk".into(),
            ..Generator::default()
        }),
        icon: Some(site.logo_url()),
        logo: Some(site.logo_url()),
        lang: Some(meta.edition.code.clone()),
        entries,
        ..Feed::default()
    };
    feed.to_string()
}

fn entry(site: &Site, story: &Story) -> Entry {
    let edition = &story.edition;
    let mut categories = Vec::new();
    if let Some(s) = &story.section {
        categories.push(Category {
            term: s.slug.clone(),
            scheme: Some(site.url(&paths::section(&s.edition, ""))),
            label: Some(clean(&s.name)),
        });
    }
    for t in &story.tags {
        categories.push(Category {
            term: t.slug.clone(),
            scheme: Some(site.url(&paths::tag(&t.edition, ""))),
            label: Some(clean(&t.name)),
        });
    }
    let content = (!story.content_html.is_empty()).then(|| Content {
        value: Some(clean(&absolutize_html(&story.content_html, site))),
        content_type: Some("html".into()),
        ..Content::default()
    });
    Entry {
        title: Text::plain(clean(&story.headline)),
        id: item_id(site, story),
        updated: fixed(story.modified_at, edition),
        published: Some(fixed(story.published_at, edition)),
        authors: story
            .authors
            .iter()
            .map(|a| Person {
                name: clean(&a.name),
                uri: Some(site.url(&paths::author(&edition.code, &a.slug))),
                ..Person::default()
            })
            .collect(),
        links: vec![link(&site.url(&story.path), "alternate", "text/html")],
        summary: Some(Text::plain(clean(story.summary()))),
        content,
        categories,
        ..Entry::default()
    }
}

fn link(href: &str, rel: &str, mime: &str) -> Link {
    Link {
        href: href.to_owned(),
        rel: rel.to_owned(),
        mime_type: Some(mime.to_owned()),
        ..Link::default()
    }
}

/// In the edition's offset, like the pages and JSON-LD.
fn fixed(at: DateTime<Utc>, edition: &Edition) -> FixedDateTime {
    at.with_timezone(&edition.tz()).fixed_offset()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syndication::feeds::{FeedScope, feed_meta};
    use crate::syndication::story::fixtures::*;

    fn render_fixture() -> (String, Vec<Story>) {
        let site = Site::new("https://news.example", "The Daily");
        let items = vec![story(42, "en"), story(41, "en")];
        let meta = feed_meta(
            &site,
            &items[0].edition,
            &FeedScope::Edition,
            &items,
            at(2020, 1, 1, 0),
        );
        (render(&site, &meta, &items), items)
    }

    #[test]
    fn parses_back_with_ids_updated_authors_and_links() {
        let (text, items) = render_fixture();
        let feed: Feed = match text.parse() {
            Ok(f) => f,
            Err(e) => panic!("{e}\n{text}"),
        };
        assert_eq!(feed.id, "tag:news.example,2026:feed:en");
        assert!(
            feed.links
                .iter()
                .any(|l| l.rel == "self" && l.href == "https://news.example/en/feed.atom")
        );
        assert!(
            feed.links
                .iter()
                .any(|l| l.rel == "alternate" && l.href == "https://news.example/en")
        );
        assert_eq!(feed.entries.len(), 2);
        let e = &feed.entries[0];
        assert_eq!(e.id, "tag:news.example,2026-11-26:article:42");
        assert_eq!(e.title.value, items[0].headline);
        assert_eq!(
            e.authors
                .iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>(),
            ["Ann Lee", "Omar Haddad"]
        );
        assert!(feed.entries.iter().all(|e| e.updated <= feed.updated));
        assert_eq!(e.updated.to_rfc3339(), "2026-11-27T11:00:00+03:00");
        assert!(
            e.content
                .as_ref()
                .and_then(|c| c.value.as_deref())
                .unwrap_or_default()
                .contains("https://news.example/en/x")
        );
    }

    #[test]
    fn a_configured_hub_is_linked_and_none_otherwise() {
        let items = vec![story(42, "en")];
        let hubs = |site: &Site| {
            let meta = feed_meta(
                site,
                &items[0].edition,
                &FeedScope::Edition,
                &items,
                at(2020, 1, 1, 0),
            );
            let feed: Feed = render(site, &meta, &items).parse().unwrap_or_default();
            feed.links
                .iter()
                .filter(|l| l.rel == "hub")
                .map(|l| l.href.clone())
                .collect::<Vec<_>>()
        };
        let plain = Site::new("https://news.example", "The Daily");
        assert!(hubs(&plain).is_empty());
        let hubbed = plain.with_hub(Some("https://hub.example/"));
        assert_eq!(hubs(&hubbed), ["https://hub.example/"]);
    }

    #[test]
    fn rerendering_gives_the_same_document() {
        assert_eq!(render_fixture().0, render_fixture().0);
    }
}
