//! Finding embeds: the document as pulldown-cmark events, with each paragraph split at
//! its line breaks so that a line which is exactly embed syntax becomes an embed block.
//! Working from event offsets (not from raw source lines) keeps code blocks, code spans
//! and container prefixes such as `> ` out of the way.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, TextMergeWithOffset};

use super::embed::{Embed, parse_line};

type Spanned<'a> = (Event<'a>, Range<usize>);

/// The document as events, with embed lines lifted out of their paragraphs.
pub enum Block<'a> {
    Event(Event<'a>),
    Embed(Embed, String),
}

pub(super) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

pub fn blocks(source: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut events =
        TextMergeWithOffset::new(Parser::new_ext(source, options()).into_offset_iter());
    while let Some((event, _)) = events.next() {
        if !matches!(event, Event::Start(Tag::Paragraph)) {
            out.push(Block::Event(event));
            continue;
        }
        let mut inner = Vec::new();
        for (event, range) in events.by_ref() {
            if matches!(event, Event::End(TagEnd::Paragraph)) {
                break;
            }
            inner.push((event, range));
        }
        split_paragraph(source, inner, &mut out);
    }
    out
}

/// Splits a paragraph at its line breaks; a line that is exactly embed syntax becomes
/// an embed block, the other lines stay together as paragraphs.
fn split_paragraph<'a>(source: &str, inner: Vec<Spanned<'a>>, out: &mut Vec<Block<'a>>) {
    let mut lines: Vec<(Vec<Spanned<'a>>, Option<Event<'a>>)> = vec![(Vec::new(), None)];
    for (event, range) in inner {
        match event {
            Event::SoftBreak | Event::HardBreak => {
                if let Some(last) = lines.last_mut() {
                    last.1 = Some(event);
                }
                lines.push((Vec::new(), None));
            }
            _ => {
                if let Some(last) = lines.last_mut() {
                    last.0.push((event, range));
                }
            }
        }
    }
    let mut current: Vec<Event<'a>> = Vec::new();
    let mut pending_break: Option<Event<'a>> = None;
    let flush = |current: &mut Vec<Event<'a>>, out: &mut Vec<Block<'a>>| {
        if !current.is_empty() {
            out.push(Block::Event(Event::Start(Tag::Paragraph)));
            out.extend(current.drain(..).map(Block::Event));
            out.push(Block::Event(Event::End(TagEnd::Paragraph)));
        }
    };
    for (line, separator) in lines {
        if let Some((embed, text)) = line_embed(source, &line) {
            flush(&mut current, out);
            out.push(Block::Embed(embed, text));
            pending_break = None;
            continue;
        }
        if let Some(b) = pending_break.take()
            && !current.is_empty()
            && !line.is_empty()
        {
            current.push(b);
        }
        current.extend(line.into_iter().map(|(e, _)| e));
        pending_break = separator;
    }
    flush(&mut current, out);
}

fn line_embed(source: &str, line: &[Spanned<'_>]) -> Option<(Embed, String)> {
    let starts = line
        .iter()
        .filter(|(e, _)| matches!(e, Event::Start(_)))
        .count();
    let ends = line
        .iter()
        .filter(|(e, _)| matches!(e, Event::End(_)))
        .count();
    if starts != ends {
        return None; // a link or emphasis continues on another line
    }
    let start = line.iter().map(|(_, r)| r.start).min()?;
    let end = line.iter().map(|(_, r)| r.end).max()?;
    // `\::related[1]` is how an author writes the syntax as text; the escaping
    // backslash lies just outside the events' ranges.
    if source.get(..start)?.ends_with('\\') {
        return None;
    }
    let text = source.get(start..end)?;
    parse_line(text).map(|embed| (embed, text.trim().to_owned()))
}
