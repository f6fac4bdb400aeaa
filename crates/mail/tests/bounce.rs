//! Delivery status notifications as MTAs send them (`tests/fixtures/*.eml`), and the VERP
//! return paths they come back to.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::Path;

use newsdesk_mail::{Bounce, MailConfig, Mailer, parse_bounce};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

/// The fixture as stored (LF) and as it comes over SMTP (CRLF): both parse alike.
fn both_line_ends(name: &str) -> [Vec<u8>; 2] {
    let lf = fixture(name);
    let crlf = String::from_utf8(lf.clone())
        .unwrap()
        .replace('\n', "\r\n")
        .into_bytes();
    [lf, crlf]
}

#[test]
fn a_postfix_user_unknown_report_is_a_permanent_bounce_with_its_verp_token() {
    for raw in both_line_ends("dsn-postfix-user-unknown.eml") {
        assert_eq!(
            parse_bounce(&raw),
            Some(Bounce {
                recipient: Some("gone@example.org".into()),
                token: Some("n42-s1187".into()),
                permanent: true,
                status: "5.1.1".into(),
                diagnostic: "550 5.1.1 <gone@example.org>: Recipient address rejected: \
                             User unknown in virtual mailbox table"
                    .into(),
            })
        );
    }
}

#[test]
fn a_mailbox_full_report_is_transient_and_its_token_comes_from_to() {
    for raw in both_line_ends("dsn-mailbox-full.eml") {
        let bounce = parse_bounce(&raw).unwrap();
        assert_eq!(bounce.recipient.as_deref(), Some("full@example.net"));
        // No Delivered-To here: the report's To is the original return path.
        assert_eq!(bounce.token.as_deref(), Some("n42-s2210"));
        assert!(!bounce.permanent, "{bounce:?}");
        assert_eq!(bounce.status, "4.2.2");
        assert_eq!(
            bounce.diagnostic,
            "452 4.2.2 The email account that you tried to reach is over quota"
        );
    }
}

#[test]
fn a_message_that_is_not_a_report_is_not_a_bounce() {
    // An auto-reply to the bounce address, whose text even looks like report fields.
    assert_eq!(parse_bounce(&fixture("not-a-dsn-autoreply.eml")), None);
    assert_eq!(parse_bounce(b""), None);
    assert_eq!(parse_bounce(b"\x00\xff garbage"), None);
    // A report that the message was delivered is no bounce either.
    let delivered = String::from_utf8(fixture("dsn-postfix-user-unknown.eml"))
        .unwrap()
        .replace("Action: failed", "Action: delivered");
    assert_eq!(parse_bounce(delivered.as_bytes()), None);
    // "delayed" is reported, and never permanent.
    let delayed = String::from_utf8(fixture("dsn-postfix-user-unknown.eml"))
        .unwrap()
        .replace("Action: failed", "Action: delayed")
        .replace("Status: 5.1.1", "Status: 4.4.1");
    let bounce = parse_bounce(delayed.as_bytes()).unwrap();
    assert!(!bounce.permanent && bounce.status == "4.4.1", "{bounce:?}");
}

#[test]
fn return_paths_carry_the_token_and_refuse_unsafe_ones() {
    let mailer = Mailer::from_config(&MailConfig {
        bounce_address: Some("bounces@news.example.com".into()),
        ..MailConfig::log_only()
    })
    .unwrap();
    assert_eq!(
        mailer.return_path("n42-s1187").as_deref(),
        Some("bounces+n42-s1187@news.example.com")
    );
    for bad in ["", "a b", "x@y", "a+b", "tök", "a\r\nb", &"x".repeat(65)] {
        assert_eq!(mailer.return_path(bad), None, "{bad:?}");
    }
    // No bounce address: no VERP.
    assert_eq!(Mailer::log_only().return_path("n42"), None);
}

#[test]
fn a_bad_bounce_address_names_the_setting() {
    for bad in [
        "bounces",
        "Bounces <bounces@news.example.com>",
        "bounces+x@news.example.com",
    ] {
        let err = Mailer::from_config(&MailConfig {
            bounce_address: Some(bad.into()),
            ..MailConfig::log_only()
        })
        .unwrap_err();
        assert!(
            err.to_string().starts_with("bounce_address: "),
            "{bad}: {err}"
        );
    }
}
