//! A comment's text as HTML: escaped, line breaks kept, web links made clickable and
//! marked as the reader's (`rel="nofollow ugc noopener"`). Nothing a reader typed is ever
//! markup: `<script>`, `javascript:` and the like come out as text.

use linkify::{LinkFinder, LinkKind};

pub fn comment_html(text: &str) -> String {
    let mut finder = LinkFinder::new();
    finder.kinds(&[LinkKind::Url]);
    let mut html = String::with_capacity(text.len() + 32);
    for span in finder.spans(text) {
        let part = span.as_str();
        let web =
            span.kind().is_some() && (part.starts_with("http://") || part.starts_with("https://"));
        if web {
            let escaped = escape(part);
            html.push_str("<a href=\"");
            html.push_str(&escaped);
            html.push_str("\" rel=\"nofollow ugc noopener\" target=\"_blank\">");
            html.push_str(&escaped);
            html.push_str("</a>");
        } else {
            html.push_str(&escape(part));
        }
    }
    html.replace("\r\n", "\n").replace('\n', "<br>")
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::comment_html;

    #[test]
    fn links_are_clickable_and_everything_else_is_text() {
        assert_eq!(
            comment_html("See https://example.com/a?b=1&c=2.\nBye"),
            "See <a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"nofollow ugc noopener\" \
             target=\"_blank\">https://example.com/a?b=1&amp;c=2</a>.<br>Bye"
        );
        for payload in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "\"><svg onload=alert(1)>",
            "data:text/html,<script>alert(1)</script>",
        ] {
            let html = comment_html(payload);
            assert!(
                !html.contains('<') || html.starts_with("<a href=\"http"),
                "{payload} -> {html}"
            );
            assert!(!html.contains("href=\"javascript"), "{payload} -> {html}");
            assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<svg"));
        }
        assert_eq!(comment_html("ftp://example.com"), "ftp://example.com");
        assert_eq!(
            comment_html("قال: https://example.com"),
            "قال: <a href=\"https://example.com\" rel=\"nofollow ugc noopener\" target=\"_blank\">https://example.com</a>"
        );
    }
}
