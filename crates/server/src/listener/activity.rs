//! What each connection is doing, noted by its socket and its requests, so its watchdog
//! knows when to close it and eviction knows which connections are idle.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::ConnectionLimits;

pub(super) const NONE: u64 = u64::MAX;

/// What a connection is doing, in milliseconds since it was accepted: written by its IO
/// and its requests, read by its watchdog and by eviction.
pub(super) struct Activity {
    start: Instant,
    in_flight: AtomicUsize,
    served: AtomicU64,
    /// When the last request finished.
    idle_since: AtomicU64,
    /// First byte read since the connection became idle: a new head has started.
    head_started: AtomicU64,
    /// When the response in flight was handed to hyper.
    responding_since: AtomicU64,
    /// Last byte read or written.
    last_io: AtomicU64,
    pub(super) evict: CancellationToken,
}

impl Activity {
    pub(super) fn new() -> Self {
        Self {
            start: Instant::now(),
            in_flight: AtomicUsize::new(0),
            served: AtomicU64::new(0),
            idle_since: AtomicU64::new(0),
            head_started: AtomicU64::new(NONE),
            responding_since: AtomicU64::new(NONE),
            last_io: AtomicU64::new(0),
            evict: CancellationToken::new(),
        }
    }

    pub(super) fn now(&self) -> u64 {
        u64::try_from(self.start.elapsed().as_millis()).unwrap_or(NONE - 1)
    }

    pub(super) fn read(&self) {
        let now = self.now();
        self.last_io.store(now, Ordering::SeqCst);
        if self.in_flight.load(Ordering::SeqCst) == 0 {
            let _ =
                self.head_started
                    .compare_exchange(NONE, now, Ordering::SeqCst, Ordering::SeqCst);
        }
    }

    fn wrote(&self) {
        self.last_io.store(self.now(), Ordering::SeqCst);
    }

    pub(super) fn is_idle(&self) -> bool {
        self.in_flight.load(Ordering::SeqCst) == 0
    }

    /// When the connection should be closed, `None` while a handler is running.
    pub(super) fn deadline(&self, limits: &ConnectionLimits) -> Option<u64> {
        let header = millis(limits.header_read_timeout);
        let idle = millis(limits.idle_timeout);
        if self.in_flight.load(Ordering::SeqCst) > 0 {
            let responding = self.responding_since.load(Ordering::SeqCst);
            if responding == NONE {
                return None;
            }
            let moved = responding.max(self.last_io.load(Ordering::SeqCst));
            return Some(moved.saturating_add(idle));
        }
        if self.served.load(Ordering::SeqCst) == 0 {
            return Some(header);
        }
        let head = self.head_started.load(Ordering::SeqCst);
        if head != NONE {
            return Some(head.saturating_add(header));
        }
        // From the last byte moved: hyper may still be writing a body it was handed whole.
        let quiet = self
            .idle_since
            .load(Ordering::SeqCst)
            .max(self.last_io.load(Ordering::SeqCst));
        Some(quiet.saturating_add(idle))
    }
}

/// What the watchdog does next: close the connection, or look again after a while.
pub(super) enum Watch {
    Close,
    LookIn(Duration),
}

impl Activity {
    /// Nothing tells the watchdog when a request starts or ends (waking the connection's
    /// task three or four times a request cost a tenth of a cached page's CPU), so it
    /// sleeps no longer than the nearest deadline any unseen change could set: a head
    /// that starts later is due `header_read_timeout` after it starts, a response that
    /// stalls later is cut `idle_timeout` after its last byte, and every other change
    /// moves the deadline later. Sleeping at most the shorter of the two is never late.
    pub(super) fn watch(&self, limits: &ConnectionLimits) -> Watch {
        let now = self.now();
        let bound = millis(limits.header_read_timeout).min(millis(limits.idle_timeout));
        let look = match self.deadline(limits) {
            Some(deadline) if deadline <= now => return Watch::Close,
            Some(deadline) => (deadline - now).min(bound),
            None => bound,
        };
        Watch::LookIn(Duration::from_millis(look.max(1)))
    }
}

pub(super) fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(NONE - 1)
}

/// One request from its head until hyper has sent (or dropped) its response body.
pub(super) struct InFlight(Arc<Activity>);

impl InFlight {
    pub(super) fn start(activity: Arc<Activity>) -> Self {
        activity.in_flight.fetch_add(1, Ordering::SeqCst);
        activity.served.fetch_add(1, Ordering::SeqCst);
        Self(activity)
    }

    pub(super) fn responding(&self) {
        let now = self.0.now();
        let _ =
            self.0
                .responding_since
                .compare_exchange(NONE, now, Ordering::SeqCst, Ordering::SeqCst);
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        // The idle state is written before the count drops, so the watchdog never sees an
        // idle connection with the previous idle period's times.
        let now = self.0.now();
        self.0.idle_since.store(now, Ordering::SeqCst);
        self.0.head_started.store(NONE, Ordering::SeqCst);
        self.0.responding_since.store(NONE, Ordering::SeqCst);
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The socket, noting each byte that moves.
pub(super) struct TrackedIo {
    pub(super) stream: TcpStream,
    pub(super) activity: Arc<Activity>,
    /// The connection's places under the caps. They live with the socket: a connection
    /// upgraded to a WebSocket outlives the HTTP connection task and still counts.
    pub(super) _held: super::Held,
}

impl AsyncRead for TrackedIo {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let poll = Pin::new(&mut this.stream).poll_read(cx, buf);
        if matches!(poll, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            this.activity.read();
        }
        poll
    }
}

impl AsyncWrite for TrackedIo {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.stream).poll_write(cx, buf);
        if matches!(poll, Poll::Ready(Ok(n)) if n > 0) {
            this.activity.wrote();
        }
        poll
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.stream).poll_write_vectored(cx, bufs);
        if matches!(poll, Poll::Ready(Ok(n)) if n > 0) {
            this.activity.wrote();
        }
        poll
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}
