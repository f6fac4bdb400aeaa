//! The issue's crash test: `kill -9` the server in the middle of a 5,000-recipient send,
//! start it again on the same data, and every recipient has exactly one copy. The real
//! binary, a real SQLite file and a real SMTP server (aiosmtpd).
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test: a panic is a failing test with its cause"
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use newsdesk_core::{Direction, Edition};
use newsdesk_mail::testing::SmtpServer;
use newsdesk_store::Store;
use newsdesk_store::newsletters::NewIssue;

const RECIPIENTS: usize = 5_000;
/// Killed once the store records this many sent: well inside the send.
const KILL_AFTER_SENT: i64 = 1_500;
/// After the kill the job stays leased until its lease ends (a minute), and claims not
/// handed over wait for the stale-claim delay (a minute); then the rest is sent at about
/// one durable write per message: a generous ceiling over all of it on a busy machine.
const SETTLE_WITHIN: Duration = Duration::from_secs(6 * 60);

fn address(n: usize) -> String {
    format!("reader{n:04}@example.com")
}

/// A `newsdesk serve` process, killed (SIGKILL) when dropped so a failing test leaves
/// nothing running.
struct Server {
    child: Child,
    log: PathBuf,
}

impl Server {
    fn start(data: &Path, smtp_url: &str, log: PathBuf) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
        for (k, _) in std::env::vars() {
            if k.starts_with("NEWSDESK_") {
                cmd.env_remove(k);
            }
        }
        let child = cmd
            .arg("serve")
            .arg("--data")
            .arg(data)
            .args(["--listen", "127.0.0.1:0"])
            .args(["--smtp-url", smtp_url])
            .args(["--newsletter-rate", "400"])
            .env("NEWSDESK_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("cannot start newsdesk serve");
        Server { child, log }
    }

    /// Panics with the server's log when it exited on its own.
    fn assert_running(&mut self) {
        if let Some(status) = self.child.try_wait().unwrap() {
            panic!(
                "newsdesk serve exited ({status}):\n{}",
                std::fs::read_to_string(&self.log).unwrap_or_default()
            );
        }
    }

