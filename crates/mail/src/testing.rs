//! A real SMTP server for integration tests (feature `testing`): Python's `aiosmtpd`
//! (`python3 -m pip install aiosmtpd`; `.ci/run` installs the pinned version) storing what
//! it receives in a Maildir, read back with Python's own `email` parser, so a test checks
//! what a real client of the mail would decode, not what our encoder meant.
//!
//! The server's handler is aiosmtpd's Maildir one plus refusals chosen by the recipient's
//! local part, for tests of refused mail (see [`HANDLER`]): `refuse-rcpt…@` is answered
//! `550 5.1.1` at `RCPT TO`, `defer-rcpt…@` `450 4.2.1`; `refuse-data…@` is answered
//! `554 5.7.1` after the message's final dot, `defer-data…@` `451 4.3.0`; a message to
//! `vanish-data…@` is stored and then the connection is dropped before any answer (the
//! client cannot know whether it was delivered). Every other address is delivered.
//!
//! When aiosmtpd is not installed, [`SmtpServer::start`] prints a notice and returns
//! `None` (the test then returns early), except under `CI=true`, where it panics: in CI a
//! skipped mail test is a failure.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test support")]

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde::Deserialize;

/// One message as the server stored it, decoded by Python's `email` package.
#[derive(Debug, Clone, Deserialize)]
pub struct Received {
    /// Every header, decoded (RFC 2047 words turned back into text), in order. aiosmtpd
    /// adds `X-Peer`, `X-MailFrom` (the envelope sender) and `X-RcptTo` (the recipients).
    pub headers: Vec<(String, String)>,
    /// `multipart/alternative` for our messages.
    pub content_type: String,
    /// The leaf parts in order: (content type, charset, decoded body).
    pub parts: Vec<(String, Option<String>, String)>,
    /// The message exactly as it arrived.
    pub raw: String,
}

impl Received {
    /// The first header of that name (case-insensitive), decoded.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body of the first part of that content type.
    pub fn part(&self, content_type: &str) -> Option<&str> {
        self.parts
            .iter()
            .find(|(t, _, _)| t == content_type)
            .map(|(_, _, body)| body.as_str())
    }
}

/// A running `python3 -m aiosmtpd` on 127.0.0.1, killed when dropped.
pub struct SmtpServer {
    child: Child,
    port: u16,
    maildir: PathBuf,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

/// True when `CI=true`: a missing aiosmtpd is then a failure, not a skip.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Whether `python3 -c "import aiosmtpd"` works.
pub fn aiosmtpd_available() -> bool {
    Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A port nothing listens on right now (bound, read, released).
pub fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free port")
}

impl SmtpServer {
    /// Starts a server on a free port. `None` when aiosmtpd is missing (outside CI).
    pub async fn start(test: &str) -> Option<SmtpServer> {
        Self::start_on(test, free_port(), &[]).await
    }

    /// Starts a server on `port`, with extra `aiosmtpd` arguments (e.g. `["-s", "200"]`,
    /// a size limit), and waits until it accepts connections.
    pub async fn start_on(test: &str, port: u16, args: &[&str]) -> Option<SmtpServer> {
        if !aiosmtpd_available() {
            assert!(
                !in_ci(),
                "{test}: CI=true but Python's aiosmtpd is not installed \
                 (python3 -m pip install aiosmtpd; .ci/run does)"
            );
            eprintln!(
                "{test}: skipped, Python's aiosmtpd is not installed \
                 (python3 -m pip install aiosmtpd); under CI=true this is a failure"
            );
            return None;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let maildir = dir.path().join("maildir");
        let log = dir.path().join("aiosmtpd.log");
        std::fs::write(dir.path().join("newsdesk_test_smtp.py"), HANDLER).expect("handler");
        let python_path = match std::env::var_os("PYTHONPATH") {
            Some(old) if !old.is_empty() => {
                let mut paths = vec![dir.path().to_path_buf()];
                paths.extend(std::env::split_paths(&old));
                std::env::join_paths(paths).expect("PYTHONPATH")
            }
            _ => dir.path().as_os_str().to_owned(),
        };
        let child = Command::new("python3")
            .env("PYTHONPATH", python_path)
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(args)
            .args(["-c", "newsdesk_test_smtp.Handler"])
            .arg(&maildir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log file"))
            .spawn()
            .expect("cannot start python3 -m aiosmtpd");
        let mut server = SmtpServer {
            child,
            port,
            maildir,
            log,
            _dir: dir,
        };
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let started = Instant::now();
        loop {
            if tokio::net::TcpStream::connect(addr).await.is_ok() {
                return Some(server);
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!(
                    "aiosmtpd exited ({status}) before listening on {port}:\n{}",
                    server.log_text()
                );
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "aiosmtpd did not listen on {port} within 20 s:\n{}",
                server.log_text()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `smtp://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// What the server wrote to stderr so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Every message received so far, oldest first.
    pub fn received(&self) -> Vec<Received> {
        let new = self.maildir.join("new");
        if !new.exists() {
            return Vec::new();
        }
        let out = Command::new("python3")
            .args(["-c", READ_MAILDIR])
            .arg(&new)
            .output()
            .expect("python3");
        assert!(
            out.status.success(),
            "reading the Maildir failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("the Maildir reader's JSON")
    }

    /// Waits up to `within` until at least `count` messages arrived; returns them all.
    pub async fn wait_for(&self, count: usize, within: Duration) -> Vec<Received> {
        let started = Instant::now();
        loop {
            let got = self.received();
            if got.len() >= count || started.elapsed() > within {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// aiosmtpd's Maildir handler with refusals chosen by the recipient's local part (see the
/// module documentation).
pub const HANDLER: &str = r#"
from aiosmtpd.handlers import Mailbox


def _locals(addresses):
    return [a.split("@", 1)[0].lower() for a in addresses]


class Handler(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = _locals([address])[0]
        if local.startswith("refuse-rcpt"):
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        if local.startswith("defer-rcpt"):
            return "450 4.2.1 <%s>: Mailbox temporarily unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        locals_ = _locals(envelope.rcpt_tos)
        if any(l.startswith("refuse-data") for l in locals_):
            return "554 5.7.1 Message content rejected"
        if any(l.startswith("defer-data") for l in locals_):
            return "451 4.3.0 Try again later"
        answer = await super().handle_DATA(server, session, envelope)
        if any(l.startswith("vanish-data") for l in locals_):
            server.transport.abort()
        return answer
"#;

/// Prints the messages in the Maildir folder `argv[1]` as JSON, oldest first.
const READ_MAILDIR: &str = r#"
import json, os, sys
from email import policy
from email.parser import BytesParser

folder = sys.argv[1]
names = sorted(os.listdir(folder), key=lambda n: (os.stat(os.path.join(folder, n)).st_mtime_ns, n))
out = []
for name in names:
    with open(os.path.join(folder, name), "rb") as f:
        raw = f.read()
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    parts = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        parts.append([part.get_content_type(), part.get_content_charset(), part.get_content()])
    out.append({
        "headers": [[k, str(v)] for k, v in msg.items()],
        "content_type": msg.get_content_type(),
        "parts": parts,
        "raw": raw.decode("utf-8", "replace"),
    })
json.dump(out, sys.stdout)
"#;
