//! The bulk session against a real SMTP server process (Python aiosmtpd, see
//! `newsdesk_mail::testing`, whose handler refuses chosen recipients at chosen stages):
//! where each failure falls relative to the caller's commit, and that the session goes on
//! after it.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use newsdesk_mail::testing::{SmtpServer, free_port};
use newsdesk_mail::{BulkError, BulkSession, Email, MailConfig, Mailer};

fn mailer(url: Option<String>) -> Mailer {
    Mailer::from_config(&MailConfig {
        smtp_url: url,
        from: "The Example Times <news@news.example.com>".into(),
        bounce_address: Some("bounces@news.example.com".into()),
        ..MailConfig::log_only()
    })
    .unwrap()
}

fn email(to: &str, n: usize) -> Email {
    Email {
        to: to.to_owned(),
        subject: format!("Digest №{n}"),
        // A line holding a lone dot must arrive as one (dot-stuffing).
        text: format!("Issue {n}.\n.\nThe end.\n"),
        html: format!("<p>Issue {n}.</p>"),
        headers: vec![(
            "List-Unsubscribe-Post".into(),
            "List-Unsubscribe=One-Click".into(),
        )],
    }
}

/// Sends `email`, counting calls of its commit in `commits`.
async fn send(
    session: &mut BulkSession,
    mailer: &Mailer,
    email: &Email,
    commits: &Arc<AtomicUsize>,
) -> Result<(), BulkError> {
    let token = format!("n1-{}", email.to.split('@').next().unwrap());
    let commits = Arc::clone(commits);
    session
        .send(
            email,
            mailer.return_path(&token).as_deref(),
            || async move {
                commits.fetch_add(1, Ordering::SeqCst);
                Ok::<(), String>(())
            },
        )
        .await
}

#[tokio::test]
async fn a_batch_over_one_connection_arrives_once_each_from_its_verp_return_path() {
    let Some(server) = SmtpServer::start("bulk_batch").await else {
        return;
    };
    let mailer = mailer(Some(server.url()));
    let mut session = mailer.bulk().await.unwrap();
    let commits = Arc::new(AtomicUsize::new(0));
    for n in 0..25 {
        let e = email(&format!("reader{n}@example.org"), n);
        send(&mut session, &mailer, &e, &commits).await.unwrap();
    }
    session.close().await;
    assert_eq!(commits.load(Ordering::SeqCst), 25);

    // The server stores a message before it answers its final dot, so all are there.
    let got = server.received();
    assert_eq!(got.len(), 25, "{}", server.log_text());
    let mut recipients: Vec<&str> = got.iter().map(|m| m.header("X-RcptTo").unwrap()).collect();
    recipients.sort_unstable();
    recipients.dedup();
    assert_eq!(recipients.len(), 25, "a recipient got two copies");
    // One connection: every message came from the same client port.
    let peers: std::collections::HashSet<&str> =
        got.iter().map(|m| m.header("X-Peer").unwrap()).collect();
    assert_eq!(peers.len(), 1, "{peers:?}");
    for m in &got {
        let to = m.header("X-RcptTo").unwrap();
        let user = to.split('@').next().unwrap();
        assert_eq!(
            m.header("X-MailFrom"),
            Some(format!("bounces+n1-{user}@news.example.com").as_str())
        );
        let n: usize = user.trim_start_matches("reader").parse().unwrap();
        assert_eq!(m.header("Subject"), Some(format!("Digest №{n}").as_str()));
        assert_eq!(
            m.part("text/plain"),
            Some(format!("Issue {n}.\n.\nThe end.\n").as_str())
        );
        assert!(m.header("DKIM-Signature").is_none(), "no key, no signature");
    }
}

#[tokio::test]
async fn a_refused_recipient_is_permanent_before_the_commit_and_the_session_goes_on() {
    let Some(server) = SmtpServer::start("bulk_refused_rcpt").await else {
        return;
    };
    let mailer = mailer(Some(server.url()));
    let mut session = mailer.bulk().await.unwrap();
    let commits = Arc::new(AtomicUsize::new(0));

    let err = send(
        &mut session,
        &mailer,
        &email("refuse-rcpt@example.org", 1),
        &commits,
    )
    .await
    .unwrap_err();
    assert!(matches!(err, BulkError::NotSent(_)), "{err:?}");
    assert!(err.is_permanent(), "{err}");
    assert!(!err.committed());
    assert!(err.to_string().contains("5.1.1"), "{err}");
    assert_eq!(commits.load(Ordering::SeqCst), 0, "commit called");

    // A 4xx at RCPT: before the commit too, but worth retrying.
    let err = send(
        &mut session,
        &mailer,
        &email("defer-rcpt@example.org", 2),
        &commits,
    )
    .await
    .unwrap_err();
    assert!(
        matches!(err, BulkError::NotSent(_)) && !err.is_permanent(),
        "{err:?}"
    );
    assert_eq!(commits.load(Ordering::SeqCst), 0, "commit called");

    send(
        &mut session,
        &mailer,
        &email("reader@example.org", 3),
        &commits,
    )
    .await
    .unwrap();
    session.close().await;
    let got = server.received();
    assert_eq!(got.len(), 1, "{}", server.log_text());
    assert_eq!(got[0].header("X-RcptTo"), Some("reader@example.org"));
}

