//! Building an article's view: everything the page shows about one article, loaded from
//! the store (authors, tags, photos, body embeds, entity notes, corrections).

use std::collections::HashMap;

use newsdesk_core::body::{self, Labels, RelatedCard, RenderContext};
use newsdesk_core::{Article, Photo};

use super::context::{EditionCtx, Keys};
use crate::cache::keys;
use crate::error::HttpError;
use crate::state::AppState;
use crate::views::{ArticleView, AuthorLink, CorrectionView, TagLink, photo_view_sized};

const HERO_SIZES: &str = "(min-width: 1100px) 760px, (min-width: 760px) 66vw, 100vw";
const INLINE_SIZES: &str = "(min-width: 1100px) 680px, 100vw";
const CARD_SIZES: &str = "160px";
/// An article saved within this long after publication does not show "Updated".
const UPDATE_GRACE_SECONDS: i64 = 120;

/// What the article page needs besides its chrome, plus what the head builders use.
pub struct Loaded {
    pub view: ArticleView,
    pub hero: Option<Photo>,
    pub section: Option<newsdesk_core::Section>,
    pub tags: Vec<newsdesk_core::Tag>,
    pub authors: Vec<newsdesk_core::Author>,
}

pub async fn load(
    state: &AppState,
    ctx: &EditionCtx,
    article: &Article,
    keys: &mut Keys,
) -> Result<Loaded, HttpError> {
    let store = state.store();
    let lang = ctx.lang();
    let tz = ctx.edition.tz();
    let i18n = state.i18n();
    keys.add(keys::article(article.id));

    let authors = store.get_authors(&article.author_ids).await?;
    let tags = store.get_tags(&article.tag_ids).await?;
    for a in &authors {
        keys.add(keys::author(a.id));
    }
    for t in &tags {
        keys.add(keys::tag(t.id));
    }
    let section = ctx.section(article.section_id).cloned();
    if let Some(s) = &section {
        keys.add(keys::section(s.id));
    }
    let hero = match article.hero_photo_id {
        Some(id) => match store.get_photo(id).await {
            Ok(photo) => Some(photo),
            Err(newsdesk_store::StoreError::NotFound) => None,
            Err(e) => return Err(e.into()),
        },
        None => None,
    };
    if let Some(p) = &hero {
        keys.add(keys::photo(p.id));
    }

    let refs = body::embeds(&article.body);
    let mut related = HashMap::new();
    if !refs.articles.is_empty() {
        let others = store.get_articles(&refs.articles).await?;
        let other_photo_ids: Vec<i64> = others.iter().filter_map(|a| a.hero_photo_id).collect();
        let other_photos: HashMap<i64, Photo> = if other_photo_ids.is_empty() {
            HashMap::new()
        } else {
            store
                .get_photos(&other_photo_ids)
                .await?
                .into_iter()
                .map(|p| (p.id, p))
                .collect()
        };
        for other in others {
            // A related article's change (or unpublication) must reach this page too.
            keys.add(keys::article(other.id));
            if !other.is_public() {
                continue;
            }
            let when = other.published_at.map(|at| i18n.local_time(lang, tz, at));
            let photo = other.hero_photo_id.and_then(|id| other_photos.get(&id));
            if let Some(p) = photo {
                keys.add(keys::photo(p.id));
            }
            related.insert(
                other.id,
                RelatedCard {
                    url: other.path(),
                    headline: other.headline.clone(),
                    published_label: when.as_ref().map(|w| w.date.clone()).unwrap_or_default(),
                    datetime: when.map(|w| w.datetime).unwrap_or_default(),
                    photo: photo.map(|p| photo_view_sized(p, CARD_SIZES)),
                },
            );
        }
    }
    let mut photos = HashMap::new();
    if !refs.photos.is_empty() {
        for photo in store.get_photos(&refs.photos).await? {
            keys.add(keys::photo(photo.id));
            photos.insert(photo.id, photo_view_sized(&photo, INLINE_SIZES));
        }
    }
    let render_ctx = RenderContext {
        related,
        photos,
        entity_notes: store.entity_notes(&article.edition).await?,
        labels: Labels {
            related: i18n.text(lang, "body-related"),
            note: i18n.text(lang, "body-note"),
        },
    };
    let rendered = state
        .bodies()
        .render(article.body.clone(), render_ctx)
        .await?;

    let corrections = store
        .list_corrections(article.id)
        .await?
        .into_iter()
        .map(|c| CorrectionView {
            at: i18n.local_time(lang, tz, c.created_at),
            text: c.text,
        })
        .collect();
    let published = article.published_at.map(|at| i18n.local_time(lang, tz, at));
    let updated = match article.published_at {
        Some(at) if (article.updated_at - at).num_seconds() > UPDATE_GRACE_SECONDS => {
            Some(i18n.local_time(lang, tz, article.updated_at))
        }
        _ => None,
    };
    let view = ArticleView {
        id: article.id,
        href: article.path(),
        document_title: format!("{} | {}", article.headline, state.config().site_name),
        headline: article.headline.clone(),
        lead: article.lead.clone(),
        breaking: article.breaking,
        section: section.as_ref().map(crate::views::SectionLink::new),
        authors: authors
            .iter()
            .map(|a| AuthorLink::new(a, &article.edition))
            .collect(),
        tags: tags.iter().map(TagLink::new).collect(),
        published,
        updated,
        hero: hero.as_ref().map(|p| photo_view_sized(p, HERO_SIZES)),
        body_html: rendered.html,
        notes: rendered.notes,
        corrections,
        // Comments arrive with the readers' features; the count is part of the page so a
        // new comment will invalidate it like any other change.
        comment_count: 0,
    };
    Ok(Loaded {
        view,
        hero,
        section,
        tags,
        authors,
    })
}
