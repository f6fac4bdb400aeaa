//! `GET /api/v1/live/{edition}`: the newsfeed pushed as Server-Sent Events, read the way a
//! browser's EventSource reads it (one TCP connection, a chunked body, `Last-Event-ID` on a
//! reconnect), on one instance over SQLite.

use std::time::Duration;

use chrono::{DateTime, Utc};
use newsdesk_app::actions::live as actions;
use newsdesk_core::{NewsItem, NewsItemDraft};
use serde_json::Value;

use crate::support::{Instance, PROMPT, Sse, SseEvent, World};

/// A published item reaches an open stream this fast.
const LIVE: Duration = Duration::from_secs(2);

pub fn draft(headline: &str) -> NewsItemDraft {
    NewsItemDraft {
        edition: "en".into(),
        headline: headline.into(),
        body: format!("{headline}, officials said."),
        link: String::new(),
        important: false,
        breaking: false,
    }
}

pub async fn publish(inst: &Instance, world: &World, headline: &str) -> NewsItem {
    actions::create_news_item(inst.state.app(), &world.editor, &draft(headline), true)
        .await
        .unwrap()
}

fn keys(items: &Value) -> Vec<String> {
    items
        .as_array()
        .unwrap_or_else(|| panic!("a list of items: {items}"))
        .iter()
        .map(|i| i["key"].as_str().unwrap().to_owned())
        .collect()
}

fn published_at(item: &Value) -> DateTime<Utc> {
    item["published_at"].as_str().unwrap().parse().unwrap()
}

/// A stream that opened: its `hello` read.
async fn open(inst: &Instance, headers: &[(&str, &str)]) -> (Sse, SseEvent) {
    let mut sse = Sse::open(inst.addr, "/api/v1/live/en", headers).await;
    assert_eq!(sse.status, 200);
    let hello = sse.next(PROMPT).await;
    assert_eq!(hello.event, "hello", "{hello:?}");
    (sse, hello)
}

/// The next event, which must come within [`LIVE`] and be an `item`.
async fn item_event(sse: &mut Sse) -> SseEvent {
    let event = sse.next(LIVE).await;
    assert_eq!(event.event, "item", "{event:?}");
    assert_eq!(event.data["v"], 1);
    event
}

