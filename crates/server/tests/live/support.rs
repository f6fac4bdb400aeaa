//! Real instances for the live tests: each one a store, a bus, the background work and the
//! router served by `newsdesk_server::serve` on a loopback port, exactly as `serve` runs
//! them; plus the clients a reader's browser would be: plain HTTP, an `EventSource`-like
//! reader of the newsfeed stream over a raw TCP connection, and a WebSocket in a room.

use std::collections::VecDeque;
use std::io;
use std::net::SocketAddr;
use std::str::FromStr;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use chrono::Utc;
use futures::{SinkExt, StreamExt};
use newsdesk_app::Actor;
use newsdesk_auth::SessionKind;
use newsdesk_bus::{Bus, BusConfig};
use newsdesk_core::{Account, Article, ArticleDraft, Direction, Edition, Role};
use newsdesk_media::MediaStore;
use newsdesk_server::{Background, ConnectionLimits};
use newsdesk_site::{AppConfig, AppState};
use newsdesk_store::{NewAuthor, NewSection, Store};
use serde_json::Value;
use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection};
use tempfile::TempDir;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tokio::time::Instant;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::{self, Message};

pub const PG_URL_VAR: &str = "NEWSDESK_TEST_DATABASE_URL";
pub const NATS_URL_VAR: &str = "NEWSDESK_TEST_NATS_URL";
/// The subprotocol the chat speaks.
pub const SUBPROTOCOL: &str = "newsdesk.chat.v1";
/// How long a test waits for something that should come at once.
pub const PROMPT: Duration = Duration::from_secs(5);

/// The URL in `var`, or `None` (with a note) when it is not set; under `CI=true` a missing
/// server is a failure, not a skip.
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

static UNIQUE: AtomicU32 = AtomicU32::new(0);

/// A name no other test of any run at the same time uses (schemas, bus namespaces).
pub fn unique(prefix: &str) -> String {
    format!(
        "{prefix}_{}_{}_{}",
        std::process::id(),
        Utc::now().timestamp_subsec_micros(),
        UNIQUE.fetch_add(1, Ordering::Relaxed)
    )
}

/// A fresh schema on the test PostgreSQL server; [`PgSchema::drop`] removes it.
pub struct PgSchema {
    pub url: String,
    pub name: String,
    admin: PgConnection,
}

impl PgSchema {
    pub async fn create(url: &str) -> Self {
        let name = unique("live_cluster");
        let mut admin = PgConnection::connect(url).await.unwrap();
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA \"{name}\"")))
            .execute(&mut admin)
            .await
            .unwrap();
        PgSchema {
            url: url.to_owned(),
            name,
            admin,
        }
    }

    /// A store of its own (its own pool) on this schema, as each instance has.
    pub async fn store(&self) -> Store {
        let options = PgConnectOptions::from_str(&self.url)
            .unwrap()
            .options([("search_path", &self.name)]);
        Store::open_postgres(options).await.unwrap()
    }

    pub async fn drop(mut self) {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP SCHEMA \"{}\" CASCADE",
            self.name
        )))
        .execute(&mut self.admin)
        .await
        .unwrap();
    }
}

/// A bus reaching every instance given the same `namespace`, on `url` (NATS or PostgreSQL).
pub async fn cluster_bus(url: &str, namespace: &str) -> Bus {
    let config = BusConfig::from_url(url)
        .unwrap()
        .with_namespace(namespace)
        .unwrap();
    Bus::connect(&config).await.unwrap()
}

/// One running instance.
pub struct Instance {
    pub state: AppState,
    pub addr: SocketAddr,
    background: Option<Background>,
    stop: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<io::Result<()>>>,
    _dir: TempDir,
}

impl Instance {
    /// An instance on a new SQLite database, with the in-process bus.
    pub async fn sqlite(configure: impl FnOnce(&mut AppConfig)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_sqlite(&dir.path().join("newsdesk.db"))
            .await
            .unwrap();
        store.migrate().await.unwrap();
        Self::start(store, Bus::in_process(), dir, configure).await
    }

