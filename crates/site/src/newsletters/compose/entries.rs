//! The stories a newsletter tells, loaded from the store: the day's top articles of an
//! edition for the digest, one article or newsfeed item for a breaking alert, each with an
//! absolute link and an image mail clients can show.

use std::cmp::Reverse;
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use newsdesk_core::{Photo, Rendition, Section};
use newsdesk_store::{ArticleQuery, MAX_LIST_LIMIT};
use serde::Serialize;

use crate::error::HttpError;
use crate::state::AppState;
use crate::syndication::Site;

/// The width images are shown at: the usual width of a newsletter column, which every
/// client (Outlook included, which ignores `max-width`) lays out without scrolling.
pub const IMAGE_WIDTH: u32 = 600;
/// Preferred width of the file behind an image: sharp on high-density screens.
const IMAGE_SOURCE_WIDTH: u32 = 2 * IMAGE_WIDTH;

/// A photo as a newsletter shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryImage {
    /// Absolute URL of a JPEG (WebP is not shown by every client).
    pub url: String,
    pub alt: String,
    /// Display size (`width`/`height` attributes), at most [`IMAGE_WIDTH`] wide.
    pub width: u32,
    pub height: u32,
}

/// One story of a digest or an alert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DigestEntry {
    pub headline: String,
    pub lead: String,
    /// Absolute.
    pub url: String,
    pub image: Option<EntryImage>,
    /// The section's name.
    pub section: Option<String>,
    pub published_at: DateTime<Utc>,
}

/// The day's top stories of `edition` published in `[from, to)`: at most `limit`, the
/// ones the editors marked (important or breaking) first, then the newest.
pub async fn digest_entries(
    state: &AppState,
    edition: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<DigestEntry>, HttpError> {
    section_digest_entries(state, edition, None, from, to, limit).await
}

/// [`digest_entries`] of one section (by id) when `section` is given: a section list's
/// digest.
pub async fn section_digest_entries(
    state: &AppState,
    edition: &str,
    section: Option<i64>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<DigestEntry>, HttpError> {
    if limit == 0 || from >= to {
        return Ok(Vec::new());
    }
    let store = state.store();
    // A day of one edition is far below a page of the store's lists; the ranking needs
    // the whole day, since a marked story may be the day's oldest.
    let query = ArticleQuery {
        edition: Some(edition.to_owned()),
        published_from: Some(from),
        published_before: Some(to),
        section_id: section,
        limit: MAX_LIST_LIMIT,
        ..ArticleQuery::default()
    };
    let (mut articles, sections) =
        futures::try_join!(store.list_articles(&query), store.list_sections(edition))?;
    articles.sort_by_key(|a| {
        (
            Reverse(a.important || a.breaking),
            Reverse((a.published_at, a.id)),
        )
    });
    articles.truncate(limit);
    let photos = photos_by_id(state, articles.iter().filter_map(|a| a.hero_photo_id)).await?;
    let site = Site::from_config(state.config());
    Ok(articles
        .iter()
        .filter_map(|a| {
            Some(DigestEntry {
                headline: a.headline.clone(),
                lead: a.lead.clone(),
                url: site.url(&a.path()),
                image: a
                    .hero_photo_id
                    .and_then(|id| photos.get(&id))
                    .and_then(|p| entry_image(&site, p, &a.headline)),
                section: section_name(&sections, a.section_id),
                published_at: a.published_at?,
            })
        })
        .collect())
}

/// A published article as a breaking alert shows it; an article that is not public is
/// not found (an alert never announces a draft).
pub async fn article_entry(state: &AppState, article_id: i64) -> Result<DigestEntry, HttpError> {
    let store = state.store();
    let article = store.get_article(article_id).await?;
    let published_at = article
        .published_at
        .filter(|_| article.is_public())
        .ok_or(HttpError::NotFound)?;
    let (sections, photos) = futures::try_join!(
        async { Ok::<_, HttpError>(store.list_sections(&article.edition).await?) },
        photos_by_id(state, article.hero_photo_id),
    )?;
    let site = Site::from_config(state.config());
    Ok(DigestEntry {
        image: article
            .hero_photo_id
            .and_then(|id| photos.get(&id))
            .and_then(|p| entry_image(&site, p, &article.headline)),
        url: site.url(&article.path()),
        section: section_name(&sections, article.section_id),
        headline: article.headline,
        lead: article.lead,
        published_at,
    })
}

/// A published short item of the newsfeed: its paragraph as the lead, its link (or its
/// place on the newsfeed page, as the column links it), no image.
pub async fn news_item_entry(state: &AppState, item_id: i64) -> Result<DigestEntry, HttpError> {
    let item = state.store().news_item(item_id).await?;
    if !item.is_public() {
        return Err(HttpError::NotFound);
    }
    let site = Site::from_config(state.config());
    let link = item.link.trim();
    let url = if link.is_empty() {
        site.url(&format!("/{}/newsfeed#n{}", item.edition, item.id))
    } else {
        site.url(link)
    };
    Ok(DigestEntry {
        published_at: item.published_at.unwrap_or(item.updated_at),
        headline: item.headline,
        lead: item.body,
        url,
        image: None,
        section: None,
    })
}

/// The image of a story: the 16:9 crop when the photo has one (every client shows it
/// uncropped, at a height known in advance), else a landscape JPEG rendition of the whole
/// photo; `None` for a portrait photo or one whose renditions are not made yet (a broken
/// image is worse than none). The file is the narrowest at least twice the display width,
/// else the widest.
pub fn entry_image(site: &Site, photo: &Photo, headline: &str) -> Option<EntryImage> {
    let usable = |r: &&Rendition| r.width > 0 && r.height > 0 && r.content_type == "image/jpeg";
    let crop = |r: &&Rendition| newsdesk_media::keys::crop_aspect(&r.key);
    let crops = photo
        .renditions
        .iter()
        .filter(usable)
        .filter(|r| crop(r) == Some((16, 9)));
    let whole = photo
        .renditions
        .iter()
        .filter(usable)
        .filter(|r| crop(r).is_none() && r.width > r.height);
    let chosen = pick(crops).or_else(|| pick(whole))?;
    let width = chosen.width.min(IMAGE_WIDTH);
    let (w, h) = (u64::from(chosen.width), u64::from(chosen.height));
    let height = ((u64::from(width) * h + w / 2) / w).max(1);
    let alt = photo.alt_text.trim();
    Some(EntryImage {
        url: site.media_url(&chosen.key),
        // An image that links to the story must name it, even without alt text.
        alt: if alt.is_empty() { headline } else { alt }.to_owned(),
        width,
        height: u32::try_from(height).unwrap_or(u32::MAX),
    })
}

fn pick<'a>(candidates: impl Iterator<Item = &'a Rendition>) -> Option<&'a Rendition> {
    let all: Vec<&Rendition> = candidates.collect();
    let sharp = all
        .iter()
        .copied()
        .filter(|r| r.width >= IMAGE_SOURCE_WIDTH)
        .min_by_key(|r| r.width);
    sharp.or_else(|| all.iter().copied().max_by_key(|r| r.width))
}

async fn photos_by_id(
    state: &AppState,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, Photo>, HttpError> {
    let mut ids: Vec<i64> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let photos = state.store().get_photos(&ids).await?;
    Ok(photos.into_iter().map(|p| (p.id, p)).collect())
}

fn section_name(sections: &[Section], id: Option<i64>) -> Option<String> {
    let id = id?;
    sections.iter().find(|s| s.id == id).map(|s| s.name.clone())
}
