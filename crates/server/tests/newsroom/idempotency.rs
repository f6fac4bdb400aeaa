//! `Idempotency-Key` (#12 point 19): a client that retries a POST after a timeout gets the
//! first answer again, never a second article, photo or token.

use axum::body::Body;
use http::{Method, Request, StatusCode};
use newsdesk_core::Role;
use newsdesk_store::ArticleQuery;
use serde_json::{Value, json};

use crate::api_support::{
    Auth, assert_documented, bearer, multipart, served_document, session, small_jpeg,
};
use crate::support::{TestApp, TestResponse};

const ARTICLES: &str = "/api/v1/admin/articles";

fn request(method: Method, uri: &str, auth: &Auth, key: Option<&str>) -> http::request::Builder {
    let mut b = Request::builder().method(method).uri(uri);
    match auth {
        Auth::None => {}
        Auth::Bearer(token) => b = b.header("authorization", format!("Bearer {token}")),
        Auth::Session { cookie, csrf } => {
            b = b
                .header("cookie", format!("nd_session={cookie}"))
                .header("x-csrf-token", csrf.as_str());
        }
    }
    if let Some(key) = key {
        b = b.header("idempotency-key", key);
    }
    b
}

async fn post_json(
    app: &TestApp,
    uri: &str,
    auth: &Auth,
    key: Option<&str>,
    body: &Value,
) -> TestResponse {
    let req = request(Method::POST, uri, auth, key)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    app.send(req).await
}

async fn articles_headed(app: &TestApp, headline: &str) -> i64 {
    app.store()
        .count_articles(&ArticleQuery {
            any_status: true,
            search: Some(headline.to_owned()),
            ..ArticleQuery::default()
        })
        .await
        .unwrap()
}

fn draft(headline: &str) -> Value {
    json!({ "edition": "en", "headline": headline, "lead": "A lead." })
}

