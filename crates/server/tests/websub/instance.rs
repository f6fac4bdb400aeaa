//! The instance under test: a seeded store, the router served on a loopback port by
//! `newsdesk_server::serve`, and the background work `start_background` runs.

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use newsdesk_app::Actor;
use newsdesk_app::jobs::Job;
use newsdesk_app::jobs::websub::WebsubPing;
use newsdesk_bus::Bus;
use newsdesk_core::{ArticleDraft, Direction, Edition, Role};
use newsdesk_media::MediaStore;
use newsdesk_server::{Background, ConnectionLimits};
use newsdesk_site::{AppConfig, AppState};
use newsdesk_store::{JobFilter, NewAuthor, NewSection, NewTag, Store};
use tempfile::TempDir;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::hub::Hub;

/// Longest a test waits for what should come within seconds (a retry's backoff included).
pub const PATIENCE: Duration = Duration::from_secs(30);
pub const HEADLINE: &str = "Harbour bridge reopens after repairs";

pub struct Instance {
    pub state: AppState,
    addr: SocketAddr,
    background: Option<Background>,
    _stop: oneshot::Sender<()>,
    _dir: TempDir,
}

/// What the newsroom holds: an unpublished article filed in a section, under a tag, by an
/// author, and an editor to publish it.
pub struct Desk {
    article: i64,
    editor: Actor,
}

impl Instance {
    /// A seeded instance served on a loopback port, its background work running, with
    /// `hub` as its WebSub hub.
    pub async fn start(hub: Option<&str>) -> (Self, Desk) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_sqlite(&dir.path().join("newsdesk.db"))
            .await
            .unwrap();
        store.migrate().await.unwrap();
        let desk = seed(&store).await;
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut config = AppConfig::for_tests(dir.path().to_path_buf());
        config.base_url = format!("http://{addr}");
        config.websub_hub = hub.map(str::to_owned);
        let state = AppState::new(store, Bus::in_process(), MediaStore::memory(), config).unwrap();
        let router = newsdesk_server::router(state.clone());
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(newsdesk_server::serve(
            listener,
            router,
            ConnectionLimits::default(),
            async {
                let _ = stopped.await;
            },
        ));
        let mut instance = Instance {
            state,
            addr,
            background: None,
            _stop: stop,
            _dir: dir,
        };
        instance.start_background().await;
        (instance, desk)
    }

    /// Starts the background work and waits for the WebSub consumer to have taken its
    /// place in the outbox: a change made after this is one it sees.
    pub async fn start_background(&mut self) {
        self.background = Some(newsdesk_server::start_background(&self.state));
        let store = self.store();
        until("the websub consumer to start", || async move {
            store.consumer_cursor("websub").await.unwrap()
        })
        .await;
    }

    pub async fn stop_background(&mut self) {
        if let Some(background) = self.background.take() {
            background.shutdown(Duration::from_secs(5)).await;
        }
    }

    pub fn store(&self) -> &Store {
        self.state.store()
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub async fn publish(&self, desk: &Desk) -> i64 {
        newsdesk_app::actions::articles::publish(self.state.app(), &desk.editor, desk.article)
            .await
            .unwrap();
        self.store().latest_event_seq().await.unwrap()
    }

    /// Every feed the article's publication changes, as absolute URLs.
    pub fn topics(&self) -> BTreeSet<String> {
        let pages = [
            "/en",
            "/en/section/harbour",
            "/en/tag/bridges",
            "/en/author/mira-costa",
        ];
        pages
            .iter()
            .flat_map(|page| {
                ["rss", "atom", "json"].map(|ext| self.url(&format!("{page}/feed.{ext}")))
            })
            .collect()
    }

    pub async fn websub_jobs(&self) -> Vec<newsdesk_store::JobRow> {
        self.store()
            .list_jobs(JobFilter::All, 100)
            .await
            .unwrap()
            .into_iter()
            .filter(|j| j.kind == WebsubPing::NAME)
            .collect()
    }
}

async fn seed(store: &Store) -> Desk {
    for (code, name, default) in [("en", "English", true), ("ar", "العربية", false)] {
        store
            .upsert_edition(&Edition {
                code: code.into(),
                name: name.into(),
                direction: Direction::for_language(code),
                time_zone: "Europe/London".into(),
                is_default: default,
            })
            .await
            .unwrap();
    }
    let section = store
        .create_section(&NewSection {
            edition: "en".into(),
            slug: "harbour".into(),
            name: "Harbour".into(),
            position: 0,
        })
        .await
        .unwrap();
    let tag = store
        .create_tag(&NewTag {
            edition: "en".into(),
            slug: "bridges".into(),
            name: "Bridges".into(),
        })
        .await
        .unwrap();
    let author = store
        .create_author(&NewAuthor {
            slug: "mira-costa".into(),
            name: "Mira Costa".into(),
            ..NewAuthor::default()
        })
        .await
        .unwrap();
    let (draft, _) = store
        .create_article(
            &ArticleDraft {
                edition: "en".into(),
                headline: HEADLINE.into(),
                lead: "Traffic crosses again from tonight.".into(),
                body: "Engineers finished a week early.".into(),
                section_id: Some(section.id),
                tag_ids: vec![tag.id],
                author_ids: vec![author.id],
                in_newsfeed: true,
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
    let editor = store
        .create_account("editor@example.com", "Eddie Editor", Role::Editor, "x")
        .await
        .unwrap();
    Desk {
        article: draft.id,
        editor: Actor::from_account(&editor),
    }
}

/// Polls `check` until it gives a value, for at most [`PATIENCE`].
pub async fn until<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub async fn wait_for_fetches(hub: &Hub, topics: &BTreeSet<String>) {
    until("the hub to fetch every changed feed", || async move {
        (hub.fetched() == *topics).then_some(())
    })
    .await;
}
