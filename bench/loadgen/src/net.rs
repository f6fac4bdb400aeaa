//! Minimal HTTP/1.1 over a raw TcpStream: the base URL, connecting (optionally from one of
//! several loopback source addresses), a JSON POST, the response head, a chunked-body decoder
//! and an SSE event splitter. No HTTP client crate: only what the bench needs.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

/// Where the server is: `http://host:port` (no TLS, no path).
#[derive(Debug, Clone)]
pub struct Target {
    /// The Host header (`host:port` as given).
    pub host: String,
    pub addr: SocketAddr,
    /// Connect from 127.0.0.1 … 127.0.0.N in turn (1: let the kernel choose).
    pub source_ips: u8,
}

impl Target {
    pub async fn resolve(base: &str, source_ips: u8) -> Result<Self> {
        let host = parse_base(base)?;
        let addr = tokio::net::lookup_host(&host)
            .await
            .with_context(|| format!("cannot resolve {host}"))?
            .next()
            .with_context(|| format!("{host} resolves to nothing"))?;
        if source_ips > 1 && !addr.ip().is_loopback() {
            bail!("--source-ips needs a loopback server address, not {addr}");
        }
        Ok(Self {
            host,
            addr,
            source_ips: source_ips.max(1),
        })
    }

    /// A TCP connection; connection `index` comes from source address 127.0.0.(1 + index % N).
    pub async fn connect(&self, index: usize) -> std::io::Result<TcpStream> {
        let stream = if self.source_ips > 1 && self.addr.is_ipv4() {
            let last = 1 + (index % usize::from(self.source_ips)) as u8;
            let socket = TcpSocket::new_v4()?;
            socket.bind(SocketAddr::new(
                IpAddr::V4(Ipv4Addr::new(127, 0, 0, last)),
                0,
            ))?;
            socket.connect(self.addr).await?
        } else {
            TcpStream::connect(self.addr).await?
        };
        stream.set_nodelay(true)?;
        Ok(stream)
    }
}

/// `http://host:port[/]` → `host:port` (port 80 when none is given).
pub fn parse_base(base: &str) -> Result<String> {
    let Some(rest) = base.strip_prefix("http://") else {
        bail!("--base must start with http:// (got {base})");
    };
    let authority = rest.split('/').next().unwrap_or_default();
    if authority.is_empty() {
        bail!("--base has no host: {base}");
    }
    if authority
        .rsplit_once(':')
        .is_some_and(|(_, port)| port.parse::<u16>().is_ok())
    {
        Ok(authority.to_string())
    } else {
        Ok(format!("{authority}:80"))
    }
}

/// A response's status line and headers.
#[derive(Debug)]
pub struct Head {
    pub status: u16,
    pub chunked: bool,
}

/// Parses a response head (the bytes before the blank line).
pub fn parse_head(head: &[u8]) -> Result<Head> {
    let text = std::str::from_utf8(head).context("response head is not UTF-8")?;
    let mut lines = text.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.split(' ');
    let version = parts.next().unwrap_or_default();
    if !version.starts_with("HTTP/1.") {
        bail!("not an HTTP/1 response: {status_line:?}");
    }
    let status = parts
        .next()
        .and_then(|s| s.parse().ok())
        .with_context(|| format!("bad status line {status_line:?}"))?;
    let chunked = lines.any(|line| {
        line.split_once(':').is_some_and(|(name, value)| {
            name.trim().eq_ignore_ascii_case("transfer-encoding")
                && value.to_ascii_lowercase().contains("chunked")
        })
    });
    Ok(Head { status, chunked })
}

