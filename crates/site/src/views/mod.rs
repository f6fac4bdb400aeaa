//! View models: what templates print, built from the store's types. Everything here is
//! plain data (serialisable); no I/O.

mod links;
mod photo;
mod share;

pub use links::{AuthorLink, EditionLink, SectionLink, TagLink, TranslationLink, accent_for};
pub use photo::{PhotoView, PictureSource, hero_view, media_url, photo_view, photo_view_sized};
pub use share::{ShareLink, share_links};

use newsdesk_core::body::RenderedNote;
use serde::Serialize;

use crate::i18n::LocalTime;

/// A story card on fronts, lists and the newsfeed.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    pub id: i64,
    pub href: String,
    pub headline: String,
    pub lead: String,
    pub breaking: bool,
    pub section: Option<SectionLink>,
    pub photo: Option<PhotoView>,
    /// `sizes` for the card's picture.
    pub sizes: String,
    pub published: Option<LocalTime>,
    /// In the newsfeed column: the day ("26/11") of an item older than the newest one's day.
    pub day_label: Option<String>,
    /// Visible comments, where the card shows the count.
    pub comments: Option<i64>,
}

/// The article page's main element.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    pub id: i64,
    /// Site-relative canonical path.
    pub href: String,
    /// `<title>` of the page, also set by the infinite-scroll loader.
    pub document_title: String,
    pub headline: String,
    pub lead: String,
    pub breaking: bool,
    pub section: Option<SectionLink>,
    pub authors: Vec<AuthorLink>,
    pub tags: Vec<TagLink>,
    pub published: Option<LocalTime>,
    /// Shown only when the article changed after it was published.
    pub updated: Option<LocalTime>,
    pub hero: Option<PhotoView>,
    /// Sanitised by `newsdesk_core::body::render`.
    pub body_html: String,
    pub notes: Vec<RenderedNote>,
    pub corrections: Vec<CorrectionView>,
    pub comment_count: i64,
    /// The absolute address readers share, and the links that share it.
    pub url: String,
    pub share: Vec<ShareLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CorrectionView {
    pub at: LocalTime,
    pub text: String,
}

/// The article after this one, for the infinite-scroll loader and the plain link.
#[derive(Debug, Clone, Serialize)]
pub struct NextLink {
    pub href: String,
    /// The same page's fragment (just the `<article>`), fetched by the loader.
    pub fragment_href: String,
    pub headline: String,
}

/// Pagination of a list page: where the reader is, and links to the newer and older
/// pages. No page count: counting a section of a million-article archive costs more than
/// rendering its page, and readers page by "older", as on every news site.
#[derive(Debug, Clone, Serialize)]
pub struct Pager {
    pub page: i64,
    pub newer: Option<String>,
    pub older: Option<String>,
}

impl Pager {
    /// Page `page` (1-based) at `base` (`?page=N` added); `more` when an older page exists.
    pub fn new(base: &str, page: i64, more: bool) -> Self {
        let href = |p: i64| {
            if p <= 1 {
                base.to_owned()
            } else {
                format!("{base}?page={p}")
            }
        };
        Self {
            page,
            newer: (page > 1).then(|| href(page - 1)),
            older: more.then(|| href(page + 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pager_links_neighbours_and_keeps_page_one_clean() {
        let p = Pager::new("/en/section/world", 2, true);
        assert_eq!(p.newer.as_deref(), Some("/en/section/world"));
        assert_eq!(p.older.as_deref(), Some("/en/section/world?page=3"));
        let only = Pager::new("/en", 1, false);
        assert_eq!((only.newer, only.older), (None, None));
    }
}
