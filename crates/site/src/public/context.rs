//! What every page of an edition shares: the edition, the edition switcher, the section
//! navigation, and the helpers that turn store rows into cards.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, Utc};
use newsdesk_core::{Edition, Photo, Section};
use newsdesk_store::ArticleSummary;
use serde::Serialize;

use crate::cache::keys;
use crate::error::HttpError;
use crate::head::{FeedLink, HeadMeta};
use crate::i18n::DateParts;
use crate::state::AppState;
use crate::views::{Card, EditionLink, SectionLink, photo_view_sized};

/// An edition with what its chrome shows, loaded once per rendered page.
pub struct EditionCtx {
    pub edition: Edition,
    /// Shared with every other page of the site until a change (see `fragment`).
    pub editions: std::sync::Arc<Vec<Edition>>,
    pub sections: std::sync::Arc<Vec<Section>>,
    /// The edition's static pages, for the footer (shared like the sections).
    pub pages: std::sync::Arc<Vec<super::static_page::FooterLink>>,
}

impl EditionCtx {
    pub async fn load(state: &AppState, code: &str) -> Result<Self, HttpError> {
        // `/favicon.ico`, `/wp-login.php`…: not an edition code, no query needed to know.
        if !newsdesk_core::edition::is_bcp47(code) {
            return Err(HttpError::NotFound);
        }
        // Shared by every page of the edition: loaded once, until a change touches them.
        let store = state.store();
        let cache = state.cache();
        let (editions_keys, sections_keys) = ([keys::editions()], [keys::edition(code)]);
        let sections_name = format!("sections:{code}");
        let (editions, sections, pages) = futures::try_join!(
            cache.fragment("editions", &editions_keys, || store.list_editions()),
            cache.fragment(&sections_name, &sections_keys, || {
                store.list_sections(code)
            }),
            super::static_page::footer_links(state, code),
        )?;
        let edition = editions
            .iter()
            .find(|e| e.code == code)
            .cloned()
            .ok_or(HttpError::NotFound)?;
        Ok(Self {
            edition,
            editions,
            sections,
            pages,
        })
    }

    pub fn code(&self) -> &str {
        &self.edition.code
    }

    pub fn lang(&self) -> &str {
        &self.edition.code
    }

    pub fn section(&self, id: Option<i64>) -> Option<&Section> {
        let id = id?;
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn section_link(&self, id: Option<i64>) -> Option<SectionLink> {
        self.section(id).map(SectionLink::new)
    }

    /// The chrome of a page titled `title` (the site name is appended).
    pub fn chrome(
        &self,
        state: &AppState,
        title: &str,
        head: HeadMeta,
        feeds: Vec<FeedLink>,
    ) -> Chrome {
        let site = &state.config().site_name;
        let today = Utc::now().with_timezone(&self.edition.tz()).date_naive();
        Chrome {
            lang: self.edition.code.clone(),
            dir: self.edition.direction.as_str(),
            edition: EditionLink::new(&self.edition, &self.edition.code),
            editions: self
                .editions
                .iter()
                .map(|e| EditionLink::new(e, &self.edition.code))
                .collect(),
            sections: self.sections.iter().map(SectionLink::new).collect(),
            footer_pages: self.pages.to_vec(),
            site_name: site.clone(),
            title: if title.is_empty() {
                site.clone()
            } else {
                format!("{title} | {site}")
            },
            today: state.i18n().date_parts(self.lang(), today),
            year: today.year(),
            head,
            feeds,
            nav_current: String::new(),
            preview: false,
        }
    }

    /// An absolute URL for a site-relative path.
    pub fn absolute(state: &AppState, path: &str) -> String {
        format!("{}{}", state.config().base_url.trim_end_matches('/'), path)
    }

    pub fn t(&self, state: &AppState, key: &str) -> String {
        state.i18n().text(self.lang(), key)
    }
}

/// Variables every page template uses (flattened into the page's own context).
#[derive(Debug, Clone, Serialize)]
pub struct Chrome {
    pub lang: String,
    pub dir: &'static str,
    pub edition: EditionLink,
    pub editions: Vec<EditionLink>,
    pub sections: Vec<SectionLink>,
    /// The footer's links to the edition's static pages (none: no list at all).
    pub footer_pages: Vec<super::static_page::FooterLink>,
    pub site_name: String,
    /// The `<title>`.
    pub title: String,
    pub today: DateParts,
    pub year: i32,
    pub head: HeadMeta,
    /// Feeds of this page, linked in the footer and the subscribe block.
    pub feeds: Vec<FeedLink>,
    /// Slug of the section the navigation marks current, or `home`.
    pub nav_current: String,
    /// The newsroom's preview of an unpublished article.
    pub preview: bool,
}

/// Surrogate keys a page collects while it is built.
#[derive(Debug, Default)]
pub struct Keys(BTreeSet<String>);

impl Keys {
    pub fn for_edition(code: &str) -> Self {
        let mut k = Self::default();
        k.add(keys::edition(code));
        k
    }