    /// Serves `store` and `bus` on a loopback port of its own, with the background work.
    pub async fn start(
        store: Store,
        bus: Bus,
        dir: TempDir,
        configure: impl FnOnce(&mut AppConfig),
    ) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut config = AppConfig::for_tests(dir.path().to_path_buf());
        config.base_url = format!("http://{addr}");
        configure(&mut config);
        let state = AppState::new(store, bus, MediaStore::memory(), config).unwrap();
        let background = newsdesk_server::start_background(&state);
        let router = newsdesk_server::router(state.clone());
        let (stop, stopped) = oneshot::channel::<()>();
        let server = tokio::spawn(newsdesk_server::serve(
            listener,
            router,
            ConnectionLimits::default(),
            async {
                let _ = stopped.await;
            },
        ));
        Instance {
            state,
            addr,
            background: Some(background),
            stop: Some(stop),
            server: Some(server),
            _dir: dir,
        }
    }

    pub fn store(&self) -> &Store {
        self.state.store()
    }

    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub async fn get(&self, path: &str) -> Reply {
        get(self.addr, path, &[]).await
    }

    /// Ends every live connection, the background work and the server, as `serve` does
    /// on shutdown, and closes the store.
    pub async fn stop(mut self) {
        self.state.live().close_all();
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            let _ = tokio::time::timeout(Duration::from_secs(5), server).await;
        }
        if let Some(background) = self.background.take() {
            background.shutdown(Duration::from_secs(5)).await;
        }
        self.state.store().close().await;
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.abort();
        }
    }
}

// ---------------------------------------------------------------------------------------
// What the newsroom holds.

/// The seeded newsroom: editions `en` and `ar`, a section, an author, a published article,
/// an editor, readers with live sessions and an Admin API token.
pub struct World {
    pub article: Article,
    /// The editor, as the newsroom's actions see them.
    pub editor: Actor,
    /// A confirmed reader ("Rita Reader") and the cookie of their session.
    pub reader: Account,
    pub reader_cookie: String,
    /// Another confirmed reader ("Omar Other").
    pub other: Account,
    pub other_cookie: String,
    /// A reader who never confirmed their address.
    pub unconfirmed_cookie: String,
    /// An editor-role Admin API token ("Live Desk").
    pub token: String,
}

fn edition(code: &str, name: &str, tz: &str, default: bool) -> Edition {
    Edition {
        code: code.into(),
        name: name.into(),
        direction: Direction::for_language(code),
        time_zone: tz.into(),
        is_default: default,
    }
}

/// A reader account, confirmed or not, and the `nd_reader` cookie of a new session.
pub async fn new_reader(
    store: &Store,
    email: &str,
    name: &str,
    confirmed: bool,
) -> (Account, String) {
    let mut account = store
        .create_account(email, name, Role::Reader, "not-a-hash")
        .await
        .unwrap();
    if confirmed {
        account = store.confirm_email(account.id).await.unwrap();
    }
    let token = newsdesk_auth::session::start(store, SessionKind::Reader, &account)
        .await
        .unwrap()
        .token;
    (account, format!("nd_reader={token}"))
}

