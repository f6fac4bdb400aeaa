//! Article payloads of the Admin API. The core types stay free of HTTP and OpenAPI
//! concerns; these mirror them with documented, strict (`deny_unknown_fields`) shapes.

use chrono::{DateTime, Utc};
use newsdesk_core::{Article, ArticleDraft, ArticleStatus, Correction};
use newsdesk_store::ArticleSummary;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Where an article is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    /// Publishes itself at `published_at`.
    Scheduled,
    Published,
    /// Was public, taken down; its address answers 410 Gone.
    Unpublished,
}

impl From<ArticleStatus> for Status {
    fn from(s: ArticleStatus) -> Self {
        match s {
            ArticleStatus::Draft => Status::Draft,
            ArticleStatus::Scheduled => Status::Scheduled,
            ArticleStatus::Published => Status::Published,
            ArticleStatus::Unpublished => Status::Unpublished,
        }
    }
}

impl From<Status> for ArticleStatus {
    fn from(s: Status) -> Self {
        match s {
            Status::Draft => ArticleStatus::Draft,
            Status::Scheduled => ArticleStatus::Scheduled,
            Status::Published => ArticleStatus::Published,
            Status::Unpublished => ArticleStatus::Unpublished,
        }
    }
}

/// A whole article as staff see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ArticleOut {
    pub id: i64,
    /// Edition code, e.g. `en`.
    pub edition: String,
    pub slug: String,
    /// Earlier slugs; their addresses redirect here.
    pub old_slugs: Vec<String>,
    pub headline: String,
    pub lead: String,
    /// Markdown with embeds, each on its own line: `::photo[ID]`, `::related[ID]`,
    /// `::quote[words]{cite="who"}` and `::embed[https://…]` (a social post or video on an
    /// allowed network; any other address is refused with 422).
    pub body: String,
    pub hero_photo_id: Option<i64>,
    pub section_id: Option<i64>,
    pub tag_ids: Vec<i64>,
    pub author_ids: Vec<i64>,
    pub status: Status,
    /// Publication time (the future for scheduled articles).
    pub published_at: Option<DateTime<Utc>>,
    pub first_published_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub in_newsfeed: bool,
    pub breaking: bool,
    /// Highlighted in the newsfeed.
    pub important: bool,
    /// The title search results and share cards show; empty: the headline.
    pub seo_title: String,
    /// The description search results and share cards show; empty: the lead.
    pub meta_description: String,
    /// The photo share cards and structured data show; none: the hero photo.
    pub social_photo_id: Option<i64>,
    /// Send it back with the next save (optimistic locking).
    pub version: i64,
    /// The staff account that created it.
    pub created_by: Option<i64>,
    /// Articles in one group are translations of each other.
    pub translation_group: Option<i64>,
    /// The public address path, e.g. `/en/2026/11/27/budget-passes-42`.
    pub path: String,
}

impl From<Article> for ArticleOut {
    fn from(a: Article) -> Self {
        let path = a.path();
        ArticleOut {
            id: a.id,
            edition: a.edition,
            slug: a.slug,
            old_slugs: a.old_slugs,
            headline: a.headline,
            lead: a.lead,
            body: a.body,
            hero_photo_id: a.hero_photo_id,
            section_id: a.section_id,
            tag_ids: a.tag_ids,
            author_ids: a.author_ids,
            status: a.status.into(),
            published_at: a.published_at,
            first_published_at: a.first_published_at,
            updated_at: a.updated_at,
            created_at: a.created_at,
            in_newsfeed: a.in_newsfeed,
            breaking: a.breaking,
            important: a.important,
            seo_title: a.seo_title,
            meta_description: a.meta_description,
            social_photo_id: a.social_photo_id,
            version: a.version,
            created_by: a.created_by,
            translation_group: a.translation_group,
            path,
        }
    }
}

