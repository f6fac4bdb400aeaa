//! Articles, their revisions and corrections.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{ValidationError, Validator};
use crate::slug::is_valid_article_slug;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArticleStatus {
    Draft,
    /// Publishes itself at `published_at`.
    Scheduled,
    Published,
    /// Was public, taken down; the URL answers 410 Gone.
    Unpublished,
}

impl ArticleStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ArticleStatus::Draft => "draft",
            ArticleStatus::Scheduled => "scheduled",
            ArticleStatus::Published => "published",
            ArticleStatus::Unpublished => "unpublished",
        }
    }
}

impl fmt::Display for ArticleStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ArticleStatus {
    type Err = ValidationError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "draft" => Ok(ArticleStatus::Draft),
            "scheduled" => Ok(ArticleStatus::Scheduled),
            "published" => Ok(ArticleStatus::Published),
            "unpublished" => Ok(ArticleStatus::Unpublished),
            _ => Err(ValidationError::single(
                "status",
                "must be one of draft, scheduled, published, unpublished",
            )),
        }
    }
}

/// Everything staff edit in the article form; one saved draft is one revision.
///
/// `serde(default)`: revisions are stored as this JSON, and one saved before a field was
/// added must still load (a missing field takes its `Default`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticleDraft {
    pub edition: String,
    /// Empty means "make one from the headline".
    pub slug: String,
    pub headline: String,
    /// The standfirst under the headline.
    pub lead: String,
    /// Markdown with embeds, see [`crate::body`].
    pub body: String,
    pub hero_photo_id: Option<i64>,
    pub section_id: Option<i64>,
    pub tag_ids: Vec<i64>,
    pub author_ids: Vec<i64>,
    /// A revision stored before this field existed was in the newsfeed: the column's
    /// default, not `bool`'s.
    #[serde(default = "in_newsfeed_by_default")]
    pub in_newsfeed: bool,
    pub breaking: bool,
    /// Highlighted in the newsfeed (less than breaking). Older revisions had no such flag.
    #[serde(default)]
    pub important: bool,
    /// The `<title>` and search result title when set (the headline otherwise): a headline
    /// written for the page is often too long or too allusive for a results page.
    pub seo_title: String,
    /// `<meta name="description">` and the share card's text when set (the lead otherwise).
    pub meta_description: String,
    /// The photo social cards and JSON-LD show when set (the hero otherwise).
    pub social_photo_id: Option<i64>,
}

fn in_newsfeed_by_default() -> bool {
    true
}

pub const MAX_HEADLINE: usize = 200;
pub const MAX_LEAD: usize = 600;
pub const MAX_BODY: usize = 200_000;
/// Google shows about 60 characters of a title; 70 leaves room for the site's name to be
/// cut rather than the story's words.
pub const MAX_SEO_TITLE: usize = 70;
/// Google shows about 155 characters of a description.
pub const MAX_META_DESCRIPTION: usize = 160;

