//! A small XML writer for sitemaps: elements, attributes and text, always escaped, so no
//! headline or slug can produce a document that does not parse.

/// Appends `text` escaped for XML character data and attribute values. Characters XML 1.0
/// does not allow at all (most C0 controls, lone surrogates cannot occur in `str`,
/// U+FFFE/U+FFFF) are dropped: a stray control character pasted into a headline must not
/// make the whole sitemap unreadable.
pub fn escape_into(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Removes what XML 1.0 cannot carry even escaped, for text handed to other writers.
pub fn clean(text: &str) -> String {
    text.chars().filter(|c| is_xml_char(*c)).collect()
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Builds a document into a `String`.
#[derive(Debug, Default)]
pub struct XmlWriter {
    out: String,
}

impl XmlWriter {
    pub fn new() -> Self {
        let mut out = String::with_capacity(4096);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        Self { out }
    }

    fn start_tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
    }

    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.start_tag(name, attrs);
        self.out.push('>');
        self
    }

    pub fn close(&mut self, name: &str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
        self
    }

    /// `<name>text</name>`.
    pub fn text(&mut self, name: &str, text: &str) -> &mut Self {
        self.open(name, &[]);
        escape_into(&mut self.out, text);
        self.close(name)
    }

    /// `<name attrs…/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.start_tag(name, attrs);
        self.out.push_str("/>");
        self
    }

    pub fn newline(&mut self) -> &mut Self {
        self.out.push('\n');
        self
    }

    pub fn len(&self) -> usize {
        self.out.len()
    }

    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    pub fn finish(mut self) -> String {
        self.out.push('\n');
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped_and_controls_dropped() {
        assert_eq!(
            escape(r#"Tom & "Jerry" <b>'s"#),
            "Tom &amp; &quot;Jerry&quot; &lt;b&gt;&apos;s"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c\u{FFFE}d\u{1F600}"), "abcd\u{1F600}");
        let mut w = XmlWriter::new();
        w.open("a", &[("href", "x?a=1&b=\"2\"")])
            .text("t", "</a>")
            .close("a");
        let doc = w.finish();
        assert!(doc.contains(r#"<a href="x?a=1&amp;b=&quot;2&quot;"><t>&lt;/a&gt;</t></a>"#));
    }
}