#[tokio::test]
async fn an_open_stream_shows_each_change_of_the_newsfeed_at_once() {
    let inst = Instance::sqlite(|_| {}).await;
    let world = World::seed(&inst.state).await;

    let mut sse = Sse::open(inst.addr, "/api/v1/live/en", &[]).await;
    assert_eq!(sse.status, 200);
    assert!(
        sse.header("content-type").starts_with("text/event-stream"),
        "{:?}",
        sse.headers
    );
    assert_eq!(sse.header("cache-control"), "no-store");
    assert_eq!(sse.header("x-accel-buffering"), "no");
    let hello = sse.next(PROMPT).await;
    assert_eq!(hello.event, "hello", "the first event: {hello:?}");
    let head = inst.store().latest_event_seq().await.unwrap();
    assert_eq!(hello.seq(), head, "hello names the position now");
    assert_eq!(hello.data["v"], 1);
    assert_eq!(hello.data["edition"], "en");
    assert!(hello.data["breaking"].is_array(), "{:?}", hello.data);

    // A short item published in the newsroom appears.
    let item = publish(&inst, &world, "Ferry service resumes").await;
    let event = item_event(&mut sse).await;
    assert!(event.seq() > hello.seq(), "{event:?} after {hello:?}");
    let shown = &event.data["item"];
    assert_eq!(shown["key"], format!("n{}", item.id));
    assert_eq!(shown["kind"], "item");
    assert_eq!(shown["id"], item.id);
    assert_eq!(shown["headline"], "Ferry service resumes");
    assert_eq!(shown["text"], "Ferry service resumes, officials said.");
    assert_eq!(shown["href"], format!("/en/newsfeed#n{}", item.id));
    assert_eq!(shown["breaking"], false);
    assert_eq!(shown["day"], "", "today's item carries no day label");
    assert!(
        shown["time"].as_str().is_some_and(|t| t.contains(':')),
        "{shown}"
    );

    // Edited: the same entry, replaced in place.
    let mut edited = draft("Ferry service resumes after the storm");
    edited.important = true;
    actions::update_news_item(inst.state.app(), &world.editor, item.id, &edited)
        .await
        .unwrap();
    let event = item_event(&mut sse).await;
    assert_eq!(event.data["item"]["key"], format!("n{}", item.id));
    assert_eq!(
        event.data["item"]["headline"],
        "Ferry service resumes after the storm"
    );
    assert_eq!(event.data["item"]["important"], true);

    // Unpublished: it leaves the feed.
    actions::publish_news_item(inst.state.app(), &world.editor, item.id, false)
        .await
        .unwrap();
    let event = sse.next(LIVE).await;
    assert_eq!(event.event, "remove", "{event:?}");
    assert_eq!(event.data["key"], format!("n{}", item.id));
    assert_eq!(event.data["v"], 1);

    // An item written but not published shows nothing; the next published one does.
    actions::create_news_item(inst.state.app(), &world.editor, &draft("Not yet"), false)
        .await
        .unwrap();
    let later = publish(&inst, &world, "Bridge reopens").await;
    let event = item_event(&mut sse).await;
    assert_eq!(event.data["item"]["key"], format!("n{}", later.id));

    // A breaking item is in the banner list of every new stream.
    let mut breaking = draft("Earthquake shakes the capital");
    breaking.breaking = true;
    let breaking = actions::create_news_item(inst.state.app(), &world.editor, &breaking, true)
        .await
        .unwrap();
    let event = item_event(&mut sse).await;
    assert_eq!(event.data["item"]["breaking"], true);
    let (_, hello) = open(&inst, &[]).await;
    assert_eq!(
        keys(&hello.data["breaking"]),
        vec![format!("n{}", breaking.id)]
    );
    inst.stop().await;
}

