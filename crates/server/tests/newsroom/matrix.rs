//! The role matrix: EVERY newsroom route (the one table the router is built from) × every
//! role, logged-out included. Each request gets fresh fixtures owned by someone else and a
//! fresh session, so one route's effect (a logout, a deletion) never changes another's.

use http::{Method, StatusCode};
use newsdesk_core::Role;
use newsdesk_newsroom::auth::password_link;
use newsdesk_newsroom::routes::{self, Access, Fixture, RouteSpec};
use newsdesk_store::{NewAuthor, NewEntity, NewSection, NewTag};

use crate::support::{Client, TestApp, TestResponse};

/// `None` is a logged-out browser.
const ROLES: [Option<Role>; 7] = [
    None,
    Some(Role::Reader),
    Some(Role::Moderator),
    Some(Role::Contributor),
    Some(Role::Author),
    Some(Role::Editor),
    Some(Role::Admin),
];

/// The path with its parameters filled in from fresh fixtures.
async fn fill(app: &TestApp, spec: &RouteSpec, n: usize) -> String {
    let store = app.store();
    let owner = app
        .account(Role::Author, &format!("owner{n}@example.com"))
        .await;
    let path = spec.path;
    match spec.fixture {
        Fixture::None => path.to_owned(),
        Fixture::Article | Fixture::Revision => {
            let article = app.published(&owner, &format!("Fixture article {n}")).await;
            path.replace("{id}", &article.id.to_string())
                .replace("{number}", "1")
        }
        Fixture::Section => {
            let new = NewSection {
                edition: "en".into(),
                slug: format!("section-{n}"),
                name: format!("Section {n}"),
                position: 1,
            };
            path.replace(
                "{id}",
                &store.create_section(&new).await.unwrap().id.to_string(),
            )
        }
        Fixture::Tag => {
            let new = NewTag {
                edition: "en".into(),
                slug: format!("tag-{n}"),
                name: format!("Tag {n}"),
            };
            path.replace(
                "{id}",
                &store.create_tag(&new).await.unwrap().id.to_string(),
            )
        }
        Fixture::Author => {
            let new = NewAuthor {
                slug: format!("author-{n}"),
                name: format!("Author {n}"),
                ..NewAuthor::default()
            };
            path.replace(
                "{id}",
                &store.create_author(&new).await.unwrap().id.to_string(),
            )
        }
        Fixture::Entity => {
            let new = NewEntity {
                name: format!("Entity {n}"),
                ..NewEntity::default()
            };
            path.replace(
                "{id}",
                &store.create_entity(&new).await.unwrap().id.to_string(),
            )
        }
        Fixture::Account => path.replace("{id}", &owner.id.to_string()),
        Fixture::Token => {
            let created = newsdesk_newsroom::actions::tokens::issue(
                store,
                &format!("token {n}"),
                Role::Editor,
                Some(owner.id),
            )
            .await
            .unwrap();
            path.replace("{id}", &created.token.id.to_string())
        }
        Fixture::Job => {
            let payload = serde_json::json!({ "photo_id": n });
            let id = crate::jobs::failed_job(app, &format!("fixture-{n}"), &payload, "boom")
                .await
                .0;
            path.replace("{id}", &id.to_string())
        }
        Fixture::PasswordLink => {
            let (link, stored) = password_link::new_link(owner.id);
            store.set_password_hash(owner.id, &stored).await.unwrap();
            path.replace("{token}", link.trim_start_matches("/admin/password/"))
        }
        Fixture::StaticFile => path.replace("{file}", "admin.css"),
        Fixture::Comment => path.replace(
            "{id}",
            &crate::api_support::pending_comment(app, &owner, n)
                .await
                .to_string(),
        ),
        Fixture::Reader => path.replace(
            "{id}",
            &crate::api_support::reader_fixture(app, n).await.to_string(),
        ),
        Fixture::BannedReader => {
            let reader = crate::api_support::reader_fixture(app, n).await;
            store
                .ban_reader(reader, None, "fixture", None)
                .await
                .unwrap();
            path.replace("{id}", &reader.to_string())
        }
        Fixture::NewsItem => path.replace(
            "{id}",
            &crate::api_support::news_item_fixture(app, &owner, n)
                .await
                .to_string(),
        ),
        Fixture::ChatRoom => path.replace(
            "{id}",
            &crate::api_support::chat_room_fixture(app, &owner, n)
                .await
                .to_string(),
        ),
        Fixture::ChatMessage => path.replace(
            "{id}",
            &crate::api_support::chat_message_fixture(app, &owner, n)
                .await
                .1
                .to_string(),
        ),
        Fixture::NewsletterIssue => path.replace(
            "{id}",
            &crate::newsletters_admin::issue_fixture(app, n)
                .await
                .to_string(),
        ),
        Fixture::StaticPage => {
            let page = crate::static_pages::page_fixture(app, n).await;
            path.replace("{edition}", &page.edition)
                .replace("{slug}", &page.slug)
        }
    }
}

async fn client(app: &TestApp, role: Option<Role>) -> Client<'_> {
    match role {
        Some(role) => app.client_as(role).await,
        None => {
            let mut browser = app.anonymous();
            browser.get("/admin/login").await;
            browser.csrf = browser.cookies.get("nd_csrf").cloned().unwrap_or_default();
            browser
        }
    }
}

