//! `chat`: N read-only sockets in one room, one staff sender at R messages per second, and
//! the delivery latency of every message to every socket.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio::sync::{Semaphore, watch};
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::{Error as WsError, Message};

use crate::Common;
use crate::net::Target;
use crate::stats::{
    CpuWindow, Rss, Tally, latency_since, now_micros, parse_bench, round2, summarize,
};

const SUBPROTOCOL: &str = "newsdesk.chat.v1";
const WELCOME: &str = "\"type\":\"welcome\"";
const MESSAGE: &str = "\"type\":\"message\"";
/// Retries of a failed connect (so 4 attempts), waiting 250 ms, 1 s, 4 s before them.
const RETRIES: u32 = 3;

#[derive(clap::Args, Debug)]
pub struct ChatArgs {
    #[command(flatten)]
    pub common: Common,
    /// The room's id.
    #[arg(long)]
    pub room: u64,
    /// Messages per second the sender sends.
    #[arg(long, default_value_t = 10.0)]
    pub rate: f64,
    /// A staff Admin API token for the sender (Authorization: Bearer).
    #[arg(long, env = "LOADGEN_TOKEN")]
    pub token: String,
    /// After the last send, wait at most this long for the deliveries still on their way.
    #[arg(long, default_value_t = 30)]
    pub drain_seconds: u64,
}

type Ws = WebSocketStream<TcpStream>;

#[derive(Default)]
struct Shared {
    welcomed: AtomicU64,
    failed: AtomicU64,
    retries: AtomicU64,
    received: AtomicU64,
    closed: AtomicU64,
    failure_reasons: Tally,
    close_codes: Tally,
}

/// What a receiver saw: its delivery latencies (µs) and the time of its last delivery.
#[derive(Default)]
struct ReceiverOut {
    latencies: Vec<u32>,
    last_micros: u64,
}

