//! The rendered article page as readers (and crawlers) get it, ids and times redacted.

use regex::Regex;

use crate::support::TestApp;

#[tokio::test]
async fn article_page_snapshot() {
    let app = TestApp::new().await;
    let html = app.get(&app.fx.lead.path()).await.text();
    let redactions = [
        // Ids are stable (a fresh database, one fixture); times of "now" are not.
        (
            r#"<time datetime="[^"]+" class="updated">[^<]*</time>"#,
            r#"<time datetime="[now]" class="updated">[now]</time>"#,
        ),
        (r#""dateModified":"[^"]+""#, r#""dateModified":"[now]""#),
        (
            r#"article:modified_time" content="[^"]+""#,
            r#"article:modified_time" content="[now]""#,
        ),
        (r"\.[0-9a-f]{10}\.(css|js|svg)", ".[hash].$1"),
        (
            r#"<time datetime="\d{4}-\d{2}-\d{2}">[^<]*</time>"#,
            r#"<time datetime="[today]">[today]</time>"#,
        ),
        (r"/archive/\d{4}/\d{2}/\d{2}", "/archive/[today]"),
        (r"© \d{4} Newsdesk", "© [year] Newsdesk"),
    ];
    let mut redacted = html;
    for (pattern, with) in redactions {
        redacted = Regex::new(pattern)
            .unwrap()
            .replace_all(&redacted, with)
            .into_owned();
    }
    insta::assert_snapshot!(redacted);
}
