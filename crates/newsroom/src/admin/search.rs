//! Small JSON endpoints behind the editor's pickers: related-article search (also used to
//! pick a translation) and the photo library.

use axum::Json;
use axum::extract::{Query, State};
use chrono::{DateTime, Utc};
use newsdesk_core::Photo;
use newsdesk_site::{AppState, HttpError};
use serde::{Deserialize, Serialize};

use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ArticleSearch {
    pub q: String,
    /// Only this edition (related cards link within an edition).
    pub edition: String,
    /// Every edition but this one (translations).
    pub not_edition: String,
    /// Leave out this article (the one being edited).
    pub exclude: String,
}

#[derive(Debug, Serialize)]
pub struct ArticleHit {
    pub id: i64,
    pub edition: String,
    pub headline: String,
    pub status: String,
    pub published_at: Option<DateTime<Utc>>,
    pub path: String,
}

pub async fn articles(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<ArticleSearch>,
) -> Result<Json<Vec<ArticleHit>>, HttpError> {
    can(&staff.actor, Action::ViewNewsroom, Resource::None)?;
    let text = q.q.trim();
    if text.chars().count() < 2 {
        return Ok(Json(Vec::new()));
    }
    let edition = Some(q.edition.trim()).filter(|e| !e.is_empty());
    let exclude = q.exclude.trim().parse::<i64>().ok();
    let found = state.store().search_headlines(edition, text, 40).await?;
    let hits = found
        .into_iter()
        .filter(|a| {
            Some(a.id) != exclude && (q.not_edition.is_empty() || a.edition != q.not_edition)
        })
        .take(20)
        .map(|a| ArticleHit {
            id: a.id,
            path: a.path(),
            edition: a.edition,
            headline: a.headline,
            status: a.status.as_str().to_owned(),
            published_at: a.published_at,
        })
        .collect();
    Ok(Json(hits))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PhotoSearch {
    pub q: String,
    pub page: String,
}

#[derive(Debug, Serialize)]
pub struct PhotoHit {
    pub id: i64,
    pub caption: String,
    pub alt_text: String,
    pub credit: String,
    pub width: u32,
    pub height: u32,
    /// The smallest rendition (the original while renditions are being made).
    pub thumbnail: String,
    /// Alt text present: the photo may appear in a published article.
    pub publishable: bool,
}

pub fn thumbnail(photo: &Photo) -> String {
    // Until renditions exist, staff see the original through the staff-only route.
    photo
        .renditions
        .iter()
        .filter(|r| r.content_type == "image/jpeg" || r.content_type == "image/webp")
        .min_by_key(|r| r.width)
        .map_or_else(
            || format!("/admin/media/{}/original", photo.id),
            |r| format!("/media/{}", r.key),
        )
}

pub async fn photos(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<PhotoSearch>,
) -> Result<Json<Vec<PhotoHit>>, HttpError> {
    can(&staff.actor, Action::ViewNewsroom, Resource::None)?;
    const PER_PAGE: i64 = 24;
    let page = crate::admin::forms::page_number(&q.page);
    let search = Some(q.q.trim()).filter(|s| !s.is_empty());
    let photos = state
        .store()
        .list_photos(search, PER_PAGE, (page - 1) * PER_PAGE)
        .await?;
    let hits = photos
        .iter()
        .map(|p| PhotoHit {
            id: p.id,
            caption: p.caption.clone(),
            alt_text: p.alt_text.clone(),
            credit: p.credit_line(),
            width: p.width,
            height: p.height,
            thumbnail: thumbnail(p),
            publishable: p.is_publishable(),
        })
        .collect();
    Ok(Json(hits))
}
