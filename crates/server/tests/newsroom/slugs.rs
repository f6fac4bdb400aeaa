//! Slugs in other scripts (#18): Cyrillic headlines are transliterated as Russian sites
//! spell them («Москва» → `moskva`), Arabic ones keep their script. An Arabic slug,
//! made or typed, passes validation, is numbered like any other, answers at its
//! percent-encoded URL, and a changed one redirects there.

use axum::body::Body;
use http::{Method, Request, StatusCode};
use newsdesk_core::Role;
use serde_json::json;

use crate::api_support::{bearer, call};
use crate::support::TestApp;

const ARTICLES: &str = "/api/v1/admin/articles";

#[tokio::test]
async fn cyrillic_is_transliterated_and_arabic_keeps_its_script() {
    let app = TestApp::new().await;
    let (_, editor) = bearer(&app, Role::Editor).await;
    let create = |headline: &str, slug: Option<&str>| {
        let mut body = json!({
            "edition": "ru",
            "headline": headline,
            "section_id": app.desk.section("ru"),
            "author_ids": [app.desk.author],
        });
        if let Some(slug) = slug {
            body["slug"] = json!(slug);
        }
        body
    };

    let r = call(
        &app,
        Method::POST,
        ARTICLES,
        &editor,
        Some(&create("Москва готовится к зиме", None)),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.json()["slug"], "moskva-gotovitsya-k-zime");

    let headline = "افتتاح جسر الميناء بعد عامين";
    let mut made = Vec::new();
    for _ in 0..2 {
        let r = call(
            &app,
            Method::POST,
            ARTICLES,
            &editor,
            Some(&create(headline, None)),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        made.push((
            r.json()["id"].as_i64().unwrap(),
            r.json()["slug"].as_str().unwrap().to_owned(),
        ));
    }
    assert_eq!(made[0].1, "افتتاح-جسر-الميناء-بعد-عامين");
    assert_eq!(
        made[1].1, "افتتاح-جسر-الميناء-بعد-عامين-2",
        "numbered like any slug"
    );

    // Typed: an Arabic slug is accepted, a malformed one named.
    let r = call(
        &app,
        Method::POST,
        ARTICLES,
        &editor,
        Some(&create("Another", Some("جسر-الميناء"))),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let r = call(
        &app,
        Method::POST,
        ARTICLES,
        &editor,
        Some(&create("Another", Some("جسر--الميناء"))),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("Latin or Arabic"), "{}", r.body);

    // Published, it answers at its encoded URL; a changed slug redirects there.
    let (id, _) = made[0].clone();
    let published = call(
        &app,
        Method::POST,
        &format!("{ARTICLES}/{id}/publish"),
        &editor,
        None,
    )
    .await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.body);
    let old_path = app.store().get_article(id).await.unwrap().path();
    assert!(
        old_path.is_ascii() && old_path.contains("%D8%A7"),
        "{old_path}"
    );
    let get = |path: String| {
        let app = &app;
        async move {
            app.send(Request::get(path).body(Body::empty()).unwrap())
                .await
        }
    };
    assert_eq!(
        get(old_path.clone()).await.status,
        StatusCode::OK,
        "{old_path}"
    );

    let current = app.store().get_article(id).await.unwrap();
    let save = json!({
        "version": current.version,
        "headline": headline,
        "slug": "جسر-الميناء-الجديد",
        "section_id": app.desk.section("ru"),
        "author_ids": [app.desk.author],
    });
    let saved = call(
        &app,
        Method::PUT,
        &format!("{ARTICLES}/{id}"),
        &editor,
        Some(&save),
    )
    .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let new_path = app.store().get_article(id).await.unwrap().path();
    let moved = get(old_path).await;
    assert_eq!(moved.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(moved.header("location"), new_path);
    assert_eq!(get(new_path).await.status, StatusCode::OK);
}
