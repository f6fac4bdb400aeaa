//! The layers `router` applies to every request: one request-log line each, panics turned
//! into a 500 while the server keeps serving, a request id on every answer.
//!
//! Its own test binary: the log is captured with a thread-local subscriber, which tests
//! running on other threads of the same binary would race with.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails loudly on the first surprise"
)]

#[allow(dead_code)] // shared with the spine tests, which use all of it
#[path = "spine/support.rs"]
mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::routing::get;
use http::{Request, StatusCode};

use crate::support::{Spine, send};

/// Collects what the tracing subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut b) = self.0.lock() {
            b.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        self.0
            .lock()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default()
    }
}

async fn boom() -> &'static str {
    let parts: Vec<&str> = Vec::new();
    // An out-of-bounds index: the kind of bug the panic layer is there for.
    let _ = parts[parts.len()];
    unreachable!("a bug in a handler")
}

#[tokio::test]
async fn the_request_log_has_one_line_per_request_and_a_panic_is_a_500() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let spine = Spine::new(|_| {}).await;
    // The real routes plus one handler that panics, under exactly the layers `router` uses.
    let routes = newsdesk_server::routes(&spine.state, &newsdesk_server::Options::default())
        .route("/boom", get(boom));
    let router = newsdesk_server::with_layers(routes, &spine.state);

    let boom = send(&router, Request::get("/boom").body(Body::empty()).unwrap()).await;
    assert_eq!(boom.status, StatusCode::INTERNAL_SERVER_ERROR);
    let body: serde_json::Value = serde_json::from_str(&boom.body).unwrap();
    assert_eq!(body["error"]["code"], "internal");
    assert!(
        !boom.body.contains("index out of bounds"),
        "the panic message is not shown"
    );
    assert!(!boom.header("x-request-id").is_empty());

    // A browser asking for a page gets a page.
    let page = send(
        &router,
        Request::get("/boom")
            .header("accept", "text/html,application/xhtml+xml")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(page.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(page.header("content-type").starts_with("text/html"));
    assert!(page.body.contains("Something went wrong"), "{}", page.body);
    assert!(
        page.header("x-newsdesk-panicked").is_empty(),
        "the marker stays inside"
    );

    // The server goes on serving.
    let health = send(
        &router,
        Request::get("/healthz").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(health.status, StatusCode::OK, "{}", health.body);
    let missing = send(
        &router,
        Request::get("/no/such/page").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);

    let log = captured.text();
    let request_lines: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("request{") && l.contains("status="))
        .collect();
    assert_eq!(request_lines.len(), 4, "one line per request:\n{log}");
    let boom_line = request_lines[0];
    for part in ["method=GET", "route=/boom", "status=500", "ms="] {
        assert!(boom_line.contains(part), "{part} missing in {boom_line}");
    }
    assert!(request_lines[1].contains("route=/boom") && request_lines[1].contains("status=500"));
    assert!(request_lines[2].contains("route=/healthz") && request_lines[2].contains("status=200"));
    assert!(request_lines[3].contains("status=404"));
    assert!(
        request_lines[0].contains(&format!("id={}", boom.header("x-request-id"))),
        "the log line carries the request id the client got"
    );
    assert!(
        log.contains("index out of bounds"),
        "the panic itself is logged"
    );
}
