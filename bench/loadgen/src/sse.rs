//! `sse`: N newsfeed streams held open; optionally K items published through the Admin API
//! and the publish-to-receive latency of each on every stream.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{Semaphore, watch};

use crate::Common;
use crate::net::{Chunked, SseParser, Target, post_json, read_head};
use crate::stats::{
    CpuWindow, Rss, Tally, latency_since, now_micros, parse_bench, round2, summarize,
};

const RETRIES: u32 = 3;

#[derive(clap::Args, Debug)]
pub struct SseArgs {
    #[command(flatten)]
    pub common: Common,
    /// The edition whose stream is read (and to which items are published).
    #[arg(long, default_value = "en")]
    pub edition: String,
    /// Publish this many newsfeed items, one per second, once all streams are open.
    #[arg(long, default_value_t = 0)]
    pub publish: u64,
    /// An Admin API token (needed with --publish).
    #[arg(long, env = "LOADGEN_TOKEN")]
    pub token: Option<String>,
    /// After the last publish, wait at most this long for the items still on their way.
    #[arg(long, default_value_t = 10)]
    pub drain_seconds: u64,
}

struct Shared {
    hello: AtomicU64,
    failed: AtomicU64,
    retries: AtomicU64,
    closed: AtomicU64,
    received: AtomicU64,
    failure_reasons: Tally,
    close_reasons: Tally,
    /// Streams that received item k.
    per_item: Vec<AtomicU64>,
}

#[derive(Default)]
struct ClientOut {
    latencies: Vec<u32>,
}