pub async fn run(args: ChatArgs) -> Result<()> {
    let c = &args.common;
    if args.rate <= 0.0 {
        bail!("--rate must be positive");
    }
    let target = Arc::new(Target::resolve(&c.base, c.source_ips).await?);
    let path = format!("/api/v1/chat/rooms/{}/socket", args.room);
    let shared = Arc::new(Shared::default());
    let semaphore = Arc::new(Semaphore::new(c.connect_concurrency.max(1)));
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut rss = Rss {
        pid: c.server_pid,
        ..Rss::default()
    };
    rss.before = rss.sample();

    eprintln!(
        "chat: {} receivers on room {} at {}, {} connecting at once",
        c.clients, args.room, c.base, c.connect_concurrency
    );
    let started = Instant::now();
    let mut receivers = Vec::with_capacity(c.clients);
    for i in 0..c.clients {
        let (target, path, shared, sem, stop) = (
            target.clone(),
            path.clone(),
            shared.clone(),
            semaphore.clone(),
            stop_rx.clone(),
        );
        receivers.push(tokio::spawn(receiver(i, target, path, shared, sem, stop)));
    }
    let all = c.clients as u64;
    let deadline = started + Duration::from_secs(c.connect_timeout);
    let mut last_print = Instant::now();
    loop {
        let (w, f) = (
            shared.welcomed.load(Ordering::Relaxed),
            shared.failed.load(Ordering::Relaxed),
        );
        if w + f >= all || Instant::now() >= deadline {
            break;
        }
        if last_print.elapsed() >= Duration::from_secs(1) {
            eprintln!(
                "  {w}/{all} welcomed, {f} failed, {:.1} s",
                started.elapsed().as_secs_f64()
            );
            last_print = Instant::now();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let connect_secs = started.elapsed().as_secs_f64();
    let connected = shared.welcomed.load(Ordering::Relaxed);
    let failed = shared.failed.load(Ordering::Relaxed);
    eprintln!(
        "  {connected}/{all} welcomed, {failed} failed in {connect_secs:.1} s (retries {}; failures: {})",
        shared.retries.load(Ordering::Relaxed),
        shared.failure_reasons.line()
    );
    // Let the server settle (buffers grown on connect freed or not) before sampling memory.
    tokio::time::sleep(Duration::from_secs(c.settle_seconds)).await;
    rss.connected = rss.sample();
    if rss.pid.is_some() {
        eprintln!("  {}", rss.line(connected));
    }

    // The sender.
    let acks = Arc::new(AtomicU64::new(0));
    let send_errors = Arc::new(Tally::default());
    let mut sent = 0u64;
    let mut first_send = 0u64;
    let mut sender_you = Value::Null;
    let mut sender_problem: Option<String> = None;
    let mut cpu_json: Option<Value> = None;
    match open_sender(&target, &path, &args.token, &semaphore, &shared).await {
        Err(e) => sender_problem = Some(format!("sender did not connect: {e:#}")),
        Ok((ws, you)) => {
            eprintln!("  sender: {you}");
            sender_you = you.clone();
            if you.get("can_write").and_then(Value::as_bool) == Some(false) {
                sender_problem = Some(format!("the sender may not write: {you}"));
            } else {
                let (mut tx, mut rx) = ws.split();
                let (acks2, errors2, mut stop) =
                    (acks.clone(), send_errors.clone(), stop_rx.clone());
                let reader = tokio::spawn(async move {
                    loop {
                        tokio::select! {
                            _ = stop.changed() => break,
                            m = rx.next() => match m {
                                Some(Ok(Message::Text(t))) => {
                                    let s = t.as_str();
                                    if s.contains("\"type\":\"ack\"") {
                                        acks2.fetch_add(1, Ordering::Relaxed);
                                    } else if s.contains("\"type\":\"error\"") {
                                        let code = serde_json::from_str::<Value>(s)
                                            .ok()
                                            .and_then(|v| v.get("code").and_then(Value::as_str).map(str::to_string))
                                            .unwrap_or_else(|| "unparsed".to_string());
                                        errors2.add(code);
                                    }
                                }
                                Some(Ok(Message::Close(frame))) => {
                                    errors2.add(format!("sender closed {}", frame.map_or(1005, |f| u16::from(f.code))));
                                    break;
                                }
                                Some(Ok(_)) => {}
                                Some(Err(e)) => {
                                    errors2.add(format!("sender {}", ws_reason(&e)));
                                    break;
                                }
                                None => break,
                            }
                        }
                    }
                });
                let total = (args.rate * c.seconds as f64).round() as u64;
                eprintln!("  sending {total} messages at {} per second", args.rate);
                let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / args.rate));
                let cpu = CpuWindow::start(c.server_pid);
                first_send = now_micros();
                let send_started = Instant::now();
                for n in 0..total {
                    tick.tick().await;
                    let frame = json!({
                        "type": "send",
                        "ref": n.to_string(),
                        "text": format!("bench {n} {}", now_micros()),
                    });
                    if let Err(e) = tx.send(Message::text(frame.to_string())).await {
                        sender_problem = Some(format!("send {n} failed: {e}"));
                        break;
                    }
                    sent += 1;
                    if n > 0 && n % (args.rate.ceil() as u64 * 5).max(1) == 0 {
                        eprintln!(
                            "  sent {sent}, acks {}, deliveries {}/{}",
                            acks.load(Ordering::Relaxed),
                            shared.received.load(Ordering::Relaxed),
                            sent * connected
                        );
                    }
                }
                eprintln!(
                    "  sent {sent} in {:.1} s",
                    send_started.elapsed().as_secs_f64()
                );
                let expected = sent * connected;
                let drain_until = Instant::now() + Duration::from_secs(args.drain_seconds);
                while Instant::now() < drain_until
                    && (shared.received.load(Ordering::Relaxed) < expected
                        || acks.load(Ordering::Relaxed) + errors_count(&send_errors) < sent)
                {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                cpu_json = Some(cpu.json());
                reader.abort(); // the server's answer to the close is no send error
                let _ = tx.send(Message::Close(None)).await;
                drop(tx);
            }
        }
    }

    rss.end = rss.sample();
    let _ = stop_tx.send(true);
    let mut latencies = Vec::new();
    let mut last_delivery = 0u64;
    for handle in receivers {
        if let Ok(out) = handle.await {
            latencies.extend_from_slice(&out.latencies);
            last_delivery = last_delivery.max(out.last_micros);
        }
    }

    let received = shared.received.load(Ordering::Relaxed);
    let expected = sent * connected;
    let closed = shared.closed.load(Ordering::Relaxed);
    let summary = summarize(latencies);
    let window = last_delivery.saturating_sub(first_send) as f64 / 1e6;
    let per_second = if window > 0.0 {
        round2(received as f64 / window)
    } else {
        0.0
    };
    let acks = acks.load(Ordering::Relaxed);

    println!(
        "chat room {} with {} receivers at {}",
        args.room, c.clients, c.base
    );
    println!(
        "  connected {connected}, connect failures {failed} ({}), retries {}, in {connect_secs:.1} s",
        shared.failure_reasons.line(),
        shared.retries.load(Ordering::Relaxed)
    );
    println!(
        "  sent {sent}, acks {acks}, send errors: {}",
        send_errors.line()
    );
    println!(
        "  deliveries {received} of {expected} expected ({:.2}%), {per_second} per second",
        if expected > 0 {
            received as f64 * 100.0 / expected as f64
        } else {
            0.0
        }
    );
    println!("  delivery latency {}", summary.line());
    println!(
        "  closed by the server: {closed} ({})",
        shared.close_codes.line()
    );
    if rss.pid.is_some() {
        println!("  {}", rss.line(connected));
    }
    if let Some(problem) = &sender_problem {
        println!("  PROBLEM: {problem}");
    }
    let result = json!({
        "mode": "chat",
        "base": c.base,
        "room": args.room,
        "clients": c.clients,
        "connected": connected,
        "connect_failures": failed,
        "connect_failure_reasons": shared.failure_reasons.json(),
        "connect_retries": shared.retries.load(Ordering::Relaxed),
        "connect_seconds": round2(connect_secs),
        "rate": args.rate,
        "seconds": c.seconds,
        "sent": sent,
        "acks": acks,
        "send_errors": send_errors.json(),
        "deliveries_expected": expected,
        "deliveries_received": received,
        "deliveries_per_second": per_second,
        "latency_ms": summary.json(),
        "closed_by_server": closed,
        "close_codes": shared.close_codes.json(),
        "rss": rss.json(connected),
        "cpu": cpu_json,
        "sender": sender_you,
        "problem": sender_problem,
    });
    println!("RESULT {result}");
    Ok(())
}

fn errors_count(t: &Tally) -> u64 {
    t.json()
        .as_object()
        .map_or(0, |m| m.values().filter_map(Value::as_u64).sum())
}

/// A short reason for a failed connect or a broken socket.
fn ws_reason(e: &WsError) -> String {
    match e {
        WsError::Http(response) => format!("http {}", response.status().as_u16()),
        WsError::Io(io) => format!("io {:?}", io.kind()),
        WsError::ConnectionClosed | WsError::AlreadyClosed => "closed".to_string(),
        WsError::Protocol(p) => format!("protocol: {p}"),
        other => {
            let s = other.to_string();
            s.chars().take(60).collect()
        }
    }
}

/// One WebSocket connection, with the connect (TCP and upgrade) under a semaphore permit and
/// up to RETRIES retries with backoff.
async fn connect(
    target: &Target,
    index: usize,
    path: &str,
    token: Option<&str>,
    config: WebSocketConfig,
    semaphore: &Semaphore,
    shared: &Shared,
) -> Result<Ws, String> {
    let mut reason = String::new();
    for attempt in 0..=RETRIES {
        if attempt > 0 {
            shared.retries.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(Duration::from_millis(250 * 4u64.pow(attempt - 1))).await;
        }
        let result = {
            let Ok(_permit) = semaphore.acquire().await else {
                return Err("semaphore closed".to_string());
            };
            tokio::time::timeout(Duration::from_secs(15), async {
                let stream = target
                    .connect(index)
                    .await
                    .map_err(|e| format!("tcp {:?}", e.kind()))?;
                let mut request = format!("ws://{}{path}", target.host)
                    .into_client_request()
                    .map_err(|e| ws_reason(&e))?;
                let headers = request.headers_mut();
                headers.insert(
                    "Sec-WebSocket-Protocol",
                    HeaderValue::from_static(SUBPROTOCOL),
                );
                if let Some(token) = token {
                    let value = HeaderValue::from_str(&format!("Bearer {token}"))
                        .map_err(|_| "bad token".to_string())?;
                    headers.insert("Authorization", value);
                }
                tokio_tungstenite::client_async_with_config(request, stream, Some(config))
                    .await
                    .map(|(ws, _)| ws)
                    .map_err(|e| ws_reason(&e))
            })
            .await
            .unwrap_or_else(|_| Err("timeout".to_string()))
        };
        match result {
            Ok(ws) => return Ok(ws),
            Err(e) => reason = e,
        }
    }
    Err(reason)
}

/// Small buffers: thousands of receivers, each reading a frame now and then.
fn receiver_config() -> WebSocketConfig {
    WebSocketConfig::default()
        .read_buffer_size(4096)
        .write_buffer_size(0)
        .max_message_size(Some(1 << 20))
        .max_frame_size(Some(1 << 20))
}

async fn receiver(
    index: usize,
    target: Arc<Target>,
    path: String,
    shared: Arc<Shared>,
    semaphore: Arc<Semaphore>,
    mut stop: watch::Receiver<bool>,
) -> ReceiverOut {
    let mut out = ReceiverOut::default();
    let mut ws = match connect(
        &target,
        index,
        &path,
        None,
        receiver_config(),
        &semaphore,
        &shared,
    )
    .await
    {
        Ok(ws) => ws,
        Err(reason) => {
            shared.failed.fetch_add(1, Ordering::Relaxed);
            shared.failure_reasons.add(reason);
            return out;
        }
    };
    drop((target, path, semaphore));
    let mut welcomed = false;
    loop {
        tokio::select! {
            _ = stop.changed() => break,
            m = ws.next() => match m {
                Some(Ok(Message::Text(t))) => {
                    let s = t.as_str();
                    if !welcomed {
                        if s.contains(WELCOME) {
                            welcomed = true;
                            shared.welcomed.fetch_add(1, Ordering::Relaxed);
                        }
                    } else if s.contains(MESSAGE)
                        && let Some(sent) = bench_send_micros(s)
                    {
                        let now = now_micros();
                        out.latencies.push(latency_since(sent, now));
                        out.last_micros = now;
                        shared.received.fetch_add(1, Ordering::Relaxed);
                    }
                }
                Some(Ok(Message::Close(frame))) => {
                    let code = frame.map_or(1005, |f| u16::from(f.code));
                    closed(&shared, welcomed, &code.to_string());
                    return out;
                }
                Some(Ok(_)) => {}
                Some(Err(e)) => {
                    closed(&shared, welcomed, &ws_reason(&e));
                    return out;
                }
                None => {
                    closed(&shared, welcomed, "eof");
                    return out;
                }
            }
        }
    }
    // The run is over: close politely, but do not wait long for it.
    let _ = tokio::time::timeout(Duration::from_secs(2), ws.close(None)).await;
    out
}

/// The server ended a socket: after its welcome a close (with its code), before it a failed
/// connect.
fn closed(shared: &Shared, welcomed: bool, code: &str) {
    if welcomed {
        shared.closed.fetch_add(1, Ordering::Relaxed);
        shared.close_codes.add(code);
    } else {
        shared.failed.fetch_add(1, Ordering::Relaxed);
        shared.failure_reasons.add(format!("{code} before welcome"));
    }
}

/// The send time in a `message` frame whose text is `bench <n> <micros>`, without parsing
/// the whole frame: the text field's value is found by its key.
fn bench_send_micros(frame: &str) -> Option<u64> {
    let start = frame.find("\"text\":\"bench ")? + "\"text\":\"".len();
    let rest = &frame[start..];
    let end = rest.find('"')?;
    parse_bench(&rest[..end]).map(|(_, micros)| micros)
}

/// Opens the sender (authenticated) and waits for its welcome; returns the socket and the
/// welcome's `you`.
async fn open_sender(
    target: &Target,
    path: &str,
    token: &str,
    semaphore: &Semaphore,
    shared: &Shared,
) -> Result<(Ws, Value)> {
    let mut ws = connect(
        target,
        0,
        path,
        Some(token),
        WebSocketConfig::default(),
        semaphore,
        shared,
    )
    .await
    .map_err(|e| anyhow::anyhow!(e))?;
    let welcome = tokio::time::timeout(Duration::from_secs(15), async {
        while let Some(m) = ws.next().await {
            if let Message::Text(t) = m? {
                let v: Value = serde_json::from_str(t.as_str())?;
                if v.get("type").and_then(Value::as_str) == Some("welcome") {
                    return anyhow::Ok(v);
                }
            }
        }
        bail!("the sender's socket closed before its welcome")
    })
    .await
    .context("no welcome for the sender in 15 s")??;
    let you = welcome.get("you").cloned().unwrap_or(Value::Null);
    Ok((ws, you))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn send_time_from_a_frame() {
        let frame = r#"{"type":"message","id":9,"room":3,"author":{"name":"Bench","staff":true},"text":"bench 4 1765000000000123","html":"bench 4 1765000000000123","at":"2026-12-06T10:00:00Z"}"#;
        assert_eq!(bench_send_micros(frame), Some(1_765_000_000_000_123));
        let other = r#"{"type":"message","id":9,"text":"hello bench 4 5"}"#;
        assert_eq!(bench_send_micros(other), None);
    }
}
