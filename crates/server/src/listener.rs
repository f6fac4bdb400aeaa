//! The accept loop `newsdesk serve` and the tests share: HTTP/1.1 over hyper, with the
//! limits that keep a flood of connections from starving real readers.
//!
//! A connection that sends nothing, or sends its request head a byte at a time, holds a
//! socket, a descriptor and a buffer for as long as the server lets it. So every connection
//! has a deadline that depends on what it is doing:
//!
//! - before its first request: the whole head within `header_read_timeout` of connecting;
//! - between requests (keep-alive): the next head must start within `idle_timeout` of the
//!   last response, and be complete within `header_read_timeout` of its first byte;
//! - while a handler runs: no deadline here (the request timeout layer answers 503);
//! - while a response is being sent: some byte must move every `idle_timeout` (a reader
//!   that stops reading does not hold the connection).
//!
//! At most `max_connections` are open at once and `max_connections_per_client` from one
//! client (an IPv4 address or an IPv6 /64; trusted proxies are exempt). Over the per-client
//! cap a connection is answered a bare 503 at once and closed. At the total cap, the
//! connections that are idle longest are closed to make room (a reader's request beats an
//! idle socket), and only when every connection is busy is the newcomer refused.

use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use http::Request;
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use ipnet::IpNet;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;
use tower::ServiceExt;

mod activity;
mod caps;

use activity::{Activity, InFlight, TrackedIo, Watch};
use caps::{ClientSlot, Clients, Live};

/// How long and how many connections may stay open.
#[derive(Debug, Clone)]
pub struct ConnectionLimits {
    /// A request head must be complete this long after it starts (after connecting, for
    /// the first request).
    pub header_read_timeout: Duration,
    /// A kept-alive connection with no request in flight is closed after this long.
    pub idle_timeout: Duration,
    /// Open connections, all clients together.
    pub max_connections: usize,
    /// Open connections from one client address (an IPv6 /64 counts as one client).
    pub max_connections_per_client: usize,
    /// Peers exempt from the per-client cap: the proxies in front, whose connections
    /// carry everyone's traffic.
    pub exempt: Vec<IpNet>,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self {
            header_read_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(75),
            max_connections: 10_000,
            max_connections_per_client: 256,
            exempt: Vec::new(),
        }
    }
}

impl ConnectionLimits {
    /// Lowers `max_connections` so open connections cannot use up the descriptors the
    /// database pool, media files and logs need (`nofile` is the process's limit, `None`
    /// unlimited). Returns the cap in force.
    pub fn fit_to_fd_limit(&mut self, nofile: Option<u64>) -> usize {
        if let Some(nofile) = nofile {
            let reserve = (nofile / 8).max(128);
            let room = usize::try_from(nofile.saturating_sub(reserve)).unwrap_or(usize::MAX);
            self.max_connections = self.max_connections.min(room.max(16));
        }
        self.max_connections
    }
}

/// Raises the soft limit on open files to the hard limit (allowed without privileges) and
/// returns the limit in force, `None` when unlimited.
pub fn raise_fd_limit() -> Option<u64> {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let limit = getrlimit(Resource::Nofile);
    let current = limit.current?;
    // An unlimited hard limit still cannot be set as the soft one on Linux (nr_open caps
    // it); 2^20 is nr_open's default.
    let target = limit.maximum.unwrap_or(1 << 20);
    if target <= current {
        return Some(current);
    }
    match setrlimit(
        Resource::Nofile,
        Rlimit {
            current: Some(target),
            maximum: limit.maximum,
        },
    ) {
        Ok(()) => Some(target),
        Err(err) => {
            tracing::warn!(%err, current, target, "cannot raise the open-file limit");
            Some(current)
        }
    }
}

/// Listens on `addr` with a deep accept queue: under a flood of connects, a shallow one
/// (tokio's default is 1,024) overflows and a reader's connect waits a SYN retry (1 s).
/// The kernel caps it at `net.core.somaxconn`.
pub fn bind(addr: SocketAddr) -> io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(ACCEPT_QUEUE)
}

const ACCEPT_QUEUE: u32 = 8192;

