//! Paginated lists of an edition's articles: by section, tag, author, and all of them.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use newsdesk_store::{ArticleQuery, ArticleSummary};
use serde::Serialize;

use super::context::{self, Chrome, EditionCtx, Keys};
use super::error_page::or_error_page;
use super::page::{self, MAX_PAGE, PageQuery};
use crate::cache::keys;
use crate::error::HttpError;
use crate::head::HeadMeta;
use crate::i18n;
use crate::state::AppState;
use crate::syndication::feeds::{FeedScope, head_links};
use crate::views::{Card, Pager, accent_for};

pub const PER_PAGE: i64 = 20;

#[derive(Serialize)]
pub struct ListPage {
    #[serde(flatten)]
    pub chrome: Chrome,
    pub kicker: Option<String>,
    pub heading: String,
    pub intro: Option<String>,
    pub accent: Option<i32>,
    pub articles: Vec<Card>,
    pub empty_text: String,
    pub pager: Option<Pager>,
    pub day_nav: Option<DayNav>,
    pub newsfeed: super::context::NewsfeedColumn,
}

#[derive(Serialize)]
pub struct DayNav {
    pub previous: String,
    pub next: Option<String>,
}

/// What differs between the list pages.
pub struct Listing {
    pub query: ArticleQuery,
    /// Site-relative path of page 1; also the base of its feeds.
    pub base: String,
    pub kicker: Option<String>,
    pub heading: String,
    pub intro: Option<String>,
    pub accent: Option<i32>,
    pub nav_current: String,
    /// The page's own feeds; `None` links the edition's.
    pub feeds: Option<FeedScope>,
    /// Archive pages link the days around them.
    pub day_nav: Option<DayNav>,
    /// UI string key for an empty list.
    pub empty_key: &'static str,
}

