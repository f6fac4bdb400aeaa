//! Re-writes HTML as properly nested, allow-listed tags at most [`MAX_HTML_DEPTH`] deep,
//! before the sanitiser parses it. html5ever's tree builder walks the stack of open
//! elements (and the list of active formatting elements) for most tags, so an author's
//! `"<div>"*30000` or an unclosed `<b>` per line costs depth × tags.
//!
//! The input is tokenized by html5ever's own tokenizer (linear, exact about quotes,
//! comments and raw text), and only what this module writes reaches the tree builder:
//! text escaped, attributes quoted, every element closed explicitly in order. So the
//! tree builder sees no more open elements than are counted here (at most twice as
//! many where it adds the `<tbody><tr>` a bare cell implies), whatever the input.
//! Tags outside the allow-list are left out here as the sanitiser would leave them out
//! (their content stays, except for the elements whose content the sanitiser drops).

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::limits::MAX_HTML_DEPTH;

/// Elements whose content the sanitiser removes along with the tag.
const DROPPED_WITH_CONTENT: &[&str] = &["script", "style", "template", "textarea", "title"];
/// Elements the tree builder reads as raw text: their content is text, not tags.
const RAW_TEXT: &[&str] = &["xmp", "iframe", "noembed", "noframes", "noscript"];
const VOID: &[&str] = &["br", "hr", "img", "source"];

pub fn tidy(html: &str, allowed: &[&str]) -> String {
    let sink = Sink {
        allowed,
        state: RefCell::new(State {
            out: String::with_capacity(html.len() + html.len() / 8),
            open: Vec::new(),
            skipping: None,
        }),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut state = tokenizer.sink.state.into_inner();
    while let Some(name) = state.open.pop() {
        close_tag(&mut state.out, &name);
    }
    state.out
}

struct Sink<'t> {
    allowed: &'t [&'t str],
    state: RefCell<State>,
}

struct State {
    out: String,
    /// Elements written and not yet closed, innermost last.
    open: Vec<String>,
    /// Inside an element dropped with its content: its name and how many are open.
    skipping: Option<(String, usize)>,
}

impl TokenSink for Sink<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => return state.tag(tag, self.allowed),
            Token::CharacterTokens(text) if state.skipping.is_none() => {
                escape_into(&mut state.out, &text, false);
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl State {
    fn tag(&mut self, tag: Tag, allowed: &[&str]) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        if let Some((skipped, count)) = &mut self.skipping {
            if skipped == name {
                match tag.kind {
                    TagKind::StartTag => *count += 1,
                    TagKind::EndTag => *count -= 1,
                }
                if *count == 0 {
                    self.skipping = None;
                }
            }
            return TokenSinkResult::Continue;
        }
        if tag.kind == TagKind::StartTag {
            if DROPPED_WITH_CONTENT.contains(&name) {
                self.skipping = Some((name.to_owned(), 1));
                return match name {
                    "template" => TokenSinkResult::Continue,
                    "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                    "style" => TokenSinkResult::RawData(RawKind::Rawtext),
                    _ => TokenSinkResult::RawData(RawKind::Rcdata),
                };
            }
            if RAW_TEXT.contains(&name) {
                return TokenSinkResult::RawData(RawKind::Rawtext);
            }
            if name == "plaintext" {
                return TokenSinkResult::Plaintext;
            }
        }
        if !allowed.contains(&name) {
            return TokenSinkResult::Continue;
        }
        match tag.kind {
            TagKind::StartTag => self.start(&tag),
            TagKind::EndTag => self.end(name),
        }
        TokenSinkResult::Continue
    }

    fn start(&mut self, tag: &Tag) {
        let name: &str = &tag.name;
        // What the tree builder would close on its own, closed here so that sloppy but
        // ordinary HTML (`<p>a<p>b`, `<li>` without `</li>`) does not count as nesting.
        let closes: &[&str] = match name {
            "p" => &["p"],
            "li" => &["li"],
            "td" | "th" => &["td", "th"],
            "tr" => &["td", "th", "tr"],
            _ => &[],
        };
        while let Some(top) = self.open.last()
            && closes.contains(&top.as_str())
        {
            let top = top.clone();
            self.open.pop();
            close_tag(&mut self.out, &top);
        }
        let void = VOID.contains(&name);
        if !void && self.open.len() >= MAX_HTML_DEPTH {
            return;
        }
        self.out.push('<');
        self.out.push_str(name);
        for attr in &tag.attrs {
            let attr_name: &str = &attr.name.local;
            // The sanitiser keeps only known names; anything odd could re-tokenize
            // differently.
            if attr_name.is_empty()
                || !attr_name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            {
                continue;
            }
            self.out.push(' ');
            self.out.push_str(attr_name);
            self.out.push_str("=\"");
            escape_into(&mut self.out, &attr.value, true);
            self.out.push('"');
        }
        self.out.push('>');
        if !void {
            self.open.push(name.to_owned());
        }
    }

    /// An end tag closes its element and everything opened inside it; one that matches
    /// nothing open (or was left out for depth) is left out.
    fn end(&mut self, name: &str) {
        let Some(at) = self.open.iter().rposition(|open| open == name) else {
            return;
        };
        for open in self.open.drain(at..).rev() {
            close_tag(&mut self.out, &open);
        }
    }
}

fn close_tag(out: &mut String, name: &str) {
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

fn escape_into(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\0' => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALLOWED: &[&str] = &["p", "b", "a", "li", "ul", "br", "table", "tr", "td"];

    #[test]
    fn well_formed_html_passes_through() {
        assert_eq!(
            tidy(
                r#"<p>a <b>b</b> <a href="/x?a=1&amp;b=2">c</a><br></p>"#,
                ALLOWED
            ),
            r#"<p>a <b>b</b> <a href="/x?a=1&amp;b=2">c</a><br></p>"#
        );
    }

    #[test]
    fn nesting_stops_at_the_limit_and_everything_is_closed() {
        let out = tidy(&"<b>".repeat(10_000), ALLOWED);
        assert_eq!(out.matches("<b>").count(), MAX_HTML_DEPTH);
        assert_eq!(out.matches("</b>").count(), MAX_HTML_DEPTH);
    }

    #[test]
    fn a_quote_cannot_hide_tags_from_the_count() {
        // `="` starts an attribute *name* here, so the `<b>`s after the first `>` are tags.
        let body = format!("<p =\"{}\">", "<b>".repeat(1_000));
        let out = tidy(&body, ALLOWED);
        assert!(out.matches("<b>").count() <= MAX_HTML_DEPTH, "{out}");
    }

    #[test]
    fn raw_text_and_dropped_content() {
        assert_eq!(tidy("<xmp><b>x</b></xmp>", ALLOWED), "&lt;b&gt;x&lt;/b&gt;");
        assert_eq!(tidy("a<script>x<b></script>b", ALLOWED), "ab");
        assert_eq!(
            tidy("a<template><template>x</template>y</template>b", ALLOWED),
            "ab"
        );
        assert_eq!(tidy("<div>a</div><!-- c -->", ALLOWED), "a");
    }

    #[test]
    fn sloppy_paragraphs_and_items_do_not_nest() {
        let out = tidy(&"<p>a".repeat(1_000), ALLOWED);
        assert_eq!(out.matches("<p>").count(), 1_000);
        let out = tidy(&"<li>a".repeat(1_000), ALLOWED);
        assert_eq!(out.matches("<li>").count(), 1_000);
    }
}
