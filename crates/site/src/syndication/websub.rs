//! WebSub for the feeds, the reading site's half: discovery (the `Link` header every feed
//! response carries; the documents name the hub themselves, see [`super::feeds`]) and
//! the outbox consumer that turns public article changes into `websub_ping` jobs
//! ([`newsdesk_app::jobs::websub`]), which tell the hub.
//!
//! The topics of a change are the feeds it can alter: its edition's, and those of the
//! sections, tags and authors it had before or has after, each in RSS, Atom and JSON Feed,
//! spelt exactly as the feeds' own `rel="self"`. Without a configured hub nothing is
//! advertised and nothing queued.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use futures::future::BoxFuture;
use newsdesk_app::App;
use newsdesk_app::consumers::Consumer;
use newsdesk_core::{Change, Event};
use newsdesk_store::StoreError;

use super::feeds::{self, FeedFormat, FeedScope};
use super::site::Site;
use crate::state::AppState;

/// The `Link` header of a feed: its hub and itself (WebSub §4), one value.
pub fn link_header(hub: &str, self_url: &str) -> String {
    format!("<{hub}>; rel=\"hub\", <{self_url}>; rel=\"self\"")
}

/// Middleware outside the page cache on the feed routes: the cache keeps a page's body
/// and type, not the headers its handler set, so the `Link` header is added to every
/// answer here, cached or not. The request path is the feed's own (feed routes take no
/// query), so `self` is the URL its document names and the hub is pinged with.
pub async fn discovery(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(hub) = newsdesk_app::websub::hub(state.config()).map(str::to_owned) else {
        return next.run(request).await;
    };
    let self_url = Site::from_config(state.config()).url(request.uri().path());
    let mut response = next.run(request).await;
    let answered = matches!(response.status(), StatusCode::OK | StatusCode::NOT_MODIFIED);
    if answered && let Ok(value) = HeaderValue::from_str(&link_header(&hub, &self_url)) {
        response.headers_mut().append(header::LINK, value);
    }
    response
}

/// Queues a `websub_ping` for each public article change. Durable: changes made while the
/// instance was down are announced when it comes back.
#[derive(Debug, Default, Clone, Copy)]
pub struct WebsubConsumer;

impl Consumer for WebsubConsumer {
    fn name(&self) -> &'static str {
        "websub"
    }

    fn durable(&self) -> bool {
        true
    }

    fn apply<'a>(&'a self, app: &'a App, event: &'a Event) -> BoxFuture<'a, Result<(), String>> {
        Box::pin(async move {
            // Drafts change no feed; a change that made an article public or took it down
            // has `public` set.
            let Change::Article {
                edition,
                section_ids,
                tag_ids,
                author_ids,
                public: true,
                ..
            } = &event.change
            else {
                return Ok(());
            };
            if newsdesk_app::websub::hub(app.config()).is_none() {
                return Ok(());
            }
            let scopes = scopes(app, edition, section_ids, tag_ids, author_ids)
                .await
                .map_err(|e| e.to_string())?;
            let topics = topics(&Site::from_config(app.config()), edition, &scopes);
            newsdesk_app::jobs::websub::queue(app, edition, topics)
                .await
                .map_err(|e| format!("{e:#}"))
        })
    }
}

/// The feeds of `edition` a change of an article with these ids can alter: the edition's
/// and each section's, tag's and author's that still exists.
async fn scopes(
    app: &App,
    edition: &str,
    section_ids: &[i64],
    tag_ids: &[i64],
    author_ids: &[i64],
) -> Result<Vec<FeedScope>, StoreError> {
    let store = app.store();
    let mut scopes = vec![FeedScope::Edition];
    for id in section_ids {
        match store.get_section(*id).await {
            Ok(section) if section.edition == edition => scopes.push(FeedScope::Section(section)),
            Ok(_) | Err(StoreError::NotFound) => {}
            Err(err) => return Err(err),
        }
    }
    if !tag_ids.is_empty() {
        let tags = store.get_tags(tag_ids).await?;
        scopes.extend(
            tags.into_iter()
                .filter(|t| t.edition == edition)
                .map(FeedScope::Tag),
        );
    }
    if !author_ids.is_empty() {
        scopes.extend(
            store
                .get_authors(author_ids)
                .await?
                .into_iter()
                .map(FeedScope::Author),
        );
    }
    Ok(scopes)
}

/// Every format's feed URL of every scope, edition first.
pub fn topics(site: &Site, edition: &str, scopes: &[FeedScope]) -> Vec<String> {
    scopes
        .iter()
        .flat_map(|scope| {
            FeedFormat::ALL
                .into_iter()
                .map(move |format| feeds::feed_url(site, edition, scope, format))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syndication::story::fixtures::*;

    #[test]
    fn topics_are_every_format_of_every_scope_edition_first() {
        let site = Site::new("https://news.example", "The Daily");
        let story = story(42, "en");
        let mut scopes = vec![FeedScope::Edition];
        scopes.extend(story.section.clone().map(FeedScope::Section));
        let topics = topics(&site, "en", &scopes);
        assert_eq!(
            topics,
            [
                "https://news.example/en/feed.rss",
                "https://news.example/en/feed.atom",
                "https://news.example/en/feed.json",
                "https://news.example/en/section/world/feed.rss",
                "https://news.example/en/section/world/feed.atom",
                "https://news.example/en/section/world/feed.json",
            ]
        );
    }

    #[test]
    fn the_link_header_names_hub_then_self() {
        assert_eq!(
            link_header("https://hub.example/", "https://news.example/en/feed.rss"),
            r#"<https://hub.example/>; rel="hub", <https://news.example/en/feed.rss>; rel="self""#
        );
    }
}
