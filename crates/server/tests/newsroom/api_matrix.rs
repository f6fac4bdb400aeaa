//! The Admin API role matrix: EVERY endpoint of `api::ENDPOINTS` × every role, logged-out
//! included, and the check that the table lists exactly the documented (= routed) ones.
//! The media library pages get the same treatment from `media_library::PAGES`.

use std::collections::BTreeSet;

use http::{Method, StatusCode};
use newsdesk_core::Role;
use newsdesk_newsroom::api::ENDPOINTS;
use newsdesk_newsroom::media_library::PAGES;
use newsdesk_newsroom::routes::Access;

use crate::api_support::{
    Auth, bearer, call, call_raw, example_body, fill, fill_body, operation, required_query,
    served_document, session, small_jpeg,
};
use crate::support::{TestApp, TestResponse};

/// `None` is logged out; readers use a session (no token can carry the reader role);
/// staff use Bearer tokens.
const ROLES: [Option<Role>; 7] = [
    None,
    Some(Role::Reader),
    Some(Role::Moderator),
    Some(Role::Contributor),
    Some(Role::Author),
    Some(Role::Editor),
    Some(Role::Admin),
];

async fn credentials(app: &TestApp, role: Option<Role>) -> Auth {
    match role {
        None => Auth::None,
        Some(Role::Reader) => session(app, Role::Reader).await.1,
        Some(role) => bearer(app, role).await.1,
    }
}

fn judge(access: Access, role: Option<Role>, r: &TestResponse) -> Option<String> {
    let s = r.status;
    let served =
        s != StatusCode::NOT_FOUND && s != StatusCode::METHOD_NOT_ALLOWED && !s.is_server_error();
    let admitted = s != StatusCode::UNAUTHORIZED && s != StatusCode::FORBIDDEN;
    let (ok, expected) = match (access, role) {
        (Access::Public, _) => (served && admitted, "allowed"),
        (_, None) => (s == StatusCode::UNAUTHORIZED, "401"),
        (_, Some(role)) if !access.admits(role) => (s == StatusCode::FORBIDDEN, "403"),
        (_, Some(_)) => (served && admitted, "allowed"),
    };
    (!ok).then(|| {
        format!(
            "expected {expected}, got {s}: {}",
            r.body.chars().take(200).collect::<String>()
        )
    })
}

#[tokio::test]
async fn every_api_endpoint_answers_every_role_as_the_table_says() {
    let app = TestApp::new().await;
    let doc = served_document(&app).await;
    let mut failures = Vec::new();
    let mut checked = 0;
    for (i, endpoint) in ENDPOINTS.iter().enumerate() {
        let op = operation(&doc, endpoint);
        let example = example_body(&doc, op);
        for (j, role) in ROLES.iter().enumerate() {
            let path = fill(&app, endpoint.path, endpoint.fixture, i * ROLES.len() + j).await
                + &required_query(op);
            let body = fill_body(&app, example.clone(), i * ROLES.len() + j).await;
            let auth = credentials(&app, *role).await;
            let response =
                if endpoint.path == "/api/v1/admin/photos" && endpoint.method == Method::POST {
                    call_raw(&app, Method::POST, &path, &auth, "image/jpeg", small_jpeg()).await
                } else {
                    call(&app, endpoint.method.clone(), &path, &auth, body.as_ref()).await
                };
            let who = role.map_or("logged-out".to_owned(), |r| r.to_string());
            if let Some(problem) = judge(endpoint.access, *role, &response) {
                failures.push(format!("{} {path} as {who}: {problem}", endpoint.method));
            }
            // Whatever a role gets must be an answer the document lists for the operation.
            if op["responses"][response.status.as_str()].is_null() {
                failures.push(format!(
                    "{} {path} as {who}: {} is not documented",
                    endpoint.method, response.status
                ));
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} checks failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        checked >= 6 * 50,
        "the table lists every endpoint ({checked} checks)"
    );
}

#[tokio::test]
async fn the_endpoint_table_lists_exactly_the_documented_routes() {
    let app = TestApp::new().await;
    let doc = served_document(&app).await;
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            // The readers' discussion API shares the document, not the staff role matrix
            // (its access is tested in tests/site/comments.rs); so do the public live
            // endpoints, the newsfeed stream and the chat rooms (tests/live).
            let public_live =
                op["tags"][0] == "live" && !path.starts_with(newsdesk_newsroom::api::table::PREFIX);
            // The article page's view beacon is public too (tests/site/most_read.rs).
            if op["tags"][0] == "comments" || op["tags"][0] == "reading" || public_live {
                continue;
            }
            documented.insert((method.to_ascii_uppercase(), path.clone()));
        }
    }
    let mut table = BTreeSet::new();
    for e in ENDPOINTS {
        assert!(
            table.insert((e.method.to_string(), e.path.to_owned())),
            "{e:?} listed twice"
        );
    }
    let missing: Vec<_> = documented.difference(&table).collect();
    let extra: Vec<_> = table.difference(&documented).collect();
    assert!(
        missing.is_empty(),
        "routed and documented but not in api::ENDPOINTS (add a row): {missing:?}"
    );
    assert!(
        extra.is_empty(),
        "in api::ENDPOINTS but not routed: {extra:?}"
    );
    // And every documented route is really routed: an unauthenticated call is refused by
    // authentication (or served), never 404/405.
    for e in ENDPOINTS {
        let path = e
            .path
            .replace("{id}", "1")
            .replace("{number}", "1")
            .replace("{account_id}", "1");
        let r = call(&app, e.method.clone(), &path, &Auth::None, None).await;
        assert!(
            r.status != StatusCode::NOT_FOUND && r.status != StatusCode::METHOD_NOT_ALLOWED,
            "{} {path} is documented but not routed ({})",
            e.method,
            r.status
        );
    }
}

#[tokio::test]
async fn every_media_page_answers_every_role_as_its_table_says() {
    let app = TestApp::new().await;
    let mut failures = Vec::new();
    for (i, page) in PAGES.iter().enumerate() {
        for (j, role) in ROLES.iter().enumerate() {
            let path = fill(&app, page.path, page.fixture, 1000 + i * ROLES.len() + j).await;
            let mut browser = match role {
                Some(role) => app.client_as(*role).await,
                None => app.anonymous(),
            };
            let r = if page.method == Method::GET {
                browser.get(&path).await
            } else {
                browser.post(&path, &[]).await
            };
            let s = r.status;
            let admitted = s != StatusCode::UNAUTHORIZED
                && s != StatusCode::FORBIDDEN
                && !r.is_login_redirect();
            let ok = match (page.access, role) {
                (Access::Public, _) => admitted,
                (_, None) => r.is_login_redirect(),
                (_, Some(role)) if !page.access.admits(*role) => s == StatusCode::FORBIDDEN,
                (_, Some(_)) => admitted && s != StatusCode::NOT_FOUND && !s.is_server_error(),
            };
            if !ok {
                let who = role.map_or("logged-out".to_owned(), |r| r.to_string());
                failures.push(format!(
                    "{} {path} as {who}: got {s} {}",
                    page.method,
                    r.location()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
