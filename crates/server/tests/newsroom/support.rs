//! `TestApp` (the real router on a temp SQLite store), a cookie- and CSRF-aware `Client`,
//! and fixture builders.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::OnceLock;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use newsdesk_bus::Bus;
use newsdesk_core::{Account, Article, ArticleDraft, Direction, Edition, Role};
use newsdesk_media::MediaStore;
use newsdesk_newsroom::auth::LoginLimits;
use newsdesk_newsroom::auth::password::hash_password_blocking;
use newsdesk_site::{AppConfig, AppState};
use newsdesk_store::{NewAuthor, NewSection, Store};
use tempfile::TempDir;
use tower::ServiceExt;

pub const PASSWORD: &str = "correct horse battery staple";

/// One argon2 hash for every fixture account: hashing costs real time.
fn password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| hash_password_blocking(PASSWORD).unwrap())
}

pub struct TestApp {
    pub state: AppState,
    router: Router,
    /// What a publishable article needs besides its text: a section per edition and an
    /// author for the byline (see `newsdesk_core::publishable`).
    pub desk: Desk,
    _dir: TempDir,
}

/// The newsroom's standing fixtures: the "News" section of each edition and one author.
#[derive(Debug, Clone)]
pub struct Desk {
    /// `(edition code, section id)`.
    pub sections: Vec<(String, i64)>,
    pub author: i64,
}

impl Desk {
    /// The "News" section of `edition`.
    pub fn section(&self, edition: &str) -> i64 {
        self.sections
            .iter()
            .find(|(code, _)| code == edition)
            .map(|(_, id)| *id)
            .unwrap_or_else(|| panic!("no fixture section in edition {edition}"))
    }
}

#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl TestResponse {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn location(&self) -> &str {
        self.header("location")
    }

    pub fn is_login_redirect(&self) -> bool {
        self.status.is_redirection() && self.location().starts_with("/admin/login")
    }

    /// The JSON body.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with_limits(LoginLimits::new(30, 5)).await
    }

    pub async fn with_limits(limits: LoginLimits) -> Self {
        Self::build(limits, false).await
    }

    /// Served behind TLS: cookies carry `Secure`.
    pub async fn secure() -> Self {
        Self::build(LoginLimits::new(30, 5), true).await
    }

    async fn build(limits: LoginLimits, secure_cookies: bool) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_sqlite(&dir.path().join("newsdesk.db"))
            .await
            .unwrap();
        store.migrate().await.unwrap();
        for (code, name, tz, default) in [
            ("en", "English", "Europe/London", true),
            ("ru", "Русский", "Europe/Moscow", false),
        ] {
            let edition = Edition {
                code: code.into(),
                name: name.into(),
                direction: Direction::Ltr,
                time_zone: tz.into(),
                is_default: default,
            };
            store.upsert_edition(&edition).await.unwrap();
        }
        let mut sections = Vec::new();
        for code in ["en", "ru"] {
            let section = NewSection {
                edition: code.into(),
                slug: "news".into(),
                name: "News".into(),
                position: 0,
            };
            let id = store.create_section(&section).await.unwrap().id;
            sections.push((code.to_owned(), id));
        }
        let author = store
            .create_author(&NewAuthor {
                slug: "desk-reporter".into(),
                name: "Desk Reporter".into(),
                ..NewAuthor::default()
            })
            .await
            .unwrap()
            .id;
        let desk = Desk { sections, author };
        let mut config = AppConfig::for_tests(dir.path().to_path_buf());
        config.secure_cookies = secure_cookies;
        let state = AppState::new(store, Bus::in_process(), MediaStore::memory(), config).unwrap();
        let router = newsdesk_server::router_with(
            state.clone(),
            newsdesk_server::Options {
                login_limits: limits,
                ..Default::default()
            },
        );
        Self {
            state,
            router,
            desk,
            _dir: dir,
        }
    }

    pub fn store(&self) -> &Store {
        self.state.store()
    }

    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    /// The response with its body as bytes (compressed bodies are not text).
    pub async fn send_for_bytes(&self, request: Request<Body>) -> (StatusCode, HeaderMap, Vec<u8>) {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, headers, bytes.to_vec())
    }

    /// A staff (or reader) account with the fixture password.
    pub async fn account(&self, role: Role, email: &str) -> Account {
        self.store()
            .create_account(email, &format!("{role} {email}"), role, password_hash())
            .await
            .unwrap()
    }

    /// A client logged in as a new account of `role` (session made directly: no argon2).
    pub async fn client_as(&self, role: Role) -> Client<'_> {
        let n = self.store().list_accounts().await.unwrap().len();
        let account = self.account(role, &format!("{role}{n}@example.com")).await;
        self.client_for(&account).await
    }

    pub async fn client_for(&self, account: &Account) -> Client<'_> {
        let (token, csrf) = newsdesk_newsroom::auth::session::start(&self.state, account)
            .await
            .unwrap();
        let mut client = self.anonymous();
        client.cookies.insert("nd_session".into(), token);
        client.csrf = csrf;
        client.account = Some(account.clone());
        client
    }

    /// A logged-out browser.
    pub fn anonymous(&self) -> Client<'_> {
        Client {
            app: self,
            cookies: BTreeMap::new(),
            csrf: String::new(),
            ip: "192.0.2.10:5000".parse().unwrap(),
            account: None,
        }
    }

    /// [`draft`] with the fixture section of `edition` and the fixture author: everything
    /// publishing asks for.
    pub fn publishable_draft(&self, edition: &str, headline: &str) -> ArticleDraft {
        ArticleDraft {
            section_id: Some(self.desk.section(edition)),
            author_ids: vec![self.desk.author],
            ..draft(edition, headline)
        }
    }

    /// A publishable draft created through the service layer by `owner`.
    pub async fn draft(&self, owner: &Account, headline: &str) -> Article {
        let actor = newsdesk_newsroom::Actor::from_account(owner);
        let draft = self.publishable_draft("en", headline);
        newsdesk_newsroom::actions::articles::create(&self.state, &actor, &draft)
            .await
            .unwrap()
    }

    /// A published article (published by the store directly).
    pub async fn published(&self, owner: &Account, headline: &str) -> Article {
        let article = self.draft(owner, headline).await;
        let (article, _) = self
            .store()
            .publish_article(article.id, chrono::Utc::now(), Some(owner.id))
            .await
            .unwrap();
        article
    }
}