/// An article in a list: everything but the body.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ArticleSummaryOut {
    pub id: i64,
    pub edition: String,
    pub slug: String,
    pub headline: String,
    pub lead: String,
    pub hero_photo_id: Option<i64>,
    pub section_id: Option<i64>,
    pub author_ids: Vec<i64>,
    pub tag_ids: Vec<i64>,
    pub status: Status,
    pub published_at: Option<DateTime<Utc>>,
    pub first_published_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub breaking: bool,
    pub important: bool,
    pub in_newsfeed: bool,
    pub version: i64,
    pub created_by: Option<i64>,
    pub path: String,
}

impl From<ArticleSummary> for ArticleSummaryOut {
    fn from(a: ArticleSummary) -> Self {
        let path = a.path();
        ArticleSummaryOut {
            id: a.id,
            edition: a.edition,
            slug: a.slug,
            headline: a.headline,
            lead: a.lead,
            hero_photo_id: a.hero_photo_id,
            section_id: a.section_id,
            author_ids: a.author_ids,
            tag_ids: a.tag_ids,
            status: a.status.into(),
            published_at: a.published_at,
            first_published_at: a.first_published_at,
            updated_at: a.updated_at,
            created_at: a.created_at,
            breaking: a.breaking,
            important: a.important,
            in_newsfeed: a.in_newsfeed,
            version: a.version,
            created_by: a.created_by,
            path,
        }
    }
}

/// One page of a filtered article list, most recently changed first.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ArticlePage {
    pub items: Vec<ArticleSummaryOut>,
    /// Articles matching the filters, over all pages.
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// Filters of the article list; all optional.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ArticleListQuery {
    /// Edition code.
    pub edition: Option<String>,
    /// Only articles in this state (every state when absent).
    pub status: Option<Status>,
    /// Section id.
    pub section: Option<i64>,
    /// Author id (byline).
    pub author: Option<i64>,
    /// Words in the headline (case-insensitive).
    pub q: Option<String>,
    /// `true`: only articles the caller's account created.
    pub mine: Option<bool>,
    /// 1-based page number.
    #[param(minimum = 1, maximum = 1000000)]
    #[serde(deserialize_with = "super::bounded::<_, 1, { super::MAX_PAGE }>")]
    pub page: Option<i64>,
    /// Page size, 1–100 (default 30).
    #[param(minimum = 1, maximum = 100)]
    #[serde(deserialize_with = "super::bounded::<_, 1, 100>")]
    pub per_page: Option<i64>,
}

/// A new draft. Only `edition` and `headline` are required; without `slug` one is made
/// from the headline; without `author_ids` the caller's own author profile is the byline.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "edition": "en",
    "headline": "Parliament passes the budget after an all-night session",
    "lead": "The vote came shortly before dawn.",
    "body": "Members of parliament voted 312 to 290 in favour.",
    "in_newsfeed": true
}))]
pub struct CreateArticle {
    pub edition: String,
    pub headline: String,
    #[serde(default)]
    pub slug: String,
    #[serde(default)]
    pub lead: String,
    /// Markdown with embeds on their own lines (see `ArticleOut.body`); at most 200,000
    /// characters.
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub hero_photo_id: Option<i64>,
    #[serde(default)]
    pub section_id: Option<i64>,
    #[serde(default)]
    pub tag_ids: Vec<i64>,
    #[serde(default)]
    pub author_ids: Vec<i64>,
    #[serde(default)]
    pub in_newsfeed: bool,
    #[serde(default)]
    pub breaking: bool,
    /// Highlighted in the newsfeed (less than breaking).
    #[serde(default)]
    pub important: bool,
    /// The title search results and share cards show instead of the headline (at most
    /// 70 characters; empty: the headline).
    #[serde(default)]
    #[schema(max_length = 70)]
    pub seo_title: String,
    /// The description search results and share cards show instead of the lead (at most
    /// 160 characters; empty: the lead).
    #[serde(default)]
    #[schema(max_length = 160)]
    pub meta_description: String,
    /// A photo from the library for share cards and structured data (none: the hero).
    #[serde(default)]
    pub social_photo_id: Option<i64>,
}

