//! Error pages in the reader's edition: 404, 410 (an unpublished article) and the rest.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use newsdesk_core::{Direction, Edition};
use serde::Serialize;

use super::context::{Chrome, EditionCtx};
use crate::error::HttpError;
use crate::head::HeadMeta;
use crate::state::AppState;

#[derive(Serialize)]
struct ErrorPage {
    #[serde(flatten)]
    chrome: Chrome,
    status: u16,
    heading: String,
    text: String,
}

/// The page for `result`'s error, or `result` itself when it is a response.
pub async fn or_error_page(
    state: &AppState,
    edition: Option<&str>,
    result: Result<Response, HttpError>,
) -> Response {
    match result {
        Ok(response) => response,
        Err(err) => error_page(state, edition, &err).await,
    }
}

/// Renders `err` as a page in `edition`'s language (the default edition when `None` or
/// unknown). If even that fails (the database is down), a plain-text answer with the
/// right status still goes out.
pub async fn error_page(state: &AppState, edition: Option<&str>, err: &HttpError) -> Response {
    err.log();
    let status = err.status();
    let ctx = match load_ctx(state, edition).await {
        Some(ctx) => ctx,
        None => fallback_ctx(),
    };
    let (title_key, text_key) = match status {
        StatusCode::NOT_FOUND => ("error-404-title", "error-404-text"),
        StatusCode::GONE => ("error-410-title", "error-410-text"),
        StatusCode::BAD_REQUEST => ("error-400-title", "error-400-text"),
        _ => ("error-500-title", "error-500-text"),
    };
    let heading = ctx.t(state, title_key);
    let text = ctx.t(state, text_key);
    let head = HeadMeta {
        description: text.clone(),
        noindex: true,
        ..HeadMeta::default()
    };
    let page = ErrorPage {
        chrome: ctx.chrome(state, &heading, head, Vec::new()),
        status: status.as_u16(),
        heading,
        text,
    };
    let mut response = match state.templates().render("error.html", &page) {
        Ok(html) => (
            status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            html,
        )
            .into_response(),
        Err(render_err) => {
            render_err.log();
            (status, err.public_message()).into_response()
        }
    };
    // Errors are not cached here; a CDN may keep a 404/410 briefly.
    let cache = if matches!(status, StatusCode::NOT_FOUND | StatusCode::GONE) {
        "public, max-age=0, s-maxage=60"
    } else {
        "no-store"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

async fn load_ctx(state: &AppState, edition: Option<&str>) -> Option<EditionCtx> {
    if let Some(code) = edition
        && let Ok(ctx) = EditionCtx::load(state, code).await
    {
        return Some(ctx);
    }
    let editions = state.store().list_editions().await.ok()?;
    // `list_editions` puts the default edition first.
    let default = editions.first()?.code.clone();
    EditionCtx::load(state, &default).await.ok()
}

/// A site without editions yet (or without a database) still gets an English page.
fn fallback_ctx() -> EditionCtx {
    EditionCtx {
        edition: Edition {
            code: "en".into(),
            name: "English".into(),
            direction: Direction::Ltr,
            time_zone: "UTC".into(),
            is_default: true,
        },
        editions: Default::default(),
        sections: Default::default(),
        pages: Default::default(),
    }
}
