//! The NATS server dies while the instance keeps writing: publishing must never hold the
//! caller (a request), what cannot be sent is dropped and counted (the outbox has it),
//! the outage is logged once at WARN, and so is its end. Runs a `nats-server` of its own
//! and kills it.

use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use newsdesk_bus::{Bus, BusConfig, BusMessage, Subscription};
use tracing_subscriber::fmt::MakeWriter;

use crate::support::{NatsServer, event, nats_server_binary, next, unique_namespace};

/// More than async-nats buffers (2,048) before it makes every publisher wait.
const WRITES: i64 = 3_000;
/// A hang guard, not a benchmark: a healthy run answers each in microseconds.
const PER_PUBLISH: Duration = Duration::from_secs(5);
const UNREACHABLE: &str = "event bus unreachable";
const BACK: &str = "event bus back after";

/// Log lines written on this thread (the test runs on a current-thread runtime, so the
/// bus's background tasks log here too).
#[derive(Clone, Default)]
pub struct Logs(Arc<Mutex<Vec<u8>>>);

impl Logs {
    pub fn text(&self) -> String {
        self.0
            .lock()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default()
    }

    pub fn count(&self, needle: &str) -> usize {
        self.text().lines().filter(|l| l.contains(needle)).count()
    }
}

impl std::io::Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut b) = self.0.lock() {
            b.extend_from_slice(buf);
        }
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

async fn until(what: &str, mut check: impl FnMut() -> bool) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !check() {
        if Instant::now() > deadline {
            bail!("{what} did not happen within 20 s");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Ok(())
}

/// The next change event with `seq`, skipping catch-ups and earlier events.
async fn event_with(sub: &mut Subscription, seq: i64) -> anyhow::Result<()> {
    loop {
        match next(sub)
            .await
            .context("waiting for the event after the outage")?
        {
            BusMessage::Event(e) if e.seq == seq => return Ok(()),
            _ => {}
        }
    }
}

#[tokio::test]
async fn a_dead_server_never_holds_a_publisher() -> anyhow::Result<()> {
    let Some(binary) = nats_server_binary() else {
        return Ok(());
    };
    let logs = Logs::default();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .with_writer(logs.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let server = NatsServer::start(&binary, port).await?;
    let cfg = BusConfig::from_url(&format!("nats://127.0.0.1:{port}"))?
        .with_namespace(&unique_namespace("natsoutage"))?;
    let bus = Bus::connect(&cfg).await?;
    let mut sub = bus.subscribe();
    bus.publish_in_background(&event(1));
    event_with(&mut sub, 1).await?;
    assert!(bus.health().reachable);
    assert_eq!(bus.health().dropped, 0);

    drop(server);
    // Awaited publishes answer (an error is fine: the outbox has the event) ...
    for seq in 0..WRITES {
        tokio::time::timeout(PER_PUBLISH, bus.publish(&event(100 + seq)))
            .await
            .with_context(|| format!("publish {seq} waited for the dead server"))?
            .ok();
    }
    // ... and so do the requests' hand-overs, of which the ones not sent are counted.
    for seq in 0..WRITES {
        let started = Instant::now();
        bus.publish_in_background(&event(10_000 + seq));
        assert!(started.elapsed() < PER_PUBLISH, "hand-over {seq} waited");
        tokio::task::yield_now().await;
    }
    until("the outage being noticed", || !bus.health().reachable).await?;
    until("the dropped events being counted", || {
        bus.health().dropped >= 1_000
    })
    .await?;
    assert!(bus.health().down_for.is_some());
    assert_eq!(logs.count(UNREACHABLE), 1, "{}", logs.text());
    assert!(logs.text().contains("WARN"), "{}", logs.text());
    assert_eq!(logs.count(BACK), 0);

    let _server = NatsServer::start(&binary, port).await?;
    until("the bus being back", || bus.health().reachable).await?;
    bus.publish_in_background(&event(99_999));
    event_with(&mut sub, 99_999).await?;
    assert_eq!(logs.count(BACK), 1, "{}", logs.text());
    assert_eq!(logs.count(UNREACHABLE), 1, "{}", logs.text());
    Ok(())
}