fn code(r: &TestResponse) -> String {
    r.json()["error"]["code"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn a_retried_create_replays_the_first_answer_and_creates_one_article() {
    let app = TestApp::new().await;
    let doc = served_document(&app).await;
    let (_, token) = bearer(&app, Role::Author).await;
    let body = draft("Ferry timetable changes on Monday");
    let first = post_json(&app, ARTICLES, &token, Some("retry-1"), &body).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    assert_eq!(first.header("idempotent-replayed"), "");
    let again = post_json(&app, ARTICLES, &token, Some("retry-1"), &body).await;
    assert_eq!(again.status, StatusCode::CREATED, "{}", again.body);
    assert_eq!(again.header("idempotent-replayed"), "true");
    assert_eq!(again.json(), first.json());
    assert_eq!(again.location(), first.location());
    assert_eq!(again.header("content-type"), "application/json");
    assert_documented(&doc, "post", ARTICLES, &again);
    assert_eq!(articles_headed(&app, "Ferry timetable changes").await, 1);

    // The same key with another request is refused, and creates nothing.
    let other = post_json(
        &app,
        ARTICLES,
        &token,
        Some("retry-1"),
        &draft("Another story"),
    )
    .await;
    assert_eq!(
        other.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        other.body
    );
    assert_eq!(code(&other), "idempotency_key_reused");
    assert_documented(&doc, "post", ARTICLES, &other);
    assert_eq!(articles_headed(&app, "Another story").await, 0);
    // Even on another path.
    let tag = post_json(&app, "/api/v1/admin/tags", &token, Some("retry-1"), &body).await;
    assert_eq!(tag.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", tag.body);

    // Without a key, every POST creates.
    let unkeyed = draft("Ferry timetable changes on Tuesday");
    for _ in 0..2 {
        let r = post_json(&app, ARTICLES, &token, None, &unkeyed).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    }
    assert_eq!(
        articles_headed(&app, "Ferry timetable changes on Tuesday").await,
        2
    );
}

#[tokio::test]
async fn keys_belong_to_their_caller() {
    let app = TestApp::new().await;
    let (_, one) = bearer(&app, Role::Author).await;
    let (_, two) = bearer(&app, Role::Author).await;
    let (_, web) = session(&app, Role::Author).await;
    // Different stories (one slug each), one key: each caller's request runs.
    let a = post_json(
        &app,
        ARTICLES,
        &one,
        Some("shared-key"),
        &draft("Library opens on Sundays"),
    )
    .await;
    let b = post_json(
        &app,
        ARTICLES,
        &two,
        Some("shared-key"),
        &draft("Library opens on Mondays"),
    )
    .await;
    let body = draft("Library opens on Fridays");
    let c = post_json(&app, ARTICLES, &web, Some("shared-key"), &body).await;
    for r in [&a, &b, &c] {
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        assert_eq!(r.header("idempotent-replayed"), "");
    }
    assert_ne!(a.json()["id"], b.json()["id"]);
    assert_eq!(articles_headed(&app, "Library opens").await, 3);
    // A session's retry replays too.
    let c2 = post_json(&app, ARTICLES, &web, Some("shared-key"), &body).await;
    assert_eq!(c2.header("idempotent-replayed"), "true");
    assert_eq!(c2.json()["id"], c.json()["id"]);
}

#[tokio::test]
async fn concurrent_duplicates_never_make_two_articles() {
    let app = TestApp::new().await;
    let (_, token) = bearer(&app, Role::Author).await;
    let body = draft("Storm closes the coast road");
    let sends = (0..6).map(|_| post_json(&app, ARTICLES, &token, Some("concurrent"), &body));
    let answers = futures::future::join_all(sends).await;
    let mut ids = std::collections::BTreeSet::new();
    for r in &answers {
        match r.status {
            StatusCode::CREATED => {
                ids.insert(r.json()["id"].as_i64().unwrap());
            }
            StatusCode::CONFLICT => {
                assert_eq!(code(r), "idempotency_key_in_progress", "{}", r.body);
                assert_eq!(r.header("retry-after"), "1");
            }
            other => panic!("{other}: {}", r.body),
        }
    }
    assert_eq!(ids.len(), 1, "{answers:?}");
    assert_eq!(articles_headed(&app, "Storm closes").await, 1);
}

#[tokio::test]
async fn a_retried_upload_makes_one_photo_even_with_a_new_boundary() {
    let app = TestApp::new().await;
    let (_, token) = bearer(&app, Role::Contributor).await;
    let jpeg = small_jpeg();
    let send = |boundary: &'static str| {
        let mut raw = multipart("harbour.jpg", &jpeg, &[("caption", "The harbour")]);
        replace_all(
            &mut raw,
            crate::api_support::BOUNDARY.as_bytes(),
            boundary.as_bytes(),
        );
        let req = request(
            Method::POST,
            "/api/v1/admin/photos",
            &token,
            Some("upload-1"),
        )
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(raw))
        .unwrap();
        app.send(req)
    };
    let before = app.store().list_photos(None, 1000, 0).await.unwrap().len();
    let first = send("boundary-one-1111").await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    let again = send("boundary-two-2222").await;
    assert_eq!(again.status, StatusCode::CREATED, "{}", again.body);
    assert_eq!(again.header("idempotent-replayed"), "true");
    assert_eq!(again.json()["id"], first.json()["id"]);
    let after = app.store().list_photos(None, 1000, 0).await.unwrap().len();
    assert_eq!(after, before + 1);
}

fn replace_all(bytes: &mut Vec<u8>, from: &[u8], to: &[u8]) {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    *bytes = out;
}

#[tokio::test]
async fn a_retried_token_create_gives_back_the_same_token_once() {
    let app = TestApp::new().await;
    let (_, admin) = bearer(&app, Role::Admin).await;
    let body = json!({ "name": "importer", "role": "author" });
    let before = app.store().list_api_tokens().await.unwrap().len();
    let first = post_json(
        &app,
        "/api/v1/admin/tokens",
        &admin,
        Some("\"tok-1\""),
        &body,
    )
    .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    let again = post_json(
        &app,
        "/api/v1/admin/tokens",
        &admin,
        Some("\"tok-1\""),
        &body,
    )
    .await;
    assert_eq!(again.header("idempotent-replayed"), "true");
    assert_eq!(again.json(), first.json());
    assert_eq!(
        app.store().list_api_tokens().await.unwrap().len(),
        before + 1
    );
}

#[tokio::test]
async fn a_failed_request_frees_its_key_and_bad_keys_are_refused() {
    let app = TestApp::new().await;
    let doc = served_document(&app).await;
    let (_, token) = bearer(&app, Role::Author).await;
    // A validation error changes nothing: the corrected retry with the same key runs.
    let bad = post_json(
        &app,
        ARTICLES,
        &token,
        Some("fix-and-retry"),
        &json!({ "edition": "en", "headline": "" }),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert_eq!(code(&bad), "invalid");
    let bad_again = post_json(
        &app,
        ARTICLES,
        &token,
        Some("fix-and-retry"),
        &draft("Fixed headline"),
    )
    .await;
    assert_eq!(bad_again.status, StatusCode::CREATED, "{}", bad_again.body);

    for key in ["", &"k".repeat(256), "caf\u{e9}"] {
        let req = request(Method::POST, ARTICLES, &token, None)
            .header("content-type", "application/json")
            .header(
                "idempotency-key",
                http::HeaderValue::from_bytes(key.as_bytes()).unwrap(),
            )
            .body(Body::from(draft("Never created").to_string()))
            .unwrap();
        let r = app.send(req).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{key:?}: {}", r.body);
        assert_documented(&doc, "post", ARTICLES, &r);
    }
    assert_eq!(articles_headed(&app, "Never created").await, 0);

    // The document says so on every POST.
    let posts = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .filter_map(|(path, item)| Some((path, item.get("post")?)))
        // The readers' discussion API and the most read beacon share the document but
        // not the Admin API's Idempotency-Key layer (README, "The discussion"; a view
        // counted twice is dropped by its own hourly dedup, not by a key).
        .filter(|(_, op)| op["tags"][0] != "comments" && op["tags"][0] != "reading");
    let mut n = 0;
    for (path, op) in posts {
        n += 1;
        let params = op["parameters"].as_array().cloned().unwrap_or_default();
        assert!(
            params
                .iter()
                .any(|p| p["name"] == "Idempotency-Key" && p["in"] == "header"),
            "POST {path} does not document Idempotency-Key"
        );
        for status in ["400", "409", "422"] {
            assert!(
                op["responses"].get(status).is_some(),
                "POST {path}: no {status}"
            );
        }
    }
    assert!(n > 10, "{n} POST operations");
}
