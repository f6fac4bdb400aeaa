use newsdesk_core::body::render;

use super::ctx;

#[test]
fn script_and_event_handlers_and_script_urls_are_removed() {
    let md = "Hi <script>alert(1)</script> there.\n\n<img src=\"x.jpg\" onerror=\"alert(1)\" alt=\"x\">\n\n[click](javascript:alert(1)) <a href=\"JaVaScRiPt:alert(1)\" onclick=\"x()\">raw</a>\n\n<iframe src=\"https://evil.example\"></iframe><style>p{}</style>\n\n![i](data:image/png;base64,AAAA)";
    let out = render(md, &ctx());
    insta::assert_snapshot!(out.html);
    let lower = out.html.to_lowercase();
    for bad in [
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
        "<style",
        "data:",
    ] {
        assert!(!lower.contains(bad), "{bad} in {}", out.html);
    }
}

#[test]
fn allowed_raw_html_survives_and_classes_are_filtered() {
    let out = render(
        "<p class=\"photo evil\">para <em>em</em> <sup>1</sup></p>\n\n<h1>Big</h1>",
        &ctx(),
    );
    // ammonia keeps an emptied `class=""`; what matters is that unknown classes go.
    assert_eq!(
        out.html,
        "<p class=\"\">para <em>em</em> <sup>1</sup></p>\nBig"
    );
}
