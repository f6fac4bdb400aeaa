//! The `send_email` job against a real SMTP server process (Python aiosmtpd, see
//! `newsdesk_mail::testing`): queued while the server is down, retried, kept across a
//! restart of the instance, delivered once the server is up. On SQLite, and on PostgreSQL
//! when `NEWSDESK_TEST_DATABASE_URL` is set (required under `CI=true`).

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::str::FromStr;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use newsdesk_app::jobs::mail::SendEmail;
use newsdesk_app::jobs::{Job, JobError, Registry};
use newsdesk_app::mail::{Email, MailConfig};
use newsdesk_app::{App, AppConfig, Error};
use newsdesk_bus::Bus;
use newsdesk_mail::testing::{SmtpServer, aiosmtpd_available, free_port, in_ci};
use newsdesk_media::MediaStore;
use newsdesk_store::{JobFilter, Store};
use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection};
use tempfile::TempDir;

const PG_URL_VAR: &str = "NEWSDESK_TEST_DATABASE_URL";

/// Where one backend's database lives; `open` gives a fresh `Store` on it each time, as a
/// restarted instance would.
#[allow(clippy::large_enum_variant, reason = "a test's handful of values")]
enum Db {
    Sqlite(TempDir),
    Pg {
        options: PgConnectOptions,
        admin: PgConnection,
        schema: String,
    },
}

static SCHEMAS: AtomicU32 = AtomicU32::new(0);

impl Db {
    fn label(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "SQLite",
            Db::Pg { .. } => "PostgreSQL",
        }
    }

    async fn open(&self) -> Store {
        let store = match self {
            Db::Sqlite(dir) => Store::open_sqlite(&dir.path().join("mail.db"))
                .await
                .unwrap(),
            Db::Pg { options, .. } => Store::open_postgres(options.clone()).await.unwrap(),
        };
        store.migrate().await.unwrap();
        store
    }

    async fn app(&self, smtp_url: Option<String>) -> App {
        let dir = tempfile::tempdir().unwrap();
        let mut config = AppConfig::for_tests(dir.path().to_path_buf());
        config.mail = MailConfig {
            smtp_url,
            from: "The Example Times <news@example.com>".into(),
            ..MailConfig::log_only()
        };
        App::new(
            self.open().await,
            Bus::in_process(),
            MediaStore::memory(),
            config,
        )
    }

    async fn drop(self) {
        if let Db::Pg {
            mut admin, schema, ..
        } = self
        {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP SCHEMA \"{schema}\" CASCADE"
            )))
            .execute(&mut admin)
            .await
            .unwrap();
        }
    }
}

/// SQLite, and PostgreSQL when it is configured (a fresh schema per call).
async fn backends(test: &str) -> Vec<Db> {
    let mut out = vec![Db::Sqlite(tempfile::tempdir().unwrap())];
    let url = match std::env::var(PG_URL_VAR) {
        Ok(url) if !url.is_empty() => url,
        _ => {
            assert!(!in_ci(), "CI=true but {PG_URL_VAR} is not set");
            eprintln!("{test}: PostgreSQL half skipped ({PG_URL_VAR} is not set)");
            return out;
        }
    };
    let schema = format!(
        "mail_{}_{}",
        std::process::id(),
        SCHEMAS.fetch_add(1, Ordering::Relaxed)
    );
    let mut admin = PgConnection::connect(&url).await.unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA \"{schema}\"")))
        .execute(&mut admin)
        .await
        .unwrap();
    let options = PgConnectOptions::from_str(&url)
        .unwrap()
        .options([("search_path", &schema)]);
    out.push(Db::Pg {
        options,
        admin,
        schema,
    });
    out
}

/// False (after a notice) when the test should return early: aiosmtpd is missing outside
/// CI. Under `CI=true` a missing aiosmtpd panics.
fn smtp_server_available(test: &str) -> bool {
    if aiosmtpd_available() {
        return true;
    }
    assert!(
        !in_ci(),
        "{test}: CI=true but Python's aiosmtpd is not installed (python3 -m pip install aiosmtpd)"
    );
    eprintln!(
        "{test}: skipped, Python's aiosmtpd is not installed (python3 -m pip install aiosmtpd)"
    );
    false
}

fn welcome() -> Email {
    Email {
        to: "قارئ <reader@example.org>".into(),
        subject: "مرحباً بك في صحيفة المثال".into(),
        text: "شكراً لتسجيلك.".into(),
        html: "<p dir=\"rtl\">شكراً لتسجيلك.</p>".into(),
        headers: vec![("Content-Language".into(), "ar".into())],
    }
}

fn registry() -> Registry {
    Registry::new().job::<SendEmail>()
}