#[tokio::test]
async fn a_refusal_after_the_data_comes_after_the_commit_and_nothing_is_delivered() {
    let Some(server) = SmtpServer::start("bulk_refused_data").await else {
        return;
    };
    let mailer = mailer(Some(server.url()));
    let mut session = mailer.bulk().await.unwrap();
    let commits = Arc::new(AtomicUsize::new(0));

    let err = send(
        &mut session,
        &mailer,
        &email("refuse-data@example.org", 1),
        &commits,
    )
    .await
    .unwrap_err();
    assert!(matches!(err, BulkError::Refused(_)), "{err:?}");
    assert!(err.is_permanent() && err.committed(), "{err}");
    assert!(err.to_string().contains("554"), "{err}");
    assert_eq!(commits.load(Ordering::SeqCst), 1);

    let err = send(
        &mut session,
        &mailer,
        &email("defer-data@example.org", 2),
        &commits,
    )
    .await
    .unwrap_err();
    assert!(
        matches!(err, BulkError::Refused(_)) && !err.is_permanent(),
        "{err:?}"
    );
    assert_eq!(commits.load(Ordering::SeqCst), 2);

    send(
        &mut session,
        &mailer,
        &email("reader@example.org", 3),
        &commits,
    )
    .await
    .unwrap();
    session.close().await;
    let got = server.received();
    assert_eq!(got.len(), 1, "{}", server.log_text());
    assert_eq!(got[0].header("X-RcptTo"), Some("reader@example.org"));
}

#[tokio::test]
async fn a_connection_lost_after_the_data_is_unknown_and_the_next_send_reconnects() {
    let Some(server) = SmtpServer::start("bulk_vanish").await else {
        return;
    };
    let mailer = mailer(Some(server.url()));
    let mut session = mailer.bulk().await.unwrap();
    let commits = Arc::new(AtomicUsize::new(0));

    let err = send(
        &mut session,
        &mailer,
        &email("vanish-data@example.org", 1),
        &commits,
    )
    .await
    .unwrap_err();
    assert!(matches!(err, BulkError::Unknown(_)), "{err:?}");
    assert!(err.committed() && !err.is_permanent(), "{err}");
    assert_eq!(commits.load(Ordering::SeqCst), 1);

    send(
        &mut session,
        &mailer,
        &email("reader@example.org", 2),
        &commits,
    )
    .await
    .unwrap();
    session.close().await;
    // The vanished one was in fact delivered: exactly why it must never be resent.
    let got = server.received();
    assert_eq!(got.len(), 2, "{}", server.log_text());
    let peers: std::collections::HashSet<&str> =
        got.iter().map(|m| m.header("X-Peer").unwrap()).collect();
    assert_eq!(peers.len(), 2, "the second message needed a new connection");
}

#[tokio::test]
async fn a_failed_commit_abandons_the_message_and_the_session_goes_on() {
    let Some(server) = SmtpServer::start("bulk_commit_failed").await else {
        return;
    };
    let mailer = mailer(Some(server.url()));
    let mut session = mailer.bulk().await.unwrap();
    let err = session
        .send(&email("first@example.org", 1), None, || async {
            Err::<(), _>("database is locked")
        })
        .await
        .unwrap_err();
    assert!(matches!(err, BulkError::CommitFailed(_)), "{err:?}");
    assert!(!err.committed() && !err.is_permanent());
    assert!(err.to_string().contains("database is locked"), "{err}");

    session
        .send(&email("second@example.org", 2), None, || async {
            Ok::<(), String>(())
        })
        .await
        .unwrap();
    session.close().await;
    let got = server.received();
    assert_eq!(got.len(), 1, "the abandoned message arrived: {got:?}");
    assert_eq!(got[0].header("X-RcptTo"), Some("second@example.org"));
    // Without a return path the envelope sender is the From address.
    assert_eq!(got[0].header("X-MailFrom"), Some("news@news.example.com"));
}

#[tokio::test]
async fn a_session_outlives_a_server_restart_between_two_messages() {
    let port = free_port();
    let Some(server) = SmtpServer::start_on("bulk_restart", port, &[]).await else {
        return;
    };
    let mailer = mailer(Some(server.url()));
    let mut session = mailer.bulk().await.unwrap();
    let commits = Arc::new(AtomicUsize::new(0));
    send(
        &mut session,
        &mailer,
        &email("one@example.org", 1),
        &commits,
    )
    .await
    .unwrap();
    assert_eq!(server.received().len(), 1);
    drop(server);

    // The idle connection is dead; nothing was at stake yet, so the session reconnects.
    let server = SmtpServer::start_on("bulk_restart", port, &[])
        .await
        .unwrap();
    send(
        &mut session,
        &mailer,
        &email("two@example.org", 2),
        &commits,
    )
    .await
    .unwrap();
    session.close().await;
    let got = server.received();
    assert_eq!(got.len(), 1, "{}", server.log_text());
    assert_eq!(got[0].header("X-RcptTo"), Some("two@example.org"));
    assert_eq!(commits.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn opening_a_session_without_a_server_is_a_transient_error() {
    let mailer = mailer(Some(format!("smtp://127.0.0.1:{}", free_port())));
    let err = mailer.bulk().await.unwrap_err();
    assert!(!err.is_permanent(), "{err}");
}

#[tokio::test]
async fn without_smtp_a_session_logs_each_message_and_commits_it() {
    let mailer = mailer(None);
    let mut session = mailer.bulk().await.unwrap();
    let commits = Arc::new(AtomicUsize::new(0));
    for n in 0..3 {
        send(
            &mut session,
            &mailer,
            &email("reader@example.org", n),
            &commits,
        )
        .await
        .unwrap();
    }
    assert_eq!(commits.load(Ordering::SeqCst), 3);
    // An invalid recipient is refused before the commit, as over SMTP.
    let err = send(&mut session, &mailer, &email("nobody", 9), &commits)
        .await
        .unwrap_err();
    assert!(
        matches!(err, BulkError::NotSent(_)) && err.is_permanent(),
        "{err:?}"
    );
    assert_eq!(commits.load(Ordering::SeqCst), 3);
    session.close().await;
}