/// A draft with text only: no section and no byline, so it cannot be published as is
/// ([`TestApp::publishable_draft`] can).
pub fn draft(edition: &str, headline: &str) -> ArticleDraft {
    ArticleDraft {
        edition: edition.into(),
        headline: headline.into(),
        lead: format!("What happened: {headline}."),
        body: "First paragraph.\n\nSecond paragraph.".into(),
        in_newsfeed: true,
        ..ArticleDraft::default()
    }
}

/// A browser: keeps cookies, knows its CSRF token, adds it to every form it posts.
pub struct Client<'a> {
    app: &'a TestApp,
    pub cookies: BTreeMap<String, String>,
    pub csrf: String,
    pub ip: SocketAddr,
    pub account: Option<Account>,
}

impl Client<'_> {
    fn request(&self, method: &str, uri: &str) -> http::request::Builder {
        let cookie = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let mut builder = Request::builder()
            .method(method)
            .uri(uri)
            .extension(ConnectInfo(self.ip));
        if !cookie.is_empty() {
            builder = builder.header("cookie", cookie);
        }
        builder
    }

    async fn send(&mut self, request: Request<Body>) -> TestResponse {
        let response = self.app.send(request).await;
        for value in response.headers.get_all("set-cookie") {
            let Ok(text) = value.to_str() else { continue };
            let Some((pair, attrs)) = text.split_once(';').or(Some((text, ""))) else {
                continue;
            };
            let Some((name, value)) = pair.split_once('=') else {
                continue;
            };
            if value.is_empty() || attrs.contains("Max-Age=0") {
                self.cookies.remove(name.trim());
            } else {
                self.cookies
                    .insert(name.trim().to_owned(), value.to_owned());
            }
        }
        response
    }

    pub async fn get(&mut self, uri: &str) -> TestResponse {
        let request = self.request("GET", uri).body(Body::empty()).unwrap();
        self.send(request).await
    }

    pub async fn get_json(&mut self, uri: &str) -> TestResponse {
        let request = self
            .request("GET", uri)
            .header("accept", "application/json")
            .body(Body::empty())
            .unwrap();
        self.send(request).await
    }

    /// Posts a form with this client's CSRF token added.
    pub async fn post(&mut self, uri: &str, fields: &[(&str, &str)]) -> TestResponse {
        let csrf = self.csrf.clone();
        let mut all: Vec<(&str, &str)> = vec![("csrf", &csrf)];
        all.extend_from_slice(fields);
        self.post_raw(uri, &all).await
    }

    /// Posts exactly `fields` (no CSRF token added).
    pub async fn post_raw(&mut self, uri: &str, fields: &[(&str, &str)]) -> TestResponse {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let request = self
            .request("POST", uri)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }

    /// Loads the login page (getting the pre-session CSRF cookie) and logs in.
    pub async fn login(&mut self, email: &str, password: &str) -> TestResponse {
        let page = self.get("/admin/login").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        self.csrf = self.cookies.get("nd_csrf").cloned().unwrap_or_default();
        let csrf = self.csrf.clone();
        self.post_raw(
            "/admin/login",
            &[("csrf", &csrf), ("email", email), ("password", password)],
        )
        .await
    }

    /// The `csrf` hidden field of the last page, for a client that logged in through the form.
    pub fn take_csrf_from(&mut self, page: &TestResponse) {
        let marker = "name=\"csrf\" value=\"";
        if let Some(start) = page.body.find(marker) {
            let rest = &page.body[start + marker.len()..];
            if let Some(end) = rest.find('"') {
                self.csrf = rest[..end].to_owned();
            }
        }
    }
}

/// Undoes the HTML escaping of the few characters tests look for in attributes.
pub fn unescape(html: &str) -> String {
    html.replace("&#x2f;", "/")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Runs every due job now with the registry `serve` uses, instead of waiting for a worker.
pub async fn run_pending_now(state: &AppState) -> Result<usize, newsdesk_app::Error> {
    newsdesk_server::registry().run_pending(state.app()).await
}