impl CreateArticle {
    pub fn into_draft(self) -> ArticleDraft {
        ArticleDraft {
            edition: self.edition,
            slug: self.slug,
            headline: self.headline,
            lead: self.lead,
            body: self.body,
            hero_photo_id: self.hero_photo_id,
            section_id: self.section_id,
            tag_ids: self.tag_ids,
            author_ids: self.author_ids,
            in_newsfeed: self.in_newsfeed,
            breaking: self.breaking,
            important: self.important,
            seo_title: self.seo_title,
            meta_description: self.meta_description,
            social_photo_id: self.social_photo_id,
        }
    }
}

/// A save: the article's full content (fields left out become empty) and the `version`
/// it was based on. If someone saved in between, the answer is 409 `stale_version` with
/// `current_version`. The edition never changes (a translation is another article).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "version": 1,
    "headline": "Parliament passes the budget after an all-night session",
    "lead": "The vote came shortly before dawn.",
    "body": "Members of parliament voted 312 to 290 in favour.",
    "in_newsfeed": true
}))]
pub struct SaveArticle {
    pub version: i64,
    pub headline: String,
    #[serde(default)]
    pub slug: String,
    #[serde(default)]
    pub lead: String,
    /// Markdown with embeds on their own lines (see `ArticleOut.body`); at most 200,000
    /// characters.
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub hero_photo_id: Option<i64>,
    #[serde(default)]
    pub section_id: Option<i64>,
    #[serde(default)]
    pub tag_ids: Vec<i64>,
    #[serde(default)]
    pub author_ids: Vec<i64>,
    #[serde(default)]
    pub in_newsfeed: bool,
    #[serde(default)]
    pub breaking: bool,
    /// Highlighted in the newsfeed (less than breaking).
    #[serde(default)]
    pub important: bool,
    /// The title search results and share cards show instead of the headline (at most
    /// 70 characters; empty: the headline).
    #[serde(default)]
    #[schema(max_length = 70)]
    pub seo_title: String,
    /// The description search results and share cards show instead of the lead (at most
    /// 160 characters; empty: the lead).
    #[serde(default)]
    #[schema(max_length = 160)]
    pub meta_description: String,
    /// A photo from the library for share cards and structured data (none: the hero).
    #[serde(default)]
    pub social_photo_id: Option<i64>,
}

impl SaveArticle {
    /// The draft to save; the edition is filled in by the save action from the article.
    pub fn into_draft(self) -> (i64, ArticleDraft) {
        let draft = ArticleDraft {
            edition: String::new(),
            slug: self.slug,
            headline: self.headline,
            lead: self.lead,
            body: self.body,
            hero_photo_id: self.hero_photo_id,
            section_id: self.section_id,
            tag_ids: self.tag_ids,
            author_ids: self.author_ids,
            in_newsfeed: self.in_newsfeed,
            breaking: self.breaking,
            important: self.important,
            seo_title: self.seo_title,
            meta_description: self.meta_description,
            social_photo_id: self.social_photo_id,
        };
        (self.version, draft)
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "publish_at": "2030-01-01T06:00:00Z" }))]
pub struct ScheduleArticle {
    /// When it publishes itself (UTC, RFC 3339); must be in the future.
    pub publish_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "text": "An earlier version gave the vote as 313 to 290." }))]
pub struct CorrectArticle {
    /// The correction note, shown dated at the end of the article.
    pub text: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CorrectionOut {
    pub id: i64,
    pub article_id: i64,
    pub created_at: DateTime<Utc>,
    pub text: String,
}

impl From<Correction> for CorrectionOut {
    fn from(c: Correction) -> Self {
        CorrectionOut {
            id: c.id,
            article_id: c.article_id,
            created_at: c.created_at,
            text: c.text,
        }
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "other_id": 7 }))]
pub struct LinkTranslation {
    /// An article in another edition.
    pub other_id: i64,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct HeadlineSearchQuery {
    /// At least two characters of the headline.
    pub q: String,
    /// Only this edition (related-article cards link within an edition).
    pub edition: Option<String>,
    /// Every edition but this one (picking a translation).
    pub not_edition: Option<String>,
    /// Leave out this article (the one being edited).
    pub exclude: Option<i64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HeadlineHit {
    pub id: i64,
    pub edition: String,
    pub headline: String,
    pub status: Status,
    pub published_at: Option<DateTime<Utc>>,
    pub path: String,
}
