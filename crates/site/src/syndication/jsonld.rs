//! schema.org structured data for article pages: `NewsArticle` and `BreadcrumbList`,
//! serialised with serde_json and made safe to print inside `<script>`.

use serde::Serialize;
use serde_json::{Value, json};

use super::images;
use super::logo;
use super::site::{Site, paths};
use super::story::Story;
use super::time;

/// `NewsArticle` for `story`, whose canonical URL is `url`.
pub fn news_article(site: &Site, story: &Story, url: &str) -> Value {
    let edition = &story.edition;
    let mut doc = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": format!("{url}#article"),
        "mainEntityOfPage": { "@type": "WebPage", "@id": url },
        "url": url,
        "headline": story.headline,
        "datePublished": time::rfc3339_in(story.published_at, edition),
        "dateModified": time::rfc3339_in(story.modified_at, edition),
        "inLanguage": edition.code,
        "isAccessibleForFree": true,
        "publisher": publisher(site),
        "author": authors(site, story),
    });
    let Value::Object(map) = &mut doc else {
        return doc;
    };
    if !story.lead.trim().is_empty() {
        map.insert("description".into(), Value::String(story.lead.clone()));
    }
    if let Some(photo) = &story.hero {
        let urls: Vec<Value> = images::jsonld_images(site, photo)
            .into_iter()
            .map(|i| Value::String(i.url))
            .collect();
        map.insert("image".into(), Value::Array(urls));
    }
    if let Some(section) = &story.section {
        map.insert("articleSection".into(), Value::String(section.name.clone()));
    }
    if !story.tags.is_empty() {
        let keywords: Vec<Value> = story
            .tags
            .iter()
            .map(|t| Value::String(t.name.clone()))
            .collect();
        map.insert("keywords".into(), Value::Array(keywords));
    }
    doc
}

/// The publisher: the site as an `Organization` with its PNG logo.
pub fn publisher(site: &Site) -> Value {
    json!({
        "@type": "Organization",
        "name": site.site_name,
        "url": site.url("/"),
        "logo": {
            "@type": "ImageObject",
            "url": site.logo_url(),
            "width": logo::SIZE,
            "height": logo::SIZE,
        },
    })
}

/// One `Person` per byline, each with the author page as `url` (Google uses it to tell
/// authors of the same name apart). An article without bylines is the publication's own.
fn authors(site: &Site, story: &Story) -> Value {
    if story.authors.is_empty() {
        return json!([{ "@type": "Organization", "name": site.site_name, "url": site.url("/") }]);
    }
    story
        .authors
        .iter()
        .map(|a| json!({ "@type": "Person", "name": a.name, "url": site.url(&paths::author(&story.edition.code, &a.slug)) }))
        .collect()
}

/// One crumb: what the visible breadcrumb shows and where it links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crumb {
    pub name: String,
    /// Absolute URL.
    pub url: String,
}

/// The article's place in the site: edition home › section › article. `home_name` is the
/// label the page's visible breadcrumb uses for the edition's front page, so both agree.
pub fn article_crumbs(site: &Site, story: &Story, home_name: &str, url: &str) -> Vec<Crumb> {
    let mut crumbs = vec![Crumb {
        name: home_name.to_owned(),
        url: site.url(&paths::edition(&story.edition.code)),
    }];
    if let Some(s) = &story.section {
        crumbs.push(Crumb {
            name: s.name.clone(),
            url: site.url(&paths::section(&s.edition, &s.slug)),
        });
    }
    crumbs.push(Crumb {
        name: story.headline.clone(),
        url: url.to_owned(),
    });
    crumbs
}

