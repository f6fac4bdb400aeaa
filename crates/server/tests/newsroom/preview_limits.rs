//! Issue 12, point 2: the preview applies the body limits saving applies, renders off the
//! async workers, and a saturated renderer does not hold up other requests.

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::ConnectInfo;
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use newsdesk_core::Role;
use tower::ServiceExt;

use crate::support::{Client, TestApp};

async fn preview(client: &mut Client<'_>, body: &str) -> crate::support::TestResponse {
    client
        .post(
            "/admin/preview",
            &[("edition", "en"), ("headline", "Preview"), ("body", body)],
        )
        .await
}

#[tokio::test]
async fn a_preview_over_the_size_limit_is_refused_not_rendered() {
    let app = TestApp::new().await;
    let mut editor = app.client_as(Role::Editor).await;
    for len in [200_001, 1_900_000] {
        let r = preview(&mut editor, &"a".repeat(len)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{len}");
        assert!(
            r.body.contains("at most 200000 characters"),
            "{len}: {}",
            &r.body[..r.body.len().min(2000)]
        );
        assert!(
            r.body.len() < 100_000,
            "{len}: the text came back ({} bytes)",
            r.body.len()
        );
    }
    let r = preview(&mut editor, &"a".repeat(200_000)).await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn a_preview_nested_too_deep_is_refused_and_so_is_saving_it() {
    let app = TestApp::new().await;
    let mut editor = app.client_as(Role::Editor).await;
    let deep = ">".repeat(100_000);
    let r = preview(&mut editor, &deep).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("nested at most 16 deep"), "{}", r.body);

    let saved = editor
        .post(
            "/admin/articles/new",
            &[
                ("edition", "en"),
                ("headline", "Deep"),
                ("body", &deep),
                ("then", "save"),
            ],
        )
        .await;
    assert_ne!(saved.status, StatusCode::SEE_OTHER, "saved: {}", saved.body);
    assert!(
        saved.body.contains("nested at most 16 deep"),
        "{}",
        saved.body
    );
}

#[tokio::test]
async fn a_heavy_body_within_the_limits_renders_a_bounded_page() {
    let app = TestApp::new().await;
    let mut editor = app.client_as(Role::Editor).await;
    // 200,000 characters of raw HTML nesting: minutes in the sanitiser before the fix.
    let body = "<div>".repeat(39_999) + "end.";
    let r = preview(&mut editor, &body).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("end."));
    assert!(r.body.len() < 200_000, "{} bytes", r.body.len());
}

/// Requests are separate tasks on a two-thread runtime, as in the server. The renderer
/// is held busy, so both previews wait for it; `/healthz` must answer meanwhile, and the
/// previews render once it is free.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_answers_while_previews_wait_for_the_renderer() {
    let app = TestApp::new().await;
    let editor = app.client_as(Role::Editor).await;
    let cookie: String = editor
        .cookies
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let router = newsdesk_server::router(app.state.clone());
    let order = Arc::new(Mutex::new(Vec::new()));
    let send = |name: &'static str, request: Request<Body>| {
        let router = router.clone();
        let order = order.clone();
        tokio::spawn(async move {
            let response = router.oneshot(request).await.unwrap();
            let status = response.status();
            let _ = response.into_body().collect().await;
            order.lock().unwrap().push(name);
            status
        })
    };
    let form = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("csrf", editor.csrf.as_str()),
            ("edition", "en"),
            ("headline", "Heavy"),
            ("body", &("<div>".repeat(39_999) + "end.")),
        ])
        .finish();
    let preview_request = || {
        Request::post("/admin/preview")
            .header("cookie", &cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .extension(ConnectInfo(editor.ip))
            .body(Body::from(form.clone()))
            .unwrap()
    };

    let busy = app.state.bodies().drain().await.unwrap();
    let previews = [
        send("preview", preview_request()),
        send("preview", preview_request()),
    ];
    let health = send(
        "healthz",
        Request::get("/healthz")
            .extension(ConnectInfo(editor.ip))
            .body(Body::empty())
            .unwrap(),
    );
    assert_eq!(health.await.unwrap(), StatusCode::OK);
    drop(busy);
    for p in previews {
        assert_eq!(p.await.unwrap(), StatusCode::OK);
    }
    assert_eq!(*order.lock().unwrap(), ["healthz", "preview", "preview"]);
}
