//! One cache entry per page: query parameters and paths in any other spelling redirect,
//! are refused, or share the canonical entry, so no request can bloat the page cache.

use axum::http::StatusCode;

use crate::support::{ArticleBuilder, TestApp, at};

async fn with_two_pages_of_business(app: &TestApp) {
    for i in 0..25 {
        ArticleBuilder::new("en", &format!("Market report number {i}"))
            .section(app.fx.business)
            .authors(&[app.fx.desk])
            .published_at(at(20, 0) + chrono::Duration::minutes(i))
            .publish(app.store())
            .await;
    }
}

#[tokio::test]
async fn page_numbers_in_another_spelling_redirect_to_the_canonical_url() {
    let app = TestApp::new().await;
    with_two_pages_of_business(&app).await;
    for query in [
        "page=02",
        "page=0002",
        "page=%2B2",
        "pa%67e=2",
        "page=2&page_x=1",
    ] {
        let page = app.get(&format!("/en/section/business?{query}")).await;
        if query.contains("page_x") {
            // A parameter the page does not read is ignored, not redirected.
            assert_eq!(page.status, StatusCode::OK, "{query}");
            continue;
        }
        assert_eq!(page.status, StatusCode::MOVED_PERMANENTLY, "{query}");
        assert_eq!(
            page.header("location"),
            "/en/section/business?page=2",
            "{query}"
        );
    }
    let first = app.get("/en/section/business?page=1&utm_source=x").await;
    assert_eq!(first.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(first.header("location"), "/en/section/business");
    // The canonical page itself is served, once, from one entry.
    assert_eq!(
        app.get("/en/section/business?page=2").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn page_values_that_name_no_page_get_a_400_page_in_the_editions_language() {
    let app = TestApp::new().await;
    let zeros = format!("/en/latest?page={}3", "0".repeat(57_000));
    for uri in [
        "/en/latest?page=abc",
        "/en/latest?page=-2",
        "/en/latest?page=0",
        "/en/latest?page=2&page=3",
        zeros.as_str(),
    ] {
        let page = app.get(uri).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", &uri[..30]);
        let html = page.text();
        assert!(html.contains("<html lang=\"en\""), "{html}");
        assert!(html.contains("This address is not valid"), "{html}");
        assert!(
            html.contains("?page=2"),
            "says what a page number looks like"
        );
    }
    let russian = app.get("/ru/latest?page=abc").await;
    assert_eq!(russian.status, StatusCode::BAD_REQUEST);
    assert!(russian.text().contains("Неверный адрес"));
    assert!(app.state.cache().is_empty(), "nothing refused was cached");
}

#[tokio::test]
async fn garbage_parameters_leave_the_cache_as_it_was() {
    let app = TestApp::new().await;
    let article = app.fx.lead.path();
    assert_eq!(
        app.get(&format!("{article}?fragment=1")).await.status,
        StatusCode::OK
    );
    assert_eq!(app.get(&article).await.status, StatusCode::OK);
    assert_eq!(app.get("/en/latest").await.status, StatusCode::OK);
    let (entries, bytes) = (app.state.cache().len(), app.state.cache().bytes());
    assert_eq!(entries, 3);

    for i in 0..1000 {
        let page = app.get(&format!("{article}?fragment=x{i}")).await;
        assert_eq!(page.status, StatusCode::MOVED_PERMANENTLY);
        assert_eq!(page.header("location"), format!("{article}?fragment=1"));
    }
    for i in 0..200 {
        // Parameters the pages do not read: the same page, the same entry.
        let tracked = app
            .get(&format!("{article}?utm_source=x{i}&page={i}"))
            .await;
        assert_eq!(tracked.status, StatusCode::OK);
        let front = app.get(&format!("/en?page={}&fbclid={i}", i + 2)).await;
        assert_eq!(front.status, StatusCode::OK);
        let feed = app.get(&format!("/en/feed.rss?page={}", i + 2)).await;
        assert_eq!(feed.status, StatusCode::OK);
    }
    assert_eq!(
        app.state.cache().len(),
        entries + 2,
        "the front page and the feed"
    );
    assert!(app.state.cache().bytes() > bytes);
}

#[tokio::test]
async fn spellings_of_one_path_share_one_entry_and_unknown_paths_none() {
    let app = TestApp::new().await;
    for path in [
        "/en/section/world",
        "/en/section/%77orld",
        "/en/section/%77%6F%72%6c%64",
        "/%65n/section/world",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
    }
    assert_eq!(app.state.cache().len(), 1);

    let long = format!("/en/section/{}", "x".repeat(50_000));
    for i in 0..20 {
        let page = app.get(&format!("{long}{i}")).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
    }
    assert_eq!(app.state.cache().len(), 1, "404s are not kept");
}

#[tokio::test]
async fn the_cache_counts_every_byte_of_its_entries() {
    let app = TestApp::new().await;
    let page = app.get("/en/latest").await;
    let cache = app.state.cache();
    let entry = cache.get("/en/latest").unwrap();
    assert!(cache.bytes() >= entry.weight() + "/en/latest".len());
    // Plain, brotli and gzip bodies, headers and keys, all counted.
    assert!(entry.weight() > page.bytes.len() + entry.keys.concat().len());
}

#[tokio::test]
async fn empty_archive_days_are_not_kept() {
    let app = TestApp::new().await;
    assert_eq!(
        app.get("/en/archive/2026/11/26").await.status,
        StatusCode::OK
    );
    assert_eq!(app.state.cache().len(), 1);
    for year in 1900..1950 {
        let day = app.get(&format!("/en/archive/{year}/01/01")).await;
        assert_eq!(day.status, StatusCode::OK);
    }
    assert_eq!(
        app.get("/en/archive/+026/11/26").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.state.cache().len(), 1, "only the day with articles");
}
