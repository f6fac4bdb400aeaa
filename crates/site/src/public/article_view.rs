//! Building an article's view: everything the page shows about one article, loaded from
//! the store (authors, tags, photos, body embeds, entity notes, corrections).

use std::collections::HashMap;

use newsdesk_core::body::{self, Labels, RelatedCard, RenderContext};
use newsdesk_core::{Article, Photo};
use newsdesk_store::ArticleSummary;

use super::context::{self, EditionCtx, Keys};
use crate::cache::keys;
use crate::error::HttpError;
use crate::state::AppState;
use crate::views::{ArticleView, AuthorLink, CorrectionView, TagLink, hero_view, photo_view_sized};

const HERO_SIZES: &str = "(min-width: 1100px) 760px, (min-width: 760px) 66vw, 100vw";
const INLINE_SIZES: &str = "(min-width: 1100px) 680px, 100vw";
const CARD_SIZES: &str = "160px";
/// An article saved within this long after publication does not show "Updated".
const UPDATE_GRACE_SECONDS: i64 = 120;

/// What the article page needs besides its chrome, plus what the head builders use.
pub struct Loaded {
    pub view: ArticleView,
    pub hero: Option<Photo>,
    /// The photo share cards and JSON-LD show instead of the hero, when one is set.
    pub social: Option<Photo>,
    pub section: Option<newsdesk_core::Section>,
    pub tags: Vec<newsdesk_core::Tag>,
    pub authors: Vec<newsdesk_core::Author>,
}

/// What surrounds the article on its page: the next article (for "read next"), the
/// newsfeed column's items, the article in other editions. Empty parts for a preview (no
/// next article or translations) and a fragment (no newsfeed; its translations let the
/// loader point the edition switcher at the article being read).
#[derive(Default)]
pub struct Around {
    pub next: Option<ArticleSummary>,
    pub newsfeed: std::sync::Arc<Vec<newsdesk_store::FeedEntry>>,
    pub translations: Vec<ArticleSummary>,
}

/// Loads [`Around`] with its queries side by side (each on its own connection); meant to
/// run beside [`load`] (`futures::try_join!(load(…), around(…))`), so a miss of the article
/// page waits for about two database round trips instead of a dozen in a row.
pub async fn around(
    state: &AppState,
    ctx: &EditionCtx,
    article: &Article,
    preview: bool,
    fragment: bool,
) -> Result<Around, HttpError> {
    let store = state.store();
    let (next, newsfeed, translations) = futures::try_join!(
        async {
            if preview {
                Ok(None)
            } else {
                store.next_article(article).await
            }
        },
        async {
            if fragment {
                Ok(Default::default())
            } else {
                context::newsfeed_items(state, ctx).await
            }
        },
        async {
            if preview {
                Ok(Vec::new())
            } else {
                store.translations(article).await
            }
        },
    )?;
    Ok(Around {
        next,
        newsfeed,
        translations,
    })
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
    keys.add(keys::comments(article.id));

    // Everything the page shows about the article, in two waves of queries run side by
    // side: what the article's ids point at, then every photo (hero, inline, related
    // cards' heroes) in one query.
    let refs = body::embeds(&article.body);
    let (authors, tags, others, entity_notes, corrections, comment_count) = futures::try_join!(
        store.get_authors(&article.author_ids),
        store.get_tags(&article.tag_ids),
        async {
            if refs.articles.is_empty() {
                Ok(Vec::new())
            } else {
                store.get_articles(&refs.articles).await
            }
        },
        context::entity_notes(state, &article.edition),
        store.list_corrections(article.id),
        store.comment_count(article.id),
    )?;
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
    let mut photo_ids: Vec<i64> = article.hero_photo_id.into_iter().collect();
    photo_ids.extend(article.social_photo_id);
    photo_ids.extend(&refs.photos);
    photo_ids.extend(others.iter().filter_map(|a| a.hero_photo_id));
    let all_photos: HashMap<i64, Photo> = if photo_ids.is_empty() {
        HashMap::new()
    } else {
        store
            .get_photos(&photo_ids)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect()
    };
    let hero = article
        .hero_photo_id
        .and_then(|id| all_photos.get(&id))
        .cloned();
    if let Some(p) = &hero {
        keys.add(keys::photo(p.id));
    }
    // Its alt text is in the head (`og:image:alt`), so a change to it reaches the page.
    let social = article
        .social_photo_id
        .and_then(|id| all_photos.get(&id))
        .cloned();
    if let Some(p) = &social {
        keys.add(keys::photo(p.id));
    }

    let render_ctx = body_context(
        state,
        lang,
        tz,
        &others,
        &all_photos,
        &refs,
        entity_notes,
        keys,
    );
    let rendered = state
        .bodies()
        .render(article.body.clone(), render_ctx)
        .await?;

    let corrections = corrections
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
    let href = article.path();
    let url = EditionCtx::absolute(state, &href);
    let view = ArticleView {
        id: article.id,
        share: crate::views::share_links(&article.edition, &url, &article.headline),
        url,
        href,
        document_title: format!("{} | {}", article.search_title(), state.config().site_name),
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
        // Framed 16:9 whatever the photo's shape (the crop ladder, around its focal point).
        hero: hero.as_ref().map(|p| hero_view(p, HERO_SIZES)),
        body_html: rendered.html,
        notes: rendered.notes,
        corrections,
        // Part of the cached page: the `comments:` key drops it when the count changes.
        comment_count,
    };
    Ok(Loaded {
        view,
        hero,
        social,
        section,
        tags,
        authors,
    })
}