/// `None` when the answer is what the table promises; otherwise what went wrong.
fn judge(access: Access, role: Option<Role>, r: &TestResponse) -> Option<String> {
    let s = r.status;
    let served =
        s != StatusCode::NOT_FOUND && s != StatusCode::METHOD_NOT_ALLOWED && !s.is_server_error();
    let admitted = s != StatusCode::UNAUTHORIZED && s != StatusCode::FORBIDDEN;
    let ok = match (access, role) {
        (Access::Public, _) => served && admitted,
        (_, None) => r.is_login_redirect(),
        (_, Some(role)) if !access.admits(role) => s == StatusCode::FORBIDDEN,
        (_, Some(_)) => served && admitted && !r.is_login_redirect(),
    };
    let expected = match (access, role) {
        (Access::Public, _) => "allowed",
        (_, None) => "redirect to login",
        (_, Some(role)) if !access.admits(role) => "403",
        _ => "allowed",
    };
    (!ok).then(|| format!("expected {expected}, got {s} {}", r.location()))
}

#[tokio::test]
async fn every_route_answers_every_role_as_the_table_says() {
    let app = TestApp::new().await;
    let mut failures = Vec::new();
    let mut checked = 0;
    for (i, spec) in routes::all().enumerate() {
        for (j, role) in ROLES.iter().enumerate() {
            let path = fill(&app, spec, i * ROLES.len() + j).await;
            let mut browser = client(&app, *role).await;
            let response = if spec.method == Method::GET {
                browser.get(&path).await
            } else {
                browser.post(&path, &[]).await
            };
            if let Some(problem) = judge(spec.access, *role, &response) {
                let who = role.map_or("logged-out".to_owned(), |r| r.to_string());
                failures.push(format!("{} {path} as {who}: {problem}", spec.method));
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
        "the table lists every newsroom route ({checked} checks)"
    );
}

#[tokio::test]
async fn the_table_has_no_duplicates_and_covers_the_navigation() {
    let mut seen = std::collections::HashSet::new();
    for spec in routes::all() {
        assert!(
            seen.insert((spec.method.clone(), spec.path)),
            "{spec:?} listed twice"
        );
        assert!(spec.path.starts_with("/admin"), "{spec:?} outside /admin");
    }
    // Every link of the navigation bar is a route in the table (media belongs to the
    // media library, which adds its own table).
    let nav = include_str!("../../../newsroom/templates/admin/base.html");
    for part in nav.split("href=\"").skip(1) {
        let href = part.split('"').next().unwrap();
        if href.starts_with("/admin")
            && !href.starts_with("/admin/static")
            && !href.starts_with("/admin/media")
        {
            assert!(
                seen.contains(&(Method::GET, href)),
                "nav link {href} has no GET route"
            );
        }
    }
}

/// Whether `path` (with `{…}` where a template inserts a value) names a route of the table.
fn routed(method: &Method, path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').collect();
    routes::all().any(|spec| {
        let route: Vec<&str> = spec.path.split('/').collect();
        spec.method == *method
            && route.len() == segments.len()
            && route
                .iter()
                .zip(&segments)
                .all(|(r, s)| r == s || (r.starts_with('{') && s.starts_with('{')))
    })
}

/// `/admin/articles/{{ article.id }}/publish` → `/admin/articles/{}/publish`; template
/// tags and the query are dropped.
fn template_path(raw: &str) -> String {
    let mut out = String::new();
    let mut rest = raw;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let (open, close) = if rest[start..].starts_with("{{") {
            ("{}", "}}")
        } else {
            ("", "%}")
        };
        out.push_str(open);
        rest = rest[start..]
            .find(close)
            .map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out.split(['?', '#']).next().unwrap_or_default().to_owned()
}

/// Other crates' pages (the reading site, the media library) are not this table's.
fn ours(target: &str) -> bool {
    target.starts_with("/admin")
        && !target.starts_with("/admin/static")
        && !target.starts_with("/admin/media")
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[start..].split('"').next()
}

#[test]
fn every_form_and_link_in_the_admin_templates_targets_a_route_in_the_table() {
    let mut problems = Vec::new();
    let mut checked = 0;
    let mut check = |name: &str, method: Method, raw: &str| {
        checked += usize::from(ours(raw));
        if ours(raw) && !routed(&method, &template_path(raw)) {
            problems.push(format!("{name}: {method} {raw}"));
        }
    };
    for (name, source) in newsdesk_newsroom::admin::render::sources() {
        for part in source.split("<form").skip(1) {
            let tag = part.split('>').next().unwrap_or_default();
            let method = if attribute(tag, "method") == Some("get") {
                Method::GET
            } else {
                Method::POST
            };
            if let Some(action) = attribute(tag, "action") {
                check(name, method, action);
            }
        }
        for part in source.split(" formaction=\"").skip(1) {
            check(
                name,
                Method::POST,
                part.split('"').next().unwrap_or_default(),
            );
        }
        for part in source.split(" href=\"").skip(1) {
            check(
                name,
                Method::GET,
                part.split('"').next().unwrap_or_default(),
            );
        }
    }
    assert!(
        problems.is_empty(),
        "targets without a route:\n{}",
        problems.join("\n")
    );
    assert!(
        checked > 60,
        "only {checked} targets found: is the parser still reading the templates?"
    );
}
