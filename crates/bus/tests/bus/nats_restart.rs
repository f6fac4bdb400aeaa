//! The NATS server goes away and comes back: the bus must tell subscribers to catch
//! up and keep delivering. Needs its own server process (the shared one cannot be
//! restarted), so it runs where the `nats-server` binary is on PATH.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};

use anyhow::{Context, bail};
use newsdesk_bus::{Bus, BusConfig, BusMessage, TopicEvent};

use crate::support::{
    event, next, next_event, next_message, next_topic, topic_message, unique_namespace,
};

/// A `nats-server` child process, killed when dropped so a failing test leaves none.
struct NatsServer(Child);

impl NatsServer {
    /// Starts a server on `port` and returns once it logs that it is ready.
    fn start(port: u16) -> anyhow::Result<Self> {
        let mut child = Command::new("nats-server")
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

fn nats_server_installed() -> bool {
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| dir.join("nats-server").is_file())
    })
}

#[tokio::test]
async fn subscribers_catch_up_after_the_server_restarts() -> anyhow::Result<()> {
    if !nats_server_installed() {
        eprintln!("notice: nats-server is not on PATH; skipping the NATS restart test");
        return Ok(());
    }
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let server = tokio::task::spawn_blocking(move || NatsServer::start(port)).await??;
    let cfg = BusConfig::from_url(&format!("nats://127.0.0.1:{port}"))?
        .with_namespace(&unique_namespace("natsrestart"))?;
    let bus = Bus::connect(&cfg).await?;
    let mut sub = bus.subscribe();
    bus.publish(&event(1)).await?;
    assert_eq!(next_event(&mut sub).await?, event(1));

    drop(server);
    let _server = tokio::task::spawn_blocking(move || NatsServer::start(port)).await??;

    // Whatever was published during the outage is gone: subscribers hear so once the
    // client is connected again, and events flow again afterwards.
    assert_eq!(next(&mut sub).await?, BusMessage::CatchUp { seq: None });
    bus.publish(&event(2)).await?;
    assert_eq!(next_event(&mut sub).await?, event(2));
    Ok(())
}

#[tokio::test]
async fn topic_subscribers_hear_they_lagged_after_the_server_restarts() -> anyhow::Result<()> {
    if !nats_server_installed() {
        eprintln!("notice: nats-server is not on PATH; skipping the NATS restart test");
        return Ok(());
    }
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let server = tokio::task::spawn_blocking(move || NatsServer::start(port)).await??;
    let cfg = BusConfig::from_url(&format!("nats://127.0.0.1:{port}"))?
        .with_namespace(&unique_namespace("natstrestart"))?;
    let bus = Bus::connect(&cfg).await?;
    let mut chat = bus.subscribe_topic("chat")?;
    bus.publish_topic("chat", b"before").await?;
    assert_eq!(
        next_message(&mut chat).await?,
        topic_message("chat", b"before")
    );

    drop(server);
    let _server = tokio::task::spawn_blocking(move || NatsServer::start(port)).await??;

    // The client restores the wildcard subscription by itself; what was published
    // during the outage is gone, and the subscriber is told so.
    assert_eq!(
        next_topic(&mut chat).await?,
        TopicEvent::Lagged { missed: None }
    );
    bus.publish_topic("chat", b"after").await?;
    assert_eq!(
        next_message(&mut chat).await?,
        topic_message("chat", b"after")
    );
    Ok(())
}
