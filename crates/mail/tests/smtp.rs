//! Against a real SMTP server process (Python aiosmtpd, see `newsdesk_mail::testing`):
//! what arrives is decoded by Python's `email` parser, not by us.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::time::Duration;

use newsdesk_mail::testing::{SmtpServer, free_port};
use newsdesk_mail::{Email, MailConfig, Mailer};

fn mailer(url: &str) -> Mailer {
    Mailer::from_config(&MailConfig {
        smtp_url: Some(url.to_owned()),
        from: "صحيفة المثال <news@example.com>".into(),
        ..MailConfig::log_only()
    })
    .unwrap()
}

#[tokio::test]
async fn an_arabic_message_arrives_with_its_headers_and_both_parts_intact() {
    let Some(server) = SmtpServer::start("an_arabic_message_arrives").await else {
        return;
    };
    let mailer = mailer(&server.url());
    assert!(mailer.is_smtp());
    let subject = "تأكيد عنوان بريدك الإلكتروني — خطوة أخيرة";
    let text = "مرحباً بك!\nاضغط على الرابط لتأكيد عنوانك: https://news.example.com/ar/confirm?t=1";
    let html = "<p dir=\"rtl\">مرحباً بك! <a href=\"https://news.example.com/ar/confirm?t=1\">تأكيد</a></p>";
    let id = mailer.new_message_id();
    mailer
        .send(&Email {
            to: "قارئ <reader@example.org>".into(),
            subject: subject.into(),
            text: text.into(),
            html: html.into(),
            headers: vec![
                ("Content-Language".into(), "ar".into()),
                (
                    "List-Unsubscribe".into(),
                    "<https://news.example.com/unsubscribe/1>".into(),
                ),
                ("Message-ID".into(), id.clone()),
            ],
        })
        .await
        .unwrap();

    let got = server.wait_for(1, Duration::from_secs(10)).await;
    assert_eq!(got.len(), 1, "{}", server.log_text());
    let m = &got[0];
    assert_eq!(m.header("Subject"), Some(subject));
    assert_eq!(m.header("From"), Some("صحيفة المثال <news@example.com>"));
    assert_eq!(m.header("To"), Some("قارئ <reader@example.org>"));
    assert_eq!(
        m.header("X-MailFrom"),
        Some("news@example.com"),
        "envelope sender"
    );
    assert_eq!(
        m.header("X-RcptTo"),
        Some("reader@example.org"),
        "envelope recipient"
    );
    assert_eq!(m.header("Content-Language"), Some("ar"));
    assert_eq!(
        m.header("List-Unsubscribe"),
        Some("<https://news.example.com/unsubscribe/1>")
    );
    assert_eq!(m.header("Message-ID"), Some(id.as_str()));
    assert!(m.header("Date").is_some());
    assert_eq!(m.content_type, "multipart/alternative");
    let types: Vec<_> = m
        .parts
        .iter()
        .map(|(t, c, _)| (t.as_str(), c.as_deref()))
        .collect();
    assert_eq!(
        types,
        [("text/plain", Some("utf-8")), ("text/html", Some("utf-8"))],
        "text first, then HTML, both UTF-8"
    );
    // Lines end in CRLF on the wire, as RFC 5322 wants.
    let lf = |s: &str| s.replace("\r\n", "\n").trim_end().to_owned();
    assert_eq!(m.part("text/plain").map(lf).as_deref(), Some(text));
    assert_eq!(m.part("text/html").map(lf).as_deref(), Some(html));
    assert!(m.raw.is_ascii(), "the message on the wire is 7-bit clean");
}

#[tokio::test]
async fn several_messages_in_russian_go_over_one_mailer() {
    let Some(server) = SmtpServer::start("several_messages_in_russian").await else {
        return;
    };
    let mailer = mailer(&server.url());
    for n in 1..=3 {
        mailer
            .send(&Email {
                to: format!("reader{n}@example.org"),
                subject: format!("Новости дня № {n}"),
                text: format!("Текст {n}"),
                html: format!("<p>Текст {n}</p>"),
                headers: Vec::new(),
            })
            .await
            .unwrap();
    }
    let got = server.wait_for(3, Duration::from_secs(10)).await;
    let mut subjects: Vec<_> = got.iter().filter_map(|m| m.header("Subject")).collect();
    subjects.sort_unstable();
    assert_eq!(
        subjects,
        ["Новости дня № 1", "Новости дня № 2", "Новости дня № 3"]
    );
}

#[tokio::test]
async fn a_refused_connection_is_transient() {
    // Nothing listens there.
    let mailer = mailer(&format!("smtp://127.0.0.1:{}", free_port()));
    let err = mailer
        .send(&Email {
            to: "reader@example.org".into(),
            subject: "s".into(),
            text: "t".into(),
            html: "<p>t</p>".into(),
            headers: Vec::new(),
        })
        .await
        .unwrap_err();
    assert!(!err.is_permanent(), "{err}");
}

#[tokio::test]
async fn a_5xx_answer_is_permanent() {
    // A 200-byte size limit: the server answers 552 to anything real.
    let Some(server) =
        SmtpServer::start_on("a_5xx_answer_is_permanent", free_port(), &["-s", "200"]).await
    else {
        return;
    };
    let err = mailer(&server.url())
        .send(&Email {
            to: "reader@example.org".into(),
            subject: "Too big".into(),
            text: "x".repeat(2000),
            html: format!("<p>{}</p>", "x".repeat(2000)),
            headers: Vec::new(),
        })
        .await
        .unwrap_err();
    assert!(err.is_permanent(), "{err}");
    assert!(err.to_string().contains("552"), "{err}");
    assert!(server.received().is_empty());
}
