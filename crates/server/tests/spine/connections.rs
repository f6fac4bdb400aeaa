//! The accept loop over real sockets: timeouts for connections that send nothing or send
//! slowly, caps per client and in total, and shutdown that still answers what is in flight.

use std::io;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::extract::ConnectInfo;
use axum::routing::get;
use newsdesk_server::ConnectionLimits;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::support::Spine;

struct Server {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<io::Result<()>>,
    _spine: Spine,
}

/// The real router plus three routes of the test's own: one slow, one that names the peer,
/// one with a body larger than the socket buffers.
async fn start(limits: ConnectionLimits) -> Server {
    let spine = Spine::new(|_| {}).await;
    let routes = newsdesk_server::routes(&spine.state, &newsdesk_server::Options::default())
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_millis(600)).await;
                "late"
            }),
        )
        .route(
            "/peer",
            get(|ConnectInfo(peer): ConnectInfo<SocketAddr>| async move { peer.to_string() }),
        )
        .route("/big", get(|| async { vec![b'x'; 64 << 20] }));
    let router = newsdesk_server::with_layers(routes, &spine.state);
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(newsdesk_server::serve(listener, router, limits, async {
        let _ = stopped.await;
    }));
    Server {
        addr,
        stop: Some(stop),
        task,
        _spine: spine,
    }
}

fn limits() -> ConnectionLimits {
    ConnectionLimits {
        header_read_timeout: Duration::from_secs(10),
        idle_timeout: Duration::from_secs(10),
        max_connections: 100,
        max_connections_per_client: 100,
        exempt: Vec::new(),
    }
}

async fn connect(server: &Server) -> TcpStream {
    TcpStream::connect(server.addr).await.unwrap()
}

/// One keep-alive request and its whole answer (head and body).
async fn request(stream: &mut TcpStream, path: &str) -> String {
    let request = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    read_response(stream).await
}

async fn read_response(stream: &mut TcpStream) -> String {
    let mut buf = Vec::new();
    let mut chunk = [0_u8; 4096];
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(end) = find(&buf, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_lowercase();
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .map_or(0, |v| v.trim().parse().unwrap());
            if buf.len() >= end + 4 + length {
                return String::from_utf8_lossy(&buf).into_owned();
            }
        }
        let left = deadline.saturating_duration_since(Instant::now());
        let n = tokio::time::timeout(left, stream.read(&mut chunk))
            .await
            .expect("an answer within 5 s")
            .unwrap();
        assert!(
            n > 0,
            "closed mid-answer: {:?}",
            String::from_utf8_lossy(&buf)
        );
        buf.extend_from_slice(&chunk[..n]);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Reads (and discards) until the server closes the connection; how long that took, or
/// `None` if it was still open after `limit`.
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> Option<Duration> {
    let started = Instant::now();
    let mut chunk = [0_u8; 65536];
    loop {
        let left = limit.checked_sub(started.elapsed())?;
        match tokio::time::timeout(left, stream.read(&mut chunk)).await {
            Err(_) => return None,
            Ok(Ok(0) | Err(_)) => return Some(started.elapsed()),
            Ok(Ok(_)) => {}
        }
    }
}

/// What a refused connection receives: a 503 (or nothing) and the close, at once.
async fn assert_refused_at_once(stream: &mut TcpStream) {
    let started = Instant::now();
    let mut received = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(2), stream.read_to_end(&mut received))
        .await
        .expect("a refused connection is closed, not held");
    let elapsed = started.elapsed();
    assert!(
        elapsed < Duration::from_millis(300),
        "refused after {elapsed:?}"
    );
    let text = String::from_utf8_lossy(&received);
    assert!(
        text.is_empty() || (text.starts_with("HTTP/1.1 503") && text.contains("Retry-After")),
        "{text}"
    );
}

#[tokio::test]
async fn a_connection_that_sends_nothing_is_closed_after_the_header_timeout() {
    let server = start(ConnectionLimits {
        header_read_timeout: Duration::from_millis(300),
        ..limits()
    })
    .await;
    let mut silent = connect(&server).await;
    let closed = closed_within(&mut silent, Duration::from_secs(3)).await;
    let closed = closed.expect("a silent connection is closed");
    assert!(
        closed >= Duration::from_millis(250) && closed < Duration::from_millis(1000),
        "closed after {closed:?}"
    );
}

