//! The XSS payload corpus through every field a reader writes: the display name (at
//! registration), the comment text (posted and edited). Wherever the text comes out — the
//! thread's JSON HTML, the reader's account page, the moderators' queue page, the data
//! export — it is inert: no element, attribute or URL scheme the reader did not get from
//! the server's own markup.
#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use http::{Request, StatusCode};
use newsdesk_core::Role;
use regex::Regex;
use serde_json::{Value, json};

use crate::readers::confirmed_reader_named;
use crate::support::TestApp;

/// Classic payloads: tags, event handlers, URL schemes, attribute breakouts, template
/// syntax, comment and CDATA breakouts, entity tricks, bidi overrides.
const CORPUS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg/onload=alert(1)>",
    "javascript:alert(1)",
    "<a href=\"javascript:alert(1)\">click</a>",
    "https://example.com/\"onmouseover=\"alert(1)",
    "https://example.com/<script>alert(1)</script>",
    "<iframe src=\"data:text/html,<script>alert(1)</script>\"></iframe>",
    "{{ 7*7 }} {% raw %} ${7*7}",
    "</textarea><script>alert(1)</script>",
    "<!--<script>alert(1)//-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<style>*{display:none}</style>",
    "\u{202e}gnp.exe",
];

/// Every tag in `html` (the markup, not the text) must be one the server writes itself.
fn assert_inert(html: &str, allowed: &Regex, context: &str) {
    let tag = Regex::new(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9-]*)[^>]*>").unwrap();
    for m in tag.find_iter(html) {
        assert!(
            allowed.is_match(m.as_str()),
            "{context}: a tag the reader wrote: {}\nin: {html}",
            m.as_str()
        );
    }
    assert!(!html.contains("javascript:alert(1)\""), "{context}: {html}");
    assert!(
        !html.contains("49"),
        "{context}: a template evaluated the text: {html}"
    );
}

#[tokio::test]
async fn every_payload_in_every_reader_field_comes_out_inert() {
    let app = TestApp::new().await;
    let article = app.fx.lead.id;
    let comment_markup = Regex::new(
        r#"^(<br>|</a>|<a href="https?://[^"<>]*" rel="nofollow ugc noopener" target="_blank">)$"#,
    )
    .unwrap();
    let mut ids = Vec::new();
    for (n, payload) in CORPUS.iter().enumerate() {
        // The display name is the payload, typed into the registration form.
        let name: String = payload
            .chars()
            .take(80)
            .collect::<String>()
            .trim()
            .to_owned();
        let email = format!("x{n}@example.com");
        let mut b = confirmed_reader_named(&app, &email, &name).await;
        let me: Value = serde_json::from_slice(&b.get("/api/v1/reader").await.bytes).unwrap();
        assert_eq!(me["name"], name.as_str(), "JSON carries the name as text");
        let csrf = me["csrf"].as_str().unwrap().to_owned();

        let posted = b
            .send(
                Request::post(format!("/api/v1/articles/{article}/comments"))
                    .header("content-type", "application/json")
                    .header("x-csrf-token", &csrf),
                json!({ "body": format!("{payload} #{n}") }).to_string(),
            )
            .await;
        assert_eq!(
            posted.status,
            StatusCode::CREATED,
            "{payload}: {}",
            posted.text()
        );
        let posted: Value = serde_json::from_slice(&posted.bytes).unwrap();
        assert_inert(posted["html"].as_str().unwrap(), &comment_markup, payload);
        let id = posted["id"].as_i64().unwrap();
        ids.push(id);
        let edited = b
            .send(
                Request::patch(format!("/api/v1/comments/{id}"))
                    .header("content-type", "application/json")
                    .header("x-csrf-token", &csrf),
                json!({ "body": format!("edited {payload}") }).to_string(),
            )
            .await;
        assert_eq!(
            edited.status,
            StatusCode::OK,
            "{payload}: {}",
            edited.text()
        );
        let edited: Value = serde_json::from_slice(&edited.bytes).unwrap();
        assert_inert(edited["html"].as_str().unwrap(), &comment_markup, payload);
        assert_eq!(
            app.store().get_comment(id).await.unwrap().body,
            format!("edited {payload}"),
            "stored as written"
        );

        // The account page prints the name in the page's own markup only.
        let page = b.get("/en/account").await.text();
        assert!(
            !payload.contains('<') || !page.contains(name.as_str()),
            "{payload} raw on the account page"
        );
    }

    // The thread as everyone reads it.
    let thread = app
        .get(&format!("/api/v1/articles/{article}/comments?sort=oldest"))
        .await;
    let thread: Value = serde_json::from_slice(&thread.bytes).unwrap();
    for item in thread["items"].as_array().unwrap() {
        assert_inert(
            item["comment"]["html"].as_str().unwrap(),
            &comment_markup,
            "thread",
        );
    }

    // The moderators' queue page, with every payload waiting there (held: pre-moderated).
    for id in ids {
        app.store()
            .set_comment_status(id, newsdesk_core::CommentStatus::Pending, "check")
            .await
            .unwrap();
    }
    let moderator = app
        .store()
        .create_account("mod@example.com", "Mod", Role::Moderator, "x")
        .await
        .unwrap();
    let (token, _) = newsdesk_newsroom::auth::session::start(&app.state, &moderator)
        .await
        .unwrap();
    let queue = app
        .get_with(
            "/admin/comments?queue=pending",
            &[("cookie", &format!("nd_session={token}"))],
        )
        .await;
    assert_eq!(queue.status, StatusCode::OK, "{}", queue.text());
    let html = queue.text();
    for payload in CORPUS.iter().filter(|p| p.contains('<')) {
        assert!(!html.contains(payload), "{payload} raw on the queue page");
    }
    assert!(
        html.contains("edited &lt;script&gt;alert(1)"),
        "shown, escaped"
    );
}
