//! Most read through the assembled router: the article page's beacon, counted once per
//! address and hour, stored in batches, and the list on the front and article pages.
#![expect(
    clippy::unwrap_used,
    reason = "test: a panic is a failing test with its cause"
)]

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use chrono::Utc;

use crate::support::{ArticleBuilder, TestApp, TestResponse};

async fn beacon(app: &TestApp, from: &str, body: &str, content_type: &str) -> TestResponse {
    let peer: SocketAddr = format!("{from}:50000").parse().unwrap();
    let request = Request::post("/api/v1/reads")
        .header("content-type", content_type)
        .extension(ConnectInfo(peer))
        .body(Body::from(body.to_owned()))
        .unwrap();
    app.send(request).await
}

async fn read(app: &TestApp, from: &str, article: i64) {
    let r = beacon(
        app,
        from,
        &format!("{{\"article_id\":{article}}}"),
        "application/json",
    )
    .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
}

/// The part of the page between the most read heading and the end of its list.
fn most_read_of(html: &str) -> String {
    let Some(start) = html.find("class=\"most-read\"") else {
        return String::new();
    };
    let rest = &html[start..];
    rest[..rest.find("</ol>").unwrap_or(rest.len())].to_owned()
}

#[tokio::test]
async fn the_most_read_stories_are_ranked_by_readers_not_by_repeated_beacons() {
    let app = TestApp::new().await;
    let now = Utc::now();
    let hot = ArticleBuilder::new("en", "Ferry strike ends after talks")
        .section(app.fx.world)
        .authors(&[app.fx.desk])
        .published_at(now - chrono::Duration::hours(3))
        .publish(app.store())
        .await;
    let warm = ArticleBuilder::new("en", "Council approves the new tram line")
        .section(app.fx.world)
        .authors(&[app.fx.desk])
        .published_at(now - chrono::Duration::hours(2))
        .publish(app.store())
        .await;

    // Nothing read yet: no empty box on the page.
    let front = app.get("/en").await.text();
    assert!(
        !front.contains("class=\"most-read\""),
        "no list without reads"
    );

    // Three readers open `hot`, one of them ten times; two open `warm`.
    for _ in 0..10 {
        read(&app, "198.51.100.1", hot.id).await;
    }
    read(&app, "198.51.100.2", hot.id).await;
    read(&app, "198.51.100.3", hot.id).await;
    read(&app, "198.51.100.1", warm.id).await;
    read(&app, "198.51.100.4", warm.id).await;
    newsdesk_site::most_read::flush_now(&app.state).await;

    let since = now - chrono::Duration::hours(24);
    let ranked: Vec<i64> = app
        .store()
        .most_read("en", since, 5)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(
        ranked,
        vec![hot.id, warm.id],
        "3 readers before 2; repeats count once"
    );

    // The list is re-read on the next refresh; the front page follows it.
    newsdesk_site::most_read::refresh_lists(&app.state).await;
    app.state.cache().clear();
    let front = app.get("/en").await.text();
    let list = most_read_of(&front);
    let (h, w) = (list.find(&hot.path()), list.find(&warm.path()));
    assert!(
        h.is_some() && w.is_some() && h < w,
        "hot above warm on the front page:\n{list}"
    );
    assert!(list.contains("Most read"), "{list}");
    // And on an article page of the edition.
    let page = app.get(&warm.path()).await.text();
    assert!(
        most_read_of(&page).contains(&hot.path()),
        "the article rail lists it too"
    );
    // Another edition has its own (empty) list.
    assert!(!app.get("/ru").await.text().contains("class=\"most-read\""));
}

#[tokio::test]
async fn a_bad_beacon_gets_a_clear_error() {
    let app = TestApp::new().await;
    let r = beacon(
        &app,
        "198.51.100.9",
        "article_id=3",
        "application/x-www-form-urlencoded",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(r.text().contains("\"code\""), "{}", r.text());
    let r = beacon(&app, "198.51.100.9", "{\"article\":3}", "application/json").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    let r = beacon(
        &app,
        "198.51.100.9",
        "{\"article_id\":-3}",
        "application/json",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
    let big = format!("{{\"article_id\":1,\"x\":\"{}\"}}", "a".repeat(40_000));
    let r = beacon(&app, "198.51.100.9", &big, "application/json").await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
}