impl World {
    pub async fn seed(state: &AppState) -> Self {
        let store = state.store();
        store
            .upsert_edition(&edition("en", "English", "Europe/London", true))
            .await
            .unwrap();
        store
            .upsert_edition(&edition("ar", "العربية", "Asia/Dubai", false))
            .await
            .unwrap();
        let section = store
            .create_section(&NewSection {
                edition: "en".into(),
                slug: "world".into(),
                name: "World".into(),
                position: 0,
            })
            .await
            .unwrap()
            .id;
        let author = store
            .create_author(&NewAuthor {
                slug: "jane-reporter".into(),
                name: "Jane Reporter".into(),
                ..NewAuthor::default()
            })
            .await
            .unwrap()
            .id;
        let (draft, _) = store
            .create_article(
                &ArticleDraft {
                    edition: "en".into(),
                    headline: "Parliament passes the budget".into(),
                    lead: "The vote ends months of negotiation.".into(),
                    body: "First paragraph of the story.\n\nSecond paragraph.".into(),
                    section_id: Some(section),
                    author_ids: vec![author],
                    in_newsfeed: true,
                    ..Default::default()
                },
                None,
            )
            .await
            .unwrap();
        let (article, event) = store
            .publish_article(draft.id, Utc::now() - chrono::Duration::hours(1), None)
            .await
            .unwrap();
        state.after_write(&event).await;

        let editor = store
            .create_account("editor@example.com", "Eddie Editor", Role::Editor, "x")
            .await
            .unwrap();
        let token =
            newsdesk_app::actions::tokens::issue(store, "Live Desk", Role::Editor, Some(editor.id))
                .await
                .unwrap()
                .secret;
        let (reader, reader_cookie) =
            new_reader(store, "rita@example.com", "Rita Reader", true).await;
        let (other, other_cookie) = new_reader(store, "omar@example.com", "Omar Other", true).await;
        let (_, unconfirmed_cookie) =
            new_reader(store, "una@example.com", "Una Unconfirmed", false).await;
        World {
            article,
            editor: Actor::from_account(&editor),
            reader,
            reader_cookie,
            other,
            other_cookie,
            unconfirmed_cookie,
            token,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Plain HTTP.

/// An answer read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map_or("", |(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The status line and headers of a response head (without the blank line).
fn parse_head(head: &str) -> (u16, Vec<(String, String)>) {
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP answer: {head:?}"));
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    (status, headers)
}

/// Takes every complete chunk of a chunked body off the front of `raw`; `true` once the
/// last (empty) chunk was read.
fn dechunk(raw: &mut Vec<u8>, out: &mut Vec<u8>) -> bool {
    loop {
        let Some(line_end) = find(raw, b"\r\n") else {
            return false;
        };
        let size_text = String::from_utf8_lossy(&raw[..line_end]).into_owned();
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .unwrap_or_else(|_| panic!("bad chunk size line {size_text:?}"));
        let start = line_end + 2;
        if raw.len() < start + size + 2 {
            return false;
        }
        out.extend_from_slice(&raw[start..start + size]);
        raw.drain(..start + size + 2);
        if size == 0 {
            return true;
        }
    }
}

/// `GET path` on a connection of its own, read until the server closes it.
pub async fn get(addr: SocketAddr, path: &str, headers: &[(&str, &str)]) -> Reply {
    request(addr, "GET", path, headers, "").await
}

/// `POST path` of a form (`application/x-www-form-urlencoded` `body`).
pub async fn post_form(
    addr: SocketAddr,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Reply {
    let mut all = vec![("Content-Type", "application/x-www-form-urlencoded")];
    all.extend_from_slice(headers);
    request(addr, "POST", path, &all, body).await
}

/// `method path` with `body`, on a connection of its own, read until the server closes it.
pub async fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Reply {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if method != "GET" {
        request.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    tokio::time::timeout(Duration::from_secs(15), stream.read_to_end(&mut raw))
        .await
        .unwrap_or_else(|_| panic!("GET {path}: no whole answer within 15 s"))
        .unwrap();
    let end = find(&raw, b"\r\n\r\n").unwrap_or_else(|| panic!("GET {path}: no head"));
    let (status, headers) = parse_head(&String::from_utf8_lossy(&raw[..end]));
    let mut body = raw[end + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.eq_ignore_ascii_case("chunked"));
    if chunked {
        let mut out = Vec::new();
        assert!(
            dechunk(&mut body, &mut out),
            "GET {path}: chunked body cut short"
        );
        body = out;
    }
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

// ---------------------------------------------------------------------------------------
// The newsfeed stream, read as EventSource reads it.

/// One Server-Sent Event.
#[derive(Debug, Clone)]
pub struct SseEvent {
    pub event: String,
    pub id: Option<String>,
    pub data: Value,
}

impl SseEvent {
    pub fn seq(&self) -> i64 {
        self.id
            .as_deref()
            .and_then(|id| id.parse().ok())
            .unwrap_or_else(|| panic!("event without a numeric id: {self:?}"))
    }
}

/// A live `GET /api/v1/live/{edition}` over one TCP connection.
pub struct Sse {
    stream: TcpStream,
    raw: Vec<u8>,
    chunked: bool,
    body: Vec<u8>,
    pub status: u16,
    pub headers: Vec<(String, String)>,
}

impl Sse {
    /// Sends the request and reads the answer's head.
    pub async fn open(addr: SocketAddr, path: &str, headers: &[(&str, &str)]) -> Sse {
        let mut stream = TcpStream::connect(addr).await.unwrap();
        let mut request = format!(
            "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n"
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut raw = Vec::new();
        let mut chunk = [0_u8; 8192];
        let deadline = Instant::now() + PROMPT;
        let end = loop {
            if let Some(end) = find(&raw, b"\r\n\r\n") {
                break end;
            }
            let n = tokio::time::timeout_at(deadline, stream.read(&mut chunk))
                .await
                .unwrap_or_else(|_| panic!("{path}: no answer head within {PROMPT:?}"))
                .unwrap();
            assert!(n > 0, "{path}: closed before the head");
            raw.extend_from_slice(&chunk[..n]);
        };
        let (status, headers) = parse_head(&String::from_utf8_lossy(&raw[..end]));
        raw.drain(..end + 4);
        let chunked = headers
            .iter()
            .any(|(n, v)| n == "transfer-encoding" && v.eq_ignore_ascii_case("chunked"));
        Sse {
            stream,
            raw,
            chunked,
            body: Vec::new(),
            status,
            headers,
        }
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map_or("", |(_, v)| v.as_str())
    }

    /// Moves what arrived into the decoded body; `false` once the body ended.
    fn decode(&mut self) -> bool {
        if self.chunked {
            !dechunk(&mut self.raw, &mut self.body)
        } else {
            self.body.append(&mut self.raw);
            true
        }
    }

    /// The whole (short) body of an answer that is not a stream: a 404 or a 429.
    pub async fn rest(mut self) -> Reply {
        let length: Option<usize> = self
            .headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .and_then(|(_, v)| v.parse().ok());
        let deadline = Instant::now() + PROMPT;
        let mut chunk = [0_u8; 8192];
        loop {
            let open = self.decode();
            if !open || length.is_some_and(|l| self.body.len() >= l) {
                break;
            }
            let n = tokio::time::timeout_at(deadline, self.stream.read(&mut chunk))
                .await
                .expect("the rest of the answer")
                .unwrap();
            if n == 0 {
                break;
            }
            self.raw.extend_from_slice(&chunk[..n]);
        }
        Reply {
            status: self.status,
            headers: self.headers,
            body: String::from_utf8_lossy(&self.body).into_owned(),
        }
    }

    /// The next event within `within` (comment lines skipped); `None` when none came.
    pub async fn next_within(&mut self, within: Duration) -> Option<SseEvent> {
        let deadline = Instant::now() + within;
        let mut chunk = [0_u8; 8192];
        loop {
            let open = self.decode();
            while let Some(end) = find(&self.body, b"\n\n") {
                let block = String::from_utf8_lossy(&self.body[..end]).into_owned();
                self.body.drain(..end + 2);
                if let Some(event) = parse_event(&block) {
                    return Some(event);
                }
            }
            assert!(open, "the stream ended");
            let n = match tokio::time::timeout_at(deadline, self.stream.read(&mut chunk)).await {
                Err(_) => return None,
                Ok(read) => read.unwrap(),
            };
            assert!(n > 0, "the server closed the stream");
            self.raw.extend_from_slice(&chunk[..n]);
        }
    }

    /// The next event, which must come within `within`.
    pub async fn next(&mut self, within: Duration) -> SseEvent {
        self.next_within(within)
            .await
            .unwrap_or_else(|| panic!("no event within {within:?}"))
    }

    /// Events up to and including the first of kind `event`, which must come within
    /// `within`.
    pub async fn until(&mut self, event: &str, within: Duration) -> Vec<SseEvent> {
        let deadline = Instant::now() + within;
        let mut seen = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let next = self
                .next_within(left)
                .await
                .unwrap_or_else(|| panic!("no `{event}` event within {within:?}; got {seen:?}"));
            let done = next.event == event;
            seen.push(next);
            if done {
                return seen;
            }
        }
    }
}

/// An event block; `None` for a block of comments only.
fn parse_event(block: &str) -> Option<SseEvent> {
    let mut event = String::from("message");
    let mut id = None;
    let mut data: Vec<&str> = Vec::new();
    let mut any = false;
    for line in block.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.starts_with(':') || line.is_empty() {
            continue;
        }
        let (field, value) = line.split_once(':').unwrap_or((line, ""));
        let value = value.strip_prefix(' ').unwrap_or(value);
        any = true;
        match field {
            "event" => event = value.to_owned(),
            "id" => id = Some(value.to_owned()),
            "data" => data.push(value),
            _ => {}
        }
    }
    if !any {
        return None;
    }
    let text = data.join("\n");
    let data = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("event `{event}` data is not JSON ({e}): {text}"));
    Some(SseEvent { event, id, data })
}

// ---------------------------------------------------------------------------------------
// A chat room's WebSocket.

/// Who opens a socket, and from which page.
#[derive(Debug, Clone, Default)]
pub struct Who {
    pub cookie: Option<String>,
    pub origin: Option<String>,
    pub bearer: Option<String>,
}

impl Who {
    pub fn anonymous() -> Self {
        Who::default()
    }

    pub fn cookie(cookie: &str) -> Self {
        Who {
            cookie: Some(cookie.to_owned()),
            ..Who::default()
        }
    }

    pub fn bearer(token: &str) -> Self {
        Who {
            bearer: Some(token.to_owned()),
            ..Who::default()
        }
    }

    pub fn on_page_of(mut self, origin: &str) -> Self {
        self.origin = Some(origin.to_owned());
        self
    }
}

/// One socket in one room, keeping every frame it sent and received (for the AsyncAPI
/// checks).
pub struct Chat {
    ws: WebSocketStream<TcpStream>,
    /// The subprotocol the server selected.
    pub protocol: Option<String>,
    pub welcome: Value,
    /// Every JSON frame received, the welcome first.
    pub received: Vec<Value>,
    /// Every JSON frame sent.
    pub sent: Vec<Value>,
    /// Frames received but not yet taken by [`Chat::next`].
    queue: VecDeque<Value>,
}

/// Why a socket ended.
#[derive(Debug)]
pub enum Ended {
    /// A close frame, with its code.
    Closed(Option<u16>),
    /// The connection ended without one (or with an error).
    Dropped(String),
}

impl Chat {
    /// Opens the room's socket offering the subprotocol, and reads the welcome.
    pub async fn open(inst: &Instance, room: i64, who: &Who, after: Option<i64>) -> Chat {
        Self::open_at(inst.addr, room, who, after).await
    }

    pub async fn open_at(addr: SocketAddr, room: i64, who: &Who, after: Option<i64>) -> Chat {
        let (ws, protocol) = connect(addr, room, who, after)
            .await
            .unwrap_or_else(|e| panic!("the socket of room {room} did not open: {e}"));
        let mut chat = Chat {
            ws,
            protocol,
            welcome: Value::Null,
            received: Vec::new(),
            sent: Vec::new(),
            queue: VecDeque::new(),
        };
        let welcome = chat.next().await;
        assert_eq!(welcome["type"], "welcome", "the first frame: {welcome}");
        chat.welcome = welcome;
        chat
    }

    /// Sends a frame as is (text, binary, anything).
    pub async fn raw(&mut self, message: Message) {
        self.ws.send(message).await.unwrap();
    }

    /// Sends one JSON frame.
    pub async fn send(&mut self, frame: Value) {
        self.sent.push(frame.clone());
        self.raw(Message::text(frame.to_string())).await;
    }

    /// Reads one frame from the socket within `within`: `Ok(None)` when none came.
    async fn read(&mut self, within: Duration) -> Result<Option<Value>, Ended> {
        let deadline = Instant::now() + within;
        loop {
            let next = match tokio::time::timeout_at(deadline, self.ws.next()).await {
                Err(_) => return Ok(None),
                Ok(next) => next,
            };
            match next {
                Some(Ok(Message::Text(text))) => {
                    let frame: Value = serde_json::from_str(text.as_str())
                        .unwrap_or_else(|e| panic!("a frame that is not JSON ({e}): {text}"));
                    assert!(frame["type"].is_string(), "a frame without a type: {frame}");
                    self.received.push(frame.clone());
                    return Ok(Some(frame));
                }
                Some(Ok(Message::Close(frame))) => {
                    return Err(Ended::Closed(frame.map(|f: CloseFrame| u16::from(f.code))));
                }
                Some(Ok(Message::Binary(_))) => panic!("the server sent a binary frame"),
                Some(Ok(_)) => {}
                Some(Err(err)) => return Err(Ended::Dropped(err.to_string())),
                None => return Err(Ended::Dropped("the stream ended".to_owned())),
            }
        }
    }

    /// The next frame within `within`, or `None`.
    pub async fn next_within(&mut self, within: Duration) -> Option<Value> {
        if let Some(frame) = self.queue.pop_front() {
            return Some(frame);
        }
        match self.read(within).await {
            Ok(frame) => frame,
            Err(ended) => panic!("the socket ended: {ended:?}"),
        }
    }

    /// The next frame; one must come promptly.
    pub async fn next(&mut self) -> Value {
        self.next_within(PROMPT)
            .await
            .unwrap_or_else(|| panic!("no frame within {PROMPT:?}"))
    }

    /// The next frame that is not a presence count, within `within`.
    pub async fn next_not_presence(&mut self, within: Duration) -> Option<Value> {
        let deadline = Instant::now() + within;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let frame = self.next_within(left).await?;
            if frame["type"] != "presence" {
                return Some(frame);
            }
        }
    }

    /// The next frame apart from presence counts (which come whenever the room's count
    /// changes): it must be of type `ty` and come promptly.
    pub async fn expect(&mut self, ty: &str) -> Value {
        self.expect_within(ty, PROMPT).await
    }

    pub async fn expect_within(&mut self, ty: &str, within: Duration) -> Value {
        let frame = self
            .next_not_presence(within)
            .await
            .unwrap_or_else(|| panic!("no `{ty}` frame within {within:?}"));
        assert_eq!(frame["type"], ty, "expected `{ty}`, got {frame}");
        frame
    }

    /// The first frame of type `ty` within `within`; frames before it are kept for later
    /// `next` calls.
    pub async fn find(&mut self, ty: &str, within: Duration) -> Option<Value> {
        self.find_where(within, |f| f["type"] == ty).await
    }

    /// The first frame `matches` accepts within `within`; frames before it are kept for
    /// later `next` calls.
    pub async fn find_where(
        &mut self,
        within: Duration,
        matches: impl Fn(&Value) -> bool,
    ) -> Option<Value> {
        if let Some(pos) = self.queue.iter().position(&matches) {
            return self.queue.remove(pos);
        }
        let deadline = Instant::now() + within;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.read(left).await {
                Ok(Some(frame)) if matches(&frame) => return Some(frame),
                Ok(Some(frame)) => self.queue.push_back(frame),
                Ok(None) => return None,
                Err(ended) => panic!("the socket ended: {ended:?}"),
            }
        }
    }

    /// Drops the frames received and not yet taken.
    pub fn drain(&mut self) {
        self.queue.clear();
    }

    /// Writes a line; the answer to it: the `ack` or the `error` carrying the same `ref`
    /// (what came before it is kept for later `next` calls).
    pub async fn say(&mut self, reference: &str, text: &str) -> Value {
        self.send(serde_json::json!({"type": "send", "ref": reference, "text": text}))
            .await;
        self.answer(reference).await
    }

    /// The answer to the send `reference`.
    pub async fn answer(&mut self, reference: &str) -> Value {
        self.find_where(PROMPT, |f| {
            (f["type"] == "ack" || f["type"] == "error") && f["ref"] == reference
        })
        .await
        .unwrap_or_else(|| panic!("no answer to the send {reference:?} within {PROMPT:?}"))
    }

    /// Writes a line that must be refused with `code`; the error frame.
    pub async fn refused(&mut self, reference: &str, text: &str, code: &str) -> Value {
        let answer = self.say(reference, text).await;
        assert_eq!(answer["type"], "error", "{text:?} was accepted: {answer}");
        assert_eq!(answer["code"], code, "{answer}");
        assert!(
            answer["message"].as_str().is_some_and(|m| !m.is_empty()),
            "an error says what happened: {answer}"
        );
        answer
    }

    /// Writes a line that must be stored; its id.
    pub async fn accepted(&mut self, reference: &str, text: &str) -> i64 {
        let answer = self.say(reference, text).await;
        assert_eq!(answer["type"], "ack", "{text:?} was refused: {answer}");
        answer["id"].as_i64().expect("the ack carries the id")
    }

    /// Waits for the socket to end; how it ended, or `None` when it was still open after
    /// `within`.
    pub async fn ended(&mut self, within: Duration) -> Option<Ended> {
        let deadline = Instant::now() + within;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.read(left).await {
                Ok(Some(_)) => {}
                Ok(None) => return None,
                Err(ended) => return Some(ended),
            }
        }
    }

    pub async fn close(mut self) {
        let _ = self.ws.close(None).await;
    }
}

/// The WebSocket handshake for the room's socket; the server's error when it refused.
pub async fn connect(
    addr: SocketAddr,
    room: i64,
    who: &Who,
    after: Option<i64>,
) -> Result<(WebSocketStream<TcpStream>, Option<String>), tungstenite::Error> {
    let query = after.map(|a| format!("?after={a}")).unwrap_or_default();
    let url = format!("ws://{addr}/api/v1/chat/rooms/{room}/socket{query}");
    let mut request = url.into_client_request()?;
    let headers = request.headers_mut();
    headers.insert(
        "sec-websocket-protocol",
        HeaderValue::from_static(SUBPROTOCOL),
    );
    if let Some(cookie) = &who.cookie {
        headers.insert("cookie", HeaderValue::from_str(cookie).unwrap());
    }
    if let Some(origin) = &who.origin {
        headers.insert("origin", HeaderValue::from_str(origin).unwrap());
    }
    if let Some(token) = &who.bearer {
        headers.insert(
            "authorization",
            HeaderValue::from_str(&format!("Bearer {token}")).unwrap(),
        );
    }
    let stream = TcpStream::connect(addr).await.unwrap();
    let (ws, response) = tokio_tungstenite::client_async(request, stream).await?;
    let protocol = response
        .headers()
        .get("sec-websocket-protocol")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    Ok((ws, protocol))
}

/// The article's room, as the page script finds it.
pub async fn article_room(inst: &Instance, article: i64) -> Value {
    let reply = inst
        .get(&format!("/api/v1/chat/articles/{article}/room"))
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

/// Polls `check` every 50 ms until it holds, for at most `within`.
pub async fn eventually<F, Fut>(within: Duration, what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + within;
    loop {
        if check().await {
            return;
        }
        assert!(Instant::now() < deadline, "{what}: not within {within:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
