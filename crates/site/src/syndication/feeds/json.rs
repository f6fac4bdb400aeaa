//! JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>) as serde structs.

use serde::{Deserialize, Serialize};

use super::{FeedFormat, FeedMeta, absolutize_html, item_id};
use crate::syndication::images;
use crate::syndication::site::{Site, paths};
use crate::syndication::story::Story;
use crate::syndication::time;

pub const VERSION: &str = "https://jsonfeed.org/version/1.1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonFeed {
    pub version: String,
    pub title: String,
    pub home_page_url: String,
    pub feed_url: String,
    pub description: String,
    pub icon: String,
    pub favicon: String,
    pub language: String,
    pub authors: Vec<JsonAuthor>,
    /// WebSub hubs; left out when none is configured.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hubs: Vec<JsonHub>,
    pub items: Vec<JsonItem>,
}

/// A hub the feed is published through (`"type": "WebSub"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonHub {
    #[serde(rename = "type")]
    pub kind: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonAuthor {
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonItem {
    pub id: String,
    pub url: String,
    pub title: String,
    pub content_html: String,
    pub summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    pub date_published: String,
    pub date_modified: String,
    /// Left out when empty: the feed's `authors` (the publication) then apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<JsonAuthor>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub language: String,
}

pub fn feed(site: &Site, meta: &FeedMeta, items: &[Story]) -> JsonFeed {
    JsonFeed {
        version: VERSION.into(),
        title: meta.title.clone(),
        home_page_url: meta.page_url.clone(),
        feed_url: meta.feed_url(FeedFormat::Json),
        description: meta.description.clone(),
        icon: site.logo_url(),
        favicon: site.logo_url(),
        language: meta.edition.code.clone(),
        authors: vec![JsonAuthor {
            name: site.site_name.clone(),
            url: site.url("/"),
        }],
        hubs: site
            .websub_hub
            .iter()
            .map(|url| JsonHub {
                kind: "WebSub".into(),
                url: url.clone(),
            })
            .collect(),
        items: items.iter().map(|s| item(site, s)).collect(),
    }
}

fn item(site: &Site, story: &Story) -> JsonItem {
    let edition = &story.edition;
    // content_html is required in spirit (one of content_html/content_text must exist):
    // the lead stands in when a caller did not render the body.
    let content_html = if story.content_html.is_empty() {
        format!(
            "<p>{}</p>",
            crate::syndication::xml::escape(story.summary())
        )
    } else {
        absolutize_html(&story.content_html, site)
    };
    let mut tags: Vec<String> = story.section.iter().map(|s| s.name.clone()).collect();
    tags.extend(story.tags.iter().map(|t| t.name.clone()));
    JsonItem {
        id: item_id(site, story),
        url: site.url(&story.path),
        title: story.headline.clone(),
        content_html,
        summary: story.summary().to_owned(),
        image: story
            .hero
            .as_ref()
            .map(|p| images::share_image(site, p).url),
        date_published: time::rfc3339_in(story.published_at, edition),
        date_modified: time::rfc3339_in(story.modified_at, edition),
        authors: story
            .authors
            .iter()
            .map(|a| JsonAuthor {
                name: a.name.clone(),
                url: site.url(&paths::author(&edition.code, &a.slug)),
            })
            .collect(),
        tags,
        language: edition.code.clone(),
    }
}

/// The feed serialised; serde_json escapes every string, so no value can break it.
pub fn render(site: &Site, meta: &FeedMeta, items: &[Story]) -> String {
    serde_json::to_string_pretty(&feed(site, meta, items)).unwrap_or_else(|_| "{}".to_owned())
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::syndication::feeds::{FeedScope, feed_meta};
    use crate::syndication::story::fixtures::*;

    #[test]
    fn has_the_required_members_and_unique_string_ids() {
        let site = Site::new("https://news.example", "The Daily");
        let items = vec![story(42, "en"), story(41, "en")];
        let meta = feed_meta(
            &site,
            &items[0].edition,
            &FeedScope::Edition,
            &items,
            at(2020, 1, 1, 0),
        );
        let value: serde_json::Value =
            serde_json::from_str(&render(&site, &meta, &items)).unwrap_or_default();
        assert_eq!(value["version"], VERSION);
        assert_eq!(value["feed_url"], "https://news.example/en/feed.json");
        assert_eq!(value["language"], "en");
        let list = value["items"].as_array().cloned().unwrap_or_default();
        assert_eq!(list.len(), 2);
        let ids: HashSet<&str> = list.iter().filter_map(|i| i["id"].as_str()).collect();
        assert_eq!(ids.len(), 2);
        for i in &list {
            assert!(i["content_html"].as_str().is_some_and(|s| !s.is_empty()));
            assert!(
                i["date_published"]
                    .as_str()
                    .is_some_and(|d| chrono::DateTime::parse_from_rfc3339(d).is_ok())
            );
        }
        assert_eq!(
            list[0]["image"],
            "https://news.example/media/photos/9/c16x9-w1200.jpg"
        );
        assert_eq!(
            list[0]["tags"],
            serde_json::json!(["World & Politics", "Summit", "Trade <deals>"])
        );
        assert_eq!(
            list[0]["authors"][0]["url"],
            "https://news.example/en/author/ann-lee"
        );
        assert!(value.get("hubs").is_none());
    }

    #[test]
    fn a_configured_hub_is_listed_as_websub() {
        let site =
            Site::new("https://news.example", "The Daily").with_hub(Some("https://hub.example/"));
        let items = vec![story(42, "en")];
        let meta = feed_meta(
            &site,
            &items[0].edition,
            &FeedScope::Edition,
            &items,
            at(2020, 1, 1, 0),
        );
        let value: serde_json::Value =
            serde_json::from_str(&render(&site, &meta, &items)).unwrap_or_default();
        assert_eq!(
            value["hubs"],
            serde_json::json!([{"type": "WebSub", "url": "https://hub.example/"}])
        );
        assert_eq!(value["feed_url"], "https://news.example/en/feed.json");
    }
}
