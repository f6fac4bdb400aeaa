//! An article as the syndication builders see it: ids resolved to the section, tags,
//! authors and hero photo they name, times settled, URL known. Building it once and
//! handing it to JSON-LD, Open Graph, feed and sitemap builders keeps those pure and
//! consistent with each other.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use newsdesk_core::{Article, Author, Edition, Photo, Section, Tag};
use newsdesk_store::ArticleSummary;

use super::time;

#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub id: i64,
    pub edition: Edition,
    /// Site-relative public path (`/en/2026/11/27/slug-42`).
    pub path: String,
    pub headline: String,
    pub lead: String,
    /// Sanitised body HTML with site-relative links, for feeds' full text; may be empty
    /// where no builder prints it (page heads, sitemaps).
    pub content_html: String,
    /// Never changes: stable ids (Atom, RSS guid, JSON Feed) are made from it.
    pub created_at: DateTime<Utc>,
    pub published_at: DateTime<Utc>,
    /// Never earlier than `published_at` (see [`time::modified_at`]).
    pub modified_at: DateTime<Utc>,
    pub section: Option<Section>,
    pub tags: Vec<Tag>,
    pub authors: Vec<Author>,
    pub hero: Option<Photo>,
}

/// An article's section, tags, authors and hero photo, already loaded.
#[derive(Debug, Clone, Copy, Default)]
pub struct StoryParts<'a> {
    pub section: Option<&'a Section>,
    pub tags: &'a [Tag],
    pub authors: &'a [Author],
    pub hero: Option<&'a Photo>,
}

/// What an article's ids point at, loaded in bulk by the caller.
#[derive(Debug, Clone, Default)]
pub struct Lookups {
    pub sections: HashMap<i64, Section>,
    pub tags: HashMap<i64, Tag>,
    pub authors: HashMap<i64, Author>,
    pub photos: HashMap<i64, Photo>,
}

impl Lookups {
    pub fn new(
        sections: Vec<Section>,
        tags: Vec<Tag>,
        authors: Vec<Author>,
        photos: Vec<Photo>,
    ) -> Self {
        Self {
            sections: sections.into_iter().map(|s| (s.id, s)).collect(),
            tags: tags.into_iter().map(|t| (t.id, t)).collect(),
            authors: authors.into_iter().map(|a| (a.id, a)).collect(),
            photos: photos.into_iter().map(|p| (p.id, p)).collect(),
        }
    }
}

impl Story {
    /// Resolves `article`'s ids through `lookups`, keeping the article's order of tags and
    /// authors; ids that no longer resolve (a deleted tag) are left out.
    pub fn new(
        article: &Article,
        edition: &Edition,
        lookups: &Lookups,
        content_html: String,
    ) -> Self {
        Self {
            id: article.id,
            edition: edition.clone(),
            path: article.path(),
            headline: article.headline.clone(),
            lead: article.lead.clone(),
            content_html,
            created_at: article.created_at,
            published_at: time::published_at(article),
            modified_at: time::modified_at(article),
            section: article
                .section_id
                .and_then(|id| lookups.sections.get(&id))
                .cloned(),
            tags: article
                .tag_ids
                .iter()
                .filter_map(|id| lookups.tags.get(id))
                .cloned()
                .collect(),
            authors: article
                .author_ids
                .iter()
                .filter_map(|id| lookups.authors.get(id))
                .cloned()
                .collect(),
            hero: article
                .hero_photo_id
                .and_then(|id| lookups.photos.get(&id))
                .cloned(),
        }
    }

    /// The same from already loaded rows (what the article page has at hand).
    pub fn from_parts(
        article: &Article,
        edition: &Edition,
        parts: StoryParts<'_>,
        content_html: String,
    ) -> Self {
        Self {
            id: article.id,
            edition: edition.clone(),
            path: article.path(),
            headline: article.headline.clone(),
            lead: article.lead.clone(),
            content_html,
            created_at: article.created_at,
            published_at: time::published_at(article),
            modified_at: time::modified_at(article),
            section: parts.section.cloned(),
            tags: parts.tags.to_vec(),
            authors: parts.authors.to_vec(),
            hero: parts.hero.cloned(),
        }
    }

    /// The text used where a consumer wants a summary: the lead, or the headline when an
    /// article has none.
    pub fn summary(&self) -> &str {
        if self.lead.trim().is_empty() {
            &self.headline
        } else {
            &self.lead
        }
    }
}

/// One published version of the same story in another edition (hreflang).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    /// The edition code, which is also the hreflang code.
    pub edition: String,
    /// Site-relative public path.
    pub path: String,
    pub published_at: DateTime<Utc>,
    pub id: i64,
}

impl Translation {
    pub fn of_article(article: &Article) -> Self {
        Self {
            edition: article.edition.clone(),
            path: article.path(),
            published_at: time::published_at(article),
            id: article.id,
        }
    }

