//! An edition's front page: the lead story, the top stories, one block per section, and
//! the newsfeed column.

use axum::extract::{Path, State};
use axum::response::Response;
use newsdesk_store::{ArticleQuery, ArticleSummary};
use serde::Serialize;

use super::context::{self, Chrome, EditionCtx, Keys};
use super::error_page::or_error_page;
use super::page;
use crate::cache::keys;
use crate::error::HttpError;
use crate::head::HeadMeta;
use crate::state::AppState;
use crate::syndication::feeds::{FeedScope, head_links};
use crate::views::{Card, SectionLink};

/// Stories at the top: one lead and this many beside it.
const TOP_STORIES: usize = 4;
const PER_SECTION: i64 = 4;

#[derive(Serialize)]
struct FrontPage {
    #[serde(flatten)]
    chrome: Chrome,
    lead: Option<Card>,
    top: Vec<Card>,
    blocks: Vec<Block>,
    newsfeed: super::context::NewsfeedColumn,
    most_read: Vec<crate::most_read::MostRead>,
}

#[derive(Serialize)]
struct Block {
    section: SectionLink,
    articles: Vec<Card>,
}

pub async fn show(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    let result = render(&state, &code).await;
    or_error_page(&state, Some(&code), result).await
}

async fn render(state: &AppState, code: &str) -> Result<Response, HttpError> {
    let ctx = EditionCtx::load(state, code).await?;
    let mut keys = Keys::for_edition(code);
    keys.add(keys::front(code));
    let store = state.store();

    // Every list of the page in one query: the latest stories, a block per section, the
    // newsfeed column.
    let mut queries = vec![ArticleQuery {
        edition: Some(code.to_owned()),
        limit: (TOP_STORIES + 1) as i64,
        ..Default::default()
    }];
    queries.extend(ctx.sections.iter().map(|section| ArticleQuery {
        edition: Some(code.to_owned()),
        section_id: Some(section.id),
        limit: PER_SECTION + TOP_STORIES as i64 + 1,
        ..Default::default()
    }));
    let (lists, feed_items, most_read) = futures::try_join!(
        async { Ok::<_, HttpError>(store.list_articles_each(&queries).await?) },
        async { Ok(context::newsfeed_items(state, &ctx).await?) },
        crate::most_read::list(state, &ctx),
    )?;
    let mut lists = lists.into_iter();
    let latest = lists.next().unwrap_or_default();
    // A breaking story leads; otherwise the newest.
    let lead_index = latest.iter().position(|a| a.breaking).unwrap_or(0);
    let mut ordered: Vec<&ArticleSummary> = Vec::with_capacity(latest.len());
    if let Some(lead) = latest.get(lead_index) {
        ordered.push(lead);
    }
    ordered.extend(
        latest
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != lead_index)
            .map(|(_, a)| a),
    );
    let on_top: Vec<i64> = ordered.iter().map(|a| a.id).collect();

    let mut section_lists = Vec::new();
    for (section, items) in ctx.sections.iter().zip(lists) {
        // A story already at the top is not repeated below.
        let items: Vec<ArticleSummary> = items
            .into_iter()
            .filter(|a| !on_top.contains(&a.id))
            .take(PER_SECTION as usize)
            .collect();
        keys.add(keys::section(section.id));
        section_lists.push((section, items));
    }

    let mut everything: Vec<&ArticleSummary> = ordered.clone();
    everything.extend(section_lists.iter().flat_map(|(_, items)| items.iter()));
    let photos = context::card_media(state, &everything).await?;

    let mut top = context::cards(
        state,
        &ctx,
        &ordered,
        &photos,
        // Phones list these with a 7.5rem picture at the side (site.css); two columns from 600px.
        "(min-width: 1100px) 360px, (min-width: 600px) 50vw, 7.5rem",
        &mut keys,
    );
    let lead = if top.is_empty() {
        None
    } else {
        Some(top.remove(0))
    };
    let lead = lead.map(|mut card| {
        if let Some(photo) = card.photo.as_mut() {
            photo.sizes = "(min-width: 1100px) 720px, (min-width: 760px) 66vw, 100vw".to_owned();
        }
        card
    });
    let blocks = section_lists
        .iter()
        .filter(|(_, items)| !items.is_empty())
        .map(|(section, items)| {
            let refs: Vec<&ArticleSummary> = items.iter().collect();
            Block {
                section: SectionLink::new(section),
                articles: context::cards(
                    state,
                    &ctx,
                    &refs,
                    &photos,
                    "(min-width: 760px) 33vw, 100vw",
                    &mut keys,
                ),
            }
        })
        .collect();
    let newsfeed = context::newsfeed_cards(&ctx, &feed_items, &mut keys);

    let title = ctx.t(state, "front-title");
    let mut head = HeadMeta::new(EditionCtx::absolute(state, &format!("/{code}")));
    head.description = title.clone();
    crate::head::listing_head(
        &mut head,
        &state.config().base_url,
        &state.config().site_name,
        &ctx.edition,
        &format!("{} | {}", title, state.config().site_name),
        &title,
    );
    let feeds = head_links(&state.config().site_name, &ctx.edition, &FeedScope::Edition);
    for feed in &feeds {
        head.feed(feed);
    }
    let mut chrome = ctx.chrome(state, &title, head, feeds);
    chrome.nav_current = "home".to_owned();
    let front = FrontPage {
        chrome,
        lead,
        top,
        blocks,
        newsfeed,
        most_read,
    };
    // The most read list follows the counts lazily, like the article pages' newsfeed.
    let html = state.templates().render("front.html", &front)?;
    Ok(page::cacheable_refreshing(
        html,
        keys.into_vec(),
        vec![crate::most_read::key(code)],
    ))
}
