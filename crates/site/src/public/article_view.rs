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

/// What the store answers about an article for its page: from one statement
/// ([`Fetched::stored`]) for a page readers open, the long way ([`Fetched::load`]) for the
/// newsroom's preview of an article as it stands in the form.
#[derive(Default)]
pub struct Fetched {
    pub authors: Vec<newsdesk_core::Author>,
    pub tags: Vec<newsdesk_core::Tag>,
    pub corrections: Vec<newsdesk_core::Correction>,
    pub comment_count: i64,
    /// The articles the body embeds as cards, any status.
    pub related: Vec<ArticleSummary>,
    /// Every photo the page may print: hero, share card, inline, the cards' heroes.
    pub photos: HashMap<i64, Photo>,
    /// The next article ("read next", infinite scroll); none in a preview.
    pub next: Option<ArticleSummary>,
    /// The article in other editions; none in a preview.
    pub translations: Vec<ArticleSummary>,
    /// What the body embeds, parsed once per page.
    pub refs: body::EmbedRefs,
}

impl Fetched {
    /// From [`newsdesk_store::Store::article_page`]. Its embeds come from `article_refs`,
    /// which every save keeps with the body; should the two ever differ, what the body
    /// names and the answer lacks is loaded here, so the page never drops a card quietly.
    pub async fn stored(
        state: &AppState,
        page: newsdesk_store::ArticlePage,
    ) -> Result<(Article, Fetched), HttpError> {
        let newsdesk_store::ArticlePage {
            article,
            authors,
            tags,
            corrections,
            comment_count,
            next,
            translations,
            mut related,
            photos,
        } = page;
        let mut photos: HashMap<i64, Photo> = photos.into_iter().map(|p| (p.id, p)).collect();
        let refs = body::embeds(&article.body);
        let missing_articles: Vec<i64> = refs
            .articles
            .iter()
            .copied()
            .filter(|id| !related.iter().any(|r| r.id == *id))
            .collect();
        if !missing_articles.is_empty() {
            let found = state.store().get_articles(&missing_articles).await?;
            related.extend(found.iter().map(ArticleSummary::from));
        }
        let missing_photos: Vec<i64> = wanted_photos(&article, &refs, &related)
            .filter(|id| !photos.contains_key(id))
            .collect();
        if !missing_photos.is_empty() {
            tracing::warn!(
                article = article.id,
                photos = ?missing_photos,
                "article_refs lacks photos the article shows; loaded them separately"
            );
            for p in state.store().get_photos(&missing_photos).await? {
                photos.insert(p.id, p);
            }
        }
        Ok((
            article,
            Fetched {
                authors,
                tags,
                corrections,
                comment_count,
                related,
                photos,
                next,
                translations,
                refs,
            },
        ))
    }

    /// The long way: queries side by side, then every photo in one query. For an article
    /// that may not be stored as it stands (the preview of an edit).
    pub async fn load(
        state: &AppState,
        article: &Article,
        preview: bool,
    ) -> Result<Fetched, HttpError> {
        let store = state.store();
        let refs = body::embeds(&article.body);
        let (authors, tags, others, corrections, comment_count, next, translations) = futures::try_join!(
            store.get_authors(&article.author_ids),
            store.get_tags(&article.tag_ids),
            async {
                if refs.articles.is_empty() {
                    Ok(Vec::new())
                } else {
                    store.get_articles(&refs.articles).await
                }
            },
            store.list_corrections(article.id),
            store.comment_count(article.id),
            async {
                if preview {
                    Ok(None)
                } else {
                    store.next_article(article).await
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
        let related: Vec<ArticleSummary> = others.iter().map(ArticleSummary::from).collect();
        let ids: Vec<i64> = wanted_photos(article, &refs, &related).collect();
        let photos = if ids.is_empty() {
            HashMap::new()
        } else {
            store
                .get_photos(&ids)
                .await?
                .into_iter()
                .map(|p| (p.id, p))
                .collect()
        };
        Ok(Fetched {
            authors,
            tags,
            corrections,
            comment_count,
            related,
            photos,
            next,
            translations,
            refs,
        })
    }
}

/// The photos an article page prints: hero, share card, inline ones, the cards' heroes.
fn wanted_photos<'a>(
    article: &Article,
    refs: &'a body::EmbedRefs,
    related: &'a [ArticleSummary],
) -> impl Iterator<Item = i64> + 'a {
    article
        .hero_photo_id
        .into_iter()
        .chain(article.social_photo_id)
        .chain(refs.photos.iter().copied())
        .chain(related.iter().filter_map(|a| a.hero_photo_id))
}

/// Builds the article's part of the page from what was fetched; `fetched` keeps what
/// surrounds the article (next, translations) for the caller.
pub async fn load(
    state: &AppState,
    ctx: &EditionCtx,
    article: &Article,
    fetched: &mut Fetched,
    keys: &mut Keys,
) -> Result<Loaded, HttpError> {
    let lang = ctx.lang();
    let tz = ctx.edition.tz();
    let i18n = state.i18n();
    keys.add(keys::article(article.id));
    keys.add(keys::comments(article.id));

    let entity_notes = context::entity_notes(state, &article.edition).await?;
    let authors = std::mem::take(&mut fetched.authors);
    let tags = std::mem::take(&mut fetched.tags);
    let corrections = std::mem::take(&mut fetched.corrections);
    let comment_count = fetched.comment_count;
    let all_photos = &fetched.photos;
    let others = &fetched.related;
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
        others,
        all_photos,
        &fetched.refs,
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
    embedded: &[ArticleSummary],
    photos: &HashMap<i64, Photo>,
    refs: &body::EmbedRefs,
    entity_notes: std::sync::Arc<newsdesk_core::body::EntityNotes>,
    keys: &mut Keys,
) -> RenderContext {
    let i18n = state.i18n();
    let mut related = HashMap::new();
    for other in embedded {
        keys.add(keys::article(other.id));
        if other.status != newsdesk_core::ArticleStatus::Published {
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
