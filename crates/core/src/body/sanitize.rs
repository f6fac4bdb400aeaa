//! The last step of rendering: an explicit allow-list of what the renderer itself
//! produces, applied to everything, including raw HTML an author typed into the body.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(builder);

pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(&super::tidy::tidy(html, TAGS)).to_string()
}

/// The same allow-list for HTML this crate wrote itself from Markdown (no raw HTML from
/// the author): already nested and bounded as `tidy` would leave it (see `render::Tidy`).
pub fn sanitize_well_formed(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

const TAGS: &[&str] = &[
    "a",
    "abbr",
    "aside",
    "b",
    "blockquote",
    "br",
    "cite",
    "code",
    "del",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "small",
    "source",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "ul",
];

fn builder() -> ammonia::Builder<'static> {
    let mut attrs: HashMap<&'static str, HashSet<&'static str>> = HashMap::new();
    let mut set = |tag, names: &[&'static str]| {
        attrs.insert(tag, names.iter().copied().collect());
    };
    // `class` is never listed here: classes go through `allowed_classes` below.
    set("a", &["href", "title", "id", "rel", "aria-label"]);
    set("abbr", &["title"]);
    set(
        "img",
        &[
            "src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding", "title",
        ],
    );
    set("source", &["srcset", "sizes", "type"]);
    set("time", &["datetime"]);
    set("ol", &["start"]);
    // pulldown-cmark writes column alignment as `style="text-align: …"`; only that
    // property survives (see `filter_style_properties`).
    set("th", &["style"]);
    set("td", &["style"]);

    let mut classes: HashMap<&'static str, HashSet<&'static str>> = HashMap::new();
    classes.insert(
        "a",
        ["entity-mark", "related-link", "embed-play", "embed-link"].into(),
    );
    classes.insert(
        "figure",
        ["photo", "pullquote", "embed", "embed-video", "embed-social"].into(),
    );
    classes.insert("aside", ["related"].into());
    classes.insert("p", ["related-label", "embed-source"].into());
    classes.insert(
        "span",
        [
            "caption",
            "related-headline",
            "embed-provider",
            "embed-account",
            "embed-play-label",
        ]
        .into(),
    );
    classes.insert("small", ["credit"].into());

    let mut b = ammonia::Builder::empty();
    b.tags(TAGS.iter().copied().collect())
        .tag_attributes(attrs)
        .allowed_classes(classes)
        .filter_style_properties(["text-align"].into())
        .url_schemes(["http", "https", "mailto"].into())
        .url_relative(ammonia::UrlRelative::PassThrough)
        // `rel="noopener"` is added to external Markdown links by the renderer;
        // ammonia's own `link_rel` would put it on every link, marks included.
        .link_rel(None)
        .strip_comments(true)
        .clean_content_tags(["script", "style", "template", "textarea", "title"].into())
        .attribute_filter(filter_attribute);
    b
}

/// Values ammonia does not check on its own: `srcset` holds URLs, `id` could clash
/// with the page's anchors, `rel` could carry anything.
fn filter_attribute<'v>(element: &str, attribute: &str, value: &'v str) -> Option<Cow<'v, str>> {
    match (element, attribute) {
        (_, "srcset") => value
            .split(',')
            .filter_map(|candidate| candidate.split_whitespace().next())
            .all(is_safe_url)
            .then_some(Cow::Borrowed(value)),
        ("a", "id") => is_mark_id(value).then_some(Cow::Borrowed(value)),
        ("a", "rel") => {
            let tokens: Vec<&str> = value
                .split_whitespace()
                .filter(|t| matches!(*t, "noopener" | "noreferrer" | "nofollow" | "ugc"))
                .collect();
            (!tokens.is_empty()).then(|| Cow::Owned(tokens.join(" ")))
        }
        _ => Some(Cow::Borrowed(value)),
    }
}

fn is_mark_id(value: &str) -> bool {
    value
        .strip_prefix("mark-")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// http(s) or relative; the same rule ammonia applies to `href` and `src`.
fn is_safe_url(url: &str) -> bool {
    let scheme_end = url.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if url[i..].starts_with(':') => {
            let scheme = url[..i].to_ascii_lowercase();
            scheme == "http" || scheme == "https"
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srcset_with_a_script_url_is_dropped() {
        let out = sanitize(r#"<img src="a.jpg" srcset="a.jpg 1x, javascript:alert(1) 2x">"#);
        assert!(!out.contains("javascript"), "{out}");
        assert!(out.contains(r#"src="a.jpg""#), "{out}");
    }

    #[test]
    fn only_mark_ids_survive() {
        assert_eq!(
            sanitize(r#"<a href="/x" id="note-1">x</a>"#),
            r#"<a href="/x">x</a>"#
        );
        assert_eq!(
            sanitize(r#"<a href="/x" id="mark-12">x</a>"#),
            r#"<a href="/x" id="mark-12">x</a>"#
        );
    }

    #[test]
    fn embed_markup_keeps_only_the_renderers_classes_and_no_player() {
        assert_eq!(
            sanitize(
                r#"<figure class="embed embed-video video-js"><a class="embed-play autoplay" href="https://vimeo.com/1" data-id="1" rel="noopener nofollow">x</a><iframe src="https://player.vimeo.com/video/1"></iframe></figure>"#
            ),
            r#"<figure class="embed embed-video"><a class="embed-play" href="https://vimeo.com/1" rel="noopener nofollow">x</a></figure>"#
        );
        // An embed class on an element the renderer never gives it is dropped.
        assert_eq!(
            sanitize(r#"<div class="embed-play"><span class="embed-social">x</span></div>"#),
            r#"<span class="">x</span>"#
        );
    }

    #[test]
    fn rel_keeps_only_known_tokens() {
        assert_eq!(
            sanitize(r#"<a href="/x" rel="opener noopener">x</a>"#),
            r#"<a href="/x" rel="noopener">x</a>"#
        );
    }
}
