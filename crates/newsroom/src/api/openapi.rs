//! The OpenAPI 3.1 document, generated from the handlers' `#[utoipa::path]` attributes and
//! the DTOs' schemas as the router is built (see [`super::openapi_router`]), so a route
//! cannot exist without being documented. Served at `GET /api/v1/openapi.json`.

use std::sync::LazyLock;

use axum::response::{IntoResponse, Response};
use http::HeaderValue;
use http::header::{CACHE_CONTROL, CONTENT_TYPE};
use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
};
use utoipa::{Modify, OpenApi};

use crate::auth::cookies::SESSION_COOKIE;
use crate::auth::middleware::CSRF_HEADER;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Newsdesk API",
        version = "1",
        description = "The Admin API (`/api/v1/admin`): everything the newsroom pages can do, \
            as JSON. Authenticate with `Authorization: Bearer <token>` (tokens from \
            `newsdesk token create` or the API tokens page; each carries a role), or with a \
            staff session cookie plus the session's CSRF token in `X-CSRF-Token` on every \
            unsafe method. The readers' discussion API (tag `comments`) takes a reader's \
            session cookie and its CSRF token instead. Errors are \
            `{\"error\": {\"code\", \"message\", \"fields\"?}}`."
    ),
    modifiers(&Security),
    tags(
        (name = "articles", description = "Writing, publishing and finding articles"),
        (name = "revisions", description = "Every save is a revision"),
        (name = "photos", description = "The media library"),
        (name = "taxonomy", description = "Editions, sections and tags"),
        (name = "authors", description = "Public author profiles"),
        (name = "entities", description = "Entities and their notes per edition"),
        (name = "staff", description = "The caller and staff accounts (admins)"),
        (name = "tokens", description = "Admin API tokens (admins)"),
        (name = "audit", description = "The audit log (admins)"),
        (name = "jobs", description = "Background jobs that gave up: retry or drop them (admins)"),
        (name = "moderation", description = "The discussion's queues, decisions, bans and rules (moderators, editors, admins)"),
        (name = "live", description = "The live parts: the newsfeed stream and the chat rooms (public; the chat protocol is in /api/v1/asyncapi.json), and under /api/v1/admin the newsfeed's short items (authors, editors, admins) and the chats' moderation (moderators, editors, admins)"),
        (name = "comments", description = "The discussion under articles (readers; not the Admin API)"),
        (name = "reading", description = "The reading site's own calls: the article page's view count for the most read lists (public, no cookie)"),
        (name = "meta", description = "This document"),
    )
)]
pub struct ApiDoc;

/// Bearer tokens, or a session cookie together with the CSRF header.
struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "An Admin API token (`nd_…`); acts with the token's role",
                    ))
                    .build(),
            ),
        );
        let mut cookie = ApiKeyValue::new(SESSION_COOKIE);
        cookie.description = Some("A staff session (log in at /admin/login)".to_owned());
        components.add_security_scheme("session", SecurityScheme::ApiKey(ApiKey::Cookie(cookie)));
        let mut csrf = ApiKeyValue::new("X-CSRF-Token");
        csrf.description = Some(format!(
            "The session's CSRF token (the `data-csrf` attribute of every admin page), header `{CSRF_HEADER}`; \
             required with a session on POST, PUT, PATCH and DELETE"
        ));
        components.add_security_scheme("csrf", SecurityScheme::ApiKey(ApiKey::Header(csrf)));
        let mut reader = ApiKeyValue::new(newsdesk_auth::cookies::READER_COOKIE);
        reader.description =
            Some("A reader's session (log in at /{edition}/account/login)".to_owned());
        components.add_security_scheme("reader", SecurityScheme::ApiKey(ApiKey::Cookie(reader)));
        let mut reader_csrf = ApiKeyValue::new("X-CSRF-Token");
        reader_csrf.description =
            Some("The reader session's CSRF token, from `GET /api/v1/reader`".to_owned());
        components.add_security_scheme(
            "reader_csrf",
            SecurityScheme::ApiKey(ApiKey::Header(reader_csrf)),
        );
        openapi.security = Some(vec![
            SecurityRequirement::new("bearer", Vec::<String>::new()),
            SecurityRequirement::new("session", Vec::<String>::new())
                .add("csrf", Vec::<String>::new()),
        ]);
    }
}

/// The document, built once.
pub fn document() -> &'static utoipa::openapi::OpenApi {
    static DOC: LazyLock<utoipa::openapi::OpenApi> = LazyLock::new(|| {
        let mut doc = super::openapi_router().split_for_parts().1;
        // The reading site's discussion API lives in the same document.
        doc.merge(newsdesk_site::comments::document());
        doc.merge(newsdesk_site::most_read::document());
        // And the live parts: the newsfeed stream and the chat rooms (the chat's
        // WebSocket protocol itself is in /api/v1/asyncapi.json).
        doc.merge(newsdesk_site::live::document());
        add_rate_limit_responses(&mut doc);
        super::idempotency::document(&mut doc);
        doc
    });
    &DOC
}

/// Every authenticated operation may answer 429 (see [`super::ratelimit`]); added here
/// rather than in each handler's attribute so none can forget it.
fn add_rate_limit_responses(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    let response = ResponseBuilder::new()
        .description("Too many requests with these credentials; wait a minute (see `Retry-After`)")
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ApiErrorBody")))
                .build(),
        )
        .build();
    for (path, item) in doc.paths.paths.iter_mut() {
        if path == "/api/v1/openapi.json" {
            continue;
        }
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for op in operations.into_iter().flatten() {
            op.responses
                .responses
                .insert("429".to_owned(), response.clone().into());
        }
    }
}

/// `GET /api/v1/openapi.json`: the Admin API's OpenAPI 3.1 document.
#[utoipa::path(
    get, path = "/api/v1/openapi.json", tag = "meta",
    security(()),
    responses((status = 200, description = "This OpenAPI 3.1 document", content_type = "application/json"))
)]
pub async fn serve() -> Response {
    static JSON: LazyLock<String> = LazyLock::new(|| {
        document()
            .to_pretty_json()
            .unwrap_or_else(|_| "{}".to_owned())
    });
    (
        [
            (CONTENT_TYPE, HeaderValue::from_static("application/json")),
            (
                CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=300"),
            ),
        ],
        JSON.as_str(),
    )
        .into_response()
}