/// What a body's renderer needs: a card for each embedded article that is public (every
/// one a cache key, its photo too, so its unpublishing or new headline reaches the page),
/// the inline photos, the edition's entity notes and the labels. Articles and photos come
/// from the caller's batched loads. Shared by article and static pages.
#[expect(
    clippy::too_many_arguments,
    reason = "the batched loads of two callers"
)]
pub(crate) fn body_context(
    state: &AppState,
    lang: &str,
    tz: chrono_tz::Tz,
    embedded: &[Article],
    photos: &HashMap<i64, Photo>,
    refs: &body::EmbedRefs,
    entity_notes: std::sync::Arc<newsdesk_core::body::EntityNotes>,
    keys: &mut Keys,
) -> RenderContext {
    let i18n = state.i18n();
    let mut related = HashMap::new();
    for other in embedded {
        keys.add(keys::article(other.id));
        if !other.is_public() {
            continue;
        }
        let when = other.published_at.map(|at| i18n.local_time(lang, tz, at));
        let photo = other.hero_photo_id.and_then(|id| photos.get(&id));
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
    let mut inline = HashMap::new();
    for id in &refs.photos {
        if let Some(photo) = photos.get(id) {
            keys.add(keys::photo(photo.id));
            inline.insert(photo.id, photo_view_sized(photo, INLINE_SIZES));
        }
    }
    RenderContext {
        related,
        photos: inline,
        entity_notes,
        labels: body_labels(i18n, lang),
        embed_style: body::EmbedStyle::Page,
    }
}

/// The words a body prints, in `lang`. The embed links keep `{provider}` for the renderer
/// to fill in with the provider's name.
pub(crate) fn body_labels(i18n: &crate::i18n::I18n, lang: &str) -> Labels {
    let provider = crate::i18n::args(&[("provider", "{provider}".to_owned())]);
    Labels {
        related: i18n.text(lang, "body-related"),
        note: i18n.text(lang, "body-note"),
        play_video: i18n.text(lang, "body-embed-play"),
        watch_on: i18n.get(lang, "body-embed-watch", Some(&provider)),
        view_post: i18n.get(lang, "body-embed-view-post", Some(&provider)),
    }
}