/// Serves `router` on `listener` until `shutdown` completes, then stops accepting, lets
/// requests in flight finish (idle connections close at once) and returns. Each request
/// carries `ConnectInfo<SocketAddr>` of its peer.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let limits = Arc::new(limits);
    let total = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let clients = Arc::new(Clients::new(&limits));
    let live = Live::new(limits.max_connections);
    let stop = CancellationToken::new();
    // Every connection holds a receiver; the sender sees `closed` when the last one ends.
    let (drained_tx, drained_rx) = watch::channel(());
    let mut builder = http1::Builder::new();
    // Timeouts are kept here (see `Activity::deadline`); hyper's own would need a timer.
    builder.keep_alive(true).header_read_timeout(None);
    let mut accept_trouble = Burst::default();
    let mut refusals = Burst::default();
    let mut shutdown = std::pin::pin!(shutdown);

    loop {
        let accepted = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => accepted,
        };
        let (stream, peer) = match accepted {
            Ok(pair) => {
                if let Some((failures, since)) = accept_trouble.end() {
                    tracing::info!(
                        failures,
                        seconds = since.elapsed().as_secs(),
                        "accepting connections again"
                    );
                }
                pair
            }
            // The peer gave up before we took it: nothing to do.
            Err(err) if is_connection_error(&err) => continue,
            Err(err) => {
                // Out of descriptors (EMFILE/ENFILE) or memory: make room by closing idle
                // connections, wait a little, and keep serving the ones we have.
                if let Some(suppressed) = accept_trouble.note() {
                    tracing::warn!(%err, suppressed, "cannot accept connections; closing idle ones and retrying");
                }
                live.evict_idle(EVICT_BATCH);
                tokio::time::sleep(accept_trouble.backoff()).await;
                continue;
            }
        };
        let Some(slot) = clients.claim(peer.ip()) else {
            if let Some(suppressed) = refusals.note() {
                tracing::warn!(client = %peer.ip(), suppressed, "connection refused: too many from one client");
            }
            refuse(&stream);
            continue;
        };
        let permit = match total.clone().try_acquire_owned() {
            Ok(permit) => permit,
            Err(_) => match make_room(&live, &total).await {
                Some(permit) => permit,
                None => {
                    if let Some(suppressed) = refusals.note() {
                        tracing::warn!(
                            max_connections = limits.max_connections,
                            suppressed,
                            "connection refused: every connection is busy"
                        );
                    }
                    refuse(&stream);
                    continue;
                }
            },
        };
        let activity = Arc::new(Activity::new());
        live.add(&activity);
        let held = Held {
            _slot: slot,
            _permit: permit,
            _drained: drained_rx.clone(),
        };
        tokio::spawn(connection(
            stream,
            peer,
            router.clone(),
            builder.clone(),
            limits.clone(),
            activity,
            stop.clone(),
            held,
        ));
    }

    drop(listener);
    stop.cancel();
    drop(drained_rx);
    drained_tx.closed().await;
    Ok(())
}

/// Closed idle connections per round when room is needed.
const EVICT_BATCH: usize = 16;
/// How long a newcomer at the cap waits for an evicted connection's slot.
const EVICTION_WAIT: Duration = Duration::from_millis(50);
/// Logged at most this often while a burst of refusals or accept errors lasts.
const LOG_EVERY: Duration = Duration::from_secs(30);

/// What a connection holds until it ends: its client's slot, its place under the total
/// cap, and the shutdown's count of open connections.
pub(super) struct Held {
    _slot: ClientSlot,
    _permit: OwnedSemaphorePermit,
    _drained: watch::Receiver<()>,
}

async fn make_room(live: &Live, total: &Arc<Semaphore>) -> Option<OwnedSemaphorePermit> {
    if live.evict_idle(EVICT_BATCH) == 0 {
        return None;
    }
    tokio::time::timeout(EVICTION_WAIT, total.clone().acquire_owned())
        .await
        .ok()?
        .ok()
}

/// A bare answer that costs nothing to send: no task, no wait, and the socket is closed at
/// once. If the send buffer is full the client just sees the connection close.
fn refuse(stream: &TcpStream) {
    const REFUSAL: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n\
        Connection: close\r\nContent-Type: text/plain\r\nContent-Length: 18\r\n\r\nserver too busy.\r\n";
    let _ = stream.try_write(REFUSAL);
}

