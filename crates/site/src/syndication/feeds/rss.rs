//! RSS 2.0 with `atom:link rel=self` (and `rel=hub` for WebSub), `content:encoded`, `dc:creator` and Media RSS.

use std::collections::BTreeMap;

use rss::extension::{Extension, ExtensionMap};
use rss::{Category, Channel, Guid, Image, Item};

use super::{FeedFormat, FeedMeta, absolutize_html, item_id};
use crate::syndication::images;
use crate::syndication::site::{Site, paths};
use crate::syndication::story::Story;
use crate::syndication::time;
use crate::syndication::xml::clean;

const NS_ATOM: &str = "http://www.w3.org/2005/Atom";
const NS_CONTENT: &str = "http://purl.org/rss/1.0/modules/content/";
const NS_DC: &str = "http://purl.org/dc/elements/1.1/";
const NS_MEDIA: &str = "http://search.yahoo.com/mrss/";

/// The feed as an RSS 2.0 document.
pub fn render(site: &Site, meta: &FeedMeta, items: &[Story]) -> String {
    let mut channel = Channel {
        title: clean(&meta.title),
        link: meta.page_url.clone(),
        description: clean(&meta.description),
        language: Some(meta.edition.code.clone()),
        last_build_date: Some(time::rfc822(meta.updated)),
        pub_date: items.iter().map(|s| s.published_at).max().map(time::rfc822),
        generator: Some("Newsdesk".into()),
        ttl: Some("5".into()),
        image: Some(Image {
            url: site.logo_url(),
            title: clean(&meta.title),
            link: meta.page_url.clone(),
            // RSS caps the image at 144 px wide; leaving the size out lets readers scale it.
            width: None,
            height: None,
            description: None,
        }),
        items: items.iter().map(|s| item(site, s)).collect(),
        ..Channel::default()
    };
    channel.namespaces = BTreeMap::from([
        ("atom".to_owned(), NS_ATOM.to_owned()),
        ("content".to_owned(), NS_CONTENT.to_owned()),
        ("dc".to_owned(), NS_DC.to_owned()),
        ("media".to_owned(), NS_MEDIA.to_owned()),
    ]);
    let self_link = ext(
        "atom:link",
        &[
            ("href", &meta.feed_url(FeedFormat::Rss)),
            ("rel", "self"),
            ("type", FeedFormat::Rss.mime()),
        ],
        None,
    );
    let mut links = vec![self_link];
    // WebSub discovery (§4): the hub next to the topic's self URL.
    if let Some(hub) = &site.websub_hub {
        links.push(ext("atom:link", &[("href", hub), ("rel", "hub")], None));
    }
    channel.extensions = ext_map("atom", "link", links);
    // Writing to a Vec cannot fail for I/O reasons; quick-xml errors would be ours.
    match channel.write_to(Vec::new()).map(String::from_utf8) {
        Ok(Ok(text)) => text,
        Ok(Err(err)) => {
            tracing::error!(error = %err, "RSS writer produced invalid UTF-8");
            String::new()
        }
        Err(err) => {
            tracing::error!(error = %err, "RSS writer failed");
            String::new()
        }
    }
}

fn item(site: &Site, story: &Story) -> Item {
    let url = site.url(&story.path);
    let mut categories = Vec::new();
    if let Some(section) = &story.section {
        categories.push(Category {
            name: clean(&section.name),
            domain: Some(site.url(&paths::section(&section.edition, &section.slug))),
        });
    }
    for tag in &story.tags {
        categories.push(Category {
            name: clean(&tag.name),
            domain: Some(site.url(&paths::tag(&tag.edition, &tag.slug))),
        });
    }
    let mut extensions: ExtensionMap = BTreeMap::new();
    let creators: Vec<Extension> = story
        .authors
        .iter()
        .map(|a| ext("dc:creator", &[], Some(&a.name)))
        .collect();
    if !creators.is_empty() {
        extensions.insert(
            "dc".into(),
            BTreeMap::from([("creator".to_owned(), creators)]),
        );
    }
    if let Some(photo) = &story.hero {
        let img = images::feed_image(site, photo);
        let mut content = ext(
            "media:content",
            &[
                ("url", &img.url),
                ("type", &img.mime),
                ("medium", "image"),
                ("width", &img.width.to_string()),
                ("height", &img.height.to_string()),
            ],
            None,
        );
        let credit = photo.credit_line();
        if !credit.is_empty() {
            add_child(
                &mut content,
                ext(
                    "media:credit",
                    &[("role", "photographer"), ("scheme", "urn:ebu")],
                    Some(&credit),
                ),
            );
        }
        if !photo.copyright_notice.trim().is_empty() {
            add_child(
                &mut content,
                ext("media:copyright", &[], Some(&photo.copyright_notice)),
            );
        }
        if !photo.caption.trim().is_empty() {
            add_child(
                &mut content,
                ext(
                    "media:description",
                    &[("type", "plain")],
                    Some(&photo.caption),
                ),
            );
        }
        if !photo.alt_text.trim().is_empty() {
            add_child(
                &mut content,
                ext("media:text", &[("type", "plain")], Some(&photo.alt_text)),
            );
        }
        extensions.insert(
            "media".into(),
            BTreeMap::from([("content".to_owned(), vec![content])]),
        );
    }
    Item {
        title: Some(clean(&story.headline)),
        link: Some(url),
        // Feed readers render `<description>` as HTML: the lead is plain text, so it is
        // escaped, never passed through as markup.
        description: Some(crate::syndication::xml::escape(&clean(story.summary()))),
        guid: Some(Guid {
            value: item_id(site, story),
            permalink: false,
        }),
        pub_date: Some(time::rfc822(story.published_at)),
        categories,
        content: (!story.content_html.is_empty())
            .then(|| clean(&absolutize_html(&story.content_html, site))),
        extensions,
        ..Item::default()
    }
}