impl ArticleDraft {
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut v = Validator::new();
        v.check(!self.edition.is_empty(), "edition", "must be chosen");
        v.text(&self.headline, "headline", MAX_HEADLINE);
        v.optional_text(&self.lead, "lead", MAX_LEAD);
        v.optional_text(&self.seo_title, "seo_title", MAX_SEO_TITLE);
        v.optional_text(
            &self.meta_description,
            "meta_description",
            MAX_META_DESCRIPTION,
        );
        if let Some(problem) = crate::body::limits::body_problem(&self.body) {
            v.check(false, "body", problem);
        } else {
            for problem in crate::body::embed_problems(&self.body) {
                v.check(false, "body", problem);
            }
        }
        // Length first: a long slug of valid characters was told its characters were wrong.
        let long = self.slug.chars().count() > crate::slug::MAX_SLUG_LEN;
        v.check(!long, "slug", "must be at most 80 characters");
        v.check(
            long || self.slug.is_empty() || is_valid_article_slug(&self.slug),
            "slug",
            "must be lowercase letters (Latin or Arabic), digits and single hyphens",
        );
        v.check(self.tag_ids.len() <= 30, "tag_ids", "at most 30 tags");
        v.check(
            self.author_ids.len() <= 10,
            "author_ids",
            "at most 10 authors",
        );
        v.finish()
    }

    /// The slug to store: the given one, or one made from the headline (Arabic headlines
    /// keep their script, see [`crate::slug::article_slug`]).
    pub fn effective_slug(&self) -> String {
        if self.slug.is_empty() {
            crate::slug::article_slug(&self.headline)
        } else {
            self.slug.clone()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable; part of the public URL so a changed headline never breaks a link.
    pub id: i64,
    pub edition: String,
    /// Articles telling the same story in other editions share this group (drives hreflang).
    pub translation_group: Option<i64>,
    pub slug: String,
    /// Earlier slugs; they redirect to the current one.
    pub old_slugs: Vec<String>,
    pub headline: String,
    pub lead: String,
    pub body: String,
    pub hero_photo_id: Option<i64>,
    pub section_id: Option<i64>,
    pub tag_ids: Vec<i64>,
    pub author_ids: Vec<i64>,
    pub status: ArticleStatus,
    /// When it went (or, when scheduled, will go) public.
    pub published_at: Option<DateTime<Utc>>,
    pub first_published_at: Option<DateTime<Utc>>,
    /// Last saved change.
    pub updated_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub in_newsfeed: bool,
    pub breaking: bool,
    pub important: bool,
    /// Search and social overrides; empty (`None`) means the headline, lead and hero.
    pub seo_title: String,
    pub meta_description: String,
    pub social_photo_id: Option<i64>,
    /// Optimistic lock: the number of the latest revision. A save names the version it edited.
    pub version: i64,
    /// Staff account that created it (authors may publish only their own).
    pub created_by: Option<i64>,
}

impl Article {
    pub fn is_public(&self) -> bool {
        self.status == ArticleStatus::Published
    }

    pub fn draft(&self) -> ArticleDraft {
        ArticleDraft {
            edition: self.edition.clone(),
            slug: self.slug.clone(),
            headline: self.headline.clone(),
            lead: self.lead.clone(),
            body: self.body.clone(),
            hero_photo_id: self.hero_photo_id,
            section_id: self.section_id,
            tag_ids: self.tag_ids.clone(),
            author_ids: self.author_ids.clone(),
            in_newsfeed: self.in_newsfeed,
            breaking: self.breaking,
            important: self.important,
            seo_title: self.seo_title.clone(),
            meta_description: self.meta_description.clone(),
            social_photo_id: self.social_photo_id,
        }
    }

    /// The title search engines and share cards show: the SEO title, or the headline.
    pub fn search_title(&self) -> &str {
        if self.seo_title.trim().is_empty() {
            &self.headline
        } else {
            &self.seo_title
        }
    }

    /// The description search engines and share cards show: the meta description, or the
    /// lead (empty when the article has neither).
    pub fn search_description(&self) -> &str {
        if self.meta_description.trim().is_empty() {
            &self.lead
        } else {
            &self.meta_description
        }
    }

    /// The photo share cards show: the social image, or the hero.
    pub fn share_photo_id(&self) -> Option<i64> {
        self.social_photo_id.or(self.hero_photo_id)
    }

    /// Public path: `/{edition}/{yyyy}/{mm}/{dd}/{slug}-{id}`; readers only ever see published ones.
    pub fn path(&self) -> String {
        article_path(
            &self.edition,
            self.published_at.unwrap_or(self.created_at),
            &self.slug,
            self.id,
        )
    }
}

/// The slug is percent-encoded ([`crate::slug::url_segment`]): an Arabic slug makes an
/// ASCII path, valid as it is in links, `Location` headers, feeds and sitemaps.
pub fn article_path(edition: &str, date: DateTime<Utc>, slug: &str, id: i64) -> String {
    format!(
        "/{edition}/{}/{}-{id}",
        date.format("%Y/%m/%d"),
        crate::slug::url_segment(slug)
    )
}

/// One saved version of an article, kept forever.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub article_id: i64,
    /// 1, 2, 3… equal to the article's `version` right after the save.
    pub number: i64,
    pub account_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub draft: ArticleDraft,
}

/// A dated public note at the end of the article saying what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub id: i64,
    pub article_id: i64,
    pub created_at: DateTime<Utc>,
    pub text: String,
}

pub fn validate_correction(text: &str) -> Result<(), ValidationError> {
    let mut v = Validator::new();
    v.text(text, "text", 2000);
    v.finish()
}
