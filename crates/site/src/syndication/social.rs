//! Open Graph and Twitter card tags: what a link preview on social networks and in
//! messengers shows.

use crate::head::MetaTag;

use super::images;
use super::site::{Site, paths};
use super::story::{Story, Translation};
use super::time;

fn property(key: &str, value: impl Into<String>) -> MetaTag {
    MetaTag {
        attr: "property",
        key: key.to_owned(),
        value: value.into(),
    }
}

fn name(key: &str, value: impl Into<String>) -> MetaTag {
    MetaTag {
        attr: "name",
        key: key.to_owned(),
        value: value.into(),
    }
}

/// Open Graph (`og:*`, `article:*`) and Twitter tags for an article page at `url`.
pub fn article_tags(
    site: &Site,
    story: &Story,
    url: &str,
    translations: &[Translation],
) -> Vec<MetaTag> {
    let edition = &story.edition;
    let mut tags = vec![
        property("og:type", "article"),
        property("og:title", story.headline.clone()),
        property("og:description", story.summary()),
        property("og:url", url),
        property("og:site_name", site.site_name.clone()),
        property("og:locale", og_locale(&edition.code)),
    ];
    for t in translations {
        tags.push(property("og:locale:alternate", og_locale(&t.edition)));
    }
    let image = story
        .hero
        .as_ref()
        .map(|photo| (images::share_image(site, photo), photo.alt_text.clone()));
    if let Some((img, alt)) = &image {
        tags.push(property("og:image", img.url.clone()));
        tags.push(property("og:image:type", img.mime.clone()));
        tags.push(property("og:image:width", img.width.to_string()));
        tags.push(property("og:image:height", img.height.to_string()));
        if !alt.trim().is_empty() {
            tags.push(property("og:image:alt", alt.clone()));
        }
    }
    tags.push(property(
        "article:published_time",
        time::rfc3339_in(story.published_at, edition),
    ));
    tags.push(property(
        "article:modified_time",
        time::rfc3339_in(story.modified_at, edition),
    ));
    if let Some(section) = &story.section {
        tags.push(property("article:section", section.name.clone()));
    }
    for tag in &story.tags {
        tags.push(property("article:tag", tag.name.clone()));
    }
    for author in &story.authors {
        tags.push(property(
            "article:author",
            site.url(&paths::author(&story.edition.code, &author.slug)),
        ));
    }
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    tags.push(name("twitter:card", card));
    tags.push(name("twitter:title", story.headline.clone()));
    tags.push(name("twitter:description", story.summary()));
    if let Some((img, alt)) = &image {
        tags.push(name("twitter:image", img.url.clone()));
        if !alt.trim().is_empty() {
            tags.push(name("twitter:image:alt", alt.clone()));
        }
    }
    tags
}

/// Open Graph and Twitter tags for a listing page (front page, section, tag, author).
pub fn website_tags(
    site: &Site,
    edition_code: &str,
    title: &str,
    description: &str,
    url: &str,
) -> Vec<MetaTag> {
    let mut tags = vec![
        property("og:type", "website"),
        property("og:title", title),
        property("og:url", url),
        property("og:site_name", site.site_name.clone()),
        property("og:locale", og_locale(edition_code)),
        property("og:image", site.logo_url()),
        property("og:image:width", super::logo::SIZE.to_string()),
        property("og:image:height", super::logo::SIZE.to_string()),
        name("twitter:card", "summary"),
        name("twitter:title", title),
    ];
    if !description.trim().is_empty() {
        tags.push(property("og:description", description));
        tags.push(name("twitter:description", description));
    }
    tags
}

