//! The request timeout of the shared layers.

use axum::body::Body;
use axum::routing::get;
use http::{Request, StatusCode};

use crate::support::{Spine, send};

#[tokio::test]
async fn a_request_that_runs_too_long_is_answered_503() {
    let spine = Spine::new(|c| c.request_timeout = std::time::Duration::from_millis(200)).await;
    let routes = newsdesk_server::routes(&spine.state, &newsdesk_server::Options::default()).route(
        "/slow",
        get(|| async {
            tokio::time::sleep(std::time::Duration::from_secs(5)).await;
            "late"
        }),
    );
    let router = newsdesk_server::with_layers(routes, &spine.state);
    let slow = send(&router, Request::get("/slow").body(Body::empty()).unwrap()).await;
    assert_eq!(slow.status, StatusCode::SERVICE_UNAVAILABLE);
}
