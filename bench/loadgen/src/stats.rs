//! Counting helpers shared by both subcommands: the clock, latency percentiles, tallies of
//! reasons and close codes, and the server's resident memory.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

/// Microseconds since the Unix epoch (the wall clock: sender and receivers run on the same
/// machine, so the difference of two readings is a latency).
pub fn now_micros() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_micros()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// Latency percentiles, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub count: usize,
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    pub max: f64,
}

impl Summary {
    pub fn json(&self) -> Value {
        json!({
            "count": self.count,
            "p50": round2(self.p50),
            "p90": round2(self.p90),
            "p99": round2(self.p99),
            "max": round2(self.max),
        })
    }

    pub fn line(&self) -> String {
        format!(
            "p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({} samples)",
            self.p50, self.p90, self.p99, self.max, self.count
        )
    }
}

pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The nearest-rank percentile `p` (0–100) of an ascending slice; 0 for an empty one.
pub fn percentile(sorted: &[u32], p: f64) -> u32 {
    if sorted.is_empty() {
        return 0;
    }
    let n = sorted.len();
    // Nearest rank: the smallest value with at least p% of the samples at or below it.
    let rank = ((p / 100.0) * n as f64).ceil() as usize;
    sorted[rank.clamp(1, n) - 1]
}

/// Percentiles of latencies given in microseconds (sorts them).
pub fn summarize(mut micros: Vec<u32>) -> Summary {
    micros.sort_unstable();
    let ms = |v: u32| f64::from(v) / 1000.0;
    Summary {
        count: micros.len(),
        p50: ms(percentile(&micros, 50.0)),
        p90: ms(percentile(&micros, 90.0)),
        p99: ms(percentile(&micros, 99.0)),
        max: ms(micros.last().copied().unwrap_or(0)),
    }
}

/// A latency from a send time to now, in microseconds, saturated to u32 (71 minutes); a send
/// time in the future (clock step) counts as 0.
pub fn latency_since(sent_micros: u64, now: u64) -> u32 {
    u32::try_from(now.saturating_sub(sent_micros)).unwrap_or(u32::MAX)
}

/// Counts of short reasons (a failure's kind, a close code), shared by many tasks.
#[derive(Default)]
pub struct Tally(Mutex<BTreeMap<String, u64>>);

impl Tally {
    pub fn add(&self, reason: impl Into<String>) {
        if let Ok(mut map) = self.0.lock() {
            *map.entry(reason.into()).or_insert(0) += 1;
        }
    }

    pub fn json(&self) -> Value {
        match self.0.lock() {
            Ok(map) => json!(&*map),
            Err(_) => json!({}),
        }
    }

    pub fn line(&self) -> String {
        match self.0.lock() {
            Ok(map) if !map.is_empty() => map
                .iter()
                .map(|(k, v)| format!("{k}: {v}"))
                .collect::<Vec<_>>()
                .join(", "),
            _ => "none".to_string(),
        }
    }
}

/// VmRSS of a process in KiB, from /proc/PID/status.
pub fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    parse_vmrss(&status)
}

