//! Skipping `tidy` for Markdown without raw HTML must not change a byte of the output.

use std::collections::HashMap;

use proptest::prelude::*;

use super::{Tidy, render_with};
use crate::EntityNote;
use crate::body::{EntityNotes, Labels, PhotoView, PictureSource, RelatedCard, RenderContext};

fn photo(id: i64) -> PhotoView {
    PhotoView {
        src: format!("/media/{id}/1200.jpg"),
        sources: vec![PictureSource {
            mime: "image/webp".into(),
            srcset: format!("/media/{id}/600.webp 600w, /media/{id}/1200.webp 1200w"),
        }],
        sizes: "(min-width: 60em) 40em, 100vw".into(),
        width: 1200,
        height: 800,
        alt: "Firefighters \"at\" <night> & 'day'".into(),
        caption: "The fire & the <smoke>".into(),
        credit_line: "© REUTERS 2026 / Jane Doe".into(),
    }
}

fn ctx() -> RenderContext {
    RenderContext {
        related: HashMap::from([(
            123,
            RelatedCard {
                url: "/en/news/2026/11/123-council-votes".into(),
                headline: "Council votes to rebuild the <old> \"harbour\"".into(),
                published_label: "3 November 2026".into(),
                datetime: "2026-11-03T09:30:00Z".into(),
                photo: Some(photo(7)),
            },
        )]),
        photos: HashMap::from([(45, photo(45))]),
        entity_notes: EntityNotes::shared(vec![EntityNote {
            entity_id: 9,
            names: vec!["Acme".into(), "الحزب".into()],
            note: "Acme is listed as extremist in Freedonia.".into(),
        }]),
        labels: Labels::default(),
        embed_style: Default::default(),
    }
}

/// Markdown of every kind the renderer writes, and a few raw-HTML pieces so that both
/// paths are taken.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("::related[123]".to_owned()),
        Just("::related[5]".to_owned()),
        Just("::photo[45]{caption=\"c & <d>\"}".to_owned()),
        Just("::quote[\"Hi\" <b>]{cite=\"A & B\"}".to_owned()),
        Just("::embed[https://youtu.be/dQw4w9WgXcQ]{caption=\"x\"}".to_owned()),
        Just("::embed[https://bsky.app/profile/a.bsky.social/post/3k]".to_owned()),
        Just("[l](javascript:alert(1))".to_owned()),
        Just("[l](/en/x \"t & 'u'\")".to_owned()),
        Just("[ext](https://example.org/a?b=1&c=2)".to_owned()),
        Just("<https://example.org/auto>".to_owned()),
        Just("![i](data:text/html,x)".to_owned()),
        Just("![alt \"q\"](/media/1.jpg \"title\")".to_owned()),
        Just("<b>raw</b>".to_owned()),
        Just("<div>".to_owned()),
        Just("Acme".to_owned()),
        Just("الحزب".to_owned()),
        Just("&nbsp;&amp;&lt;&#39;&quot;".to_owned()),
        Just("\u{a0}".to_owned()),
        Just("# ".to_owned()),
        Just("#### ".to_owned()),
        Just("> ".to_owned()),
        Just("- ".to_owned()),
        Just("1. ".to_owned()),
        Just("3. ".to_owned()),
        Just("```\n<script>x</script>\n```".to_owned()),
        Just("`<b>`".to_owned()),
        Just("*".to_owned()),
        Just("**".to_owned()),
        Just("_".to_owned()),
        Just("|a|b|\n|:-|-:|\n|c|d|\n".to_owned()),
        Just("~~".to_owned()),
        Just("[".to_owned()),
        Just("](".to_owned()),
        Just("---\n".to_owned()),
        Just("  \n".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("    ".to_owned()),
        "[a-zA-Z0-9 =\"'&;:/()\\[\\]{}!#*_-]{0,12}",
        "\\PC{0,6}",
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..32).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn output_is_the_same_with_or_without_tidy(md in document()) {
        let ctx = ctx();
        let fast = render_with(&md, &ctx, Tidy::WhenAuthorHtml);
        let tidied = render_with(&md, &ctx, Tidy::Always);
        prop_assert_eq!(fast, tidied);
    }
}

#[test]
fn deep_markdown_is_the_same_with_or_without_tidy() {
    // Nesting past the limits is flattened before the HTML is written.
    let md = format!(
        "{}deep\n\n{}item\n\n| a | b |\n|---|---|\n| **x** | [y](/y) |\n",
        "> ".repeat(40),
        (0..40)
            .map(|i| format!("{}- ", "  ".repeat(i)))
            .collect::<String>()
    );
    let ctx = ctx();
    assert_eq!(
        render_with(&md, &ctx, Tidy::WhenAuthorHtml),
        render_with(&md, &ctx, Tidy::Always)
    );
}
