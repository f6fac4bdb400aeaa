//! Helpers for the Admin API tests: credentials per role, JSON and upload requests, path
//! fixtures for [`newsdesk_newsroom::api::Fixture`], and a structural JSON Schema check
//! against the generated OpenAPI document.

use axum::body::Body;
use http::{Method, Request};
use newsdesk_core::{Account, Credit, Role};
use newsdesk_newsroom::api::{Endpoint, Fixture};
use newsdesk_store::{NewAuthor, NewEntity, NewPhoto, NewSection, NewTag};
use serde_json::Value;

use crate::support::{TestApp, TestResponse};

pub const IPTC_PHOTO: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../fixtures/iptc-photo/IPTC-PhotometadataRef-Std2023.2.jpg"
);

/// How a request authenticates.
#[derive(Debug, Clone)]
pub enum Auth {
    None,
    Bearer(String),
    /// A session cookie and its CSRF token (sent as `X-CSRF-Token`).
    Session {
        cookie: String,
        csrf: String,
    },
}

/// A Bearer token of `role`, created for a new account of that role.
pub async fn bearer(app: &TestApp, role: Role) -> (Account, Auth) {
    let n = app.store().list_accounts().await.unwrap().len();
    let account = app
        .account(role, &format!("api-{role}{n}@example.com"))
        .await;
    let created = newsdesk_newsroom::actions::tokens::issue(
        app.store(),
        &format!("{role} token"),
        role,
        Some(account.id),
    )
    .await
    .unwrap();
    (account, Auth::Bearer(created.secret))
}

/// A session (cookie + CSRF token) for a new account of `role` (readers included).
pub async fn session(app: &TestApp, role: Role) -> (Account, Auth) {
    let n = app.store().list_accounts().await.unwrap().len();
    let account = app
        .account(role, &format!("web-{role}{n}@example.com"))
        .await;
    let (cookie, csrf) = newsdesk_newsroom::auth::session::start(&app.state, &account)
        .await
        .unwrap();
    (account, Auth::Session { cookie, csrf })
}

fn builder(method: &Method, uri: &str, auth: &Auth) -> http::request::Builder {
    let mut b = Request::builder().method(method.clone()).uri(uri);
    match auth {
        Auth::None => {}
        Auth::Bearer(token) => b = b.header("authorization", format!("Bearer {token}")),
        Auth::Session { cookie, csrf } => {
            b = b
                .header("cookie", format!("nd_session={cookie}"))
                .header("x-csrf-token", csrf.as_str());
        }
    }
    b
}

/// A request with an optional JSON body.
pub async fn call(
    app: &TestApp,
    method: Method,
    uri: &str,
    auth: &Auth,
    body: Option<&Value>,
) -> TestResponse {
    let request = match body {
        Some(json) => builder(&method, uri, auth)
            .header("content-type", "application/json")
            .body(Body::from(json.to_string()))
            .unwrap(),
        None => builder(&method, uri, auth).body(Body::empty()).unwrap(),
    };
    app.send(request).await
}

/// A request with a raw body and content type (malformed JSON, uploads).
pub async fn call_raw(
    app: &TestApp,
    method: Method,
    uri: &str,
    auth: &Auth,
    content_type: &str,
    body: Vec<u8>,
) -> TestResponse {
    let request = builder(&method, uri, auth)
        .header("content-type", content_type)
        .body(Body::from(body))
        .unwrap();
    app.send(request).await
}

pub const BOUNDARY: &str = "newsdesk-test-boundary-7MA4YWxkTrZu0gW";

