//! Row shapes as stored, and their conversion into the content model. Each row type
//! decodes on both backends (ids BIGINT/INTEGER → i64, INTEGER → i32, times, JSON).

use chrono::{DateTime, Utc};
use newsdesk_core::{
    Account, Article, ArticleStatus, Author, Credit, Direction, Edition, Photo, Rendition, Role,
    Section, Tag,
};
use sqlx::types::Json;

use crate::error::{Result, StoreError};
use crate::types::ArticleSummary;

pub(crate) fn parse_status(s: &str) -> Result<ArticleStatus> {
    s.parse()
        .map_err(|_| StoreError::corrupt("article status", s))
}

pub(crate) fn parse_role(s: &str) -> Result<Role> {
    s.parse().map_err(|_| StoreError::corrupt("role", s))
}

#[derive(sqlx::FromRow)]
pub(crate) struct EditionRow {
    pub code: String,
    pub name: String,
    pub direction: String,
    pub time_zone: String,
    pub is_default: bool,
}

impl EditionRow {
    pub fn into_edition(self) -> Result<Edition> {
        let direction = Direction::parse(&self.direction)
            .ok_or_else(|| StoreError::corrupt("direction", &self.direction))?;
        Ok(Edition {
            code: self.code,
            name: self.name,
            direction,
            time_zone: self.time_zone,
            is_default: self.is_default,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SectionRow {
    pub id: i64,
    pub edition: String,
    pub slug: String,
    pub name: String,
    pub position: i32,
}

impl From<SectionRow> for Section {
    fn from(r: SectionRow) -> Self {
        Section {
            id: r.id,
            edition: r.edition,
            slug: r.slug,
            name: r.name,
            position: r.position,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct TagRow {
    pub id: i64,
    pub edition: String,
    pub slug: String,
    pub name: String,
}

impl From<TagRow> for Tag {
    fn from(r: TagRow) -> Self {
        Tag {
            id: r.id,
            edition: r.edition,
            slug: r.slug,
            name: r.name,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct AuthorRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub bio: String,
    pub photo_id: Option<i64>,
    pub account_id: Option<i64>,
}

impl From<AuthorRow> for Author {
    fn from(r: AuthorRow) -> Self {
        Author {
            id: r.id,
            slug: r.slug,
            name: r.name,
            bio: r.bio,
            photo_id: r.photo_id,
            account_id: r.account_id,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct PhotoRow {
    pub id: i64,
    pub key: String,
    pub content_type: String,
    pub width: i32,
    pub height: i32,
    pub byte_size: i64,
    pub caption: String,
    pub alt_text: String,
    pub credit_agency: String,
    pub credit_creator: String,
    pub copyright_notice: String,
    pub copyright_year: Option<i32>,
    pub renditions: Json<Vec<Rendition>>,
    pub created_at: DateTime<Utc>,
}

impl From<PhotoRow> for Photo {
    fn from(r: PhotoRow) -> Self {
        Photo {
            id: r.id,
            key: r.key,
            content_type: r.content_type,
            // Written from u32 by create_photo; a negative value cannot be stored by us.
            width: u32::try_from(r.width).unwrap_or_default(),
            height: u32::try_from(r.height).unwrap_or_default(),
            byte_size: r.byte_size,
            caption: r.caption,
            alt_text: r.alt_text,
            credit: Credit {
                agency: r.credit_agency,
                creator: r.credit_creator,
            },
            copyright_notice: r.copyright_notice,
            copyright_year: r.copyright_year,
            created_at: r.created_at,
            renditions: r.renditions.0,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct AccountRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    pub disabled: bool,
    pub created_at: DateTime<Utc>,
    pub email_confirmed_at: Option<DateTime<Utc>>,
}

impl AccountRow {
    pub fn into_account(self) -> Result<Account> {
        Ok(Account {
            id: self.id,
            email: self.email,
            name: self.name,
            role: parse_role(&self.role)?,
            disabled: self.disabled,
            created_at: self.created_at,
            email_confirmed_at: self.email_confirmed_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SummaryRow {
    pub id: i64,
    pub edition: String,
    pub slug: String,
    pub headline: String,
    pub lead: String,
    pub hero_photo_id: Option<i64>,
    pub section_id: Option<i64>,
    pub status: String,
    pub published_at: Option<DateTime<Utc>>,
    pub first_published_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub in_newsfeed: bool,
    pub breaking: bool,
    pub important: bool,
    pub version: i64,
    pub created_by: Option<i64>,
    /// Tag ids in byline order, comma-separated (see `summary_cols!`).
    pub tag_list: Option<String>,
    pub author_list: Option<String>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct ArticleRow {
    #[sqlx(flatten)]
    pub summary: SummaryRow,
    pub translation_group: Option<i64>,
    pub body: String,
    pub seo_title: String,
    pub meta_description: String,
    pub social_photo_id: Option<i64>,
    /// Old slugs joined with `/` (see `article_cols!`).
    pub old_slug_list: Option<String>,
}

/// Ids from a comma-separated list as `string_agg` returns it (`None` when there are none).
fn id_list(list: Option<&str>) -> Result<Vec<i64>> {
    let Some(list) = list.filter(|l| !l.is_empty()) else {
        return Ok(Vec::new());
    };
    list.split(',')
        .map(|id| id.parse().map_err(|_| StoreError::corrupt("id list", list)))
        .collect()
}

impl SummaryRow {
    pub fn into_summary(self) -> Result<ArticleSummary> {
        Ok(ArticleSummary {
            status: parse_status(&self.status)?,
            tag_ids: id_list(self.tag_list.as_deref())?,
            author_ids: id_list(self.author_list.as_deref())?,
            id: self.id,
            edition: self.edition,
            slug: self.slug,
            headline: self.headline,
            lead: self.lead,
            hero_photo_id: self.hero_photo_id,
            section_id: self.section_id,
            published_at: self.published_at,
            updated_at: self.updated_at,
            created_at: self.created_at,
            first_published_at: self.first_published_at,
            breaking: self.breaking,
            important: self.important,
            in_newsfeed: self.in_newsfeed,
            version: self.version,
            created_by: self.created_by,
        })
    }
}

impl ArticleRow {
    pub fn into_article(self) -> Result<Article> {
        let s = self.summary;
        Ok(Article {
            status: parse_status(&s.status)?,
            tag_ids: id_list(s.tag_list.as_deref())?,
            author_ids: id_list(s.author_list.as_deref())?,
            old_slugs: self
                .old_slug_list
                .as_deref()
                .filter(|l| !l.is_empty())
                .map(|l| l.split('/').map(str::to_owned).collect())
                .unwrap_or_default(),
            id: s.id,
            edition: s.edition,
            translation_group: self.translation_group,
            slug: s.slug,
            headline: s.headline,
            lead: s.lead,
            body: self.body,
            hero_photo_id: s.hero_photo_id,
            section_id: s.section_id,
            published_at: s.published_at,
            first_published_at: s.first_published_at,
            updated_at: s.updated_at,
            created_at: s.created_at,
            in_newsfeed: s.in_newsfeed,
            breaking: s.breaking,
            important: s.important,
            seo_title: self.seo_title,
            meta_description: self.meta_description,
            social_photo_id: self.social_photo_id,
            version: s.version,
            created_by: s.created_by,
        })
    }
}