pub async fn run(args: SseArgs) -> Result<()> {
    let c = &args.common;
    let token = match (&args.token, args.publish) {
        (_, 0) => String::new(),
        (Some(t), _) => t.clone(),
        (None, _) => bail!("--publish needs --token"),
    };
    let target = Arc::new(Target::resolve(&c.base, c.source_ips).await?);
    let path = format!("/api/v1/live/{}", args.edition);
    let shared = Arc::new(Shared {
        hello: AtomicU64::new(0),
        failed: AtomicU64::new(0),
        retries: AtomicU64::new(0),
        closed: AtomicU64::new(0),
        received: AtomicU64::new(0),
        failure_reasons: Tally::default(),
        close_reasons: Tally::default(),
        per_item: (0..args.publish).map(|_| AtomicU64::new(0)).collect(),
    });
    let semaphore = Arc::new(Semaphore::new(c.connect_concurrency.max(1)));
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut rss = Rss {
        pid: c.server_pid,
        ..Rss::default()
    };
    rss.before = rss.sample();

    eprintln!(
        "sse: {} streams of {} at {}, {} connecting at once",
        c.clients, path, c.base, c.connect_concurrency
    );
    let started = Instant::now();
    let mut clients = Vec::with_capacity(c.clients);
    for i in 0..c.clients {
        let (target, path, shared, sem, stop) = (
            target.clone(),
            path.clone(),
            shared.clone(),
            semaphore.clone(),
            stop_rx.clone(),
        );
        clients.push(tokio::spawn(client(i, target, path, shared, sem, stop)));
    }
    let all = c.clients as u64;
    let deadline = started + Duration::from_secs(c.connect_timeout);
    let mut last_print = Instant::now();
    loop {
        let (h, f) = (
            shared.hello.load(Ordering::Relaxed),
            shared.failed.load(Ordering::Relaxed),
        );
        if h + f >= all || Instant::now() >= deadline {
            break;
        }
        if last_print.elapsed() >= Duration::from_secs(1) {
            eprintln!(
                "  {h}/{all} hello, {f} failed, {:.1} s",
                started.elapsed().as_secs_f64()
            );
            last_print = Instant::now();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let connect_secs = started.elapsed().as_secs_f64();
    let connected = shared.hello.load(Ordering::Relaxed);
    let failed = shared.failed.load(Ordering::Relaxed);
    eprintln!(
        "  {connected}/{all} hello, {failed} failed in {connect_secs:.1} s (retries {}; failures: {})",
        shared.retries.load(Ordering::Relaxed),
        shared.failure_reasons.line()
    );
    let hold_started = Instant::now();
    tokio::time::sleep(Duration::from_secs(c.settle_seconds)).await;
    rss.connected = rss.sample();
    if rss.pid.is_some() {
        eprintln!("  {}", rss.line(connected));
    }

    // Publishing.
    let publish_status = Tally::default();
    let mut publish_ms = Vec::new();
    let mut published = 0u64;
    let cpu = CpuWindow::start(c.server_pid);
    let mut cpu_json = None;
    if args.publish > 0 {
        let publish_path = "/api/v1/admin/newsfeed";
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        for k in 0..args.publish {
            tick.tick().await;
            let body = json!({
                "edition": args.edition,
                "headline": format!("bench {k} {}", now_micros()),
                "text": "load test",
                "publish": true,
            })
            .to_string();
            let t0 = Instant::now();
            match post_json(
                &target,
                publish_path,
                &token,
                &body,
                Duration::from_secs(10),
            )
            .await
            {
                Ok((status, text)) => {
                    publish_status.add(status.to_string());
                    if (200..300).contains(&status) {
                        published += 1;
                    } else {
                        eprintln!(
                            "  publish {k}: {status} {}",
                            text.chars().take(300).collect::<String>()
                        );
                    }
                }
                Err(e) => {
                    publish_status.add("error");
                    eprintln!("  publish {k}: {e:#}");
                }
            }
            publish_ms.push(round2(t0.elapsed().as_secs_f64() * 1000.0));
            eprintln!(
                "  published {}/{}; deliveries so far {}",
                k + 1,
                args.publish,
                shared.received.load(Ordering::Relaxed)
            );
        }
        let drain_until = Instant::now() + Duration::from_secs(args.drain_seconds);
        while Instant::now() < drain_until {
            let open = connected.saturating_sub(shared.closed.load(Ordering::Relaxed));
            if shared.received.load(Ordering::Relaxed) >= published * open {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        cpu_json = Some(cpu.json());
    }
    // Hold the streams open for the rest of --seconds.
    let hold = Duration::from_secs(c.seconds);
    while hold_started.elapsed() < hold {
        let left = hold - hold_started.elapsed();
        tokio::time::sleep(left.min(Duration::from_secs(5))).await;
        if hold_started.elapsed() < hold {
            eprintln!(
                "  holding: {} open, {:.0} s left",
                connected.saturating_sub(shared.closed.load(Ordering::Relaxed)),
                (hold.saturating_sub(hold_started.elapsed())).as_secs_f64()
            );
        }
    }
    rss.end = rss.sample();
    let cpu_json = cpu_json.unwrap_or_else(|| cpu.json());
    let closed = shared.closed.load(Ordering::Relaxed);
    let still_open = connected.saturating_sub(closed);
    let _ = stop_tx.send(true);
    let mut latencies = Vec::new();
    for handle in clients {
        if let Ok(out) = handle.await {
            latencies.extend_from_slice(&out.latencies);
        }
    }
    let received = shared.received.load(Ordering::Relaxed);
    let summary = summarize(latencies);
    let per_item: Vec<u64> = shared
        .per_item
        .iter()
        .map(|a| a.load(Ordering::Relaxed))
        .collect();

    println!("sse {} with {} streams at {}", path, c.clients, c.base);
    println!(
        "  connected (hello) {connected}, connect failures {failed} ({}), retries {}, in {connect_secs:.1} s",
        shared.failure_reasons.line(),
        shared.retries.load(Ordering::Relaxed)
    );
    println!(
        "  still open at the end: {still_open}; closed by the server: {closed} ({})",
        shared.close_reasons.line()
    );
    if args.publish > 0 {
        println!(
            "  published {published} of {} (statuses: {}), request ms {publish_ms:?}",
            args.publish,
            publish_status.line()
        );
        println!("  streams that received each item: {per_item:?} (of {connected})");
        println!(
            "  deliveries {received} of {} expected",
            published * connected
        );
        println!("  publish-to-receive latency {}", summary.line());
    }
    if rss.pid.is_some() {
        println!("  {}", rss.line(connected));
        let what = if args.publish > 0 {
            "publishing and delivering"
        } else {
            "holding"
        };
        println!("  CPU while {what}: {cpu_json}");
    }
    let result = json!({
        "mode": "sse",
        "base": c.base,
        "edition": args.edition,
        "clients": c.clients,
        "connected": connected,
        "connect_failures": failed,
        "connect_failure_reasons": shared.failure_reasons.json(),
        "connect_retries": shared.retries.load(Ordering::Relaxed),
        "connect_seconds": round2(connect_secs),
        "seconds": c.seconds,
        "still_open": still_open,
        "closed_by_server": closed,
        "close_reasons": shared.close_reasons.json(),
        "published": published,
        "publish_requested": args.publish,
        "publish_status": publish_status.json(),
        "publish_request_ms": publish_ms,
        "received_per_item": per_item,
        "deliveries_expected": published * connected,
        "deliveries_received": received,
        "latency_ms": summary.json(),
        "rss": rss.json(connected),
        "cpu": cpu_json,
    });
    println!("RESULT {result}");
    Ok(())
}

/// Opens one stream: TCP, the request, the response head (200 expected). Returns the stream
/// and the body bytes read with the head.
async fn open(
    target: &Target,
    index: usize,
    path: &str,
) -> Result<(TcpStream, bool, Vec<u8>), String> {
    let mut stream = target
        .connect(index)
        .await
        .map_err(|e| format!("tcp {:?}", e.kind()))?;
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n",
        target.host
    );
    stream
        .write_all(request.as_bytes())
        .await
        .map_err(|e| format!("write {:?}", e.kind()))?;
    let (head, rest) = read_head(&mut stream, 16 * 1024).await.map_err(|e| {
        let s = format!("{e:#}");
        s.chars().take(60).collect::<String>()
    })?;
    if head.status != 200 {
        return Err(format!("http {}", head.status));
    }
    Ok((stream, head.chunked, rest))
}

async fn client(
    index: usize,
    target: Arc<Target>,
    path: String,
    shared: Arc<Shared>,
    semaphore: Arc<Semaphore>,
    mut stop: watch::Receiver<bool>,
) -> ClientOut {
    let mut out = ClientOut::default();
    let mut opened = None;
    let mut reason = String::new();
    for attempt in 0..=RETRIES {
        if attempt > 0 {
            shared.retries.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(Duration::from_millis(250 * 4u64.pow(attempt - 1))).await;
        }
        let Ok(_permit) = semaphore.acquire().await else {
            break;
        };
        match tokio::time::timeout(Duration::from_secs(15), open(&target, index, &path)).await {
            Ok(Ok(o)) => {
                opened = Some(o);
                break;
            }
            Ok(Err(e)) => reason = e,
            Err(_) => reason = "timeout".to_string(),
        }
    }
    let Some((mut stream, chunked, first)) = opened else {
        shared.failed.fetch_add(1, Ordering::Relaxed);
        shared.failure_reasons.add(reason);
        return out;
    };
    drop((target, path, semaphore));

    let mut decoder = chunked.then(Chunked::default);
    let mut parser = SseParser::new(64 * 1024);
    let mut hello = false;
    let mut got: Vec<u64> = Vec::new();
    let mut body = Vec::new();
    let mut buf = vec![0u8; 2048];
    let mut pending = first;
    loop {
        if !pending.is_empty() {
            body.clear();
            let ended = match &mut decoder {
                Some(d) => !d.feed(&pending, &mut body),
                None => {
                    body.extend_from_slice(&pending);
                    false
                }
            };
            parser.feed(&body, |event, data| match event {
                "hello" if !hello => {
                    hello = true;
                    shared.hello.fetch_add(1, Ordering::Relaxed);
                }
                "item" if data.contains("\"headline\":\"bench ") => {
                    let now = now_micros();
                    let Some((k, sent)) = bench_headline(data) else {
                        return;
                    };
                    if got.contains(&k) {
                        return; // the same item changed again: the first arrival counts
                    }
                    got.push(k);
                    out.latencies.push(latency_since(sent, now));
                    shared.received.fetch_add(1, Ordering::Relaxed);
                    if let Some(counter) =
                        usize::try_from(k).ok().and_then(|k| shared.per_item.get(k))
                    {
                        counter.fetch_add(1, Ordering::Relaxed);
                    }
                }
                _ => {}
            });
            pending.clear();
            if ended {
                closed(&shared, hello, "end of body");
                return out;
            }
        }
        tokio::select! {
            _ = stop.changed() => break,
            r = stream.read(&mut buf) => match r {
                Ok(0) => {
                    closed(&shared, hello, "eof");
                    return out;
                }
                Ok(n) => pending.extend_from_slice(&buf[..n]),
                Err(e) => {
                    closed(&shared, hello, &format!("io {:?}", e.kind()));
                    return out;
                }
            }
        }
    }
    out
}

/// The server ended a stream: after its hello a close, before it a failed connect.
fn closed(shared: &Shared, hello: bool, reason: &str) {
    if hello {
        shared.closed.fetch_add(1, Ordering::Relaxed);
        shared.close_reasons.add(reason);
    } else {
        shared.failed.fetch_add(1, Ordering::Relaxed);
        shared.failure_reasons.add(format!("{reason} before hello"));
    }
}

/// `item.headline` of an `item` event's data, parsed as `bench <k> <micros>`.
fn bench_headline(data: &str) -> Option<(u64, u64)> {
    let v: Value = serde_json::from_str(data).ok()?;
    parse_bench(v.get("item")?.get("headline")?.as_str()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_of_an_item() {
        let data = r#"{"v":1,"item":{"key":"n3","kind":"item","id":3,"headline":"bench 2 1765000000000001","text":"load test"}}"#;
        assert_eq!(bench_headline(data), Some((2, 1_765_000_000_000_001)));
        assert_eq!(
            bench_headline(r#"{"v":1,"item":{"headline":"Other"}}"#),
            None
        );
        assert_eq!(bench_headline("not json"), None);
    }
}
