//! Store queries behind feeds and sitemaps: a handful of bulk reads per document, never
//! one query per item.

use std::collections::{BTreeSet, HashMap};

use newsdesk_core::body::{self, EmbedStyle, RenderContext};
use newsdesk_core::{Article, Edition};
use newsdesk_store::{ArticleQuery, Store};

use super::feeds::{FEED_ITEMS, FeedScope};
use super::story::{Lookups, Story};
use crate::error::HttpError;
use crate::state::AppState;

/// The query behind a scope's feed: its latest published articles, newest first.
pub fn feed_query(edition: &str, scope: &FeedScope) -> ArticleQuery {
    let mut q = ArticleQuery {
        edition: Some(edition.to_owned()),
        limit: FEED_ITEMS,
        offset: 0,
        ..ArticleQuery::default()
    };
    match scope {
        FeedScope::Edition => {}
        FeedScope::Section(s) => q.section_id = Some(s.id),
        FeedScope::Tag(t) => q.tag_id = Some(t.id),
        FeedScope::Author(a) => q.author_id = Some(a.id),
    }
    q
}

/// Everything the articles' ids point at, in four queries run side by side.
async fn lookups(
    store: &Store,
    edition: &str,
    articles: &[Article],
    extra_photos: &[i64],
) -> Result<Lookups, HttpError> {
    let tag_ids: Vec<i64> = articles
        .iter()
        .flat_map(|a| a.tag_ids.iter().copied())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let author_ids: Vec<i64> = articles
        .iter()
        .flat_map(|a| a.author_ids.iter().copied())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let photo_ids: Vec<i64> = articles
        .iter()
        .filter_map(|a| a.hero_photo_id)
        .chain(extra_photos.iter().copied())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // Side by side on separate connections; an empty id list asks nothing.
    let (sections, tags, authors, photos) = futures::try_join!(
        store.list_sections(edition),
        store.get_tags(&tag_ids),
        store.get_authors(&author_ids),
        store.get_photos(&photo_ids),
    )?;
    Ok(Lookups::new(sections, tags, authors, photos))
}

/// The latest items of a feed, bodies rendered as the article page renders them (photos
/// and entity notes; related-article cards are left out of feeds, they are navigation).
pub async fn feed_stories(
    state: &AppState,
    edition: &Edition,
    scope: &FeedScope,
) -> Result<Vec<Story>, HttpError> {
    let store = state.store();
    let lang = edition.code.as_str();
    // The items with their bodies in one query, then what they point at (and the entity
    // notes) side by side.
    let articles: Vec<Article> = store
        .list_full_articles(&feed_query(&edition.code, scope))
        .await?
        .into_iter()
        .filter(Article::is_public)
        .collect();
    let embedded: Vec<i64> = articles
        .iter()
        .flat_map(|a| body::embeds(&a.body).photos)
        .collect();
    let (lookups, entity_notes) =
        futures::try_join!(lookups(store, &edition.code, &articles, &embedded), async {
            Ok::<_, HttpError>(crate::public::context::entity_notes(state, lang).await?)
        },)?;
    let i18n = state.i18n();
    let ctx = RenderContext {
        related: HashMap::new(),
        photos: lookups
            .photos
            .iter()
            .filter(|(id, _)| embedded.contains(id))
            .map(|(id, p)| (*id, crate::views::photo_view_sized(p, "100vw")))
            .collect(),
        entity_notes,
        labels: crate::public::article_view::body_labels(i18n, lang),
        // Feed readers run no site script: a post or video is a link.
        embed_style: EmbedStyle::Link,
    };
    let rendered = state
        .bodies()
        .render_many(articles.iter().map(|a| a.body.clone()).collect(), ctx)
        .await?;
    Ok(articles
        .iter()
        .zip(rendered)
        .map(|(a, rendered)| {
            let mut html = rendered.html;
            // The page prints entity notes under the body; a feed has no "under", so they
            // follow the text as a list, keeping the markers' anchors.
            if !rendered.notes.is_empty() {
                html.push_str("<ol class=\"notes\">");
                for n in &rendered.notes {
                    html.push_str(&format!(
                        "<li id=\"note-{}\">{} {}</li>",
                        n.entity_id,
                        super::xml::escape(&n.marker),
                        super::xml::escape(&n.note)
                    ));
                }
                html.push_str("</ol>");
            }
            Story::new(a, edition, &lookups, html)
        })
        .collect())
}
