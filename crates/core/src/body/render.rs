//! The rendering pipeline: embeds come from `blocks`, entity notes are applied to text
//! events (so links, code and the cards' own markup are never touched), then the HTML
//! is sanitised.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd, html};

use super::blocks::{Block, blocks};
use super::embed::{Embed, unsupported_embed};
use super::limits::{self, Admit, Nesting};
use super::notes::NoteMatcher;
use super::{EmbedRefs, EmbedStyle, RenderContext, RenderedBody, RenderedNote, cards, sanitize};

/// Lists the articles and photos a body embeds, so the caller can load them.
/// At most [`limits::MAX_EMBEDS`] of each kind: the rest render nothing.
pub fn embeds(markdown: &str) -> EmbedRefs {
    let source = limits::normalized_source(markdown);
    let mut refs = EmbedRefs::default();
    let mut seen = HashSet::new();
    for piece in blocks(&source).into_iter().filter_map(|b| match b {
        Block::Embed(embed, _) => Some(embed),
        _ => None,
    }) {
        let (list, key) = match piece {
            Embed::Related { article_id } => (&mut refs.articles, (true, article_id)),
            Embed::Photo { photo_id, .. } => (&mut refs.photos, (false, photo_id)),
            Embed::Quote { .. } | Embed::Social { .. } | Embed::Unknown { .. } => continue,
        };
        let id = key.1;
        if list.len() < limits::MAX_EMBEDS && seen.insert(key) {
            list.push(id);
        }
    }
    refs
}

/// What saving must refuse in a body's embeds, one message per problem: an `::embed`
/// whose address is not a post or video the site shows (readers would see nothing).
/// Lines are found as the renderer finds them, so code and escaped lines never count.
pub fn embed_problems(markdown: &str) -> Vec<String> {
    let source = limits::normalized_source(markdown);
    blocks(&source)
        .into_iter()
        .filter_map(|b| match b {
            Block::Embed(Embed::Unknown { .. }, line) => unsupported_embed(&line).map(|url| {
                let url = if url.is_empty() { "(no address)" } else { url };
                format!(
                    "This address is not a supported social post or video: {}. Embeds take \
                     https:// addresses of YouTube and Vimeo videos and of posts on X, Bluesky, \
                     Mastodon, Instagram, TikTok and Facebook.",
                    shorten(url)
                )
            }),
            _ => None,
        })
        .collect()
}

/// An address as quoted back in a message: a pasted page of text need not come back whole.
fn shorten(url: &str) -> String {
    const SHOWN: usize = 120;
    if url.chars().count() <= SHOWN {
        return url.to_owned();
    }
    let mut short: String = url.chars().take(SHOWN).collect();
    short.push('…');
    short
}

/// Renders a body to sanitised HTML. Never fails: whatever cannot be rendered is left out.
/// The work is bounded whatever the input (see [`limits`]): nesting is flattened, and
/// output past [`limits::MAX_HTML_BYTES`] is left out.
pub fn render(markdown: &str, ctx: &RenderContext) -> RenderedBody {
    render_with(markdown, ctx, Tidy::WhenAuthorHtml)
}

/// When the rendered HTML goes through `tidy` before the sanitiser.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tidy {
    /// Only when the author typed raw HTML: everything else was written by pulldown-cmark
    /// and this module, properly nested and at most [`limits::MAX_HTML_DEPTH`] deep
    /// already (see [`Nesting`]), so the tree builder's work is bounded without it, and
    /// the sanitiser builds the same tree from it either way. Tidying had been a twelfth
    /// of an article page's cache miss.
    WhenAuthorHtml,
    /// Always (the tests compare the two).
    #[cfg(test)]
    Always,
}

fn render_with(markdown: &str, ctx: &RenderContext, tidy: Tidy) -> RenderedBody {
    let source = limits::normalized_source(markdown);
    let blocks = blocks(&source);
    let h1_present = blocks.iter().any(|b| {
        matches!(
            b,
            Block::Event(Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }))
        )
    });
    let mut r = Renderer {
        ctx,
        matcher: NoteMatcher::new(ctx.entity_notes.clone()),
        out: Vec::new(),
        marks: Vec::new(),
        heading_shift: usize::from(h1_present),
        links: Vec::new(),
        raw_link_depth: 0,
        image_depth: 0,
        in_code_block: false,
        plain: String::new(),
        skipped: Vec::new(),
        written: 0,
        author_html: false,
        tidy,
    };
    let mut nesting = Nesting::default();
    for block in blocks {
        if r.written > limits::MAX_HTML_BYTES {
            break;
        }
        match block {
            Block::Event(event) => {
                if let Admit::Keep(event) = nesting.admit(event) {
                    r.event(event);
                }
            }
            Block::Embed(embed, line) => r.embed(&embed, line),
        }
    }
    r.finish()
}

