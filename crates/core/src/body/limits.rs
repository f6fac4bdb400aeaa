//! Bounds on the work one body can cause. The renderer's stages are linear in their
//! input, except html5ever's tree builder (inside ammonia), which walks the stack of open
//! elements for most tags: without a depth limit, `">"*100000` took minutes. So nesting is
//! bounded twice: Markdown containers here (flattened past [`MAX_NESTING`], refused on
//! save), and all HTML, including what an author types raw, in `tidy`. Amplification
//! (a long link reference used thousands of times, photo cards) is bounded by
//! [`MAX_HTML_BYTES`].

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Block quotes and lists inside one another; a newsroom never needs more.
pub const MAX_NESTING: usize = 16;
/// Open HTML elements at any point of the rendered body. Markdown at [`MAX_NESTING`]
/// uses about 40 (a list level is `<ul><li>`, plus a paragraph and inline markup).
pub const MAX_HTML_DEPTH: usize = 64;
/// Rendered HTML before sanitising. A 200,000-character body of short table cells,
/// the most markup per character, renders to about 1 MB; what goes past this is left out.
pub const MAX_HTML_BYTES: usize = 4 * 1024 * 1024;
/// Distinct articles or photos one body may embed; embeds past this render nothing.
pub const MAX_EMBEDS: usize = 500;
/// Input bytes rendered at all. Saving refuses bodies over `article::MAX_BODY`
/// characters; this only bounds rows stored before that check (or around it).
pub const MAX_SOURCE_BYTES: usize = 4 * crate::article::MAX_BODY;

/// What is wrong with a body's size or shape, for the form: the one rule for saving and
/// for previewing, so nothing over the limits is ever rendered on request.
pub fn body_problem(markdown: &str) -> Option<String> {
    let max = crate::article::MAX_BODY;
    // Counting stops just past the limit: a 100 MB post costs no more than a long body.
    if markdown.chars().take(max + 1).count() > max {
        return Some(format!("must be at most {max} characters"));
    }
    (nesting_depth(markdown) > MAX_NESTING)
        .then(|| format!("block quotes and lists may be nested at most {MAX_NESTING} deep"))
}

/// Deepest nesting of block quotes and lists in a body, for validation on save.
pub fn nesting_depth(markdown: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0;
    for event in Parser::new_ext(markdown, super::blocks::options()) {
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_)) => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    deepest
}

/// Cuts `source` to at most [`MAX_SOURCE_BYTES`], at a character boundary.
/// The body as the renderer reads it: cut to [`MAX_SOURCE_BYTES`], in Unicode NFC (so a
/// name typed with combining accents still matches its entity note). Borrowed when the
/// text is already NFC, as almost every body is: normalising char by char into a new
/// string had been a tenth of an article page's miss, done three times per page.
pub fn normalized_source(source: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    let source = bounded_source(source);
    match is_nfc_quick(source.chars()) {
        IsNormalized::Yes => std::borrow::Cow::Borrowed(source),
        IsNormalized::No | IsNormalized::Maybe => std::borrow::Cow::Owned(source.nfc().collect()),
    }
}

pub fn bounded_source(source: &str) -> &str {
    if source.len() <= MAX_SOURCE_BYTES {
        return source;
    }
    let mut end = MAX_SOURCE_BYTES;
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    &source[..end]
}

/// What to do with one event of the Markdown stream.
pub enum Admit<'a> {
    Keep(Event<'a>),
    Drop,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Container { kept: bool },
    Item { kept: bool },
    Other { kept: bool },
}

impl Open {
    fn kept(self) -> bool {
        match self {
            Open::Container { kept } | Open::Item { kept } | Open::Other { kept } => kept,
        }
    }
}

/// Flattens the Markdown event stream: containers past [`MAX_NESTING`] and any tag past
/// [`MAX_HTML_DEPTH`] are left out (their text stays), with their end tags.
#[derive(Default)]
pub struct Nesting {
    stack: Vec<Open>,
    containers: usize,
    kept: usize,
}

impl Nesting {
    pub fn admit<'a>(&mut self, event: Event<'a>) -> Admit<'a> {
        match event {
            Event::Start(ref tag) => {
                let open = match tag {
                    Tag::BlockQuote(_) | Tag::List(_) => Open::Container {
                        kept: self.containers < MAX_NESTING && self.room(),
                    },
                    // An item of a list left out is left out too.
                    Tag::Item => Open::Item {
                        kept: self.stack.last().is_some_and(|o| o.kept()) && self.room(),
                    },
                    _ => Open::Other { kept: self.room() },
                };
                self.stack.push(open);
                if let Open::Container { kept: true } = open {
                    self.containers += 1;
                }
                if open.kept() {
                    self.kept += 1;
                    Admit::Keep(event)
                } else {
                    Admit::Drop
                }
            }
            Event::End(_) => match self.stack.pop() {
                Some(open) if open.kept() => {
                    self.kept -= 1;
                    if let Open::Container { .. } = open {
                        self.containers -= 1;
                    }
                    Admit::Keep(event)
                }
                // The text of items run together keeps a space between them.
                Some(Open::Item { kept: false }) => Admit::Keep(Event::SoftBreak),
                _ => Admit::Drop,
            },
            event => Admit::Keep(event),
        }
    }

    /// Leaves room under [`MAX_HTML_DEPTH`] for what a kept tag writes (`<ul><li><p>`).
    fn room(&self) -> bool {
        self.kept + 4 < MAX_HTML_DEPTH
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_depth_counts_quotes_and_lists() {
        assert_eq!(nesting_depth("plain"), 0);
        assert_eq!(nesting_depth("> a\n>\n> - b\n>   > c"), 3);
        assert_eq!(nesting_depth(&"> ".repeat(50_000)), 50_000);
    }

    #[test]
    fn body_problem_is_size_then_nesting() {
        assert_eq!(body_problem("> - > ordinary"), None);
        let long = "a".repeat(crate::article::MAX_BODY + 1);
        assert!(body_problem(&long).is_some_and(|p| p.contains("200000")));
        let deep = "> ".repeat(MAX_NESTING + 1) + "x";
        assert!(body_problem(&deep).is_some_and(|p| p.contains("nested")));
        assert_eq!(body_problem(&("> ".repeat(MAX_NESTING) + "x")), None);
    }

    #[test]
    fn bounded_source_cuts_at_a_character_boundary() {
        let long = "é".repeat(MAX_SOURCE_BYTES);
        let cut = bounded_source(&long);
        assert!(cut.len() <= MAX_SOURCE_BYTES && cut.len() + 2 > MAX_SOURCE_BYTES);
        assert_eq!(bounded_source("short"), "short");
    }

    #[test]
    fn flattening_keeps_tags_balanced() {
        let body = "- ".repeat(100) + "x\n";
        let mut n = Nesting::default();
        let mut starts = 0i64;
        let mut max = 0i64;
        for e in Parser::new(&body) {
            if let Admit::Keep(e) = n.admit(e) {
                match e {
                    Event::Start(_) => starts += 1,
                    Event::End(_) => starts -= 1,
                    _ => {}
                }
                max = max.max(starts);
            }
        }
        assert_eq!(starts, 0);
        assert!(max <= 2 * MAX_NESTING as i64 + 2, "{max}");
    }
}