    pub fn of_summary(summary: &ArticleSummary) -> Self {
        Self {
            edition: summary.edition.clone(),
            path: summary.path(),
            published_at: summary
                .published_at
                .or(summary.first_published_at)
                .unwrap_or(summary.created_at),
            id: summary.id,
        }
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! Test data shared by the builders' tests.
    use super::*;
    use chrono::TimeZone;
    use newsdesk_core::{ArticleStatus, Credit, Direction, Rendition};

    pub fn at(y: i32, mo: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, 0, 0)
            .single()
            .unwrap_or_default()
    }

    pub fn edition(code: &str, tz: &str, is_default: bool) -> Edition {
        Edition {
            code: code.into(),
            name: code.to_uppercase(),
            direction: Direction::for_language(code),
            time_zone: tz.into(),
            is_default,
        }
    }

    pub fn photo() -> Photo {
        let r = |key: &str, w, h, mime: &str| Rendition {
            width: w,
            height: h,
            content_type: mime.into(),
            key: key.into(),
        };
        Photo {
            id: 9,
            key: "photos/9/original.jpg".into(),
            content_type: "image/jpeg".into(),
            width: 4000,
            height: 3000,
            byte_size: 1_000_000,
            caption: "Crowds gather in the square <at dusk> & wait".into(),
            alt_text: "A crowd holding candles in a city square".into(),
            credit: Credit {
                agency: "AFP".into(),
                creator: "Jane Doe".into(),
            },
            copyright_notice: "© AFP 2026".into(),
            copyright_year: Some(2026),
            created_at: at(2026, 11, 26, 8),
            renditions: vec![
                r("photos/9/w1280.jpg", 1280, 960, "image/jpeg"),
                r("photos/9/w1280.webp", 1280, 960, "image/webp"),
                r("photos/9/c16x9-w1200.jpg", 1200, 675, "image/jpeg"),
                r("photos/9/c4x3-w1200.jpg", 1200, 900, "image/jpeg"),
                r("photos/9/c1x1-w1200.jpg", 1200, 1200, "image/jpeg"),
            ],
        }
    }

    pub fn article(id: i64, edition: &str) -> Article {
        Article {
            id,
            edition: edition.into(),
            translation_group: None,
            slug: format!("story-{id}"),
            old_slugs: vec![],
            headline: "Leaders meet </script><script>alert(1)</script> & agree".into(),
            lead: "The \"summit\" ends with a <deal>.".into(),
            body: "Body".into(),
            hero_photo_id: Some(9),
            section_id: Some(3),
            tag_ids: vec![5, 6],
            author_ids: vec![1, 2],
            status: ArticleStatus::Published,
            published_at: Some(at(2026, 11, 27, 6)),
            first_published_at: Some(at(2026, 11, 27, 6)),
            updated_at: at(2026, 11, 27, 8),
            created_at: at(2026, 11, 26, 20),
            in_newsfeed: true,
            breaking: false,
            important: false,
            seo_title: String::new(),
            meta_description: String::new(),
            social_photo_id: None,
            version: 3,
            created_by: None,
        }
    }

    pub fn lookups(edition: &str) -> Lookups {
        Lookups::new(
            vec![Section {
                id: 3,
                edition: edition.into(),
                slug: "world".into(),
                name: "World & Politics".into(),
                position: 1,
            }],
            vec![
                Tag {
                    id: 5,
                    edition: edition.into(),
                    slug: "summit".into(),
                    name: "Summit".into(),
                },
                Tag {
                    id: 6,
                    edition: edition.into(),
                    slug: "trade".into(),
                    name: "Trade <deals>".into(),
                },
            ],
            vec![
                Author {
                    id: 1,
                    slug: "ann-lee".into(),
                    name: "Ann Lee".into(),
                    bio: String::new(),
                    photo_id: None,
                    account_id: None,
                },
                Author {
                    id: 2,
                    slug: "omar-haddad".into(),
                    name: "Omar Haddad".into(),
                    bio: String::new(),
                    photo_id: None,
                    account_id: None,
                },
            ],
            vec![photo()],
        )
    }

    pub fn story(id: i64, edition_code: &str) -> Story {
        let e = edition(edition_code, "Europe/Moscow", edition_code == "en");
        Story::new(
            &article(id, edition_code),
            &e,
            &lookups(edition_code),
            "<p>Full <a href=\"/en/x\">text</a></p>".into(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;

    #[test]
    fn ids_resolve_in_article_order_and_missing_ones_drop() {
        let mut a = article(42, "en");
        a.tag_ids = vec![6, 99, 5];
        let s = super::Story::new(
            &a,
            &edition("en", "UTC", true),
            &lookups("en"),
            String::new(),
        );
        let slugs: Vec<&str> = s.tags.iter().map(|t| t.slug.as_str()).collect();
        assert_eq!(slugs, ["trade", "summit"]);
        assert_eq!(s.section.map(|x| x.slug), Some("world".to_owned()));
        assert_eq!(s.path, "/en/2026/11/27/story-42-42");
    }
}
