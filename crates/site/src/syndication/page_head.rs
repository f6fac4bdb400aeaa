//! Fills a page's [`HeadMeta`]: the article page gets JSON-LD (`NewsArticle`,
//! `BreadcrumbList`), Open Graph and Twitter tags, hreflang alternates and its section's
//! feeds; listing pages get Open Graph `website` tags. Pure: the page loads the rows.

use newsdesk_core::{Article, Edition, Photo};

use crate::head::{ArticleHead, HeadMeta};

use super::feeds::{self, FeedScope};
use super::hreflang;
use super::jsonld;
use super::site::{Site, paths};
use super::social;
use super::story::{Story, StoryParts, Translation};

/// What [`crate::head::article_head`] calls. `head` already holds the canonical URL,
/// description, `noindex` and the edition's feed links.
///
/// `x-default` needs the site's default edition; [`article_head_with_default`] takes it.
/// Without it, every member of a translation group names the version published first,
/// which keeps the annotations reciprocal.
pub fn article_head(head: &mut HeadMeta, input: &ArticleHead<'_>) {
    article_head_with_default(head, input, None);
}

/// [`article_head`] with the code of the default edition (`x-default` is its version when
/// the group has one).
pub fn article_head_with_default(
    head: &mut HeadMeta,
    input: &ArticleHead<'_>,
    default_edition: Option<&str>,
) {
    let site = Site::new(input.base_url, input.site_name);
    let parts = StoryParts {
        section: input.section,
        tags: input.tags,
        authors: input.authors,
        hero: input.hero,
    };
    let story = Story::from_parts(input.article, input.edition, parts, String::new());
    let shared = for_search(&story, input.article, input.social_photo);
    if head.canonical.is_empty() {
        head.canonical = site.url(&story.path);
    }
    if head.description.is_empty() {
        head.description = shared.summary().to_owned();
    }
    let url = head.canonical.clone();
    let translations: Vec<Translation> = input
        .translations
        .iter()
        .map(Translation::of_summary)
        .collect();
    let stories = Stories {
        page: &story,
        shared: &shared,
    };
    fill_article(head, &site, stories, &url, &translations, default_edition);
}

/// What search engines and share cards are told about `story`: the article's SEO title,
/// meta description and social image in place of its headline, lead and hero where
/// they are set.
fn for_search(story: &Story, article: &Article, social_photo: Option<&Photo>) -> Story {
    let mut shared = story.clone();
    shared.headline = article.search_title().to_owned();
    shared.lead = article.search_description().to_owned();
    if let Some(photo) = social_photo {
        shared.hero = Some(photo.clone());
    }
    shared
}

/// An article's story as its page shows it (breadcrumbs, alternates, feeds), and as
/// search results and share cards show it (Open Graph, Twitter, `NewsArticle`).
#[derive(Debug, Clone, Copy)]
pub struct Stories<'a> {
    pub page: &'a Story,
    pub shared: &'a Story,
}

impl<'a> Stories<'a> {
    /// The same story both ways (an article without search and social fields).
    pub fn same(story: &'a Story) -> Self {
        Self {
            page: story,
            shared: story,
        }
    }
}

/// The builders behind [`article_head`], over an article's [`Stories`].
pub fn fill_article(
    head: &mut HeadMeta,
    site: &Site,
    stories: Stories<'_>,
    url: &str,
    translations: &[Translation],
    default_edition: Option<&str>,
) {
    let Stories {
        page: story,
        shared,
    } = stories;
    head.meta
        .extend(social::article_tags(site, shared, url, translations));
    let this = Translation {
        edition: story.edition.code.clone(),
        path: story.path.clone(),
        published_at: story.published_at,
        id: story.id,
    };
    for alt in hreflang::alternates(
        site,
        &this,
        translations,
        default_edition.unwrap_or_default(),
    ) {
        head.alternate_language(alt.hreflang, alt.href);
    }
    if let Some(section) = &story.section {
        let scope = FeedScope::Section(section.clone());
        for feed in feeds::head_links(&site.site_name, &story.edition, &scope) {
            head.feed(&feed);
        }
    }
    head.jsonld
        .push(jsonld::to_script_json(&jsonld::news_article(
            site, shared, url,
        )));
    // The home crumb is the masthead's brand link, which reads the site name.
    let crumbs = jsonld::article_crumbs(site, story, &site.site_name, url);
    head.jsonld
        .push(jsonld::to_script_json(&jsonld::breadcrumb_list(&crumbs)));
}