pub async fn section(
    State(state): State<AppState>,
    Path((code, slug)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
) -> Response {
    let result = async {
        let ctx = EditionCtx::load(&state, &code).await?;
        // The edition's sections are already loaded for the navigation.
        let section = ctx
            .sections
            .iter()
            .find(|s| s.slug == slug)
            .cloned()
            .ok_or(HttpError::NotFound)?;
        let mut keys = Keys::for_edition(&code);
        keys.add(keys::section(section.id));
        let listing = Listing {
            query: ArticleQuery {
                edition: Some(code.clone()),
                section_id: Some(section.id),
                ..Default::default()
            },
            base: format!("/{code}/section/{slug}"),
            kicker: Some(ctx.t(&state, "list-kicker-section")),
            heading: section.name.clone(),
            intro: None,
            accent: Some(accent_for(&section)),
            nav_current: section.slug.clone(),
            feeds: Some(FeedScope::Section(section.clone())),
            day_nav: None,
            empty_key: "list-empty",
        };
        render(&state, &ctx, listing, &q, keys).await
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

pub async fn tag(
    State(state): State<AppState>,
    Path((code, slug)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
) -> Response {
    let result = async {
        let (ctx, tag) = futures::try_join!(EditionCtx::load(&state, &code), async {
            Ok::<_, HttpError>(state.store().tag_by_slug(&code, &slug).await?)
        })?;
        let mut keys = Keys::for_edition(&code);
        keys.add(keys::tag(tag.id));
        let listing = Listing {
            query: ArticleQuery {
                edition: Some(code.clone()),
                tag_id: Some(tag.id),
                ..Default::default()
            },
            base: format!("/{code}/tag/{slug}"),
            kicker: Some(ctx.t(&state, "list-kicker-tag")),
            heading: tag.name.clone(),
            intro: None,
            accent: None,
            nav_current: String::new(),
            feeds: Some(FeedScope::Tag(tag.clone())),
            day_nav: None,
            empty_key: "list-empty",
        };
        render(&state, &ctx, listing, &q, keys).await
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

pub async fn author(
    State(state): State<AppState>,
    Path((code, slug)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
) -> Response {
    let result = async {
        let (ctx, author) = futures::try_join!(EditionCtx::load(&state, &code), async {
            Ok::<_, HttpError>(state.store().author_by_slug(&slug).await?)
        })?;
        let mut keys = Keys::for_edition(&code);
        keys.add(keys::author(author.id));
        let listing = Listing {
            query: ArticleQuery {
                edition: Some(code.clone()),
                author_id: Some(author.id),
                ..Default::default()
            },
            base: format!("/{code}/author/{slug}"),
            kicker: Some(ctx.t(&state, "list-kicker-author")),
            heading: author.name.clone(),
            intro: Some(author.bio.trim().to_owned()).filter(|b| !b.is_empty()),
            accent: None,
            nav_current: String::new(),
            feeds: Some(FeedScope::Author(author.clone())),
            day_nav: None,
            empty_key: "list-empty",
        };
        render(&state, &ctx, listing, &q, keys).await
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

/// `/{edition}/latest`: everything in the newsfeed, newest first.
pub async fn latest(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<PageQuery>,
) -> Response {
    let result = async {
        let ctx = EditionCtx::load(&state, &code).await?;
        let mut keys = Keys::for_edition(&code);
        keys.add(keys::newsfeed(&code));
        let listing = Listing {
            query: ArticleQuery {
                edition: Some(code.clone()),
                in_newsfeed: Some(true),
                ..Default::default()
            },
            base: format!("/{code}/latest"),
            kicker: None,
            heading: ctx.t(&state, "newsfeed-all"),
            intro: None,
            accent: None,
            nav_current: String::new(),
            feeds: None,
            day_nav: None,
            empty_key: "list-empty",
        };
        render(&state, &ctx, listing, &q, keys).await
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

pub async fn render(
    state: &AppState,
    ctx: &EditionCtx,
    listing: Listing,
    q: &PageQuery,
    mut keys: Keys,
) -> Result<Response, HttpError> {
    let page_no = q.number().ok_or(HttpError::NotFound)?;
    let mut query = listing.query.clone();
    // One more than a page tells whether an older page exists, with no count: counting a
    // section of a large archive cost more than the rest of its page.
    query.limit = PER_PAGE + 1;
    query.offset = (page_no - 1) * PER_PAGE;
    let (mut items, feed_items) = futures::try_join!(
        state.store().list_articles(&query),
        context::newsfeed_items(state, ctx),
    )?;
    let newsfeed = context::newsfeed_cards(ctx, &feed_items, &mut keys);
    if items.is_empty() && page_no > 1 {
        return Err(HttpError::NotFound);
    }
    let more = items.len() > PER_PAGE as usize && page_no < MAX_PAGE;
    items.truncate(PER_PAGE as usize);
    let refs: Vec<&ArticleSummary> = items.iter().collect();
    let photos = context::card_media(state, &refs).await?;
    let articles = context::cards(
        state,
        ctx,
        &refs,
        &photos,
        "(min-width: 1100px) 300px, (min-width: 600px) 50vw, 100vw",
        &mut keys,
    );
    let pager = Pager::new(&listing.base, page_no, more);

    let title = if page_no > 1 {
        state.i18n().get(
            ctx.lang(),
            "list-title-page",
            Some(&i18n::args(&[
                ("title", listing.heading.clone()),
                ("page", page_no.to_string()),
            ])),
        )
    } else {
        listing.heading.clone()
    };
    let canonical = if page_no > 1 {
        format!("{}?page={page_no}", listing.base)
    } else {
        listing.base.clone()
    };
    let mut head = HeadMeta::new(EditionCtx::absolute(state, &canonical));
    let description = listing
        .intro
        .clone()
        .unwrap_or_else(|| listing.heading.clone());
    crate::head::listing_head(
        &mut head,
        &state.config().base_url,
        &state.config().site_name,
        &ctx.edition,
        &format!("{} | {}", title, state.config().site_name),
        &description,
    );
    head.description = description;
    let scope = listing.feeds.clone().unwrap_or(FeedScope::Edition);
    let feeds = head_links(&state.config().site_name, &ctx.edition, &scope);
    for feed in &feeds {
        head.feed(feed);
    }
    let mut chrome = ctx.chrome(state, &title, head, feeds);
    chrome.nav_current = listing.nav_current;
    let list = ListPage {
        chrome,
        kicker: listing.kicker,
        heading: listing.heading,
        intro: listing.intro,
        accent: listing.accent,
        articles,
        empty_text: ctx.t(state, listing.empty_key),
        pager: Some(pager),
        day_nav: listing.day_nav,
        newsfeed,
    };
    let mut response = page::render(state, "list.html", &list, keys)?;
    // An empty list is rendered but not kept: the archive alone has an empty page for
    // every day since year 1, and holding them would let anyone flush the real pages out.
    if items.is_empty() {
        response
            .extensions_mut()
            .remove::<crate::cache::Cacheable>();
    }
    Ok(response)
}