/// A `multipart/form-data` body with `file` (named `filename`) and text fields.
pub fn multipart(filename: &str, bytes: &[u8], fields: &[(&str, &str)]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: image/jpeg\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

pub fn multipart_type() -> String {
    format!("multipart/form-data; boundary={BOUNDARY}")
}

/// Uploads `bytes` through the API as `multipart/form-data`.
pub async fn upload(app: &TestApp, auth: &Auth, filename: &str, bytes: &[u8]) -> TestResponse {
    call_raw(
        app,
        Method::POST,
        "/api/v1/admin/photos",
        auth,
        &multipart_type(),
        multipart(filename, bytes, &[]),
    )
    .await
}

/// A small real JPEG (a generated demo photo).
pub fn small_jpeg() -> Vec<u8> {
    newsdesk_media::generate_demo_photo(7, 64, 48, newsdesk_media::DemoPalette::ALL[0]).unwrap()
}

/// Every object in media storage (originals and renditions).
pub async fn media_objects(app: &TestApp) -> Vec<String> {
    let mut all = app.state.media().list("originals").await.unwrap();
    all.extend(app.state.media().list("photos").await.unwrap());
    all
}

/// A photo row made directly in the store.
pub async fn photo_fixture(app: &TestApp, n: usize) -> i64 {
    let original = newsdesk_media::generate_demo_photo(
        n as u64,
        64,
        48,
        newsdesk_media::demo_photo::DemoPalette::from_seed(n as u64),
    )
    .unwrap();
    app.state
        .media()
        .put(
            &format!("originals/fixture-{n}.jpg"),
            original,
            "image/jpeg",
        )
        .await
        .unwrap();
    app.store()
        .create_photo(&NewPhoto {
            key: format!("originals/fixture-{n}.jpg"),
            content_type: "image/jpeg".into(),
            width: 64,
            height: 48,
            byte_size: 1000,
            caption: format!("Fixture photo {n}"),
            alt_text: "A grey square".into(),
            credit: Credit {
                agency: "Agency".into(),
                creator: "Jane Doe".into(),
            },
            copyright_notice: String::new(),
            copyright_year: None,
            uploaded_by: None,
        })
        .await
        .unwrap()
        .id
}

/// The path with its parameters filled in from fresh fixtures owned by someone else, and
/// the required query parameters of its documented operation.
pub async fn fill(app: &TestApp, path: &str, fixture: Fixture, n: usize) -> String {
    let store = app.store();
    let owner = app
        .account(Role::Author, &format!("api-owner{n}@example.com"))
        .await;
    let mut account = None;
    let id = match fixture {
        Fixture::None => None,
        Fixture::Article | Fixture::Revision => Some(
            app.published(&owner, &format!("Fixture article {n}"))
                .await
                .id,
        ),
        Fixture::Section => {
            let new = NewSection {
                edition: "en".into(),
                slug: format!("api-section-{n}"),
                name: format!("Section {n}"),
                position: 1,
            };
            Some(store.create_section(&new).await.unwrap().id)
        }
        Fixture::Tag => {
            let new = NewTag {
                edition: "en".into(),
                slug: format!("api-tag-{n}"),
                name: format!("Tag {n}"),
            };
            Some(store.create_tag(&new).await.unwrap().id)
        }
        Fixture::Author => {
            let new = NewAuthor {
                slug: format!("api-author-{n}"),
                name: format!("Author {n}"),
                ..NewAuthor::default()
            };
            Some(store.create_author(&new).await.unwrap().id)
        }
        Fixture::Entity => {
            let new = NewEntity {
                name: format!("Entity {n}"),
                ..NewEntity::default()
            };
            Some(store.create_entity(&new).await.unwrap().id)
        }
        Fixture::Photo => Some(photo_fixture(app, n).await),
        Fixture::Account => Some(owner.id),
        Fixture::Token => {
            let created = newsdesk_newsroom::actions::tokens::issue(
                store,
                &format!("token {n}"),
                Role::Editor,
                Some(owner.id),
            )
            .await
            .unwrap();
            Some(created.token.id)
        }
        Fixture::Job => {
            let payload = serde_json::json!({ "photo_id": n });
            Some(
                crate::jobs::failed_job(app, &format!("api-fixture-{n}"), &payload, "boom")
                    .await
                    .0,
            )
        }
        Fixture::Comment => Some(pending_comment(app, &owner, n).await),
        Fixture::Reader => Some(reader_fixture(app, n).await),
        Fixture::BannedReader => {
            let reader = reader_fixture(app, n).await;
            store
                .ban_reader(reader, None, "fixture", None)
                .await
                .unwrap();
            Some(reader)
        }
        Fixture::Edition => None,
        Fixture::NewsItem => Some(news_item_fixture(app, &owner, n).await),
        Fixture::ChatRoom => Some(chat_room_fixture(app, &owner, n).await),
        Fixture::ChatMessage => Some(chat_message_fixture(app, &owner, n).await.1),
        Fixture::ChatMute => {
            let room = chat_room_fixture(app, &owner, n).await;
            let reader = reader_fixture(app, n).await;
            let until = chrono::Utc::now() + chrono::Duration::hours(1);
            store
                .mute_in_chat(room, reader, until, "fixture", None)
                .await
                .unwrap();
            account = Some(reader);
            Some(room)
        }
        Fixture::ChatBannedReader => {
            let reader = reader_fixture(app, n).await;
            store
                .ban_from_chats(reader, None, "fixture", None)
                .await
                .unwrap();
            account = Some(reader);
            None
        }
    };
    let mut filled = path.replace("{edition}", "en");
    if let Some(id) = id {
        filled = filled
            .replace("{id}", &id.to_string())
            .replace("{number}", "1");
    }
    if let Some(account) = account {
        filled = filled.replace("{account_id}", &account.to_string());
    }
    filled
}

/// The request body with a fresh reader in its `account_id` (a mute or a ban names the
/// reader in the body, not the path).
pub async fn fill_body(app: &TestApp, body: Option<Value>, n: usize) -> Option<Value> {
    let mut body = body?;
    if body.get("account_id").is_some() {
        body["account_id"] = reader_fixture(app, 100_000 + n).await.into();
    }
    Some(body)
}

/// A published short newsfeed item written by `owner`.
pub async fn news_item_fixture(app: &TestApp, owner: &Account, n: usize) -> i64 {
    let draft = newsdesk_core::NewsItemDraft {
        edition: "en".into(),
        headline: format!("Fixture item {n}"),
        body: "A short paragraph.".into(),
        link: String::new(),
        important: false,
        breaking: false,
    };
    app.store()
        .create_news_item(&draft, true, Some(owner.id))
        .await
        .unwrap()
        .0
        .id
}

/// An extra chat room, open, opened by `owner`.
pub async fn chat_room_fixture(app: &TestApp, owner: &Account, n: usize) -> i64 {
    app.store()
        .create_chat_room("en", &format!("Fixture room {n}"), "", Some(owner.id))
        .await
        .unwrap()
        .id
}

/// `(room, message, reader)`: a reader's message in a fresh room.
pub async fn chat_message_fixture(app: &TestApp, owner: &Account, n: usize) -> (i64, i64, i64) {
    let room = chat_room_fixture(app, owner, n).await;
    let reader = reader_fixture(app, n).await;
    let message = app
        .store()
        .add_chat_message(&newsdesk_store::NewChatMessage {
            room_id: room,
            account_id: Some(reader),
            author_name: "Fixture Reader",
            staff: false,
            body: "A fixture message",
            flagged: false,
        })
        .await
        .unwrap()
        .id;
    (room, message, reader)
}

/// A reader's account.
pub async fn reader_fixture(app: &TestApp, n: usize) -> i64 {
    app.account(Role::Reader, &format!("fixture-reader{n}@example.com"))
        .await
        .id
}

/// A reader's pending comment under a published article of `owner`.
pub async fn pending_comment(app: &TestApp, owner: &newsdesk_core::Account, n: usize) -> i64 {
    let article = app
        .published(owner, &format!("Discussed article {n}"))
        .await;
    let reader = reader_fixture(app, n).await;
    app.store()
        .create_comment(&newsdesk_store::NewComment {
            article_id: article.id,
            account_id: reader,
            parent_id: None,
            body: "A fixture comment",
            status: newsdesk_core::CommentStatus::Pending,
            reason: "pre-moderated section",
        })
        .await
        .unwrap()
        .id
}

/// The documented operation of `endpoint`.
pub fn operation<'a>(doc: &'a Value, endpoint: &Endpoint) -> &'a Value {
    let method = endpoint.method.as_str().to_ascii_lowercase();
    &doc["paths"][endpoint.path][method.as_str()]
}

