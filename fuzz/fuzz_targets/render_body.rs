#![no_main]
//! Renders arbitrary text as an article body, with the production limits (they live in
//! `newsdesk_core::body::limits` and apply inside `render`). A panic, a hang past
//! libFuzzer's `-timeout` or memory past `-rss_limit_mb` is a finding.

use newsdesk_core::EntityNote;
use newsdesk_core::body::{EntityNotes, PhotoView, RenderContext, embeds, render};

fn context() -> RenderContext {
    let photo = PhotoView {
        src: "/media/1/1200.jpg".into(),
        sources: Vec::new(),
        sizes: "100vw".into(),
        width: 1200,
        height: 800,
        alt: "alt".into(),
        caption: "caption".into(),
        credit_line: "credit".into(),
    };
    let mut ctx = RenderContext {
        entity_notes: EntityNotes::shared(vec![EntityNote {
            entity_id: 1,
            names: vec!["Acme".into(), "Acme Holdings".into()],
            note: "a note".into(),
        }]),
        ..RenderContext::default()
    };
    ctx.photos.insert(1, photo);
    ctx
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // What a request could make the server do: list the embeds, then render.
    let _ = embeds(text);
    let out = render(text, &context());
    assert!(out.html.len() <= 2 * newsdesk_core::body::limits::MAX_HTML_BYTES);
});
