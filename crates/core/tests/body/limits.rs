//! Issue 12: bodies shaped to make the renderer slow. Work is asserted through what
//! comes out (nesting, size); the watchdog only catches a hang (before the fix,
//! `">"*100000` took 118 s), it is not a speed test.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use newsdesk_core::body::limits::{MAX_EMBEDS, MAX_HTML_BYTES, MAX_HTML_DEPTH, MAX_NESTING};
use newsdesk_core::body::{RenderContext, RenderedBody, embeds, render};

use super::{ctx, photo};

/// Renders on another thread and fails the test if that takes more than 20 s.
fn render_watched(body: String, ctx: RenderContext) -> RenderedBody {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(render(&body, &ctx));
    });
    match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(out) => out,
        Err(_) => panic!("rendering did not finish within 20 s"),
    }
}

/// Deepest element nesting of serialised HTML (void elements do not nest).
fn depth(html: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0);
    for piece in html.split('<').skip(1) {
        let name: String = piece
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if matches!(name.as_str(), "br" | "hr" | "img" | "source") {
            continue;
        }
        if piece.starts_with('/') {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

fn worst_bodies() -> Vec<(&'static str, String)> {
    vec![
        ("gt", ">".repeat(100_000)),
        ("gt-space", "> ".repeat(60_000) + "deep"),
        ("dash", "- ".repeat(60_000) + "deep"),
        (
            "dash-lines",
            (0..3_000)
                .map(|i| format!("{}- x\n", "  ".repeat(i)))
                .collect(),
        ),
        ("ordered", "1. ".repeat(60_000) + "deep"),
        ("quote-list", "> - ".repeat(40_000) + "deep"),
        ("emphasis", "*a **b ".repeat(30_000)),
        ("stars", "*".repeat(100_000)),
        ("brackets", "[".repeat(100_000)),
        ("div", "<div>".repeat(40_000) + "deep"),
        ("bold", "<b>".repeat(60_000) + "deep"),
        (
            "span-quote",
            "<span title=\"".to_owned() + &"<span>".repeat(30_000),
        ),
        ("table", "<table>x".repeat(20_000)),
        ("cells", "<td><table>".repeat(20_000)),
        (
            "formatting",
            (0..20_000).map(|i| format!("<p><b title={i}>x")).collect(),
        ),
        ("backticks", "`".repeat(100_000)),
        ("combining", "a".to_owned() + &"\u{301}".repeat(100_000)),
    ]
}

#[test]
fn worst_bodies_render_with_bounded_nesting() {
    for (name, body) in worst_bodies() {
        let out = render_watched(body, ctx());
        let d = depth(&out.html);
        // The tree builder may add a `<tbody><tr>` around each counted cell.
        assert!(d <= 2 * MAX_HTML_DEPTH, "{name}: nested {d} deep");
        assert!(
            out.html.len() <= 2 * MAX_HTML_BYTES,
            "{name}: {} bytes",
            out.html.len()
        );
    }
}

#[test]
fn text_past_the_nesting_limit_is_kept() {
    let out = render_watched("> ".repeat(1_000) + "deep down", ctx());
    assert!(out.html.contains("deep down"), "{}", out.html);
    assert_eq!(out.html.matches("<blockquote>").count(), MAX_NESTING);
    let out = render_watched("- ".repeat(1_000) + "item", ctx());
    assert!(out.html.contains("item"));
    assert_eq!(out.html.matches("<ul>").count(), MAX_NESTING);
}

#[test]
fn ordinary_nesting_is_untouched() {
    let body = "> quote\n>\n> - one\n>   - two\n>     1. three\n";
    let out = render(body, &ctx());
    assert_eq!(out.html.matches("<blockquote>").count(), 1);
    assert_eq!(out.html.matches("<ul>").count(), 2);
    assert_eq!(out.html.matches("<ol>").count(), 1);
    assert!(out.html.contains("three"));
}

#[test]
fn a_long_link_reference_used_many_times_is_cut_off() {
    let body = format!("[r]: /{}\n\n{}", "u".repeat(100_000), "[r] ".repeat(30_000));
    // Unbounded this would be 3 GB of HTML.
    let out = render_watched(body, ctx());
    assert!(
        out.html.len() <= 2 * MAX_HTML_BYTES,
        "{} bytes",
        out.html.len()
    );
}

#[test]
fn many_photo_cards_are_cut_off() {
    let mut ctx = ctx();
    ctx.photos.insert(1, photo(1));
    let out = render_watched("::photo[1]\n\n".repeat(20_000), ctx);
    assert!(
        out.html.len() <= 2 * MAX_HTML_BYTES,
        "{} bytes",
        out.html.len()
    );
    assert!(out.html.contains("<figure"));
}

#[test]
fn embeds_lists_a_bounded_number_of_ids() {
    let body: String = (1..5_000).map(|i| format!("::photo[{i}]\n\n")).collect();
    let refs = embeds(&body);
    assert_eq!(refs.photos.len(), MAX_EMBEDS);
    assert_eq!(refs.photos[..3], [1, 2, 3]);
}
