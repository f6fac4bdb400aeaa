//! A Newsdesk instance on a temporary SQLite database, assembled by `newsdesk_server`.

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use newsdesk_app::AppConfig;
use newsdesk_bus::Bus;
use newsdesk_media::MediaStore;
use newsdesk_site::AppState;
use newsdesk_store::{NewSection, Store};
use tempfile::TempDir;
use tower::ServiceExt;

pub struct Spine {
    pub state: AppState,
    pub router: Router,
    pub db: PathBuf,
    _dir: TempDir,
}

#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

impl Spine {
    pub async fn new(configure: impl FnOnce(&mut AppConfig)) -> Self {
        Self::with_options(configure, newsdesk_server::Options::default()).await
    }

    pub async fn with_options(
        configure: impl FnOnce(&mut AppConfig),
        options: newsdesk_server::Options,
    ) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("newsdesk.db");
        let store = Store::open_sqlite(&db).await.unwrap();
        store.migrate().await.unwrap();
        store
            .upsert_edition(&newsdesk_core::Edition {
                code: "en".into(),
                name: "English".into(),
                direction: newsdesk_core::Direction::Ltr,
                time_zone: "Europe/London".into(),
                is_default: true,
            })
            .await
            .unwrap();
        let mut config = AppConfig::for_tests(dir.path().to_path_buf());
        configure(&mut config);
        let state = AppState::new(store, Bus::in_process(), MediaStore::memory(), config).unwrap();
        let router = newsdesk_server::router_with(state.clone(), options);
        Self {
            state,
            router,
            db,
            _dir: dir,
        }
    }

    pub fn store(&self) -> &Store {
        self.state.store()
    }

    /// A change that writes an outbox event (a new section).
    pub async fn change(&self, slug: &str) -> i64 {
        self.store()
            .create_section(&NewSection {
                edition: "en".into(),
                slug: slug.into(),
                name: slug.into(),
                position: 0,
            })
            .await
            .unwrap();
        self.store().latest_event_seq().await.unwrap()
    }

    /// Writes an outbox row of a kind this version does not know, as a newer instance
    /// would during a rolling upgrade.
    pub async fn foreign_event(&self) {
        use sqlx::Connection;
        let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", self.db.display()))
            .await
            .unwrap();
        sqlx::query("INSERT INTO events (kind, payload, created_at) VALUES ($1, $2, $3)")
            .bind("from_the_future")
            .bind(r#"{"kind":"from_the_future","what":"a kind added by a later version"}"#)
            .bind(chrono::Utc::now())
            .execute(&mut conn)
            .await
            .unwrap();
    }

    pub async fn send(&self, request: Request<Body>) -> Answer {
        send(&self.router, request).await
    }
}

pub async fn send(router: &Router, request: Request<Body>) -> Answer {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// A request as it arrives over a socket from `peer`.
pub fn from_peer(method: &str, uri: &str, peer: &str) -> http::request::Builder {
    let peer: SocketAddr = peer.parse().unwrap();
    Request::builder()
        .method(method)
        .uri(uri)
        .extension(ConnectInfo(peer))
}
