//! Writes during a NATS outage (issue 12, point 15): every save answers at once although
//! the bus server is gone, the events it could not send are counted, the outage and its
//! end are logged once each, another instance still converges by polling the outbox, and
//! events flow over the bus again once the server is back. Runs a `nats-server` of its
//! own on a free port and kills it.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use futures::future::BoxFuture;
use http::{Request, StatusCode};
use newsdesk_app::consumers::{self, Consumer};
use newsdesk_app::{App, AppConfig};
use newsdesk_bus::{Bus, BusConfig, BusMessage};
use newsdesk_core::{Event, Role};
use newsdesk_media::MediaStore;
use newsdesk_site::AppState;
use newsdesk_store::Store;
use tokio_util::sync::CancellationToken;
use tracing_subscriber::fmt::MakeWriter;

use crate::support::send;

/// More than async-nats buffers (2,048) before it makes every publisher wait.
const WRITES: usize = 3_000;
/// The Admin API allows 600 requests a minute per credential.
const PER_TOKEN: usize = 500;
/// A hang guard, not a benchmark: each save takes milliseconds.
const PER_REQUEST: Duration = Duration::from_secs(5);

fn nats_server_binary() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|dir| dir.join("nats-server"))
            .find(|candidate| candidate.is_file())
    });
    let found = on_path.or_else(|| {
        let sbin = PathBuf::from("/usr/sbin/nats-server");
        sbin.is_file().then_some(sbin)
    });
    if found.is_none() {
        let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(!in_ci, "nats-server must be installed when CI=true");
        eprintln!("notice: nats-server is not installed; skipping the NATS outage test");
    }
    found
}

/// A `nats-server` child (no JetStream), killed when dropped.
struct NatsServer(Child);

impl NatsServer {
    async fn start(binary: &Path, port: u16) -> Self {
        let binary = binary.to_owned();
        tokio::task::spawn_blocking(move || {
            let mut child = Command::new(binary)
                .args(["-a", "127.0.0.1", "-p", &port.to_string()])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("starting nats-server");
            let stderr = child.stderr.take().unwrap();
            let server = NatsServer(child);
            let mut lines = BufReader::new(stderr).lines();
            loop {
                let line = lines
                    .next()
                    .expect("nats-server exited before it was ready");
                if line.unwrap().contains("Server is ready") {
                    break;
                }
            }
            std::thread::spawn(move || lines.for_each(drop));
            server
        })
        .await
        .unwrap()
    }
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// What the test's thread logs (a current-thread runtime: the bus's tasks log here too).
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl Logs {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }

    fn count(&self, needle: &str) -> usize {
        self.text().lines().filter(|l| l.contains(needle)).count()
    }
}

impl std::io::Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Logs {
    type Writer = Logs;

    fn make_writer(&'a self) -> Logs {
        self.clone()
    }
}

/// The highest outbox position another instance's consumer has applied.
#[derive(Default)]
struct Follower(Mutex<i64>);

impl Consumer for Follower {
    fn name(&self) -> &'static str {
        "test-outage-follower"
    }

    fn durable(&self) -> bool {
        false
    }

    fn apply<'a>(&'a self, _app: &'a App, event: &'a Event) -> BoxFuture<'a, Result<(), String>> {
        let mut seen = self.0.lock().unwrap();
        *seen = (*seen).max(event.seq);
        Box::pin(async { Ok(()) })
    }
}

async fn until(what: &str, limit: Duration, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !check() {
        assert!(
            Instant::now() < deadline,
            "{what} did not happen within {limit:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn create_tag(token: &str, n: usize) -> Request<Body> {
    Request::post("/api/v1/admin/tags")
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body(Body::from(
            serde_json::json!({"edition": "en", "slug": format!("outage-{n}"), "name": format!("Outage {n}")})
                .to_string(),
        ))
        .unwrap()
}

#[tokio::test]
async fn saves_answer_while_the_bus_server_is_down() {
    let Some(binary) = nats_server_binary() else {
        return;
    };
    let logs = Logs::default();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .with_writer(logs.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = NatsServer::start(&binary, port).await;
    let bus_config = || {
        BusConfig::from_url(&format!("nats://127.0.0.1:{port}"))
            .unwrap()
            .with_namespace(&format!("outage_{}_{port}", std::process::id()))
            .unwrap()
    };

    // Two instances on one database and one bus.
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
    let a = AppState::new(
        store.clone(),
        Bus::connect(&bus_config()).await.unwrap(),
        MediaStore::memory(),
        AppConfig::for_tests(dir.path().to_path_buf()),
    )
    .unwrap();
    let router = newsdesk_server::router(a.clone());
    let b = App::new(
        Store::open_sqlite(&db).await.unwrap(),
        Bus::connect(&bus_config()).await.unwrap(),
        MediaStore::memory(),
        AppConfig::for_tests(dir.path().to_path_buf()),
    );
    let mut b_hears = b.bus().subscribe();
    let follower = Arc::new(Follower::default());
    let stop = CancellationToken::new();
    let following = consumers::spawn(b.clone(), follower.clone(), stop.clone());

    let mut tokens = Vec::new();
    for i in 0..WRITES.div_ceil(PER_TOKEN) {
        let editor = store
            .create_account(
                &format!("editor{i}@example.com"),
                "Editor",
                Role::Editor,
                "x",
            )
            .await
            .unwrap();
        let created = newsdesk_newsroom::actions::tokens::issue(
            &store,
            "outage",
            Role::Editor,
            Some(editor.id),
        )
        .await
        .unwrap();
        tokens.push(created.secret);
    }

    drop(server);
    let started = Instant::now();
    for n in 0..WRITES {
        let answer = tokio::time::timeout(
            PER_REQUEST,
            send(&router, create_tag(&tokens[n / PER_TOKEN], n)),
        )
        .await
        .unwrap_or_else(|_| panic!("save {n} hung while the bus server was down"));
        assert_eq!(
            answer.status,
            StatusCode::CREATED,
            "save {n}: {}",
            answer.body
        );
    }
    eprintln!(
        "{WRITES} saves with the bus server down took {:?}",
        started.elapsed()
    );
    let last = store.latest_event_seq().await.unwrap();

    // Nothing is lost: the other instance applies every save from the outbox.
    until(
        "the other instance catching up by polling",
        Duration::from_secs(20),
        || *follower.0.lock().unwrap() >= last,
    )
    .await;
    until("the outage being noticed", Duration::from_secs(10), || {
        !a.bus().health().reachable
    })
    .await;
    assert!(a.bus().health().dropped > 0, "{:?}", a.bus().health());
    assert_eq!(logs.count("event bus unreachable"), 1, "{}", logs.text());
    assert_eq!(logs.count("event bus back after"), 0, "{}", logs.text());

    let _server = NatsServer::start(&binary, port).await;
    until("the bus being back", Duration::from_secs(20), || {
        a.bus().health().reachable
    })
    .await;
    assert_eq!(logs.count("event bus back after"), 1, "{}", logs.text());
    assert_eq!(logs.count("event bus unreachable"), 1, "{}", logs.text());

    // Events flow over the bus again: the other instance hears the next save itself.
    let answer = send(&router, create_tag(&tokens[0], WRITES + 1)).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    let next = store.latest_event_seq().await.unwrap();
    let heard = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            match b_hears.recv().await {
                Some(BusMessage::Event(event)) if event.seq == next => return,
                Some(_) => {}
                None => panic!("the bus closed"),
            }
        }
    })
    .await;
    assert!(
        heard.is_ok(),
        "the other instance did not hear the save after the outage"
    );
    stop.cancel();
    following.await.unwrap();
}
