#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use super::*;

fn email() -> Email {
    Email {
        to: "Reader <reader@example.com>".into(),
        subject: "Подтвердите адрес".into(),
        text: "Здравствуйте!\nСсылка: https://news.example.com/confirm?t=abc".into(),
        html: "<p>Здравствуйте!</p>".into(),
        headers: Vec::new(),
    }
}

fn config(url: Option<&str>) -> MailConfig {
    MailConfig {
        smtp_url: url.map(str::to_owned),
        from: "The Example Times <news@example.com>".into(),
        ..MailConfig::log_only()
    }
}

#[test]
fn the_message_is_multipart_alternative_text_then_html_with_an_encoded_subject() {
    let mailer = Mailer::from_config(&config(None)).unwrap();
    let raw = String::from_utf8(mailer.format(&email()).unwrap()).unwrap();
    assert!(raw.is_ascii(), "8-bit text on the wire:\n{raw}");
    assert!(
        raw.contains("Content-Type: multipart/alternative;"),
        "{raw}"
    );
    let plain = raw.find("Content-Type: text/plain; charset=utf-8").unwrap();
    let html = raw.find("Content-Type: text/html; charset=utf-8").unwrap();
    assert!(plain < html, "text/plain must come first:\n{raw}");
    assert!(
        raw.contains("Subject: =?utf-8?"),
        "subject not RFC 2047 encoded:\n{raw}"
    );
    assert!(
        raw.contains("From: \"The Example Times\" <news@example.com>"),
        "{raw}"
    );
    assert!(raw.contains("To: Reader <reader@example.com>"), "{raw}");
    assert!(raw.contains("MIME-Version: 1.0"), "{raw}");
    assert!(
        raw.contains("Message-ID: <") && raw.contains("@example.com>"),
        "{raw}"
    );
}

#[test]
fn extra_headers_are_added_and_a_given_message_id_is_kept() {
    let mailer = Mailer::from_config(&config(None)).unwrap();
    let id = mailer.new_message_id();
    assert!(id.starts_with('<') && id.ends_with("@example.com>"), "{id}");
    let mut e = email();
    e.headers = vec![
        (
            "List-Unsubscribe".into(),
            "<https://news.example.com/u/1>".into(),
        ),
        ("Content-Language".into(), "ru".into()),
        ("Message-ID".into(), id.clone()),
    ];
    let raw = String::from_utf8(mailer.format(&e).unwrap()).unwrap();
    assert!(
        raw.contains("List-Unsubscribe: <https://news.example.com/u/1>"),
        "{raw}"
    );
    assert!(raw.contains("Content-Language: ru"), "{raw}");
    assert!(raw.contains(&format!("Message-ID: {id}")), "{raw}");
    assert_eq!(raw.matches("Message-ID:").count(), 1, "{raw}");
}

#[test]
fn header_injection_and_reserved_headers_are_permanent_errors() {
    let mailer = Mailer::from_config(&config(None)).unwrap();
    let mut e = email();
    e.headers = vec![("X-Note".into(), "a\r\nBcc: victim@example.com".into())];
    let err = mailer.format(&e).unwrap_err();
    assert!(err.is_permanent(), "{err}");
    e.headers = vec![("bcc".into(), "victim@example.com".into())];
    assert!(mailer.format(&e).unwrap_err().is_permanent());
    e.headers = vec![("Bad Name".into(), "x".into())];
    assert!(mailer.format(&e).unwrap_err().is_permanent());
    // A line break in a subject is folded into a space, not refused.
    let mut e = email();
    e.subject = "Breaking\r\nBcc: victim@example.com".into();
    let raw = String::from_utf8(mailer.format(&e).unwrap()).unwrap();
    assert!(!raw.contains("\r\nBcc:"), "{raw}");
}

#[test]
fn an_invalid_recipient_is_permanent() {
    let mailer = Mailer::from_config(&config(None)).unwrap();
    let mut e = email();
    e.to = "not an address".into();
    let err = mailer.format(&e).unwrap_err();
    assert!(err.is_permanent(), "{err}");
    assert!(err.to_string().contains("not an address"), "{err}");
}

#[tokio::test]
async fn without_smtp_the_message_is_logged_and_counts_as_sent() {
    let mailer = Mailer::from_config(&config(None)).unwrap();
    assert!(!mailer.is_smtp());
    mailer.send(&email()).await.unwrap();
    let mut bad = email();
    bad.to = "nobody".into();
    assert!(mailer.send(&bad).await.unwrap_err().is_permanent());
}

#[test]
fn bad_settings_name_the_setting_and_never_show_the_password() {
    let err = |url: &str| {
        Mailer::from_config(&config(Some(url)))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    for url in [
        "http://user:hunter2@mail.example.com",
        "smtp://user:hunter2@mail.example.com?tls=maybe",
        "smtp://user:hunter2@",
        "smtp://user@mail.example.com",
    ] {
        let e = err(url);
        assert!(e.starts_with("smtp_url: "), "{url}: {e}");
        assert!(!e.contains("hunter2"), "{url}: {e}");
    }
    let e = err("not a url");
    assert!(e.starts_with("smtp_url: "), "{e}");
    let from = Mailer::from_config(&MailConfig {
        from: "nobody".into(),
        ..MailConfig::log_only()
    })
    .unwrap_err();
    assert!(from.to_string().starts_with("mail_from: "), "{from}");
    assert!(from.is_permanent());
}

#[test]
fn good_urls_are_accepted_and_shown_redacted() {
    for (url, shown) in [
        ("smtp://127.0.0.1:2525", "SMTP via smtp://127.0.0.1:2525"),
        (
            "smtp://user:hunter2@mail.example.com:587?tls=required",
            "SMTP via smtp://user:***@mail.example.com:587?tls=required",
        ),
        (
            "smtps://user:hunter2@mail.example.com",
            "SMTP via smtps://user:***@mail.example.com",
        ),
    ] {
        let mailer = Mailer::from_config(&config(Some(url))).unwrap();
        assert!(mailer.is_smtp());
        assert_eq!(mailer.describe(), shown);
        assert!(!format!("{mailer:?}").contains("hunter2"));
    }
    let debug = format!(
        "{:?}",
        config(Some("smtp://user:hunter2@mail.example.com?password=x"))
    );
    assert!(
        !debug.contains("hunter2") && !debug.contains("=x"),
        "{debug}"
    );
    assert!(!Mailer::from_config(&config(Some(""))).unwrap().is_smtp());
}

#[test]
fn log_only_is_the_default() {
    let mailer = Mailer::from_config(&MailConfig::default()).unwrap();
    assert!(!mailer.is_smtp());
    assert_eq!(mailer.from(), Mailer::log_only().from());
    assert_eq!(mailer.from(), "Newsdesk <no-reply@localhost>");
}

#[test]
fn email_payload_round_trips_and_headers_default_to_empty() {
    let e = email();
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(serde_json::from_value::<Email>(json).unwrap(), e);
    let old: Email =
        serde_json::from_str(r#"{"to":"a@b.c","subject":"s","text":"t","html":"h"}"#).unwrap();
    assert!(old.headers.is_empty());
}
