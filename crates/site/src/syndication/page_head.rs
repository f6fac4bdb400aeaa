//! Fills a page's [`HeadMeta`]: the article page gets JSON-LD (`NewsArticle`,
//! `BreadcrumbList`), Open Graph and Twitter tags, hreflang alternates and its section's
//! feeds; listing pages get Open Graph `website` tags. Pure: the page loads the rows.

use newsdesk_core::Edition;

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
    if head.canonical.is_empty() {
        head.canonical = site.url(&story.path);
    }
    if head.description.is_empty() {
        head.description = story.summary().to_owned();
    }
    let url = head.canonical.clone();
    let translations: Vec<Translation> = input
        .translations
        .iter()
        .map(Translation::of_summary)
        .collect();
    fill_article(head, &site, &story, &url, &translations, default_edition);
}

/// The builders behind [`article_head`], over a [`Story`].
pub fn fill_article(
    head: &mut HeadMeta,
    site: &Site,
    story: &Story,
    url: &str,
    translations: &[Translation],
    default_edition: Option<&str>,
) {
    head.meta
        .extend(social::article_tags(site, story, url, translations));
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
            site, story, url,
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
        fill_article(&mut head, &site, &story, &url, &tr, Some("en"));
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