#[tokio::test]
async fn a_head_sent_a_byte_at_a_time_is_cut_at_the_header_timeout() {
    let server = start(ConnectionLimits {
        header_read_timeout: Duration::from_millis(300),
        ..limits()
    })
    .await;
    let stream = connect(&server).await;
    let (mut reader, mut writer) = stream.into_split();
    let slow = tokio::spawn(async move {
        let head = format!(
            "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: {}",
            "a".repeat(100)
        );
        for byte in head.bytes() {
            if writer.write_all(&[byte]).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
    let started = Instant::now();
    let mut chunk = [0_u8; 1024];
    let read = tokio::time::timeout(Duration::from_secs(3), reader.read(&mut chunk)).await;
    assert!(matches!(read, Ok(Ok(0) | Err(_))), "{read:?}");
    assert!(
        started.elapsed() < Duration::from_millis(1000),
        "{:?}",
        started.elapsed()
    );
    slow.abort();
}

#[tokio::test]
async fn a_kept_alive_connection_idle_past_the_idle_timeout_is_closed() {
    let server = start(ConnectionLimits {
        header_read_timeout: Duration::from_millis(300),
        idle_timeout: Duration::from_millis(1200),
        ..limits()
    })
    .await;
    let mut stream = connect(&server).await;
    assert!(
        request(&mut stream, "/healthz")
            .await
            .starts_with("HTTP/1.1 200")
    );
    // Idle longer than the header timeout but within the idle timeout: still usable.
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(
        request(&mut stream, "/healthz")
            .await
            .starts_with("HTTP/1.1 200")
    );
    let closed = closed_within(&mut stream, Duration::from_secs(4))
        .await
        .expect("an idle kept-alive connection is closed");
    assert!(
        closed >= Duration::from_millis(1000) && closed < Duration::from_millis(2200),
        "closed after {closed:?}"
    );
}

#[tokio::test]
async fn a_reader_that_stops_reading_does_not_hold_its_connection() {
    let server = start(ConnectionLimits {
        idle_timeout: Duration::from_millis(300),
        ..limits()
    })
    .await;
    let mut stream = connect(&server).await;
    stream
        .write_all(b"GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let mut received = 0_usize;
    let mut chunk = vec![0_u8; 1 << 16];
    loop {
        match tokio::time::timeout(Duration::from_secs(3), stream.read(&mut chunk)).await {
            Ok(Ok(0) | Err(_)) => break,
            Ok(Ok(n)) => received += n,
            Err(_) => panic!("the stalled response was not cut (read {received} bytes)"),
        }
    }
    assert!(received < 64 << 20, "the whole body arrived");
}

#[tokio::test]
async fn a_slow_but_steady_reader_gets_the_whole_body() {
    let server = start(ConnectionLimits {
        idle_timeout: Duration::from_millis(300),
        ..limits()
    })
    .await;
    let mut stream = connect(&server).await;
    stream
        .write_all(b"GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    // 64 MiB at about 32 MiB/s: far longer than the idle timeout, but never quiet that long.
    let started = Instant::now();
    let mut received = 0_usize;
    let mut chunk = vec![0_u8; 1 << 20];
    while received < 64 << 20 {
        match tokio::time::timeout(Duration::from_secs(3), stream.read(&mut chunk)).await {
            Ok(Ok(0) | Err(_)) => panic!("cut after {received} bytes in {:?}", started.elapsed()),
            Ok(Ok(n)) => received += n,
            Err(_) => panic!("stalled after {received} bytes"),
        }
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    assert!(
        started.elapsed() > Duration::from_millis(600),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn over_the_per_client_cap_a_connection_is_refused_at_once() {
    let server = start(ConnectionLimits {
        max_connections_per_client: 3,
        ..limits()
    })
    .await;
    let mut open = Vec::new();
    for _ in 0..3 {
        let mut stream = connect(&server).await;
        assert!(
            request(&mut stream, "/healthz")
                .await
                .starts_with("HTTP/1.1 200")
        );
        open.push(stream);
    }
    let mut fourth = connect(&server).await;
    assert_refused_at_once(&mut fourth).await;
    // The connections the client has still work.
    assert!(
        request(&mut open[0], "/healthz")
            .await
            .starts_with("HTTP/1.1 200")
    );
    // Closing one gives its slot back.
    drop(open.pop());
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut again = connect(&server).await;
    assert!(
        request(&mut again, "/healthz")
            .await
            .starts_with("HTTP/1.1 200")
    );
}

#[tokio::test]
async fn trusted_proxies_are_not_capped_per_client() {
    let server = start(ConnectionLimits {
        max_connections_per_client: 2,
        exempt: vec!["127.0.0.1/32".parse().unwrap()],
        ..limits()
    })
    .await;
    let mut open = Vec::new();
    for _ in 0..6 {
        let mut stream = connect(&server).await;
        assert!(
            request(&mut stream, "/healthz")
                .await
                .starts_with("HTTP/1.1 200")
        );
        open.push(stream);
    }
}

#[tokio::test]
async fn at_the_total_cap_with_every_connection_busy_a_newcomer_is_refused_fast() {
    let server = start(ConnectionLimits {
        max_connections: 3,
        ..limits()
    })
    .await;
    let mut busy = Vec::new();
    for _ in 0..3 {
        let mut stream = connect(&server).await;
        stream
            .write_all(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
            .await
            .unwrap();
        busy.push(stream);
    }
    tokio::time::sleep(Duration::from_millis(150)).await;
    let mut newcomer = connect(&server).await;
    assert_refused_at_once(&mut newcomer).await;
    for stream in &mut busy {
        let answer = read_response(stream).await;
        assert!(
            answer.starts_with("HTTP/1.1 200") && answer.ends_with("late"),
            "{answer}"
        );
    }
    drop(busy);
    tokio::time::sleep(Duration::from_millis(200)).await;
    for _ in 0..3 {
        let mut stream = connect(&server).await;
        assert!(
            request(&mut stream, "/healthz")
                .await
                .starts_with("HTTP/1.1 200")
        );
    }
}

#[tokio::test]
async fn at_the_total_cap_idle_connections_make_room_for_a_request() {
    let server = start(ConnectionLimits {
        max_connections: 3,
        ..limits()
    })
    .await;
    let mut idle = Vec::new();
    for _ in 0..3 {
        idle.push(connect(&server).await);
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    let mut reader = connect(&server).await;
    assert!(
        request(&mut reader, "/healthz")
            .await
            .starts_with("HTTP/1.1 200")
    );
    assert!(
        started.elapsed() < Duration::from_millis(500),
        "{:?}",
        started.elapsed()
    );
    // The oldest idle connection gave way.
    let closed = closed_within(&mut idle[0], Duration::from_millis(500)).await;
    assert!(closed.is_some(), "the oldest idle connection is still open");
}

#[tokio::test]
async fn each_request_knows_its_peer() {
    let server = start(limits()).await;
    let mut stream = connect(&server).await;
    let local = stream.local_addr().unwrap();
    let answer = request(&mut stream, "/peer").await;
    assert!(answer.ends_with(&local.to_string()), "{answer}");
}

#[tokio::test]
async fn shutdown_finishes_the_request_in_flight_and_closes_idle_connections() {
    let mut server = start(limits()).await;
    let mut working = connect(&server).await;
    working
        .write_all(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut idle = connect(&server).await;
    assert!(
        request(&mut idle, "/healthz")
            .await
            .starts_with("HTTP/1.1 200")
    );
    tokio::time::sleep(Duration::from_millis(100)).await;
    let _ = server.stop.take().unwrap().send(());
    let closed = closed_within(&mut idle, Duration::from_millis(500)).await;
    assert!(closed.is_some(), "an idle connection outlived the shutdown");
    let answer = read_response(&mut working).await;
    assert!(
        answer.starts_with("HTTP/1.1 200") && answer.ends_with("late"),
        "{answer}"
    );
    tokio::time::timeout(Duration::from_secs(2), &mut server.task)
        .await
        .expect("serve returns once drained")
        .unwrap()
        .unwrap();
    assert!(TcpStream::connect(server.addr).await.is_err());
}