fn ext(name: &str, attrs: &[(&str, &str)], value: Option<&str>) -> Extension {
    Extension {
        name: name.to_owned(),
        value: value.map(clean),
        attrs: attrs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), clean(v)))
            .collect(),
        children: BTreeMap::new(),
    }
}

fn add_child(parent: &mut Extension, child: Extension) {
    parent
        .children
        .entry(child.name.clone())
        .or_default()
        .push(child);
}

fn ext_map(prefix: &str, name: &str, values: Vec<Extension>) -> ExtensionMap {
    BTreeMap::from([(
        prefix.to_owned(),
        BTreeMap::from([(name.to_owned(), values)]),
    )])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syndication::feeds::{FeedScope, feed_meta};
    use crate::syndication::story::fixtures::*;

    fn doc() -> (String, Vec<Story>) {
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
    fn parses_back_with_every_required_part() {
        let (text, items) = doc();
        let channel = Channel::read_from(text.as_bytes()).map_err(|e| e.to_string());
        let channel = match channel {
            Ok(c) => c,
            Err(e) => panic!("{e}\n{text}"),
        };
        assert_eq!(channel.title, "The Daily — EN");
        assert_eq!(channel.link, "https://news.example/en");
        assert!(!channel.description.is_empty());
        assert_eq!(channel.items.len(), 2);
        let item = &channel.items[0];
        assert_eq!(item.title.as_deref(), Some(items[0].headline.as_str()));
        assert_eq!(item.guid.as_ref().map(|g| g.permalink), Some(false));
        assert!(
            item.pub_date
                .as_deref()
                .is_some_and(|d| chrono::DateTime::parse_from_rfc2822(d).is_ok())
        );
        assert!(
            item.content
                .as_deref()
                .unwrap_or_default()
                .contains("https://news.example/en/x")
        );
        let self_link = &channel.extensions["atom"]["link"][0];
        assert_eq!(self_link.attrs["rel"], "self");
        assert_eq!(self_link.attrs["href"], "https://news.example/en/feed.rss");
        let creators = item
            .dublin_core_ext()
            .map(|dc| dc.creators.clone())
            .unwrap_or_default();
        assert_eq!(creators, ["Ann Lee", "Omar Haddad"]);
    }

    #[test]
    fn a_configured_hub_is_linked_next_to_self_and_none_otherwise() {
        let items = vec![story(42, "en")];
        let links = |site: &Site| {
            let meta = feed_meta(
                site,
                &items[0].edition,
                &FeedScope::Edition,
                &items,
                at(2020, 1, 1, 0),
            );
            let text = render(site, &meta, &items);
            let channel = Channel::read_from(text.as_bytes()).unwrap_or_default();
            channel.extensions["atom"]["link"]
                .iter()
                .map(|l| (l.attrs["rel"].clone(), l.attrs["href"].clone()))
                .collect::<Vec<_>>()
        };
        let plain = Site::new("https://news.example", "The Daily");
        assert_eq!(
            links(&plain),
            [("self".into(), "https://news.example/en/feed.rss".into())]
        );
        let hubbed = plain.with_hub(Some("https://hub.example/"));
        assert_eq!(
            links(&hubbed),
            [
                ("self".into(), "https://news.example/en/feed.rss".into()),
                ("hub".into(), "https://hub.example/".into())
            ]
        );
    }

    #[test]
    fn media_rss_carries_the_photo_its_credit_and_caption() {
        let (text, _) = doc();
        let channel = Channel::read_from(text.as_bytes()).unwrap_or_default();
        // The reader keys children by local name.
        let content = &channel.items[0].extensions["media"]["content"][0];
        assert_eq!(
            content.attrs["url"],
            "https://news.example/media/photos/9/w1280.jpg"
        );
        assert_eq!(content.attrs["medium"], "image");
        assert_eq!(
            (
                content.attrs["width"].as_str(),
                content.attrs["height"].as_str()
            ),
            ("1280", "960")
        );
        assert_eq!(
            content.children["credit"][0].value.as_deref(),
            Some("© AFP 2026 / Jane Doe")
        );
        assert_eq!(
            content.children["copyright"][0].value.as_deref(),
            Some("© AFP 2026")
        );
        assert_eq!(
            content.children["description"][0].value.as_deref(),
            Some("Crowds gather in the square <at dusk> & wait")
        );
    }

    #[test]
    fn the_item_description_is_html_escaped_text() {
        let (text, _) = doc();
        let feed = rss::Channel::read_from(text.as_bytes()).unwrap();
        let description = feed.items()[0].description().unwrap_or_default();
        assert_eq!(
            description,
            "The &quot;summit&quot; ends with a &lt;deal&gt;."
        );
        for payload in ["<img src=x onerror=alert(1)>", "<script>alert(1)</script>"] {
            let escaped = crate::syndication::xml::escape(payload);
            assert!(!escaped.contains('<'), "{escaped}");
        }
    }

    #[test]
    fn markup_in_text_is_escaped_not_interpreted() {
        let (text, _) = doc();
        assert!(text.contains("Leaders meet &lt;/script&gt;"));
        assert!(!text.contains("<script>"));
        assert!(text.contains("xmlns:media=\"http://search.yahoo.com/mrss/\""));
    }
}
