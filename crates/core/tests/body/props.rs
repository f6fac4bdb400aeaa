//! Whatever an author types, `render` returns and its output carries nothing executable.

use newsdesk_core::body::{embeds, render, sanitize_html};
use proptest::prelude::*;

use super::{ctx_with_notes, note};

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("::related[123]".to_owned()),
        Just("::related[5]".to_owned()),
        Just("::photo[45]{caption=\"c\"}".to_owned()),
        Just("::quote[<b onclick=x>hi</b>]{cite=\"javascript:alert(1)\"}".to_owned()),
        Just("::embed[https://youtu.be/dQw4w9WgXcQ]{caption=\"<b onclick=x>\"}".to_owned()),
        Just("::embed[https://bsky.app/profile/a.bsky.social/post/3k]".to_owned()),
        Just("::embed[javascript:alert(1)]".to_owned()),
        Just("::embed[https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ]".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        Just("<scr<script>ipt>".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("<a href=\"javascript:alert(1)\">x</a>".to_owned()),
        Just("<a href=\"  jav&#x09;ascript:alert(1)\">x</a>".to_owned()),
        Just("[l](javascript:alert(1))".to_owned()),
        Just("[l](JAVASCRIPT:alert(1) \"t\")".to_owned()),
        Just("![i](data:text/html,<script>x</script>)".to_owned()),
        Just("<iframe src=//evil></iframe>".to_owned()),
        Just("<style>*{}</style>".to_owned()),
        Just("<svg onload=alert(1)>".to_owned()),
        Just("<img srcset=\"javascript:x 1x\">".to_owned()),
        Just("<p style=\"color:red\" onmouseover=\"x\">".to_owned()),
        Just("<!-- c -->".to_owned()),
        Just("<a id=\"mark-1\" class=\"entity-mark\" href=\"#note-1\">".to_owned()),
        Just("</a>".to_owned()),
        Just("Acme".to_owned()),
        Just("Мемориала".to_owned()),
        Just("الحزب".to_owned()),
        Just("İ".to_owned()),
        Just("\u{0301}".to_owned()),
        Just("# ".to_owned()),
        Just("> ".to_owned()),
        Just("- ".to_owned()),
        Just("1. ".to_owned()),
        Just("```".to_owned()),
        Just("`".to_owned()),
        Just("*".to_owned()),
        Just("|a|b|\n|-|-|\n".to_owned()),
        Just("~~".to_owned()),
        Just("[".to_owned()),
        Just("](".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("    ".to_owned()),
        "[a-zA-Z0-9 <>=\"'&;:/()\\[\\]{}!#*_-]{0,12}",
        "\\PC{0,6}",
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..24).prop_map(|parts| parts.concat())
}

/// Attributes of every start tag in serialised HTML. The serialiser escapes `<` in
/// text and always double-quotes values (escaping `"`), so this simple scan is exact.
fn attributes(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let mut chars = rest.char_indices().peekable();
        while chars
            .next_if(|(_, c)| !c.is_whitespace() && *c != '>')
            .is_some()
        {}
        loop {
            while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
            let Some((start, c)) = chars.next() else {
                break;
            };
            if c == '>' {
                rest = &rest[start..];
                break;
            }
            let mut name = String::from(c);
            while let Some((_, c)) =
                chars.next_if(|(_, c)| *c != '=' && *c != '>' && !c.is_whitespace())
            {
                name.push(c);
            }
            let mut value = String::new();
            if chars.next_if(|(_, c)| *c == '=').is_some() {
                chars.next(); // opening quote
                for (_, c) in chars.by_ref() {
                    if c == '"' {
                        break;
                    }
                    value.push(c);
                }
            }
            out.push((name.to_lowercase(), value));
        }
    }
    out
}

fn assert_safe(markdown: &str) -> Result<(), TestCaseError> {
    let c = ctx_with_notes(vec![
        note(1, &["Acme"], "a"),
        note(2, &["Мемориал", "Мемориала"], "m"),
        note(3, &["الحزب"], "h"),
    ]);
    let refs = embeds(markdown);
    let html = render(markdown, &c).html;
    // What `embeds` lists is exactly what `render` could resolve: ids, nothing else.
    prop_assert!(refs.articles.iter().chain(&refs.photos).all(|id| *id > 0));
    prop_assert_eq!(&sanitize_html(&html), &html, "not stable under sanitising");
    let lower = html.to_lowercase();
    for bad in ["<script", "<iframe", "<style", "<svg", "<object", "<embed"] {
        prop_assert!(!lower.contains(bad), "{} in {}", bad, html);
    }
    for (name, value) in attributes(&html) {
        prop_assert!(!name.starts_with("on"), "{}= in {}", name, html);
        if matches!(
            name.as_str(),
            "href" | "src" | "srcset" | "cite" | "xlink:href"
        ) {
            let squashed: String = value
                .to_lowercase()
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect();
            for scheme in ["javascript:", "data:", "vbscript:"] {
                prop_assert!(!squashed.contains(scheme), "{} in {}", scheme, html);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_render_safely(s in "\\PC{0,200}") {
        assert_safe(&s)?;
    }

    #[test]
    fn hostile_documents_render_safely(s in document()) {
        assert_safe(&s)?;
    }
}

#[test]
fn the_attribute_scan_sees_what_it_must_reject() {
    let attrs =
        attributes("<p>a &lt;b onclick=\"x\"&gt;</p><a href=\"javascript:x\" onclick=\"y\">z</a>");
    assert_eq!(
        attrs,
        vec![
            ("href".to_owned(), "javascript:x".to_owned()),
            ("onclick".to_owned(), "y".to_owned())
        ]
    );
}