enum Out<'a> {
    Event(Event<'a>),
    /// Index into `Renderer::marks`; the marker's text depends on how many there are.
    Mark(usize),
}

struct Renderer<'c, 'a> {
    ctx: &'c RenderContext,
    matcher: NoteMatcher,
    out: Vec<Out<'a>>,
    /// Entity ids in order of first mention.
    marks: Vec<i64>,
    heading_shift: usize,
    /// For each open Markdown link: whether it was written as an external `<a>` here.
    links: Vec<bool>,
    raw_link_depth: usize,
    image_depth: usize,
    in_code_block: bool,
    /// Running text, for the word count.
    plain: String,
    skipped: Vec<String>,
    /// About how many bytes of HTML the events so far will write.
    written: usize,
    /// Whether raw HTML the author typed is in the output (see [`Tidy`]).
    author_html: bool,
    tidy: Tidy,
}

impl<'a> Renderer<'_, 'a> {
    fn emit(&mut self, event: Event<'a>) {
        self.written += match &event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => t.len(),
            Event::Start(Tag::Link {
                dest_url, title, ..
            })
            | Event::Start(Tag::Image {
                dest_url, title, ..
            }) => dest_url.len() + title.len() + 32,
            _ => 16,
        };
        self.out.push(Out::Event(event));
    }

    fn embed(&mut self, embed: &Embed, line: String) {
        let labels = &self.ctx.labels;
        let html = match embed {
            Embed::Related { article_id } => self
                .ctx
                .related
                .get(article_id)
                .map(|card| cards::related_card(card, &labels.related)),
            Embed::Photo { photo_id, caption } => self
                .ctx
                .photos
                .get(photo_id)
                .map(|photo| cards::photo_figure(photo, caption.as_deref())),
            Embed::Quote { text, cite } => Some(cards::pull_quote(text, cite.as_deref())),
            Embed::Social { post, caption } => Some(match self.ctx.embed_style {
                EmbedStyle::Page => cards::social_embed(post, caption.as_deref(), labels),
                EmbedStyle::Link => cards::social_link(post, caption.as_deref(), labels),
            }),
            Embed::Unknown { .. } => None,
        };
        match html {
            Some(html) => self.emit(Event::Html(html.into())),
            None => self.skipped.push(line),
        }
    }

    fn event(&mut self, event: Event<'a>) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.emit(Event::Start(Tag::Heading {
                    level: self.shift(level),
                    id: None,
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                self.plain.push(' ');
                self.emit(Event::End(TagEnd::Heading(self.shift(level))));
            }
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) if is_external(&dest_url) => {
                self.links.push(true);
                let mut a = format!("<a href=\"{}\"", cards::escape(&dest_url));
                if !title.is_empty() {
                    a.push_str(&format!(" title=\"{}\"", cards::escape(&title)));
                }
                a.push_str(" rel=\"noopener\">");
                self.emit(Event::InlineHtml(a.into()));
            }
            Event::Start(tag @ Tag::Link { .. }) => {
                self.links.push(false);
                self.emit(Event::Start(tag));
            }
            Event::End(TagEnd::Link) => match self.links.pop() {
                Some(true) => self.emit(Event::InlineHtml("</a>".into())),
                _ => self.emit(Event::End(TagEnd::Link)),
            },
            Event::Start(tag @ Tag::Image { .. }) => {
                self.image_depth += 1;
                self.emit(Event::Start(tag));
            }
            Event::End(TagEnd::Image) => {
                self.image_depth = self.image_depth.saturating_sub(1);
                self.emit(Event::End(TagEnd::Image));
            }
            Event::Start(tag @ Tag::CodeBlock(_)) => {
                self.in_code_block = true;
                self.emit(Event::Start(tag));
            }
            Event::End(TagEnd::CodeBlock) => {
                self.in_code_block = false;
                self.emit(Event::End(TagEnd::CodeBlock));
            }
            Event::Text(text) if !self.in_code_block && self.image_depth == 0 => {
                self.plain.push_str(&text);
                self.text(text);
            }
            Event::InlineHtml(html) => {
                self.author_html = true;
                self.track_raw_links(&html);
                self.emit(Event::InlineHtml(html));
            }
            Event::Html(html) => {
                self.author_html = true;
                self.track_raw_links(&html);
                self.emit(Event::Html(html));
            }
            Event::Code(code) => {
                self.plain.push_str(&code);
                self.emit(Event::Code(code));
            }
            event => {
                if matches!(
                    event,
                    Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph)
                ) || matches!(event, Event::End(TagEnd::Item | TagEnd::TableCell))
                {
                    self.plain.push(' ');
                }
                self.emit(event);
            }
        }
    }

    /// An author's raw `<a>` counts as a link, even when it opens in an HTML block and
    /// the Markdown text inside it follows: no markers until it closes.
    fn track_raw_links(&mut self, html: &str) {
        let lower = html.to_ascii_lowercase();
        let bytes = lower.as_bytes();
        for (i, _) in lower.match_indices("<a") {
            if bytes
                .get(i + 2)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'>')
            {
                self.raw_link_depth += 1;
            }
        }
        let closes = lower.matches("</a>").count() + lower.matches("</a ").count();
        self.raw_link_depth = self.raw_link_depth.saturating_sub(closes);
    }

    fn text(&mut self, text: CowStr<'a>) {
        if !self.links.is_empty() || self.raw_link_depth > 0 {
            return self.emit(Event::Text(text));
        }
        let mentions = self.matcher.first_mentions(&text);
        if mentions.is_empty() {
            return self.emit(Event::Text(text));
        }
        let mut pos = 0;
        for m in mentions {
            let piece = text[pos..m.range.end].to_owned();
            self.emit(Event::Text(piece.into()));
            self.marks.push(m.entity_id);
            self.out.push(Out::Mark(self.marks.len() - 1));
            pos = m.range.end;
        }
        if pos < text.len() {
            let rest = text[pos..].to_owned();
            self.emit(Event::Text(rest.into()));
        }
    }

    /// Body headings start at h2 (the page's h1 is the headline) and stop at h4.
    fn shift(&self, level: HeadingLevel) -> HeadingLevel {
        match level as usize + self.heading_shift {
            ..=2 => HeadingLevel::H2,
            3 => HeadingLevel::H3,
            _ => HeadingLevel::H4,
        }
    }

    fn finish(self) -> RenderedBody {
        let markers: Vec<String> = (0..self.marks.len())
            .map(|i| marker_text(i, self.marks.len()))
            .collect();
        let note_label = cards::escape(&self.ctx.labels.note);
        let events = self.out.into_iter().map(|out| match out {
            Out::Event(e) => e,
            Out::Mark(i) => {
                let id = self.marks.get(i).copied().unwrap_or_default();
                let marker = markers.get(i).map(String::as_str).unwrap_or("*");
                Event::InlineHtml(
                    format!(
                        "<a href=\"#note-{id}\" class=\"entity-mark\" id=\"mark-{id}\" aria-label=\"{note_label} {n}\">{marker}</a>",
                        n = i + 1
                    )
                    .into(),
                )
            }
        });
        let mut raw = String::new();
        html::push_html(&mut raw, events);
        let notes = self
            .marks
            .iter()
            .zip(markers)
            .map(|(&entity_id, marker)| RenderedNote {
                marker,
                entity_id,
                note: self
                    .ctx
                    .entity_notes
                    .notes()
                    .iter()
                    .find(|n| n.entity_id == entity_id)
                    .map(|n| n.note.clone())
                    .unwrap_or_default(),
            })
            .collect();
        let tidied = match self.tidy {
            Tidy::WhenAuthorHtml => self.author_html,
            #[cfg(test)]
            Tidy::Always => true,
        };
        let html = if tidied {
            sanitize::sanitize(&raw)
        } else {
            sanitize::sanitize_well_formed(&raw)
        };
        RenderedBody {
            html,
            notes,
            word_count: word_count(&self.plain),
            skipped_embeds: self.skipped,
        }
    }
}

/// `*`, `**`, `***` for up to three notes (the newspaper convention); beyond that
/// stars stop being countable, so every marker becomes a number.
fn marker_text(index: usize, total: usize) -> String {
    if total <= 3 {
        "*".repeat(index + 1)
    } else {
        (index + 1).to_string()
    }
}

fn is_external(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//")
}

/// The rule the editor's live count uses too (see [`crate::reading`]).
fn word_count(text: &str) -> usize {
    crate::reading::count_words(text)
}

#[cfg(test)]
#[path = "render_tests.rs"]
mod tests;
