//! The article workflow over the Admin API, and how it answers bad requests.

use axum::body::Body;
use http::{Method, Request, StatusCode};
use newsdesk_core::Role;
use serde_json::{Value, json};

use crate::api_support::{
    Auth, assert_documented, bearer, call, call_raw, served_document, session,
};
use crate::support::TestApp;

const ARTICLES: &str = "/api/v1/admin/articles";

fn code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("")
}

#[tokio::test]
async fn create_save_stale_save_publish_and_the_front_page_shows_it() {
    let app = TestApp::new().await;
    let doc = served_document(&app).await;
    let (_, contributor) = bearer(&app, Role::Contributor).await;
    let (_, editor) = bearer(&app, Role::Editor).await;
    // Publishing asks for a section and a byline; the saves below keep them.
    let (section, author) = (app.desk.section("en"), app.desk.author);

    let created = call(
        &app,
        Method::POST,
        ARTICLES,
        &contributor,
        Some(&json!({ "edition": "en", "headline": "Harbour bridge reopens after repairs", "lead": "Traffic is flowing again.", "section_id": section, "author_ids": [author], "in_newsfeed": true })),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_documented(&doc, "post", ARTICLES, &created);
    let article = created.json();
    assert_eq!(article["status"], "draft");
    assert_eq!(article["version"], 1);
    let id = article["id"].as_i64().unwrap();
    let one = format!("{ARTICLES}/{id}");

    let save = json!({ "version": 1, "headline": "Harbour bridge reopens after two years of repairs", "lead": "Traffic is flowing again.", "body": "The bridge carries 40,000 cars a day.", "section_id": section, "author_ids": [author], "in_newsfeed": true });
    let saved = call(&app, Method::PUT, &one, &contributor, Some(&save)).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert_eq!(saved.json()["version"], 2);

    // A colleague still on version 1 is refused, and told which version is current.
    let stale = call(&app, Method::PUT, &one, &editor, Some(&save)).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert_documented(&doc, "put", "/api/v1/admin/articles/{id}", &stale);
    let body = stale.json();
    assert_eq!(code(&body), "stale_version");
    assert_eq!(body["error"]["current_version"], 2);
    let fetched = call(&app, Method::GET, &one, &editor, None).await;
    assert_documented(&doc, "get", "/api/v1/admin/articles/{id}", &fetched);
    assert_eq!(
        fetched.json()["headline"],
        "Harbour bridge reopens after two years of repairs"
    );

    // Contributors cannot publish, not even their own work.
    let refused = call(
        &app,
        Method::POST,
        &format!("{one}/publish"),
        &contributor,
        None,
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    assert!(
        refused.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("contributors cannot publish")
    );

    let published = call(&app, Method::POST, &format!("{one}/publish"), &editor, None).await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.body);
    assert_eq!(published.json()["status"], "published");

    let front = app
        .send(Request::get("/en").body(Body::empty()).unwrap())
        .await;
    assert_eq!(front.status, StatusCode::OK);
    assert!(
        front
            .body
            .contains("Harbour bridge reopens after two years of repairs"),
        "front page lacks the article"
    );

    // The filtered list finds it; revisions record both saves.
    let list = call(
        &app,
        Method::GET,
        &format!("{ARTICLES}?edition=en&status=published&q=harbour"),
        &contributor,
        None,
    )
    .await;
    assert_documented(&doc, "get", ARTICLES, &list);
    let list = list.json();
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], id);
    let drafts = call(
        &app,
        Method::GET,
        &format!("{ARTICLES}?status=draft"),
        &contributor,
        None,
    )
    .await
    .json();
    assert_eq!(drafts["total"], 0);
    let revisions = call(
        &app,
        Method::GET,
        &format!("{one}/revisions"),
        &editor,
        None,
    )
    .await
    .json();
    assert_eq!(revisions.as_array().unwrap().len(), 2);
    let audit = call(
        &app,
        Method::GET,
        "/api/v1/admin/audit",
        &bearer(&app, Role::Admin).await.1,
        None,
    )
    .await
    .json();
    assert!(
        audit
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "article.publish" && e["target"] == format!("article:{id}"))
    );
}

