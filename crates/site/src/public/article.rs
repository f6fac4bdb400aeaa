//! The article page, its infinite-scroll fragment, and the newsroom's preview.
//!
//! URL: `/{edition}/{yyyy}/{mm}/{dd}/{slug}-{id}`. The id decides; any other date or slug
//! (an old slug, a changed publication date) answers 301 to the current URL. An
//! unpublished article answers 410, a draft 404.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use newsdesk_core::{Article, ArticleStatus};
use newsdesk_store::ArticleSummary;
use serde::{Deserialize, Serialize};

use super::article_view::{self, Fetched, Loaded};
use super::context::{self, Chrome, EditionCtx, Keys};
use super::error_page::or_error_page;
use super::page;

use crate::cache::keys;
use crate::error::HttpError;
use crate::head::{self, HeadMeta};
use crate::state::AppState;
use crate::syndication::feeds::{FeedScope, head_links};
use crate::views::{ArticleView, NextLink, TranslationLink};

#[derive(Debug, Default, Deserialize)]
pub struct ArticleParams {
    /// `?fragment=1`: only the `<article>` element, for the infinite-scroll loader.
    pub fragment: Option<String>,
}

#[derive(Serialize)]
struct ArticlePage {
    #[serde(flatten)]
    chrome: Chrome,
    article: ArticleView,
    next: Option<NextLink>,
    translations: Vec<TranslationLink>,
    newsfeed: super::context::NewsfeedColumn,
    most_read: Vec<crate::most_read::MostRead>,
}

#[derive(Serialize)]
struct Fragment<'a> {
    lang: &'a str,
    site_name: &'a str,
    dir: &'a str,
    article: ArticleView,
    next: Option<NextLink>,
    translations: Vec<TranslationLink>,
}

pub async fn show(
    State(state): State<AppState>,
    Path((code, y, m, d, slug_id)): Path<(String, String, String, String, String)>,
    Query(params): Query<ArticleParams>,
) -> Response {
    // The router hands over the segment decoded; canonical paths carry the slug
    // percent-encoded (an Arabic slug), so compare like with like.
    let requested = format!(
        "/{code}/{y}/{m}/{d}/{}",
        newsdesk_core::slug::url_segment(&slug_id)
    );
    // The cache layer has already sent any other value to `?fragment=1`.
    let fragment = params.fragment.as_deref() == Some("1");
    let result = show_inner(&state, &code, &requested, &slug_id, fragment).await;
    or_error_page(&state, Some(&code), result).await
}

async fn show_inner(
    state: &AppState,
    code: &str,
    requested: &str,
    slug_id: &str,
    fragment: bool,
) -> Result<Response, HttpError> {
    let page = match split_slug_id(slug_id) {
        Some((_, id)) => Some(state.store().article_page(id).await?),
        None => None,
    };
    let article = match &page {
        Some(page) => &page.article,
        // A link from before ids were in URLs, or a hand-trimmed one: try it as an old slug
        // (its canonical path has an id, so this always ends in a redirect).
        None => &state.store().article_by_old_slug(code, slug_id).await?,
    };
    match article.status {
        ArticleStatus::Published => {}
        ArticleStatus::Unpublished => return Err(HttpError::Gone),
        ArticleStatus::Draft | ArticleStatus::Scheduled => return Err(HttpError::NotFound),
    }
    let canonical = article.path();
    if canonical != requested {
        let to = if fragment {
            format!("{canonical}?fragment=1")
        } else {
            canonical
        };
        return Ok(page::redirect(StatusCode::MOVED_PERMANENTLY, &to));
    }
    let Some(stored) = page else {
        return Err(HttpError::NotFound);
    };
    let (article, fetched) = Fetched::stored(state, stored).await?;
    let (html, keys) = build(state, &article, fetched, false, fragment).await?;
    // The newsfeed column changes with every publish in the edition; the article itself
    // rarely. Following the column lazily keeps the edition's article pages cached
    // through a busy news day (the column is at most `REFRESH_AFTER` behind).
    let newsfeed = keys::newsfeed(code);
    let most_read = crate::most_read::key(code);
    let (refresh, keys): (Vec<String>, Vec<String>) = keys
        .into_vec()
        .into_iter()
        .partition(|k| *k == newsfeed || *k == most_read);
    // The section, tag and author keys name their lists, which every publish in them
    // changes; the names this page shows change only through taxonomy events, which reach
    // every page of the edition (`edition:` key, or everything).
    let keys = keys.into_iter().filter(|k| !names_a_list(k)).collect();
    Ok(page::cacheable_refreshing(html, keys, refresh))
}