/// Open Graph `website` and Twitter tags for a front, section, tag or author page whose
/// canonical URL is already in `head`.
pub fn listing_head(
    head: &mut HeadMeta,
    base_url: &str,
    site_name: &str,
    edition: &Edition,
    title: &str,
    description: &str,
) {
    let site = Site::new(base_url, site_name);
    let url = if head.canonical.is_empty() {
        site.url(&paths::edition(&edition.code))
    } else {
        head.canonical.clone()
    };
    head.meta.extend(social::website_tags(
        &site,
        &edition.code,
        title,
        description,
        &url,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::head::ArticleHead;
    use crate::syndication::story::fixtures::*;

    #[test]
    fn article_head_gets_every_standard_block() {
        let site = Site::new("https://news.example", "The Daily");
        let story = story(42, "en");
        let url = site.url(&story.path);
        let mut head = HeadMeta::new(url.clone());
        let tr = [Translation {
            edition: "ru".into(),
            path: "/ru/2026/11/27/s-7".into(),
            published_at: at(2026, 11, 27, 7),
            id: 7,
        }];
        fill_article(
            &mut head,
            &site,
            Stories::same(&story),
            &url,
            &tr,
            Some("en"),
        );
        assert_eq!(head.jsonld.len(), 2);
        assert!(
            head.jsonld[0].contains("\"NewsArticle\"")
                && head.jsonld[1].contains("\"BreadcrumbList\"")
        );
        let langs: Vec<(&str, &str)> = head
            .links
            .iter()
            .filter_map(|l| l.hreflang.as_deref().map(|h| (h, l.href.as_str())))
            .collect();
        assert_eq!(
            langs,
            [
                ("en", url.as_str()),
                ("ru", "https://news.example/ru/2026/11/27/s-7"),
                ("x-default", url.as_str())
            ]
        );
        assert!(
            head.links
                .iter()
                .any(|l| l.href == "/en/section/world/feed.atom"
                    && l.mime.as_deref() == Some("application/atom+xml"))
        );
        assert!(
            head.meta
                .iter()
                .any(|m| m.key == "og:type" && m.value == "article")
        );
    }

    fn tag<'a>(head: &'a HeadMeta, key: &str) -> Option<&'a str> {
        head.meta
            .iter()
            .find(|m| m.key == key)
            .map(|m| m.value.as_str())
    }

    #[test]
    fn search_and_social_fields_are_what_is_shared_and_the_page_keeps_its_headline() {
        let e = edition("en", "UTC", true);
        let hero = photo();
        let mut social = photo();
        social.id = 10;
        social.alt_text = "The harbour at dawn".into();
        for r in &mut social.renditions {
            r.key = r.key.replace("photos/9/", "photos/10/");
        }
        let mut a = article(42, "en");
        a.seo_title = "Budget passes after all-night session".into();
        a.meta_description = "MPs voted 312 to 290 shortly before dawn.".into();
        a.social_photo_id = Some(10);
        let head_of = |a: &Article, social_photo: Option<&Photo>| {
            let mut head = HeadMeta::new("https://news.example/en/2026/11/27/story-42-42");
            let input = ArticleHead {
                base_url: "https://news.example",
                site_name: "The Daily",
                edition: &e,
                article: a,
                section: None,
                tags: &[],
                authors: &[],
                hero: Some(&hero),
                social_photo,
                translations: &[],
                default_edition: None,
            };
            article_head(&mut head, &input);
            head
        };

        let head = head_of(&a, Some(&social));
        assert_eq!(head.description, a.meta_description);
        for key in ["og:title", "twitter:title"] {
            assert_eq!(tag(&head, key), Some(a.seo_title.as_str()), "{key}");
        }
        for key in ["og:description", "twitter:description"] {
            assert_eq!(tag(&head, key), Some(a.meta_description.as_str()), "{key}");
        }
        assert_eq!(
            tag(&head, "og:image"),
            Some("https://news.example/media/photos/10/c16x9-w1200.jpg")
        );
        assert_eq!(tag(&head, "og:image:alt"), Some("The harbour at dawn"));
        let news: serde_json::Value = serde_json::from_str(&head.jsonld[0]).unwrap();
        assert_eq!(news["headline"], a.seo_title.as_str());
        assert_eq!(news["description"], a.meta_description.as_str());
        assert!(news["image"][0].as_str().unwrap().contains("/photos/10/"));
        // The breadcrumb names the page as readers see it.
        let crumbs: serde_json::Value = serde_json::from_str(&head.jsonld[1]).unwrap();
        assert_eq!(crumbs["itemListElement"][1]["name"], a.headline.as_str());

        // Empty fields (and a social photo that is gone): the headline, lead and hero.
        let plain = article(42, "en");
        let head = head_of(&plain, None);
        assert_eq!(tag(&head, "og:title"), Some(plain.headline.as_str()));
        assert_eq!(tag(&head, "og:description"), Some(plain.lead.as_str()));
        assert_eq!(head.description, plain.lead);
        assert_eq!(
            tag(&head, "og:image"),
            Some("https://news.example/media/photos/9/c16x9-w1200.jpg")
        );
        let news: serde_json::Value = serde_json::from_str(&head.jsonld[0]).unwrap();
        assert_eq!(news["headline"], plain.headline.as_str());
    }

    #[test]
    fn listing_head_is_a_website() {
        let mut head = HeadMeta::new("https://news.example/en/section/world");
        listing_head(
            &mut head,
            "https://news.example",
            "The Daily",
            &edition("en", "UTC", true),
            "World",
            "",
        );
        assert!(
            head.meta
                .iter()
                .any(|m| m.key == "og:type" && m.value == "website")
        );
        assert!(
            head.meta
                .iter()
                .any(|m| m.key == "og:url" && m.value == "https://news.example/en/section/world")
        );
    }
}