#[tokio::test]
async fn a_message_queued_while_smtp_is_down_is_retried_and_delivered_after_a_restart() {
    let test = "a_message_queued_while_smtp_is_down";
    if !smtp_server_available(test) {
        return;
    }
    for db in backends(test).await {
        let label = db.label();
        let port = free_port();
        let url = format!("smtp://127.0.0.1:{port}");
        let app = db.app(Some(url.clone())).await;
        assert!(app.mailer().is_smtp());

        let id = newsdesk_app::mail::send(&app, welcome()).await.unwrap();
        let queued = app.store().get_job(id).await.unwrap();
        assert_eq!(queued.kind, SendEmail::NAME);
        let job: SendEmail = serde_json::from_value(queued.payload.clone()).unwrap();
        let message_id = job
            .email
            .headers
            .iter()
            .find(|(n, _)| n == "Message-ID")
            .map(|(_, v)| v.clone())
            .expect("send adds a Message-ID");

        // Nothing listens on the port: the run asks to be retried...
        let outcome = job.clone().run(&app).await;
        assert!(
            matches!(outcome, Err(JobError::Retry(_))),
            "{label}: {outcome:?}"
        );
        // ...and the worker records it so: one attempt, the error, a later run_at.
        assert_eq!(registry().run_pending(&app).await.unwrap(), 1, "{label}");
        let failed = app.store().get_job(id).await.unwrap();
        assert_eq!(failed.attempts, 1, "{label}");
        assert!(
            failed.failed_at.is_none(),
            "{label}: given up on a refused connection"
        );
        assert!(failed.last_error.is_some(), "{label}");
        assert!(failed.run_at > chrono::Utc::now(), "{label}: no backoff");
        assert_eq!(
            registry().run_pending(&app).await.unwrap(),
            0,
            "{label}: retried before its backoff ended"
        );

        // The instance restarts; the job is still queued in the database.
        drop(app);
        let app = db.app(Some(url)).await;
        let server = SmtpServer::start_on(test, port, &[]).await.unwrap();
        // Skip the rest of the backoff, as an operator's "retry now" does.
        app.store().retry_job(id).await.unwrap();
        assert_eq!(registry().run_pending(&app).await.unwrap(), 1, "{label}");
        assert!(
            app.store().get_job(id).await.is_err(),
            "{label}: a sent message leaves the queue"
        );

        let got = server.wait_for(1, Duration::from_secs(10)).await;
        assert_eq!(got.len(), 1, "{label}: {}", server.log_text());
        let m = &got[0];
        assert_eq!(
            m.header("Subject"),
            Some("مرحباً بك في صحيفة المثال"),
            "{label}"
        );
        assert_eq!(m.header("To"), Some("قارئ <reader@example.org>"), "{label}");
        assert_eq!(
            m.header("From"),
            Some("The Example Times <news@example.com>"),
            "{label}"
        );
        assert_eq!(m.header("Content-Language"), Some("ar"), "{label}");
        assert_eq!(
            m.header("Message-ID"),
            Some(message_id.as_str()),
            "{label}: the id given at queueing"
        );
        assert_eq!(
            m.part("text/plain").map(str::trim_end),
            Some("شكراً لتسجيلك."),
            "{label}"
        );
        assert_eq!(
            m.part("text/html").map(str::trim_end),
            Some("<p dir=\"rtl\">شكراً لتسجيلك.</p>"),
            "{label}"
        );
        drop(server);
        drop(app);
        db.drop().await;
    }
}

#[tokio::test]
async fn a_message_the_server_refuses_for_good_is_kept_for_review_without_retries() {
    let test = "a_message_the_server_refuses_for_good";
    if !smtp_server_available(test) {
        return;
    }
    for db in backends(test).await {
        let label = db.label();
        // A 200-byte size limit: the server answers 552 to this message.
        let server = SmtpServer::start_on(test, free_port(), &["-s", "200"])
            .await
            .unwrap();
        let app = db.app(Some(server.url())).await;
        let mut email = welcome();
        email.text = "نص طويل ".repeat(200);
        let id = newsdesk_app::mail::send(&app, email).await.unwrap();
        assert_eq!(registry().run_pending(&app).await.unwrap(), 1, "{label}");
        let failed = app.store().list_jobs(JobFilter::Failed, 10).await.unwrap();
        assert_eq!(failed.len(), 1, "{label}");
        assert_eq!(failed[0].id, id, "{label}");
        assert_eq!(failed[0].attempts, 1, "{label}: retried a 5xx");
        let error = failed[0].last_error.clone().unwrap_or_default();
        assert!(error.contains("552"), "{label}: {error}");
        assert!(server.received().is_empty(), "{label}");
        drop(app);
        db.drop().await;
    }
}

#[tokio::test]
async fn an_invalid_recipient_is_refused_when_queueing() {
    for db in backends("an_invalid_recipient_is_refused_when_queueing").await {
        let app = db.app(None).await;
        let mut email = welcome();
        email.to = "not an address".into();
        let err = newsdesk_app::mail::send(&app, email).await.unwrap_err();
        assert!(
            matches!(err, Error::BadRequest(_)),
            "{}: {err:?}",
            db.label()
        );
        assert!(
            app.store()
                .list_jobs(JobFilter::All, 10)
                .await
                .unwrap()
                .is_empty(),
            "{}: queued anyway",
            db.label()
        );
        drop(app);
        db.drop().await;
    }
}

#[tokio::test]
async fn without_smtp_the_job_writes_the_message_to_the_log_and_completes() {
    for db in backends("without_smtp_the_job_writes_the_message_to_the_log").await {
        let app = db.app(None).await;
        assert!(!app.mailer().is_smtp());
        let id = newsdesk_app::mail::send(&app, welcome()).await.unwrap();
        assert_eq!(registry().run_pending(&app).await.unwrap(), 1);
        assert!(app.store().get_job(id).await.is_err(), "{}", db.label());
        drop(app);
        db.drop().await;
    }
}

#[test]
fn the_config_debug_never_shows_the_smtp_password() {
    let mut config = AppConfig::for_tests(std::path::PathBuf::from("data"));
    assert_eq!(config.mail.smtp_url, None);
    config.mail.smtp_url = Some("smtp://user:hunter2@mail.example.com:587?tls=required".into());
    let shown = format!("{config:?}");
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(shown.contains("mail.example.com"), "{shown}");
}