/// Reads until the end of the response head; returns it and the body bytes read past it.
pub async fn read_head(stream: &mut TcpStream, limit: usize) -> Result<(Head, Vec<u8>)> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    loop {
        if let Some(end) = find(&buf, b"\r\n\r\n") {
            let head = parse_head(&buf[..end])?;
            let rest = buf[end + 4..].to_vec();
            return Ok((head, rest));
        }
        if buf.len() > limit {
            bail!("response head longer than {limit} bytes");
        }
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            bail!("connection closed before the response head");
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// POSTs a JSON body (Connection: close) and returns the status and the response body
/// (still chunk-encoded if it was: only the status matters here, the body is for messages).
pub async fn post_json(
    target: &Target,
    path: &str,
    token: &str,
    body: &str,
    timeout: Duration,
) -> Result<(u16, String)> {
    let work = async {
        let mut stream = target.connect(0).await.context("connect")?;
        let request = format!(
            "POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: application/json\r\nAccept: application/json\r\n\
             Content-Length: {len}\r\nConnection: close\r\n\r\n{body}",
            host = target.host,
            len = body.len(),
        );
        stream.write_all(request.as_bytes()).await?;
        let mut response = Vec::new();
        stream.read_to_end(&mut response).await?;
        let end = find(&response, b"\r\n\r\n").context("no response head")?;
        let head = parse_head(&response[..end])?;
        let mut text = response[end + 4..].to_vec();
        if head.chunked {
            let mut decoded = Vec::new();
            let _ = Chunked::default().feed(&text, &mut decoded);
            text = decoded;
        }
        anyhow::Ok((head.status, String::from_utf8_lossy(&text).into_owned()))
    };
    tokio::time::timeout(timeout, work)
        .await
        .context("timed out")?
}

/// Decodes `Transfer-Encoding: chunked` incrementally (any split of the input).
#[derive(Debug, Default)]
pub struct Chunked {
    state: ChunkState,
    size: u64,
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum ChunkState {
    /// Reading the hexadecimal size.
    #[default]
    Size,
    /// Past the size: a chunk extension, up to the line feed.
    SizeLine,
    /// `size` bytes of data still to come.
    Data,
    /// The CR LF after a chunk's data.
    DataEnd,
    /// The last (zero) chunk came: trailers, ignored.
    Done,
}

impl Chunked {
    /// Appends the body bytes in `input` to `out`. Returns false once the last chunk came.
    pub fn feed(&mut self, mut input: &[u8], out: &mut Vec<u8>) -> bool {
        while !input.is_empty() {
            match self.state {
                ChunkState::Size => {
                    let b = input[0];
                    input = &input[1..];
                    match b {
                        b'0'..=b'9' => self.size = self.size * 16 + u64::from(b - b'0'),
                        b'a'..=b'f' => self.size = self.size * 16 + u64::from(b - b'a' + 10),
                        b'A'..=b'F' => self.size = self.size * 16 + u64::from(b - b'A' + 10),
                        b'\n' => self.end_size_line(),
                        _ => self.state = ChunkState::SizeLine,
                    }
                }
                ChunkState::SizeLine => {
                    let b = input[0];
                    input = &input[1..];
                    if b == b'\n' {
                        self.end_size_line();
                    }
                }
                ChunkState::Data => {
                    let take = usize::try_from(self.size)
                        .unwrap_or(usize::MAX)
                        .min(input.len());
                    out.extend_from_slice(&input[..take]);
                    input = &input[take..];
                    self.size -= take as u64;
                    if self.size == 0 {
                        self.state = ChunkState::DataEnd;
                    }
                }
                ChunkState::DataEnd => {
                    let b = input[0];
                    input = &input[1..];
                    if b == b'\n' {
                        self.state = ChunkState::Size;
                    }
                }
                ChunkState::Done => return false,
            }
        }
        self.state != ChunkState::Done
    }

    fn end_size_line(&mut self) {
        self.state = if self.size == 0 {
            ChunkState::Done
        } else {
            ChunkState::Data
        };
    }
}

/// Splits an event stream into events: `event:` and `data:` fields up to a blank line.
/// Comment lines (`: keep-alive`) and `id:` are skipped. Keeps at most `max_line` bytes of a
/// line (longer ones, e.g. a huge `reset`, are cut: the bench does not need them).
#[derive(Debug)]
pub struct SseParser {
    line: Vec<u8>,
    event: String,
    data: String,
    max_line: usize,
}

impl SseParser {
    pub fn new(max_line: usize) -> Self {
        Self {
            line: Vec::new(),
            event: String::new(),
            data: String::new(),
            max_line,
        }
    }

    /// Feeds body bytes; calls `on_event(event, data)` for every complete event.
    pub fn feed(&mut self, input: &[u8], mut on_event: impl FnMut(&str, &str)) {
        let mut rest = input;
        while let Some(pos) = rest.iter().position(|&b| b == b'\n') {
            self.push(&rest[..pos]);
            rest = &rest[pos + 1..];
            self.end_line(&mut on_event);
        }
        self.push(rest);
    }

    fn push(&mut self, bytes: &[u8]) {
        let room = self.max_line.saturating_sub(self.line.len());
        self.line.extend_from_slice(&bytes[..bytes.len().min(room)]);
    }

    fn end_line(&mut self, on_event: &mut impl FnMut(&str, &str)) {
        if self.line.last() == Some(&b'\r') {
            self.line.pop();
        }
        if self.line.is_empty() {
            if !self.event.is_empty() || !self.data.is_empty() {
                let name = if self.event.is_empty() {
                    "message"
                } else {
                    &self.event
                };
                on_event(name, &self.data);
            }
            self.event.clear();
            self.data.clear();
            return;
        }
        let line = String::from_utf8_lossy(&self.line);
        let (field, value) = match line.split_once(':') {
            Some((f, v)) => (f, v.strip_prefix(' ').unwrap_or(v)),
            None => (&*line, ""),
        };
        match field {
            "event" => {
                self.event.clear();
                self.event.push_str(value);
            }
            "data" => {
                if !self.data.is_empty() {
                    self.data.push('\n');
                }
                self.data.push_str(value);
            }
            _ => {} // "" (a comment), id, retry
        }
        self.line.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(input: &[u8], split: usize) -> (Vec<u8>, bool) {
        let mut d = Chunked::default();
        let mut out = Vec::new();
        let mut more = true;
        for piece in input.chunks(split.max(1)) {
            more = d.feed(piece, &mut out);
        }
        (out, more)
    }

    #[test]
    fn chunked_any_split() {
        let body = b"7\r\nevent: \r\n18;ext=1\r\nitem\ndata: {\"a\":1}\n\n: x\n\r\n0\r\n\r\n";
        for split in 1..body.len() {
            let (out, more) = decode_all(body, split);
            assert_eq!(
                out, b"event: item\ndata: {\"a\":1}\n\n: x\n",
                "split {split}"
            );
            assert!(!more);
        }
        let (out, more) = decode_all(b"A\r\n0123456789\r\n", 3);
        assert_eq!(out, b"0123456789");
        assert!(more);
    }

    fn events(input: &[u8], split: usize) -> Vec<(String, String)> {
        let mut p = SseParser::new(1 << 16);
        let mut got = Vec::new();
        for piece in input.chunks(split.max(1)) {
            p.feed(piece, |e, d| got.push((e.to_string(), d.to_string())));
        }
        got
    }

    #[test]
    fn sse_events_any_split() {
        let stream = b"event: hello\nid: 5\ndata: {\"v\":1}\n\n: keep-alive\n\n\
            event: item\r\ndata: {\"headline\":\"bench 1 2\"}\r\n\r\n\
            data: a\ndata:b\n\nevent: remove\ndata: {\"key\":\"a4\"}\n\n";
        for split in 1..stream.len() {
            assert_eq!(
                events(stream, split),
                vec![
                    ("hello".to_string(), "{\"v\":1}".to_string()),
                    (
                        "item".to_string(),
                        "{\"headline\":\"bench 1 2\"}".to_string()
                    ),
                    ("message".to_string(), "a\nb".to_string()),
                    ("remove".to_string(), "{\"key\":\"a4\"}".to_string()),
                ],
                "split {split}"
            );
        }
    }

    #[test]
    fn sse_through_chunks() {
        // A chunk boundary in the middle of a line.
        let raw = b"5\r\nevent\r\n9\r\n: hello\nd\r\n9\r\nata: {}\n\n\r\n";
        let mut d = Chunked::default();
        let mut body = Vec::new();
        d.feed(raw, &mut body);
        assert_eq!(
            events(&body, 4),
            vec![("hello".to_string(), "{}".to_string())]
        );
    }

    #[test]
    fn long_lines_are_cut() {
        let mut p = SseParser::new(16);
        let mut got = Vec::new();
        p.feed(
            b"event: reset\ndata: 0123456789012345678901234567890\n\n",
            |e, d| got.push((e.to_string(), d.to_string())),
        );
        assert_eq!(got, vec![("reset".to_string(), "0123456789".to_string())]);
    }

    #[test]
    fn heads_and_bases() -> Result<()> {
        let h = parse_head(
            b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nTransfer-Encoding: chunked",
        )?;
        assert_eq!(h.status, 200);
        assert!(h.chunked);
        let h = parse_head(b"HTTP/1.1 429 Too Many Requests\r\ncontent-length: 0")?;
        assert_eq!(h.status, 429);
        assert!(!h.chunked);
        assert!(parse_head(b"SSH-2.0").is_err());
        assert_eq!(parse_base("http://127.0.0.1:8080")?, "127.0.0.1:8080");
        assert_eq!(parse_base("http://localhost/")?, "localhost:80");
        assert!(parse_base("https://x").is_err());
        Ok(())
    }
}