fn parse_vmrss(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The server's memory at three moments, and what each connection added.
#[derive(Default)]
pub struct Rss {
    pub pid: Option<u32>,
    pub before: Option<u64>,
    pub connected: Option<u64>,
    pub end: Option<u64>,
}

impl Rss {
    pub fn sample(&self) -> Option<u64> {
        self.pid.and_then(rss_kib)
    }

    /// KiB per connection between `before` and `connected`.
    pub fn per_connection(&self, connections: u64) -> Option<f64> {
        let (b, c) = (self.before?, self.connected?);
        (connections > 0).then(|| round2((c as f64 - b as f64) / connections as f64))
    }

    pub fn json(&self, connections: u64) -> Value {
        json!({
            "pid": self.pid,
            "before_kib": self.before,
            "connected_kib": self.connected,
            "end_kib": self.end,
            "per_connection_kib": self.per_connection(connections),
        })
    }

    pub fn line(&self, connections: u64) -> String {
        let mib =
            |k: Option<u64>| k.map_or("-".to_string(), |k| format!("{:.1} MiB", k as f64 / 1024.0));
        format!(
            "server RSS before {}, connected {}, end {}; per connection {}",
            mib(self.before),
            mib(self.connected),
            mib(self.end),
            self.per_connection(connections)
                .map_or("-".to_string(), |k| format!("{k:.2} KiB"))
        )
    }
}

/// CPU time (user + system) of a process in seconds, from /proc/PID/stat (`self` for this
/// one); Linux counts it in USER_HZ ticks, 100 per second on every architecture it runs on.
pub fn cpu_seconds(pid: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    parse_cpu_ticks(&stat).map(|ticks| ticks as f64 / 100.0)
}

fn parse_cpu_ticks(stat: &str) -> Option<u64> {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace();
    // After ")": state is field 3, so utime (14) and stime (15) are the 12th and 13th.
    let utime: u64 = fields.nth(11)?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some(utime + stime)
}

/// CPU used by the server and by this client over a stretch of time, as % of one core.
pub struct CpuWindow {
    server_pid: Option<u32>,
    server: Option<f64>,
    client: Option<f64>,
    at: std::time::Instant,
}

impl CpuWindow {
    pub fn start(server_pid: Option<u32>) -> Self {
        Self {
            server_pid,
            server: server_pid.and_then(|p| cpu_seconds(&p.to_string())),
            client: cpu_seconds("self"),
            at: std::time::Instant::now(),
        }
    }

    /// (server %, client %, seconds) since `start`.
    pub fn json(&self) -> Value {
        let secs = self.at.elapsed().as_secs_f64();
        let pct = |before: Option<f64>, now: Option<f64>| match (before, now) {
            (Some(b), Some(n)) if secs > 0.0 => Some(round2((n - b) * 100.0 / secs)),
            _ => None,
        };
        json!({
            "seconds": round2(secs),
            "server_pct": pct(self.server, self.server_pid.and_then(|p| cpu_seconds(&p.to_string()))),
            "client_pct": pct(self.client, cpu_seconds("self")),
        })
    }
}

/// Parses the text of a bench message or headline, `bench <n> <unix-micros>`.
pub fn parse_bench(text: &str) -> Option<(u64, u64)> {
    let mut parts = text.strip_prefix("bench ")?.split(' ');
    let n = parts.next()?.parse().ok()?;
    let micros = parts.next()?.parse().ok()?;
    Some((n, micros))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<u32> = (1..=100).collect();
        assert_eq!(percentile(&v, 50.0), 50);
        assert_eq!(percentile(&v, 90.0), 90);
        assert_eq!(percentile(&v, 99.0), 99);
        assert_eq!(percentile(&v, 100.0), 100);
        assert_eq!(percentile(&v, 0.0), 1);
        assert_eq!(percentile(&[], 50.0), 0);
        assert_eq!(percentile(&[7], 99.0), 7);
        // Ten samples: p50 is the 5th, p90 the 9th, p99 the 10th.
        let v: Vec<u32> = (1..=10).map(|x| x * 10).collect();
        assert_eq!(percentile(&v, 50.0), 50);
        assert_eq!(percentile(&v, 90.0), 90);
        assert_eq!(percentile(&v, 99.0), 100);
    }

    #[test]
    fn summary_in_milliseconds() {
        let s = summarize(vec![3000, 1000, 2000, 10_000]);
        assert_eq!(s.count, 4);
        assert_eq!(s.p50, 2.0);
        assert_eq!(s.p99, 10.0);
        assert_eq!(s.max, 10.0);
        let empty = summarize(Vec::new());
        assert_eq!(empty.count, 0);
        assert_eq!(empty.max, 0.0);
    }

    #[test]
    fn bench_texts() {
        assert_eq!(
            parse_bench("bench 12 1765000000123456"),
            Some((12, 1_765_000_000_123_456))
        );
        assert_eq!(parse_bench("bench x 1"), None);
        assert_eq!(parse_bench("hello 1 2"), None);
        assert_eq!(parse_bench("bench 1"), None);
    }

    #[test]
    fn vmrss_line() {
        let status = "Name:\tnewsdesk\nVmPeak:\t  900 kB\nVmRSS:\t   12345 kB\nThreads: 4\n";
        assert_eq!(parse_vmrss(status), Some(12345));
        assert_eq!(parse_vmrss("Name: x\n"), None);
    }

    #[test]
    fn cpu_ticks() {
        let stat = "1234 (new desk) S 1 1234 1234 0 -1 4194560 500 0 0 0 250 75 0 0 20 0 9 0 100 0";
        assert_eq!(parse_cpu_ticks(stat), Some(325));
        assert!(cpu_seconds("self").is_some());
    }

    #[test]
    fn latencies_saturate() {
        assert_eq!(latency_since(100, 350), 250);
        assert_eq!(latency_since(500, 100), 0);
        assert_eq!(latency_since(0, u64::MAX), u32::MAX);
    }
}
