//! The discussion API through the assembled router: the thread as anyone reads it, posting
//! as a confirmed reader only, safe HTML out of any text in, limits, and the document.
#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use std::time::Duration;

use http::{Request, StatusCode};
use newsdesk_auth::ReaderLimits;
use serde_json::{Value, json};

use crate::readers::{Browser, confirmed_reader, register};
use crate::support::{TestApp, TestResponse};

async fn csrf_of(b: &mut Browser) -> String {
    let me = b.get("/api/v1/reader").await;
    assert_eq!(me.status, StatusCode::OK, "{}", me.text());
    let v: Value = serde_json::from_slice(&me.bytes).unwrap();
    v["csrf"].as_str().unwrap().to_owned()
}

async fn post(b: &mut Browser, article: i64, csrf: &str, body: Value) -> TestResponse {
    b.send(
        Request::post(format!("/api/v1/articles/{article}/comments"))
            .header("content-type", "application/json")
            .header("x-csrf-token", csrf),
        body.to_string(),
    )
    .await
}

fn json_of(r: &TestResponse) -> Value {
    serde_json::from_slice(&r.bytes).unwrap_or_else(|_| panic!("JSON: {}", r.text()))
}

fn error_code(r: &TestResponse) -> String {
    json_of(r)["error"]["code"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn a_confirmed_reader_comments_and_replies_and_everyone_reads_it_safely() {
    let app = TestApp::new().await;
    let article = app.fx.lead.id;
    let empty = app
        .get(&format!("/api/v1/articles/{article}/comments"))
        .await;
    assert_eq!(empty.status, StatusCode::OK);
    assert_eq!(json_of(&empty)["count"], 0);

    let mut b = confirmed_reader(&app, "cara@example.com").await;
    let csrf = csrf_of(&mut b).await;
    let payload =
        "<script>alert(1)</script> see https://example.com/x and javascript:alert(1)\nbye";
    let posted = post(&mut b, article, &csrf, json!({ "body": payload })).await;
    assert_eq!(posted.status, StatusCode::CREATED, "{}", posted.text());
    let first = json_of(&posted);
    let html = first["html"].as_str().unwrap();
    assert!(html.starts_with("&lt;script&gt;alert(1)&lt;/script&gt; see <a href=\"https://example.com/x\" rel=\"nofollow ugc noopener\""), "{html}");
    assert!(html.contains("javascript:alert(1)<br>bye") && !html.contains("href=\"javascript"));
    assert_eq!(
        app.store()
            .get_comment(first["id"].as_i64().unwrap())
            .await
            .unwrap()
            .body,
        payload,
        "stored exactly as written"
    );

    let mut other = confirmed_reader(&app, "dan@example.com").await;
    let csrf2 = csrf_of(&mut other).await;
    let reply = post(
        &mut other,
        article,
        &csrf2,
        json!({ "body": "Заметил. رد.", "parent_id": first["id"] }),
    )
    .await;
    assert_eq!(reply.status, StatusCode::CREATED);

    // Anyone, logged in or not, reads the same thread.
    let thread = app
        .get(&format!("/api/v1/articles/{article}/comments?sort=oldest"))
        .await;
    assert_eq!(
        thread.header("cache-control"),
        "public, max-age=0, s-maxage=5"
    );
    let t = json_of(&thread);
    assert_eq!(t["count"], 2);
    assert_eq!(t["items"][0]["comment"]["author"], "Reader");
    assert_eq!(t["items"][0]["replies"][0]["html"], "Заметил. رد.");
    assert_eq!(t["more"], false);
}

#[tokio::test]
async fn only_confirmed_readers_with_the_sessions_token_may_post() {
    let app = TestApp::new().await;
    let article = app.fx.lead.id;
    // Nobody logged in: 401 in the JSON error shape.
    let mut anon = Browser::new(&app, ReaderLimits::default());
    let r = post(&mut anon, article, "x", json!({ "body": "hi" })).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(&r), "unauthorized");
    assert_eq!(
        anon.get("/api/v1/reader").await.status,
        StatusCode::UNAUTHORIZED
    );

    // Registered, not confirmed: 403 and a reason.
    let mut unconfirmed = Browser::new(&app, ReaderLimits::default());
    register(&mut unconfirmed, "en", "Una", "una@example.com").await;
    unconfirmed.log_in("una@example.com").await;
    let csrf = csrf_of(&mut unconfirmed).await;
    let r = post(&mut unconfirmed, article, &csrf, json!({ "body": "hi" })).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());

    let mut b = confirmed_reader(&app, "eve@example.com").await;
    let csrf = csrf_of(&mut b).await;
    let r = post(&mut b, article, "forged", json!({ "body": "hi" })).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(error_code(&r), "forbidden");
    for (body, status) in [
        (json!({ "body": "   " }), StatusCode::UNPROCESSABLE_ENTITY),
        (
            json!({ "body": "x".repeat(3001) }),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (json!({ "text": "wrong field" }), StatusCode::BAD_REQUEST),
        (
            json!({ "body": "reply to nothing", "parent_id": 999_999 }),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    ] {
        let r = post(&mut b, article, &csrf, body.clone()).await;
        assert_eq!(r.status, status, "{body}: {}", r.text());
        assert!(!error_code(&r).is_empty(), "a JSON error for {body}");
    }
    let r = b
        .send(
            Request::post(format!("/api/v1/articles/{article}/comments"))
                .header("content-type", "text/plain")
                .header("x-csrf-token", &csrf),
            "hi".to_owned(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let huge = json!({ "body": "y".repeat(40 * 1024) });
    let r = post(&mut b, article, &csrf, huge).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_code(&r), "payload_too_large");
    // Drafts and unknown articles have no discussion.
    let r = post(&mut b, app.fx.draft.id, &csrf, json!({ "body": "hi" })).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.get("/api/v1/articles/999999/comments").await.status,
        StatusCode::NOT_FOUND
    );
    let not_an_id = app.get("/api/v1/articles/abc/comments").await;
    assert_eq!(not_an_id.status, StatusCode::NOT_FOUND);
    assert_eq!(error_code(&not_an_id), "not_found");
    let array = post(&mut b, article, &csrf, json!(["a list", null])).await;
    assert_eq!(array.status, StatusCode::UNPROCESSABLE_ENTITY);
    let bad = app
        .get(&format!("/api/v1/articles/{article}/comments?sort=loudest"))
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(error_code(&bad), "bad_request");
    assert_eq!(
        app.store().comment_count(article).await.unwrap(),
        0,
        "nothing got in"
    );
}

#[tokio::test]
async fn commenting_is_rate_limited_with_retry_after() {
    let app = TestApp::new().await;
    let article = app.fx.lead.id;
    let mut b = confirmed_reader(&app, "fay@example.com").await;
    // The same browser, with tight limits from now on.
    let mut tight = b.with_limits(&app, ReaderLimits::tight(2, Duration::from_secs(3600)));
    let csrf = csrf_of(&mut tight).await;
    for n in 0..2 {
        let r = post(
            &mut tight,
            article,
            &csrf,
            json!({ "body": format!("comment {n}") }),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED);
    }
    let r = post(
        &mut tight,
        article,
        &csrf,
        json!({ "body": "one too many" }),
    )
    .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.header("retry-after").parse::<u64>().unwrap() > 0);
    assert_eq!(error_code(&r), "rate_limited");
    let _ = &mut b;
}

#[tokio::test]
async fn a_rate_limited_reader_can_comment_again_once_the_wait_is_over() {
    let app = TestApp::new().await;
    let article = app.fx.lead.id;
    let b = confirmed_reader(&app, "gus@example.com").await;
    let mut tight = b.with_limits(&app, ReaderLimits::tight(1, Duration::from_millis(700)));
    let csrf = csrf_of(&mut tight).await;
    let first = post(&mut tight, article, &csrf, json!({ "body": "first" })).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let refused = post(&mut tight, article, &csrf, json!({ "body": "second" })).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    tokio::time::sleep(Duration::from_millis(800)).await;
    let again = post(
        &mut tight,
        article,
        &csrf,
        json!({ "body": "second, later" }),
    )
    .await;
    assert_eq!(again.status, StatusCode::CREATED, "{}", again.text());
}

#[tokio::test]
async fn the_discussion_api_is_in_the_openapi_document() {
    let app = TestApp::new().await;
    let doc: Value = serde_json::from_slice(&app.get("/api/v1/openapi.json").await.bytes).unwrap();
    let thread = &doc["paths"]["/api/v1/articles/{id}/comments"];
    assert!(thread["get"]["responses"]["200"].is_object());
    for status in ["201", "401", "403", "413", "415", "422", "429"] {
        assert!(thread["post"]["responses"][status].is_object(), "{status}");
    }
    assert!(doc["paths"]["/api/v1/reader"]["get"].is_object());
    assert!(doc["components"]["securitySchemes"]["reader"].is_object());
}

#[tokio::test]
async fn a_readers_comments_are_in_their_export_and_go_or_stay_with_the_account() {
    let app = TestApp::new().await;
    let article = app.fx.lead.id;
    for (email, remove) in [("gil@example.com", false), ("hal@example.com", true)] {
        let mut b = confirmed_reader(&app, email).await;
        let csrf = csrf_of(&mut b).await;
        let text = format!("Written by {email}");
        let r = post(&mut b, article, &csrf, json!({ "body": text })).await;
        assert_eq!(r.status, StatusCode::CREATED);
        let export: Value =
            serde_json::from_slice(&b.get("/en/account/export").await.bytes).unwrap();
        assert_eq!(
            export["comments"][0]["text"],
            text.as_str(),
            "the export is complete"
        );
        let page = b.get("/en/account").await.text();
        let at = page.find("action=\"/en/account/delete\"").unwrap();
        let form_csrf = page[at..].split("name=\"csrf\" value=\"").nth(1).unwrap();
        let form_csrf = &form_csrf[..form_csrf.find('"').unwrap()];
        let mut fields = vec![("current", "a long enough password"), ("csrf", form_csrf)];
        if remove {
            fields.push(("remove_comments", "1"));
        }
        let gone = b.post("/en/account/delete", &fields).await;
        assert_eq!(gone.status, StatusCode::OK, "{}", gone.text());
    }
    let thread: Value = serde_json::from_slice(
        &app.get(&format!("/api/v1/articles/{article}/comments"))
            .await
            .bytes,
    )
    .unwrap();
    assert_eq!(thread["count"], 1, "one comment stayed, one went");
    assert_eq!(
        thread["items"][0]["comment"]["author"],
        Value::Null,
        "signed by a deleted account"
    );
    assert_eq!(
        thread["items"][0]["comment"]["html"],
        "Written by gil@example.com"
    );
}

async fn send_json(
    b: &mut Browser,
    method: &str,
    uri: &str,
    csrf: &str,
    body: Option<Value>,
) -> TestResponse {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header("x-csrf-token", csrf);
    if body.is_some() {
        request = request.header("content-type", "application/json");
    }
    b.send(request, body.map(|b| b.to_string()).unwrap_or_default())
        .await
}

#[tokio::test]
async fn readers_edit_and_delete_their_own_and_like_or_report_others() {
    let app = TestApp::new().await;
    let article = app.fx.lead.id;
    let mut ann = confirmed_reader(&app, "ann@example.com").await;
    let ann_csrf = csrf_of(&mut ann).await;
    let posted = json_of(&post(&mut ann, article, &ann_csrf, json!({ "body": "Frist!" })).await);
    let id = posted["id"].as_i64().unwrap();
    let me: Value = serde_json::from_slice(&ann.get("/api/v1/reader").await.bytes).unwrap();
    assert_eq!(
        posted["author_id"], me["id"],
        "the page can tell its reader's own comments"
    );

    let edited = send_json(
        &mut ann,
        "PATCH",
        &format!("/api/v1/comments/{id}"),
        &ann_csrf,
        Some(json!({ "body": "First!" })),
    )
    .await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.text());
    assert_eq!(json_of(&edited)["edited"], true);
    assert_eq!(json_of(&edited)["html"], "First!");

    let mut others = Vec::new();
    for n in 0..3 {
        let mut b = confirmed_reader(&app, &format!("other{n}@example.com")).await;
        let csrf = csrf_of(&mut b).await;
        others.push((b, csrf));
    }
    let (bob, bob_csrf) = &mut others[0];
    let not_mine = send_json(
        bob,
        "PATCH",
        &format!("/api/v1/comments/{id}"),
        bob_csrf,
        Some(json!({ "body": "Mine now" })),
    )
    .await;
    assert_eq!(not_mine.status, StatusCode::NOT_FOUND);
    assert_eq!(
        send_json(
            bob,
            "DELETE",
            &format!("/api/v1/comments/{id}"),
            bob_csrf,
            None
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    let like = send_json(
        bob,
        "POST",
        &format!("/api/v1/comments/{id}/like"),
        bob_csrf,
        None,
    )
    .await;
    assert_eq!(json_of(&like), json!({ "new": true, "count": 1 }));
    let again = send_json(
        bob,
        "POST",
        &format!("/api/v1/comments/{id}/like"),
        bob_csrf,
        None,
    )
    .await;
    assert_eq!(json_of(&again), json!({ "new": false, "count": 1 }));
    let own = send_json(
        &mut ann,
        "POST",
        &format!("/api/v1/comments/{id}/like"),
        &ann_csrf,
        None,
    )
    .await;
    assert_eq!(own.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Three readers' reports hide it until a moderator decides.
    for (b, csrf) in &mut others {
        let r = send_json(
            b,
            "POST",
            &format!("/api/v1/comments/{id}/report"),
            csrf,
            None,
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
    }
    let thread = json_of(
        &app.get(&format!("/api/v1/articles/{article}/comments"))
            .await,
    );
    assert_eq!(thread["count"], 0, "held after three reports");
    let held = app.store().get_comment(id).await.unwrap();
    assert_eq!(held.status, newsdesk_core::CommentStatus::Held);
    assert_eq!(held.reason, "reported by 3 readers");

    // Deleting one's own: gone from the thread.
    let second = json_of(&post(&mut ann, article, &ann_csrf, json!({ "body": "Second" })).await);
    let sid = second["id"].as_i64().unwrap();
    let gone = send_json(
        &mut ann,
        "DELETE",
        &format!("/api/v1/comments/{sid}"),
        &ann_csrf,
        None,
    )
    .await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    assert_eq!(
        json_of(
            &app.get(&format!("/api/v1/articles/{article}/comments"))
                .await
        )["count"],
        0
    );
    // Without the session's token, nothing happens.
    let forged = send_json(
        &mut ann,
        "DELETE",
        &format!("/api/v1/comments/{sid}"),
        "forged",
        None,
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let doc: Value = serde_json::from_slice(&app.get("/api/v1/openapi.json").await.bytes).unwrap();
    for (path, method) in [
        ("/api/v1/comments/{id}", "patch"),
        ("/api/v1/comments/{id}", "delete"),
        ("/api/v1/comments/{id}/like", "post"),
        ("/api/v1/comments/{id}/report", "post"),
    ] {
        assert!(
            doc["paths"][path][method].is_object(),
            "{method} {path} documented"
        );
    }
}
