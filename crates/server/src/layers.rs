//! The layers of every request, applied once, here.

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::MatchedPath;
use axum::middleware::{Next, from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use http::{HeaderName, Request, StatusCode};
use newsdesk_auth::{ClientIp, TrustedProxies};
use newsdesk_site::AppState;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use tracing::Span;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Applies the layers every response gets, whoever routed it, and the state.
pub fn with_layers(routes: Router<AppState>, state: &AppState) -> Router {
    let config = state.config();
    let trusted = TrustedProxies::new(config.trusted_proxies.clone());
    // `layer` wraps what is already there: the last one added runs first.
    routes
        .with_state(state.clone())
        .layer(from_fn(newsdesk_site::security::headers))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            config.request_timeout,
        ))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(from_fn(panic_page_for_browsers))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_request(())
                .on_response(log_response)
                .on_failure(()),
        )
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .layer(from_fn_with_state(trusted, newsdesk_auth::client_ip::layer))
}

fn request_span(req: &Request<Body>) -> Span {
    // Borrowed, not copied: a span records its fields when it is made.
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("-", MatchedPath::as_str);
    let id = req
        .headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    let client = req.extensions().get::<ClientIp>().and_then(|c| c.0);
    tracing::info_span!(
        "request",
        method = %req.method(),
        path = %req.uri().path(),
        route = %route,
        id = %id,
        client = %Client(client),
    )
}

/// The client's address as the log shows it, `-` when unknown.
struct Client(Option<std::net::IpAddr>);

impl std::fmt::Display for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(ip) => ip.fmt(f),
            None => f.write_str("-"),
        }
    }
}

/// The request log: one line per request, in the request's span (method, route, id,
/// client), with status and latency.
fn log_response(response: &Response, latency: Duration, _span: &Span) {
    let status = response.status().as_u16();
    let ms = latency.as_secs_f64() * 1000.0;
    if status >= 500 {
        tracing::error!(status, ms, "request");
    } else {
        tracing::info!(status, ms, "request");
    }
}

/// A handler that panicked: a 500 the user can read, the panic in the log, and the
/// server goes on serving.
fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let what = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!(panic = what, "a handler panicked");
    let body = serde_json::json!({
        "error": { "code": "internal", "message": "internal error; it has been logged" }
    });
    let mut response = (StatusCode::INTERNAL_SERVER_ERROR, axum::Json(body)).into_response();
    response
        .headers_mut()
        .insert(PANICKED, http::HeaderValue::from_static("1"));
    response
}

/// Marks the answer of a panicked handler, for [`panic_page_for_browsers`]; never sent.
const PANICKED: HeaderName = HeaderName::from_static("x-newsdesk-panicked");

/// The panic layer cannot see the request, so its answer is JSON; a browser asking for a
/// page gets a short HTML page instead.
async fn panic_page_for_browsers(req: Request<Body>, next: Next) -> Response {
    let wants_html = req
        .headers()
        .get(http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    let mut response = next.run(req).await;
    if response.headers_mut().remove(PANICKED).is_none() || !wants_html {
        return response;
    }
    let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
        <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
        <title>Something went wrong</title></head><body><main><h1>Something went wrong</h1>\
        <p>This page could not be shown. The problem has been logged; please try again \
        in a moment.</p><p><a href=\"/\">Front page</a></p></main></body></html>";
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        axum::response::Html(page),
    )
        .into_response()
}