    pub fn add(&mut self, key: String) -> &mut Self {
        self.0.insert(key);
        self
    }

    /// Adds the keys another part of the page collected (loaded concurrently).
    pub fn extend(&mut self, other: Keys) -> &mut Self {
        self.0.extend(other.0);
        self
    }

    pub fn into_vec(self) -> Vec<String> {
        self.0.into_iter().collect()
    }
}

/// What cards show besides the summary: hero photos and comment counts.
#[derive(Debug, Default)]
pub struct CardMedia {
    pub photos: HashMap<i64, Photo>,
    /// Visible comments per article; `None` where cards show no count (the newsfeed).
    pub comments: Option<HashMap<i64, i64>>,
}

/// Loads the hero photos and comment counts of `items`, one query each, concurrently.
pub async fn card_media(
    state: &AppState,
    items: &[&ArticleSummary],
) -> Result<CardMedia, HttpError> {
    let mut ids: Vec<i64> = items.iter().filter_map(|a| a.hero_photo_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let articles: Vec<i64> = items.iter().map(|a| a.id).collect();
    let store = state.store();
    let photos = async {
        if ids.is_empty() {
            Ok(Vec::new())
        } else {
            store.get_photos(&ids).await
        }
    };
    let (photos, comments) = futures::try_join!(photos, store.comment_counts(&articles))?;
    Ok(CardMedia {
        photos: photos.into_iter().map(|p| (p.id, p)).collect(),
        comments: Some(comments),
    })
}

/// Cards for `items`; photos and counts must come from [`card_media`]. Tags the page with
/// the photos and, where it prints a count, with each article's comments.
pub fn cards(
    state: &AppState,
    ctx: &EditionCtx,
    items: &[&ArticleSummary],
    media: &CardMedia,
    sizes: &str,
    keys: &mut Keys,
) -> Vec<Card> {
    items
        .iter()
        .map(|a| {
            let photo = a.hero_photo_id.and_then(|id| media.photos.get(&id));
            if let Some(p) = photo {
                keys.add(keys::photo(p.id));
            }
            let comments = media.comments.as_ref().map(|counts| {
                keys.add(keys::comments(a.id));
                counts.get(&a.id).copied().unwrap_or(0)
            });
            Card {
                id: a.id,
                href: a.path(),
                headline: a.headline.clone(),
                lead: a.lead.clone(),
                breaking: a.breaking,
                section: ctx.section_link(a.section_id),
                photo: photo.map(|p| photo_view_sized(p, sizes)),
                sizes: sizes.to_owned(),
                published: a
                    .published_at
                    .map(|at| state.i18n().local_time(ctx.lang(), ctx.edition.tz(), at)),
                day_label: None,
                comments,
            }
        })
        .collect()
}

/// The newsfeed column: its entries (articles and short items) and their views, made once
/// per change to the newsfeed and shared by every page of the edition until the next one.
/// A view's day label is relative to the newest entry, not to the clock, so it stays true
/// as long as the entries do; formatting them on every miss had been 4% of an article's.
#[derive(Default)]
pub struct Newsfeed {
    pub entries: Vec<newsdesk_store::FeedEntry>,
    pub views: Vec<crate::live::FeedItemView>,
    /// The column's HTML (`partials/newsfeed.html`), rendered with the views: the same on
    /// every page of the edition. `None` if rendering failed; pages then render the views.
    pub html: Option<String>,
}

/// The newsfeed column as a page prints it.
#[derive(Debug, Default, Serialize)]
pub struct NewsfeedColumn {
    /// The shared HTML, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    /// The items, for the page's template to render where there is no shared HTML.
    pub items: Vec<crate::live::FeedItemView>,
}

pub async fn newsfeed_items(
    state: &AppState,
    ctx: &EditionCtx,
) -> Result<std::sync::Arc<Newsfeed>, newsdesk_store::StoreError> {
    let code = ctx.code();
    state
        .cache()
        .fragment(
            &format!("newsfeed:{code}"),
            &[keys::newsfeed(code), keys::edition(code)],
            || async {
                let entries = state.store().newsfeed(code, None, NEWSFEED_ITEMS).await?;
                let views = crate::live::feed::views(state, ctx, &entries);
                let html = column_html(state, code, &views);
                Ok(Newsfeed {
                    entries,
                    views,
                    html,
                })
            },
        )
        .await
}

/// Renders the column once for every page of the edition that shows it (rendering its
/// fifteen items on every miss had been a few percent of one). Its variables are the ones a
/// page gives the partial: the page's language is the edition's code, as in
/// [`EditionCtx::chrome`].
fn column_html(
    state: &AppState,
    code: &str,
    views: &[crate::live::FeedItemView],
) -> Option<String> {
    render_column(state.templates(), code, views)
        .inspect_err(|e| {
            tracing::warn!(edition = code, error = %e, "the newsfeed column did not render; pages render it themselves");
        })
        .ok()
}

fn render_column(
    templates: &crate::templates::Templates,
    code: &str,
    views: &[crate::live::FeedItemView],
) -> Result<String, HttpError> {
    let column = minijinja::context! {
        lang => code,
        edition => minijinja::context! { code => code },
        newsfeed => minijinja::context! { items => views },
    };
    templates.render("partials/newsfeed.html", column)
}

/// The column as a page prints it; tags the page with the newsfeed's key.
pub fn newsfeed_cards(ctx: &EditionCtx, feed: &Newsfeed, keys: &mut Keys) -> NewsfeedColumn {
    keys.add(keys::newsfeed(ctx.code()));
    match &feed.html {
        Some(html) => NewsfeedColumn {
            html: Some(html.clone()),
            items: Vec::new(),
        },
        None => NewsfeedColumn {
            html: None,
            items: feed.views.clone(),
        },
    }
}

/// The edition's entity notes, prepared for matching, shared by every render until a
/// change to the notes (which clears every fragment).
pub async fn entity_notes(
    state: &AppState,
    code: &str,
) -> Result<std::sync::Arc<newsdesk_core::body::EntityNotes>, newsdesk_store::StoreError> {
    state
        .cache()
        .fragment(&format!("notes:{code}"), &[keys::edition(code)], || async {
            let notes = state.store().entity_notes(code).await?;
            Ok(newsdesk_core::body::EntityNotes::new(notes))
        })
        .await
}

pub const NEWSFEED_ITEMS: i64 = 15;

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::TimeZone;

    use super::*;
    use crate::assets::Assets;
    use crate::i18n::I18n;
    use crate::live::FeedItemView;
    use crate::templates::Templates;

    fn item(id: i64, breaking: bool) -> FeedItemView {
        FeedItemView {
            key: format!("a{id}"),
            kind: "article",
            id,
            headline: format!("Storm <{id}> & \"floods\""),
            text: String::new(),
            href: format!("/ar/news/{id}"),
            important: id % 2 == 0,
            breaking,
            published_at: Utc.with_ymd_and_hms(2026, 12, 7, 14, 5, 0).unwrap(),
            time: "14:05".into(),
            day: if id > 1 {
                "06/12".into()
            } else {
                String::new()
            },
            datetime: "2026-12-07T16:05:00+02:00".into(),
            full: "7 December 2026, 16:05 EET".into(),
        }
    }

    /// The shared HTML is what the page's own template writes for the same items.
    #[test]
    fn the_shared_column_is_the_column_a_page_renders() {
        let templates = Templates::load_with(
            Arc::new(I18n::load().unwrap()),
            Arc::new(Assets::load()),
            vec![(
                "page.html".into(),
                "<p>{{ lang }}</p>{% include \"partials/newsfeed.html\" %}<p>end</p>".into(),
            )],
        )
        .unwrap();
        let views = vec![item(1, true), item(2, false), item(3, false)];
        let shared = render_column(&templates, "ar", &views).unwrap();
        let page = templates
            .render(
                "page.html",
                minijinja::context! {
                    lang => "ar",
                    edition => minijinja::context! { code => "ar" },
                    newsfeed => NewsfeedColumn { html: None, items: views },
                },
            )
            .unwrap();
        assert_eq!(page, format!("<p>ar</p>{shared}<p>end</p>"));
        assert!(
            shared.contains("Storm &lt;2&gt; &amp; &quot;floods&quot;"),
            "{shared}"
        );
        assert!(shared.contains("/ar/newsfeed"), "{shared}");
        assert_eq!(
            shared.matches("newsfeed__item--breaking").count(),
            1,
            "{shared}"
        );
    }
}