fn is_connection_error(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

#[allow(
    clippy::too_many_arguments,
    reason = "one call site, each argument distinct"
)]
async fn connection(
    stream: TcpStream,
    peer: SocketAddr,
    router: Router,
    builder: http1::Builder,
    limits: Arc<ConnectionLimits>,
    activity: Arc<Activity>,
    stop: CancellationToken,
    held: Held,
) {
    let _ = stream.set_nodelay(true);
    let io = TokioIo::new(TrackedIo {
        stream,
        activity: activity.clone(),
        _held: held,
    });
    let service = {
        let activity = activity.clone();
        hyper::service::service_fn(move |mut request: Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            let in_flight = InFlight::start(activity.clone());
            let router = router.clone();
            async move {
                let response = match router.oneshot(request).await {
                    Ok(response) => response,
                    Err(never) => match never {},
                };
                in_flight.responding();
                // The request counts as in flight until hyper drops the body it has sent.
                Ok::<_, Infallible>(response.map(move |body| {
                    body.map_frame(move |frame| {
                        let _ = &in_flight;
                        frame
                    })
                }))
            }
        })
    };
    // Upgrades (WebSocket) hand the socket to the handler; this task then ends.
    let conn = builder.serve_connection(io, service).with_upgrades();
    let mut conn = std::pin::pin!(conn);
    let mut draining = false;
    loop {
        let wait = match activity.watch(&limits) {
            Watch::Close => {
                tracing::debug!(%peer, "closing a connection past its deadline");
                break;
            }
            Watch::LookIn(wait) => wait,
        };
        tokio::select! {
            result = conn.as_mut() => {
                if let Err(err) = result {
                    tracing::debug!(%peer, %err, "connection ended with an error");
                }
                break;
            }
            () = activity.evict.cancelled() => {
                tracing::debug!(%peer, "closing an idle connection to make room");
                break;
            }
            () = stop.cancelled(), if !draining => {
                // Finishes the request in hand, then closes; an idle connection closes now.
                conn.as_mut().graceful_shutdown();
                draining = true;
            }
            () = tokio::time::sleep(wait) => {}
        }
    }
}

/// A run of the same trouble (refusals, accept errors): logged when it starts, then at
/// most every [`LOG_EVERY`] with the count of what was not logged.
#[derive(Default)]
struct Burst {
    started: Option<Instant>,
    last_logged: Option<Instant>,
    count: u64,
    suppressed: u64,
}

impl Burst {
    /// Counts one; `Some(suppressed)` when it should be logged now.
    fn note(&mut self) -> Option<u64> {
        let now = Instant::now();
        self.started.get_or_insert(now);
        self.count += 1;
        match self.last_logged {
            Some(at) if now.duration_since(at) < LOG_EVERY => {
                self.suppressed += 1;
                None
            }
            _ => {
                self.last_logged = Some(now);
                Some(std::mem::take(&mut self.suppressed))
            }
        }
    }

    /// Ends the run; returns its size and start if there was one.
    fn end(&mut self) -> Option<(u64, Instant)> {
        let started = self.started.take()?;
        let count = std::mem::take(&mut self.count);
        self.last_logged = None;
        self.suppressed = 0;
        Some((count, started))
    }

    /// 10 ms doubling to 1 s: short enough to recover at once when descriptors free up.
    fn backoff(&self) -> Duration {
        let doublings = u32::try_from(self.count.saturating_sub(1).min(7)).unwrap_or(7);
        (Duration::from_millis(10) * 2_u32.pow(doublings)).min(Duration::from_secs(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_leaves_descriptors_for_the_rest() {
        let mut limits = ConnectionLimits::default();
        assert_eq!(limits.fit_to_fd_limit(Some(1024)), 896);
        let mut limits = ConnectionLimits::default();
        assert_eq!(limits.fit_to_fd_limit(Some(1 << 20)), 10_000);
        assert_eq!(limits.fit_to_fd_limit(None), 10_000);
        let mut limits = ConnectionLimits::default();
        assert_eq!(limits.fit_to_fd_limit(Some(20_000)), 10_000);
    }

    #[test]
    fn accept_trouble_backs_off_and_logs_once_per_burst() {
        let mut burst = Burst::default();
        assert_eq!(burst.note(), Some(0));
        assert_eq!(burst.backoff(), Duration::from_millis(10));
        for _ in 0..20 {
            assert_eq!(burst.note(), None);
        }
        assert_eq!(burst.backoff(), Duration::from_secs(1));
        assert_eq!(burst.end().map(|(count, _)| count), Some(21));
        assert!(burst.end().is_none());
        assert_eq!(burst.note(), Some(0));
    }
}