/// `og:locale` is `language_TERRITORY`. An edition code with a region maps directly
/// (`pt-BR` → `pt_BR`); a bare language gets the territory Facebook's locale list pairs
/// it with, and the bare language when none is known.
pub fn og_locale(code: &str) -> String {
    let mut parts = code.split('-');
    let lang = parts.next().unwrap_or(code).to_ascii_lowercase();
    let rest: Vec<&str> = parts.collect();
    if let Some(region) = rest
        .iter()
        .find(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        return format!("{lang}_{}", region.to_ascii_uppercase());
    }
    // Chinese is told apart by script, not region.
    if lang == "zh" {
        return if rest.iter().any(|p| p.eq_ignore_ascii_case("hant")) {
            "zh_TW".into()
        } else {
            "zh_CN".into()
        };
    }
    let territory = match lang.as_str() {
        "en" => "US",
        "ar" => "AR",
        // Languages whose main territory shares their code.
        "ru" | "fr" | "it" | "pl" | "tr" | "id" | "th" | "pt" => {
            return format!("{lang}_{}", lang.to_ascii_uppercase());
        }
        "de" => "DE",
        "es" => "ES",
        "uk" => "UA",
        "ja" => "JP",
        "ko" => "KR",
        "he" => "IL",
        "fa" => "IR",
        "hi" => "IN",
        "sv" => "SE",
        "da" => "DK",
        "el" => "GR",
        "cs" => "CZ",
        "vi" => "VN",
        "nl" => "NL",
        "ur" => "PK",
        _ => return lang,
    };
    format!("{lang}_{territory}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syndication::story::fixtures::*;

    fn values<'a>(tags: &'a [MetaTag], key: &str) -> Vec<&'a str> {
        tags.iter()
            .filter(|t| t.key == key)
            .map(|t| t.value.as_str())
            .collect()
    }

    #[test]
    fn article_tags_cover_open_graph_article_and_twitter() {
        let site = Site::new("https://news.example", "The Daily");
        let story = story(42, "en");
        let url = site.url(&story.path);
        let tr = [Translation {
            edition: "ru".into(),
            path: "/ru/x".into(),
            published_at: at(2026, 11, 27, 6),
            id: 2,
        }];
        let tags = article_tags(&site, &story, &url, &tr);
        assert_eq!(values(&tags, "og:type"), ["article"]);
        assert_eq!(values(&tags, "og:url"), [url.as_str()]);
        assert_eq!(values(&tags, "og:locale"), ["en_US"]);
        assert_eq!(values(&tags, "og:locale:alternate"), ["ru_RU"]);
        assert_eq!(
            values(&tags, "og:image"),
            ["https://news.example/media/photos/9/c16x9-w1200.jpg"]
        );
        assert_eq!(values(&tags, "og:image:width"), ["1200"]);
        assert_eq!(values(&tags, "og:image:height"), ["675"]);
        assert_eq!(
            values(&tags, "og:image:alt"),
            ["A crowd holding candles in a city square"]
        );
        assert_eq!(
            values(&tags, "article:published_time"),
            ["2026-11-27T09:00:00+03:00"]
        );
        assert_eq!(
            values(&tags, "article:modified_time"),
            ["2026-11-27T11:00:00+03:00"]
        );
        assert_eq!(values(&tags, "article:section"), ["World & Politics"]);
        assert_eq!(values(&tags, "article:tag"), ["Summit", "Trade <deals>"]);
        assert_eq!(values(&tags, "twitter:card"), ["summary_large_image"]);
        assert!(
            tags.iter()
                .filter(|t| t.key.starts_with("twitter:"))
                .all(|t| t.attr == "name")
        );
        assert!(
            tags.iter()
                .filter(|t| t.key.starts_with("og:"))
                .all(|t| t.attr == "property")
        );
    }

    #[test]
    fn without_a_photo_the_card_is_small_and_no_image_is_claimed() {
        let site = Site::new("https://news.example", "The Daily");
        let mut story = story(42, "en");
        story.hero = None;
        let tags = article_tags(&site, &story, "https://news.example/x", &[]);
        assert_eq!(values(&tags, "twitter:card"), ["summary"]);
        assert!(values(&tags, "og:image").is_empty());
    }

    #[test]
    fn locales_follow_facebooks_form() {
        assert_eq!(og_locale("pt-BR"), "pt_BR");
        assert_eq!(og_locale("ru"), "ru_RU");
        assert_eq!(og_locale("ar"), "ar_AR");
        assert_eq!(og_locale("zh-Hant"), "zh_TW");
        assert_eq!(og_locale("xx"), "xx");
    }
}