    /// `kill -9`: no shutdown code runs.
    fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Five thousand confirmed subscribers of `digest` and one issue to them; the issue's id.
async fn prepare(db: &Path) -> i64 {
    let store = Store::open_sqlite(db).await.unwrap();
    store.migrate().await.unwrap();
    store
        .upsert_edition(&Edition {
            code: "en".into(),
            name: "English".into(),
            direction: Direction::Ltr,
            time_zone: "Europe/London".into(),
            is_default: true,
        })
        .await
        .unwrap();
    let started = Instant::now();
    let lists = ["digest".to_owned()];
    for n in 0..RECIPIENTS {
        let s = store
            .sign_up("en", &address(n), &lists, None)
            .await
            .unwrap();
        store.confirm_subscriber(s.id).await.unwrap();
    }
    eprintln!(
        "{RECIPIENTS} confirmed subscribers made in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let issue = store
        .create_issue(&NewIssue {
            edition: "en".into(),
            list: "digest".into(),
            kind: "digest".into(),
            dedupe_key: "digest:en:crash-test".into(),
            subject: "The crash-test digest".into(),
            html: "<p>Today's news.</p><p><a href=\"{{UNSUBSCRIBE_URL}}\">Unsubscribe</a></p>"
                .into(),
            text: "Today's news.\n\nUnsubscribe: {{UNSUBSCRIBE_URL}}\n".into(),
            created_by: None,
        })
        .await
        .unwrap()
        .expect("a new issue");
    assert_eq!(issue.recipients, RECIPIENTS as i64);
    store.close().await;
    issue.id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_send_killed_midway_and_restarted_reaches_every_recipient_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("newsdesk.db");
    let issue_id = prepare(&db).await;
    let Some(smtp) = SmtpServer::start("newsletter_crash").await else {
        return;
    };
    // The test reads the same SQLite file the server writes (WAL: readers do not block it).
    let store = Store::open_sqlite(&db).await.unwrap();

    let began = Instant::now();
    let mut first = Server::start(dir.path(), &smtp.url(), dir.path().join("first.log"));
    loop {
        first.assert_running();
        let counts = store.delivery_counts(issue_id).await.unwrap();
        if counts.sent >= KILL_AFTER_SENT {
            break;
        }
        assert!(
            began.elapsed() < Duration::from_secs(120),
            "the send did not reach {KILL_AFTER_SENT} in 2 minutes: {counts:?}\n{}",
            std::fs::read_to_string(dir.path().join("first.log")).unwrap_or_default()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    first.kill();
    let killed_at = Instant::now();
    let at_kill = store.delivery_counts(issue_id).await.unwrap();
    let received_at_kill = smtp.received().len();
    eprintln!(
        "killed {:.1} s after start: store {at_kill:?}, aiosmtpd has {received_at_kill}",
        killed_at.duration_since(began).as_secs_f64()
    );
    assert!(
        (1_000..=3_000).contains(&received_at_kill),
        "the kill should land in the middle of the send; aiosmtpd had {received_at_kill}"
    );

    let mut second = Server::start(dir.path(), &smtp.url(), dir.path().join("second.log"));
    let mut resumed_after = None;
    let mut last_report = Instant::now();
    let settled = loop {
        second.assert_running();
        let counts = store.delivery_counts(issue_id).await.unwrap();
        if resumed_after.is_none() && counts.sent > at_kill.sent {
            let after = killed_at.elapsed();
            eprintln!(
                "sending resumed {:.1} s after the kill",
                after.as_secs_f64()
            );
            resumed_after = Some(after);
        }
        if counts.queued == 0 && counts.sending == 0 {
            break counts;
        }
        if last_report.elapsed() > Duration::from_secs(15) {
            eprintln!(
                "{:.0} s after the kill: {counts:?}",
                killed_at.elapsed().as_secs_f64()
            );
            last_report = Instant::now();
        }
        assert!(
            killed_at.elapsed() < SETTLE_WITHIN,
            "not settled {} s after the kill: {counts:?}\n{}",
            SETTLE_WITHIN.as_secs(),
            std::fs::read_to_string(dir.path().join("second.log")).unwrap_or_default()
        );
        tokio::time::sleep(Duration::from_secs(1)).await;
    };
    eprintln!(
        "settled {:.1} s after the kill ({:.1} s in all): {settled:?}",
        killed_at.elapsed().as_secs_f64(),
        began.elapsed().as_secs_f64()
    );
    second.kill();

    // The last message's final dot may still be on its way into the Maildir.
    let received = smtp.wait_for(RECIPIENTS, Duration::from_secs(30)).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let received = if received.len() >= RECIPIENTS {
        smtp.received()
    } else {
        received
    };
    let prefix = format!("<newsletter-{issue_id}-");
    let mut copies: BTreeMap<String, usize> = BTreeMap::new();
    for message in &received {
        if !message
            .header("Message-ID")
            .is_some_and(|id| id.starts_with(&prefix))
        {
            continue;
        }
        for rcpt in message.header("X-RcptTo").unwrap_or_default().split(',') {
            *copies.entry(rcpt.trim().to_lowercase()).or_default() += 1;
        }
    }
    let duplicated: Vec<String> = copies
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(a, n)| format!("{a} ×{n}"))
        .collect();
    let missing: Vec<String> = (0..RECIPIENTS)
        .map(address)
        .filter(|a| !copies.contains_key(a))
        .collect();
    let strangers: Vec<&String> = copies
        .keys()
        .filter(|a| {
            a.strip_prefix("reader")
                .and_then(|rest| rest.strip_suffix("@example.com"))
                .and_then(|n| n.parse::<usize>().ok())
                .is_none_or(|n| n >= RECIPIENTS || address(n) != **a)
        })
        .collect();
    assert!(
        duplicated.is_empty() && missing.is_empty() && strangers.is_empty(),
        "{} messages of the issue received; {} addresses got more than one: {:?}; \
         {} got none: {:?}; unexpected recipients: {:?}",
        received.len(),
        duplicated.len(),
        duplicated,
        missing.len(),
        missing,
        strangers
    );
    assert_eq!(
        (settled.sent, settled.failed, settled.skipped),
        (RECIPIENTS as i64, 0, 0),
        "the store's account of the send: {settled:?}"
    );
    eprintln!(
        "every one of {RECIPIENTS} recipients got exactly one copy; resumed {:?} after the kill",
        resumed_after
    );
}
