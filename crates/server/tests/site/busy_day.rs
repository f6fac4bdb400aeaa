//! A busy news day: many readers on the pages a publish changes. One render per change,
//! readers served throughout, and the edition's article pages kept through it.
#![expect(
    clippy::unwrap_used,
    reason = "tests fail loudly on the first surprise"
)]

use axum::http::StatusCode;
use chrono::Utc;
use futures::future::join_all;

use crate::support::{ArticleBuilder, TestApp};

/// Publishes a new English story and announces it the way the newsroom does.
async fn publish(app: &TestApp, headline: &str) -> newsdesk_core::Article {
    let draft = ArticleBuilder::new("en", headline)
        .section(app.fx.world)
        .authors(&[app.fx.desk])
        .draft(app.store())
        .await;
    let (article, event) = app
        .store()
        .publish_article(draft.id, Utc::now(), None)
        .await
        .unwrap();
    app.written(event).await;
    article
}

#[tokio::test]
async fn concurrent_misses_of_one_page_wait_for_one_render() {
    let app = TestApp::new().await;
    let before = app.state.cache().renders();
    let answers = join_all((0..32).map(|_| app.get("/en"))).await;
    assert_eq!(
        app.state.cache().renders() - before,
        1,
        "32 readers, one render"
    );
    for answer in &answers {
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.bytes, answers[0].bytes, "everyone got the same page");
    }
}

#[tokio::test]
async fn a_publish_costs_the_front_page_one_render_and_the_next_reader_sees_it() {
    let app = TestApp::new().await;
    app.get("/en").await;
    publish(&app, "Storm closes the harbour").await;

    let before = app.state.cache().renders();
    let answers = join_all((0..32).map(|_| app.get("/en"))).await;
    assert_eq!(
        app.state.cache().renders() - before,
        1,
        "one render per change"
    );
    assert!(answers.iter().all(|a| a.status == StatusCode::OK));
    // The reader who found the page out of date waited for its render; the others, who
    // came while it ran, were served the previous bytes rather than kept waiting.
    assert!(answers[0].text().contains("Storm closes the harbour"));
    assert!(
        app.get("/en")
            .await
            .text()
            .contains("Storm closes the harbour")
    );
}

#[tokio::test]
async fn article_pages_are_kept_when_another_article_is_published() {
    let app = TestApp::new().await;
    let lead = app.fx.lead.path();
    let older = app.fx.older.path();
    app.get(&lead).await;
    app.get(&older).await;
    app.get("/en").await;
    publish(&app, "Court rules on the port deal").await;
    let cache = app.state.cache();
    assert!(
        cache.get("/en").is_none(),
        "the front page shows the new story"
    );
    assert!(
        cache.get(&lead).is_some() && cache.get(&older).is_some(),
        "article pages stay cached: their newsfeed column follows within a minute"
    );
    let surrogate = app.get(&lead).await;
    assert!(
        !surrogate.header("surrogate-key").contains("newsfeed:"),
        "a CDN purging the newsfeed keeps article pages too: {}",
        surrogate.header("surrogate-key")
    );
}

#[tokio::test]
async fn an_unpublished_article_is_gone_for_the_next_reader() {
    let app = TestApp::new().await;
    let story = publish(&app, "Minister resigns").await;
    assert_eq!(app.get(&story.path()).await.status, StatusCode::OK);
    let (_, event) = app.store().unpublish_article(story.id, None).await.unwrap();
    app.written(event).await;
    assert_eq!(app.get(&story.path()).await.status, StatusCode::GONE);
    assert_eq!(
        app.get(&story.path()).await.status,
        StatusCode::GONE,
        "the old bytes were dropped, not kept to serve"
    );
    assert!(app.state.cache().get(&story.path()).is_none());
}

#[tokio::test]
async fn the_next_article_link_follows_the_unpublishing_of_its_target() {
    let app = TestApp::new().await;
    let lead = app.fx.lead.path();
    let page = app.get(&lead).await.text();
    assert!(
        page.contains(&app.fx.older.path()),
        "the lead links to the older story"
    );
    let (_, event) = app
        .store()
        .unpublish_article(app.fx.older.id, None)
        .await
        .unwrap();
    app.written(event).await;
    assert!(
        !app.get(&lead).await.text().contains(&app.fx.older.path()),
        "no link to an unpublished story"
    );
}

#[tokio::test]
async fn a_page_rendered_after_a_change_shows_the_shared_parts_as_changed() {
    let app = TestApp::new().await;
    // Loads the edition's shared parts (sections, newsfeed column) into memory.
    let first = app.get(&app.fx.lead.path()).await.text();
    assert!(first.contains(">World</a>"));
    let story = publish(&app, "Ferry service resumes after the storm").await;

    let seq = app.store().latest_event_seq().await.unwrap();
    let mut world = app.store().get_section(app.fx.world).await.unwrap();
    world.name = "Global".into();
    app.store().update_section(&world).await.unwrap();
    for event in app.store().events_after(seq, 100).await.unwrap() {
        app.written(event).await;
    }

    // A page no reader asked for before: rendered now, from the shared parts as they are.
    let list = app.get("/en/latest").await.text();
    assert!(
        list.contains(&story.path()),
        "the new story in the newsfeed"
    );
    let never_seen = app.get(&app.fx.older.path()).await.text();
    assert!(
        never_seen.contains(&story.path()),
        "the newsfeed column of a new render has the new story"
    );
    assert!(
        never_seen.contains(">Global</a>") && !never_seen.contains(">World</a>"),
        "the renamed section"
    );
}