/// The article page as readers see it, for the newsroom's live preview (`preview` adds a
/// banner and `noindex`, and renders drafts too). Never cached.
pub async fn render_article_html(
    state: &AppState,
    article: &Article,
    preview: bool,
) -> Result<String, HttpError> {
    let fetched = Fetched::load(state, article, preview).await?;
    build(state, article, fetched, preview, false)
        .await
        .map(|(html, _)| html)
}

async fn build(
    state: &AppState,
    article: &Article,
    mut fetched: Fetched,
    preview: bool,
    fragment: bool,
) -> Result<(String, Keys), HttpError> {
    let ctx = EditionCtx::load(state, &article.edition).await?;
    let mut keys = Keys::for_edition(ctx.code());
    let mut view_keys = Keys::default();
    // The article's part and the newsfeed column (a shared fragment), side by side.
    let (loaded, newsfeed) = futures::try_join!(
        article_view::load(state, &ctx, article, &mut fetched, &mut view_keys),
        async {
            if fragment {
                Ok::<_, HttpError>(Default::default())
            } else {
                Ok(context::newsfeed_items(state, &ctx).await?)
            }
        },
    )?;
    keys.extend(view_keys);
    let Loaded {
        view,
        hero,
        social,
        section,
        tags,
        authors,
    } = loaded;
    let Fetched {
        next, translations, ..
    } = fetched;
    // The next article is the one published just before this one: a new publish does not
    // change it, its unpublishing does.
    if let Some(next) = &next {
        keys.add(keys::article(next.id));
    }
    let next = next.as_ref().map(next_link);
    // Whichever member of the group changes, this page's alternates and switcher change.
    if let Some(group) = article.translation_group {
        keys.add(keys::translation_group(group));
    }
    let translated: Vec<TranslationLink> = translations
        .iter()
        .map(|t| TranslationLink {
            code: t.edition.clone(),
            href: t.path(),
        })
        .collect();
    if fragment {
        let html = state.templates().render(
            "article_fragment.html",
            &Fragment {
                lang: ctx.lang(),
                site_name: &state.config().site_name,
                dir: ctx.edition.direction.as_str(),
                article: view,
                next,
                translations: translated,
            },
        )?;
        return Ok((html, keys));
    }
    let newsfeed = context::newsfeed_cards(&ctx, &newsfeed, &mut keys);
    let most_read = if preview {
        Vec::new()
    } else {
        keys.add(crate::most_read::key(ctx.code()));
        crate::most_read::list(state, &ctx).await?
    };
    let feeds = head_links(&state.config().site_name, &ctx.edition, &FeedScope::Edition);
    let mut head = HeadMeta::new(EditionCtx::absolute(state, &view.href));
    head.description = article.search_description().to_owned();
    head.noindex = preview;
    for feed in &feeds {
        head.feed(feed);
    }
    head::article_head(
        &mut head,
        &head::ArticleHead {
            base_url: state.config().base_url.trim_end_matches('/'),
            site_name: &state.config().site_name,
            edition: &ctx.edition,
            article,
            section: section.as_ref(),
            tags: &tags,
            authors: &authors,
            hero: hero.as_ref(),
            social_photo: social.as_ref(),
            translations: &translations,
            default_edition: ctx
                .editions
                .iter()
                .find(|e| e.is_default)
                .map(|e| e.code.as_str()),
        },
    );
    let mut chrome = ctx.chrome(state, article.search_title(), head, feeds);
    chrome.preview = preview;
    chrome.nav_current = section.map(|s| s.slug).unwrap_or_default();
    for link in &mut chrome.editions {
        link.follow(&translated);
    }
    let html = state.templates().render(
        "article.html",
        &ArticlePage {
            chrome,
            article: view,
            next,
            translations: translated,
            newsfeed,
            most_read,
        },
    )?;
    Ok((html, keys))
}

fn next_link(next: &ArticleSummary) -> NextLink {
    let href = next.path();
    NextLink {
        fragment_href: format!("{href}?fragment=1"),
        href,
        headline: next.headline.clone(),
    }
}

fn names_a_list(key: &str) -> bool {
    ["section:", "tag:", "author:"]
        .iter()
        .any(|prefix| key.starts_with(prefix))
}

/// `slug-123` → `("slug", 123)`; a bare `123` has an empty slug.
fn split_slug_id(segment: &str) -> Option<(&str, i64)> {
    match segment.rsplit_once('-') {
        Some((slug, id)) => Some((slug, id.parse().ok().filter(|n: &i64| *n > 0)?)),
        None => Some(("", segment.parse().ok().filter(|n: &i64| *n > 0)?)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_is_the_last_hyphenated_number() {
        assert_eq!(
            split_slug_id("budget-passes-2027-42"),
            Some(("budget-passes-2027", 42))
        );
        assert_eq!(split_slug_id("42"), Some(("", 42)));
        assert_eq!(split_slug_id("budget-passes"), None);
        assert_eq!(split_slug_id("budget-0"), None);
    }
}
