use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{Context, anyhow, bail};
use chrono::{TimeZone, Utc};
use newsdesk_bus::{BusMessage, Subscription, TopicEvent, TopicMessage, TopicSubscription};
use newsdesk_core::{Change, Event};

/// Long enough for a loaded CI machine; a passing test never waits for it.
const RECV_TIMEOUT: Duration = Duration::from_secs(10);

pub fn event(seq: i64) -> Event {
    Event {
        seq,
        at: Utc
            .with_ymd_and_hms(2026, 11, 27, 9, 30, 0)
            .single()
            .unwrap_or_default(),
        change: Change::Article {
            id: seq * 10,
            edition: "en".to_owned(),
            status: "published".to_owned(),
            section_ids: vec![1, 2],
            tag_ids: vec![3],
            author_ids: vec![4],
            public: true,
            translation_group: None,
        },
    }
}

/// An event whose JSON is larger than a PostgreSQL NOTIFY payload may be.
pub fn large_event(seq: i64) -> Event {
    Event {
        change: Change::Article {
            id: seq,
            edition: "en".to_owned(),
            status: "published".to_owned(),
            section_ids: Vec::new(),
            tag_ids: (0..2000).collect(),
            author_ids: Vec::new(),
            public: true,
            translation_group: None,
        },
        ..event(seq)
    }
}

/// A namespace no other test or concurrent run uses, so channels and subjects of
/// parallel runs on a shared server never cross.
pub fn unique_namespace(tag: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!(
        "t_{tag}_{}_{:x}_{}",
        std::process::id(),
        nanos % (1 << 40),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

pub async fn next(sub: &mut Subscription) -> anyhow::Result<BusMessage> {
    tokio::time::timeout(RECV_TIMEOUT, sub.recv())
        .await
        .map_err(|_| anyhow!("no bus message within {RECV_TIMEOUT:?}"))?
        .context("the subscription ended")
}

pub async fn next_event(sub: &mut Subscription) -> anyhow::Result<Event> {
    match next(sub).await? {
        BusMessage::Event(e) => Ok(e),
        other => Err(anyhow!("expected an event, got {other:?}")),
    }
}

/// The server URL from `var`. Unset: outside CI the test prints a notice and is
/// skipped; in CI (`CI=true`) it fails, so a missing service never passes silently.
pub fn server_url(var: &str) -> Option<String> {
    match std::env::var(var) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
            assert!(!in_ci, "{var} must be set when CI=true");
            eprintln!("notice: {var} is not set; skipping this test");
            None
        }
    }
}

pub async fn next_topic(sub: &mut TopicSubscription) -> anyhow::Result<TopicEvent> {
    tokio::time::timeout(RECV_TIMEOUT, sub.recv())
        .await
        .map_err(|_| anyhow!("no topic message within {RECV_TIMEOUT:?}"))?
        .context("the topic subscription ended")
}

pub async fn next_message(sub: &mut TopicSubscription) -> anyhow::Result<TopicMessage> {
    match next_topic(sub).await? {
        TopicEvent::Message(message) => Ok(message),
        other => Err(anyhow!("expected a topic message, got {other:?}")),
    }
}

pub fn topic_message(topic: &str, payload: &[u8]) -> TopicMessage {
    TopicMessage {
        topic: topic.to_owned(),
        payload: bytes::Bytes::copy_from_slice(payload),
    }
}

/// The `nats-server` binary for tests that start and kill servers of their own: on PATH
/// or at `/usr/sbin/nats-server` (where the Debian package puts it). Missing: outside CI
/// the test prints a notice and is skipped; in CI (`CI=true`) it fails.
pub fn nats_server_binary() -> Option<PathBuf> {
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
        eprintln!("notice: nats-server is not installed; skipping this test");
    }
    found
}

/// A `nats-server` child process on 127.0.0.1 without JetStream, killed when dropped so
/// a failing test leaves none behind.
pub struct NatsServer(Child);

impl NatsServer {
    /// Starts a server on `port` and returns once it logs that it is ready. A few tries:
    /// while the server is down, the bus client's reconnect attempts can, on Linux, connect
    /// a socket to itself on that very port (TCP simultaneous open), which holds the port
    /// until the client gives that connection up.
    pub async fn start(binary: &Path, port: u16) -> anyhow::Result<Self> {
        let mut tries = 0;
        loop {
            let binary = binary.to_owned();
            match tokio::task::spawn_blocking(move || Self::start_blocking(&binary, port)).await? {
                Ok(server) => return Ok(server),
                Err(err) if tries < 10 => {
                    tries += 1;
                    eprintln!("nats-server on port {port} did not start ({err}); trying again");
                    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
                }
                Err(err) => return Err(err),
            }
        }
    }

    fn start_blocking(binary: &Path, port: u16) -> anyhow::Result<Self> {
        let mut child = Command::new(binary)
            .args(["-a", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .context("starting nats-server")?;
        let stderr = child.stderr.take().context("nats-server stderr")?;
        let server = NatsServer(child);
        let mut lines = BufReader::new(stderr).lines();
        loop {
            match lines.next() {
                Some(line) => {
                    if line?.contains("Server is ready") {
                        break;
                    }
                }
                None => bail!("nats-server exited before it was ready"),
            }
        }
        // Keep draining its log so the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Ok(server)
    }
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