#[tokio::test]
async fn sessions_need_the_csrf_header_on_writes() {
    let app = TestApp::new().await;
    let (_, auth) = session(&app, Role::Author).await;
    let Auth::Session { cookie, csrf } = &auth else {
        unreachable!()
    };
    let body = json!({ "edition": "en", "headline": "Session-made draft" }).to_string();
    let without = Request::post(ARTICLES)
        .header("cookie", format!("nd_session={cookie}"))
        .header("content-type", "application/json")
        .body(Body::from(body.clone()))
        .unwrap();
    let r = app.send(without).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert_eq!(code(&r.json()), "forbidden");
    let wrong = Auth::Session {
        cookie: cookie.clone(),
        csrf: "not-the-token".into(),
    };
    assert_eq!(
        call(
            &app,
            Method::POST,
            ARTICLES,
            &wrong,
            Some(&json!({ "edition": "en", "headline": "x" }))
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let with = call(
        &app,
        Method::POST,
        ARTICLES,
        &auth,
        Some(&serde_json::from_str(&body).unwrap()),
    )
    .await;
    assert_eq!(with.status, StatusCode::CREATED, "{}", with.body);
    assert!(!csrf.is_empty());
    // Reading needs no CSRF token.
    let me = app
        .send(
            Request::get("/api/v1/admin/me")
                .header("cookie", format!("nd_session={cookie}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(me.json()["role"], "author");
}

#[tokio::test]
async fn bad_requests_get_json_errors_with_the_right_status() {
    let app = TestApp::new().await;
    let doc = served_document(&app).await;
    let (_, editor) = bearer(&app, Role::Editor).await;

    let r = call(&app, Method::GET, ARTICLES, &Auth::None, None).await;
    assert_eq!(
        (r.status, code(&r.json()).to_owned()),
        (StatusCode::UNAUTHORIZED, "unauthorized".to_owned())
    );
    assert_eq!(r.header("www-authenticate"), "Bearer");
    assert_documented(&doc, "get", ARTICLES, &r);
    let revoked = Auth::Bearer("nd_not-a-real-token".into());
    assert_eq!(
        call(&app, Method::GET, ARTICLES, &revoked, None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );

    let r = call_raw(
        &app,
        Method::POST,
        ARTICLES,
        &editor,
        "application/json",
        b"{\"edition\": \"en\",".to_vec(),
    )
    .await;
    assert_eq!(
        (r.status, code(&r.json()).to_owned()),
        (StatusCode::BAD_REQUEST, "bad_request".to_owned())
    );
    assert_documented(&doc, "post", ARTICLES, &r);

    let r = call_raw(
        &app,
        Method::POST,
        ARTICLES,
        &editor,
        "text/plain",
        b"{}".to_vec(),
    )
    .await;
    assert_eq!(
        (r.status, code(&r.json()).to_owned()),
        (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type".to_owned()
        )
    );

    let r = call(
        &app,
        Method::POST,
        ARTICLES,
        &editor,
        Some(&json!({ "edition": "en", "headline": "x", "colour": "red" })),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("colour"),
        "{}",
        r.body
    );

    let r = call(
        &app,
        Method::POST,
        ARTICLES,
        &editor,
        Some(&json!({ "edition": "en", "headline": "" })),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let body = r.json();
    assert_eq!(code(&body), "invalid");
    assert!(
        body["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["field"] == "headline"),
        "{body}"
    );
    assert_documented(&doc, "post", ARTICLES, &r);

    let huge = json!({ "edition": "en", "headline": "Big", "body": "x".repeat(1_100_000) });
    let r = call(&app, Method::POST, ARTICLES, &editor, Some(&huge)).await;
    assert_eq!(
        (r.status, code(&r.json()).to_owned()),
        (
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large".to_owned()
        )
    );

    let r = call(
        &app,
        Method::GET,
        &format!("{ARTICLES}/999999"),
        &editor,
        None,
    )
    .await;
    assert_eq!(
        (r.status, code(&r.json()).to_owned()),
        (StatusCode::NOT_FOUND, "not_found".to_owned())
    );
    assert_documented(&doc, "get", "/api/v1/admin/articles/{id}", &r);
    assert_eq!(
        call(&app, Method::GET, &format!("{ARTICLES}/abc"), &editor, None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let r = call(
        &app,
        Method::GET,
        &format!("{ARTICLES}?status=gone"),
        &editor,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    let r = call(
        &app,
        Method::GET,
        "/api/v1/admin/no-such-thing",
        &editor,
        None,
    )
    .await;
    assert_eq!(
        (r.status, code(&r.json()).to_owned()),
        (StatusCode::NOT_FOUND, "not_found".to_owned())
    );
}

#[tokio::test]
async fn tokens_are_shown_once_work_and_stop_working_when_revoked() {
    let app = TestApp::new().await;
    let (_, admin) = bearer(&app, Role::Admin).await;
    let r = call(
        &app,
        Method::POST,
        "/api/v1/admin/tokens",
        &admin,
        Some(&json!({ "name": "importer", "role": "author" })),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let created = r.json();
    let secret = created["secret"].as_str().unwrap().to_owned();
    let token = Auth::Bearer(secret.clone());
    assert_eq!(
        call(&app, Method::GET, "/api/v1/admin/me", &token, None)
            .await
            .json()["role"],
        "author"
    );
    let listed = call(&app, Method::GET, "/api/v1/admin/tokens", &admin, None).await;
    assert!(
        !listed.body.contains(&secret),
        "a token's secret is never shown again"
    );
    let id = created["token"]["id"].as_i64().unwrap();
    assert_eq!(
        call(
            &app,
            Method::DELETE,
            &format!("/api/v1/admin/tokens/{id}"),
            &admin,
            None
        )
        .await
        .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        call(&app, Method::GET, "/api/v1/admin/me", &token, None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_runaway_client_is_slowed_down_with_429() {
    let app = TestApp::new().await;
    let doc = served_document(&app).await;
    let (_, auth) = bearer(&app, Role::Contributor).await;
    let limit = newsdesk_newsroom::api::ratelimit::PER_MINUTE as usize;
    // The budget refills while the loop runs, so a few more than the burst get through.
    let mut admitted = 0;
    let mut refused = None;
    for _ in 0..limit + 200 {
        let r = call(&app, Method::GET, "/api/v1/admin/me", &auth, None).await;
        if r.status == StatusCode::OK {
            admitted += 1;
        } else {
            refused = Some(r);
            break;
        }
    }
    assert!(admitted >= limit, "only {admitted} requests admitted");
    let r = refused.expect("the budget ran out");
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
    assert_eq!(code(&r.json()), "rate_limited");
    assert_eq!(r.header("retry-after"), "60");
    assert_documented(&doc, "get", "/api/v1/admin/me", &r);
    // Other credentials have their own budget.
    let (_, other) = bearer(&app, Role::Contributor).await;
    assert_eq!(
        call(&app, Method::GET, "/api/v1/admin/me", &other, None)
            .await
            .status,
        StatusCode::OK
    );
}

/// A headline written twice gets a numbered slug, as in WordPress, instead of a 422 aimed
/// at the slug field the editor left empty; a slug the editor types stays theirs, and one
/// too long is told so (it was told its characters were wrong).
#[tokio::test]
async fn a_repeated_headline_gets_a_numbered_slug_and_long_slugs_are_named() {
    let app = TestApp::new().await;
    let (_, editor) = bearer(&app, Role::Editor).await;
    let draft = json!({ "edition": "en", "headline": "Storm closes the coast road" });
    let mut slugs = Vec::new();
    for _ in 0..3 {
        let r = call(&app, Method::POST, ARTICLES, &editor, Some(&draft)).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        slugs.push(r.json()["slug"].as_str().unwrap().to_owned());
    }
    assert_eq!(
        slugs,
        [
            "storm-closes-the-coast-road",
            "storm-closes-the-coast-road-2",
            "storm-closes-the-coast-road-3"
        ]
    );

    let typed = json!({ "edition": "en", "headline": "Another story", "slug": "storm-closes-the-coast-road" });
    let r = call(&app, Method::POST, ARTICLES, &editor, Some(&typed)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(code(&r.json()), "conflict", "{}", r.body);
    assert!(r.body.contains("slug is already taken"), "{}", r.body);

    let long = json!({ "edition": "en", "headline": "Long", "slug": "a".repeat(300) });
    let r = call(&app, Method::POST, ARTICLES, &editor, Some(&long)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let body = r.json();
    let messages: Vec<&str> = body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["field"] == "slug")
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert_eq!(messages, ["must be at most 80 characters"], "{}", r.body);
}