/// `?name=value&…` for the operation's required query parameters (strings get `en`,
/// numbers `1`), so a request is not refused for a missing parameter.
pub fn required_query(op: &Value) -> String {
    let params = op["parameters"].as_array().cloned().unwrap_or_default();
    let pairs: Vec<String> = params
        .iter()
        .filter(|p| p["in"] == "query" && p["required"] == true)
        .map(|p| {
            let value = if p["schema"]["type"] == "integer" {
                "1"
            } else {
                "en"
            };
            format!("{}={value}", p["name"].as_str().unwrap())
        })
        .collect();
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

/// The example of the operation's JSON request body (schema-level example), if it takes one.
pub fn example_body(doc: &Value, op: &Value) -> Option<Value> {
    let schema = &op["requestBody"]["content"]["application/json"]["schema"];
    if schema.is_null() {
        return None;
    }
    let resolved = resolve(doc, schema);
    Some(resolved["example"].clone()).filter(|e| !e.is_null())
}

/// Follows a `$ref` to `#/components/schemas/…`.
pub fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(r) => {
            let name = r.trim_start_matches("#/components/schemas/");
            &doc["components"]["schemas"][name]
        }
        None => schema,
    }
}

/// The problems of `value` against `schema` (the subset of JSON Schema utoipa emits:
/// `$ref`, `type` (also as a list with `null`), `properties`, `required`, `items`,
/// `enum`, `oneOf`/`anyOf`/`allOf`). Properties the schema does not document are
/// problems too: a response may not carry undocumented fields.
pub fn check(doc: &Value, schema: &Value, value: &Value, at: &str) -> Vec<String> {
    let schema = resolve(doc, schema);
    let mut problems = Vec::new();
    if let Some(options) = schema["oneOf"].as_array().or(schema["anyOf"].as_array()) {
        if !options.iter().any(|o| check(doc, o, value, at).is_empty()) {
            problems.push(format!("{at}: {value} matches none of the alternatives"));
        }
        return problems;
    }
    if let Some(all) = schema["allOf"].as_array() {
        for s in all {
            problems.extend(check(doc, s, value, at));
        }
        return problems;
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if !types.is_empty() {
        let fits = types.iter().any(|t| match *t {
            "null" => value.is_null(),
            "boolean" => value.is_boolean(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "string" => value.is_string(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            _ => false,
        });
        if !fits {
            problems.push(format!("{at}: {value} is not of type {types:?}"));
            return problems;
        }
    }
    if let Some(allowed) = schema["enum"].as_array()
        && !allowed.contains(value)
    {
        problems.push(format!("{at}: {value} is not one of {allowed:?}"));
    }
    if let (Some(items), Some(values)) = (schema.get("items"), value.as_array()) {
        for (i, v) in values.iter().enumerate() {
            problems.extend(check(doc, items, v, &format!("{at}[{i}]")));
        }
    }
    if let Some(object) = value.as_object() {
        let props = schema["properties"].as_object();
        for name in schema["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !object.contains_key(name) {
                problems.push(format!("{at}: required property `{name}` missing"));
            }
        }
        match props {
            Some(props) => {
                for (name, v) in object {
                    match props.get(name) {
                        Some(s) => problems.extend(check(doc, s, v, &format!("{at}.{name}"))),
                        None => problems.push(format!("{at}: property `{name}` is not documented")),
                    }
                }
            }
            None => {
                if let Some(extra) = schema.get("additionalProperties").filter(|s| s.is_object()) {
                    for (name, v) in object {
                        problems.extend(check(doc, extra, v, &format!("{at}.{name}")));
                    }
                }
            }
        }
    }
    problems
}

/// Checks a response against the schema documented for its status; panics with the
/// problems.
pub fn assert_documented(doc: &Value, method: &str, path: &str, response: &TestResponse) {
    let op = &doc["paths"][path][method];
    assert!(!op.is_null(), "{method} {path} is not documented");
    let documented = &op["responses"][response.status.as_str()];
    assert!(
        !documented.is_null(),
        "{method} {path}: status {} is not documented ({})",
        response.status,
        response.body
    );
    let schema = &documented["content"]["application/json"]["schema"];
    assert!(
        !schema.is_null(),
        "{method} {path}: {} has no documented JSON body",
        response.status
    );
    let problems = check(doc, schema, &response.json(), "$");
    assert!(
        problems.is_empty(),
        "{method} {path} {}: the body does not match its schema:\n{}",
        response.status,
        problems.join("\n")
    );
}

/// The OpenAPI document as the server serves it.
pub async fn served_document(app: &TestApp) -> Value {
    let r = call(app, Method::GET, "/api/v1/openapi.json", &Auth::None, None).await;
    assert_eq!(r.status, http::StatusCode::OK, "{}", r.body);
    r.json()
}