#[tokio::test]
async fn a_reader_who_reconnects_gets_what_changed_meanwhile() {
    let inst = Instance::sqlite(|_| {}).await;
    let world = World::seed(&inst.state).await;
    let (sse, hello) = open(&inst, &[]).await;
    drop(sse);

    // Two items published while the reader was away (the train went into a tunnel).
    let first = publish(&inst, &world, "Storm warning for the coast").await;
    let second = publish(&inst, &world, "Schools close early").await;
    let last_id = hello.seq().to_string();
    let (mut sse, events) = {
        let mut sse = Sse::open(
            inst.addr,
            "/api/v1/live/en",
            &[("Last-Event-ID", last_id.as_str())],
        )
        .await;
        assert_eq!(sse.status, 200);
        let events = sse.until("hello", PROMPT).await;
        (sse, events)
    };
    let replayed: Vec<&SseEvent> = events.iter().filter(|e| e.event != "hello").collect();
    let replayed_keys: Vec<String> = replayed
        .iter()
        .map(|e| {
            assert_eq!(e.event, "item", "{e:?}");
            e.data["item"]["key"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(
        replayed_keys,
        vec![format!("n{}", first.id), format!("n{}", second.id)],
        "both items, in the order they were published: {events:?}"
    );
    assert!(replayed.iter().all(|e| e.seq() > hello.seq()));
    let hello_again = events.last().unwrap();
    assert_eq!(
        hello_again.seq(),
        inst.store().latest_event_seq().await.unwrap()
    );
    // And the stream goes on live after the catch-up.
    let third = publish(&inst, &world, "Power restored").await;
    let event = item_event(&mut sse).await;
    assert_eq!(event.data["item"]["key"], format!("n{}", third.id));
    drop(sse);

    // Away longer than the store keeps changes: the whole list again, newest first.
    let head = inst.store().latest_event_seq().await.unwrap();
    inst.store()
        .prune_outbox(head, Utc::now() + chrono::Duration::minutes(1))
        .await
        .unwrap();
    assert!(inst.store().oldest_event_seq().await.unwrap() > hello.seq() + 1);
    let mut sse = Sse::open(
        inst.addr,
        "/api/v1/live/en",
        &[("Last-Event-ID", last_id.as_str())],
    )
    .await;
    let events = sse.until("hello", PROMPT).await;
    assert_eq!(events.len(), 2, "one reset, then hello: {events:?}");
    let reset = &events[0];
    assert_eq!(reset.event, "reset", "{reset:?}");
    assert_eq!(reset.data["v"], 1);
    let items = &reset.data["items"];
    assert_eq!(
        keys(items),
        vec![
            format!("n{}", third.id),
            format!("n{}", second.id),
            format!("n{}", first.id),
            format!("a{}", world.article.id),
        ],
        "the current list, newest first"
    );
    let times: Vec<DateTime<Utc>> = items.as_array().unwrap().iter().map(published_at).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    assert_eq!(items[3]["kind"], "article");
    assert_eq!(items[3]["href"], world.article.path());

    // A Last-Event-ID that is the position now, or nonsense, is just a new connection.
    for id in [head.to_string(), "garbage".to_owned(), "-5".to_owned()] {
        let mut sse = Sse::open(inst.addr, "/api/v1/live/en", &[("Last-Event-ID", &id)]).await;
        let first = sse.next(PROMPT).await;
        assert_eq!(first.event, "hello", "Last-Event-ID {id}: {first:?}");
    }
    inst.stop().await;
}

#[tokio::test]
async fn unknown_editions_and_too_many_streams_are_refused() {
    let inst = Instance::sqlite(|c| c.live_max_per_client = 2).await;
    World::seed(&inst.state).await;

    let missing = Sse::open(inst.addr, "/api/v1/live/xx", &[])
        .await
        .rest()
        .await;
    assert_eq!(missing.status, 404);
    assert!(
        missing
            .header("content-type")
            .starts_with("application/json")
    );
    assert_eq!(missing.json()["error"]["code"], "not_found");

    let (first, _) = open(&inst, &[]).await;
    let (_second, _) = open(&inst, &[]).await;
    let third = Sse::open(inst.addr, "/api/v1/live/en", &[]).await;
    assert_eq!(third.status, 429, "{:?}", third.headers);
    let third = third.rest().await;
    assert!(third.header("content-type").starts_with("application/json"));
    assert_eq!(third.json()["error"]["code"], "rate_limited");
    // A reader who closes a tab may open another.
    drop(first);
    crate::support::eventually(PROMPT, "a closed stream frees its place", || async {
        Sse::open(inst.addr, "/api/v1/live/en", &[]).await.status == 200
    })
    .await;
    inst.stop().await;
}

#[tokio::test]
async fn the_newsfeed_page_lists_items_and_articles_newest_first() {
    let inst = Instance::sqlite(|_| {}).await;
    let world = World::seed(&inst.state).await;
    let item = publish(&inst, &world, "Ferry service resumes").await;

    let page = inst.get("/en/newsfeed").await;
    assert_eq!(page.status, 200);
    let html = &page.body;
    let item_at = html
        .find(&format!("data-key=\"n{}\"", item.id))
        .unwrap_or_else(|| panic!("the short item is listed"));
    let article_at = html
        .find(&format!("data-key=\"a{}\"", world.article.id))
        .unwrap_or_else(|| panic!("the article is listed"));
    assert!(item_at < article_at, "the newer entry comes first");
    assert!(html.contains("Ferry service resumes"));
    assert!(html.contains(&format!("href=\"{}\"", world.article.path())));
    assert!(html.contains("Parliament passes the budget"));

    // The article's page leads to its chat.
    let article = inst.get(&world.article.path()).await;
    assert_eq!(article.status, 200);
    assert!(
        article
            .body
            .contains(&format!("href=\"/en/chats/article-{}\"", world.article.id)),
        "the article page links to its chat"
    );
    inst.stop().await;
}