/// `BreadcrumbList` with positions 1..n and every crumb linked.
pub fn breadcrumb_list(crumbs: &[Crumb]) -> Value {
    let items: Vec<Value> = crumbs
        .iter()
        .enumerate()
        .map(|(i, c)| json!({ "@type": "ListItem", "position": i + 1, "name": c.name, "item": c.url }))
        .collect();
    json!({ "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items })
}

/// JSON that can sit inside `<script type="application/ld+json">`: every `<`, `>` and `&`
/// is written as a `\u` escape, so no headline can close the script element (`</script>`)
/// or open a comment (`<!--`), and the JSON value is unchanged for any parser.
pub fn to_script_json<T: Serialize>(value: &T) -> String {
    let raw = serde_json::to_string(value).unwrap_or_else(|_| "{}".to_owned());
    let mut out = String::with_capacity(raw.len() + 16);
    for ch in raw.chars() {
        match ch {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            // Valid in JSON, but line terminators in older JavaScript parsers.
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syndication::story::fixtures::*;

    fn site() -> Site {
        Site::new("https://news.example", "The Daily")
    }

    #[test]
    fn news_article_has_the_properties_google_reads() {
        let story = story(42, "en");
        let url = site().url(&story.path);
        let doc = news_article(&site(), &story, &url);
        assert_eq!(doc["@type"], "NewsArticle");
        assert_eq!(doc["headline"], story.headline.as_str());
        assert_eq!(doc["mainEntityOfPage"]["@id"], url.as_str());
        assert_eq!(doc["inLanguage"], "en");
        assert_eq!(doc["articleSection"], "World & Politics");
        assert_eq!(doc["keywords"], json!(["Summit", "Trade <deals>"]));
        assert_eq!(doc["publisher"]["@type"], "Organization");
        assert_eq!(
            doc["publisher"]["logo"]["url"],
            "https://news.example/publisher-logo.png"
        );
        assert!(doc["publisher"]["logo"]["width"].as_u64().unwrap_or(0) >= 112);
        let authors = doc["author"].as_array().cloned().unwrap_or_default();
        assert_eq!(authors.len(), 2);
        assert_eq!(
            authors[0],
            json!({"@type": "Person", "name": "Ann Lee", "url": "https://news.example/en/author/ann-lee"})
        );
        let images: Vec<&str> = doc["image"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(
            images,
            [
                "https://news.example/media/photos/9/c16x9-w1200.jpg",
                "https://news.example/media/photos/9/c4x3-w1200.jpg",
                "https://news.example/media/photos/9/c1x1-w1200.jpg"
            ]
        );
    }

    #[test]
    fn dates_are_rfc3339_with_offset_and_modified_not_before_published() {
        let story = story(42, "en");
        let doc = news_article(&site(), &story, "https://news.example/x");
        let published = doc["datePublished"].as_str().unwrap_or_default();
        let modified = doc["dateModified"].as_str().unwrap_or_default();
        // Moscow is UTC+3 in the fixture.
        assert_eq!(published, "2026-11-27T09:00:00+03:00");
        assert_eq!(modified, "2026-11-27T11:00:00+03:00");
        let p = chrono::DateTime::parse_from_rfc3339(published)
            .map(|d| d.timestamp())
            .unwrap_or(i64::MAX);
        let m = chrono::DateTime::parse_from_rfc3339(modified)
            .map(|d| d.timestamp())
            .unwrap_or(i64::MIN);
        assert!(m >= p);
    }

    #[test]
    fn an_article_saved_before_publication_is_modified_at_publication() {
        let mut a = article(1, "en");
        a.updated_at = at(2026, 11, 27, 5);
        let s = Story::new(
            &a,
            &edition("en", "UTC", true),
            &lookups("en"),
            String::new(),
        );
        let doc = news_article(&site(), &s, "https://news.example/x");
        assert_eq!(doc["dateModified"], doc["datePublished"]);
    }

    #[test]
    fn script_json_cannot_close_the_script_and_round_trips() {
        let story = story(42, "en");
        let text = to_script_json(&news_article(&site(), &story, "https://news.example/x"));
        assert!(!text.contains("</"));
        assert!(!text.contains('<'));
        let back: Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back["headline"], story.headline.as_str());
    }

    #[test]
    fn breadcrumbs_count_from_one_and_link_every_crumb() {
        let story = story(42, "en");
        let url = site().url(&story.path);
        let list = breadcrumb_list(&article_crumbs(&site(), &story, "Home", &url));
        let items = list["itemListElement"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let positions: Vec<u64> = items
            .iter()
            .filter_map(|i| i["position"].as_u64())
            .collect();
        assert_eq!(positions, [1, 2, 3]);
        assert_eq!(items[0]["item"], "https://news.example/en");
        assert_eq!(items[1]["item"], "https://news.example/en/section/world");
        assert_eq!(items[2]["name"], story.headline.as_str());
        assert_eq!(items[2]["item"], url.as_str());
    }

    #[test]
    fn an_article_without_section_has_two_crumbs_and_no_byline_is_the_publisher() {
        let mut story = story(42, "en");
        story.section = None;
        story.authors.clear();
        story.hero = None;
        let crumbs = article_crumbs(&site(), &story, "Home", "https://news.example/x");
        assert_eq!(crumbs.len(), 2);
        let doc = news_article(&site(), &story, "https://news.example/x");
        assert_eq!(doc["author"][0]["@type"], "Organization");
        assert!(doc.get("image").is_none());
    }
}
