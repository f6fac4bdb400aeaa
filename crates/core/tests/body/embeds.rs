use newsdesk_core::body::{EmbedRefs, Labels, RelatedCard, embeds, render};

use super::{ctx, related};

#[test]
fn embeds_lists_ids_once_in_order_and_ignores_code() {
    let md = "Intro.\n\n::photo[45]\n\n::related[9]\n::related[123]{x=\"y\"}\n\n::photo[45]{caption=\"again\"}\n\n```\n::photo[99]\n```\n\n`::related[98]`\n\n::quote[Words]";
    assert_eq!(
        embeds(md),
        EmbedRefs {
            articles: vec![9, 123],
            photos: vec![45],
        }
    );
}

#[test]
fn related_card() {
    let out = render("Before.\n\n::related[123]\n\nAfter.", &ctx());
    insta::assert_snapshot!(out.html);
    assert!(out.skipped_embeds.is_empty());
}

#[test]
fn related_card_label_is_in_the_editions_language() {
    let mut c = ctx();
    c.labels = Labels {
        related: "Читайте также".into(),
        note: "Примечание".into(),
        ..Labels::default()
    };
    c.related.insert(
        123,
        RelatedCard {
            photo: None,
            ..related(123)
        },
    );
    let out = render("::related[123]", &c);
    assert!(
        out.html
            .contains("<p class=\"related-label\">Читайте также</p>"),
        "{}",
        out.html
    );
    assert!(!out.html.contains("<picture>"), "{}", out.html);
}

#[test]
fn photo_figure_with_credit() {
    insta::assert_snapshot!(render("::photo[45]", &ctx()).html);
}

#[test]
fn photo_caption_override() {
    let out = render(
        "::photo[45]{caption=\"Smoke over the \\\"old\\\" port\"}",
        &ctx(),
    );
    assert!(
        out.html
            .contains("<span class=\"caption\">Smoke over the \"old\" port</span>"),
        "{}",
        out.html
    );
    assert!(!out.html.contains("The warehouse fire"), "{}", out.html);
    assert!(
        out.html.contains("© REUTERS 2026 / Jane Doe"),
        "{}",
        out.html
    );
}

#[test]
fn pull_quote() {
    insta::assert_snapshot!(
        render(
            "::quote[We will rebuild & we <will> be back]{cite=\"Ana Ruiz, mayor\"}",
            &ctx()
        )
        .html
    );
}

#[test]
fn embed_line_inside_a_paragraph_splits_it() {
    let out = render("First line\n::photo[45]\nlast line", &ctx());
    insta::assert_snapshot!(out.html);
}

#[test]
fn unknown_and_missing_embeds_render_nothing_and_are_reported() {
    let md = "A\n\n::related[999]\n\n::photo[1000]\n\n::video[5]\n\n::related[abc]\n\nB";
    let out = render(md, &ctx());
    assert_eq!(out.html, "<p>A</p>\n<p>B</p>\n");
    assert_eq!(
        out.skipped_embeds,
        vec![
            "::related[999]",
            "::photo[1000]",
            "::video[5]",
            "::related[abc]"
        ]
    );
}

#[test]
fn escaped_embed_syntax_is_text() {
    let out = render("\\::related[123]", &ctx());
    assert_eq!(out.html, "<p>::related[123]</p>\n");
}

#[test]
fn card_text_is_escaped() {
    let mut c = ctx();
    c.related.insert(5, {
        let mut r = related(5);
        r.headline = "<script>alert(1)</script> & co".into();
        r.url = "javascript:alert(1)".into();
        r
    });
    let out = render("::related[5]", &c);
    assert!(
        out.html
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"),
        "{}",
        out.html
    );
    assert!(!out.html.contains("javascript:"), "{}", out.html);
}

#[test]
fn headings_start_at_h2() {
    let out = render("# Top\n\n## Next\n\n#### Deep", &ctx());
    assert_eq!(out.html, "<h2>Top</h2>\n<h3>Next</h3>\n<h4>Deep</h4>\n");
    let out = render("## Already h2\n\n### Sub", &ctx());
    assert_eq!(out.html, "<h2>Already h2</h2>\n<h3>Sub</h3>\n");
}

#[test]
fn tables_strikethrough_and_word_count() {
    let out = render(
        "| a | b |\n|:--|--:|\n| one | two |\n\n~~gone~~ text, `code`\n\n```\nnot counted\n```",
        &ctx(),
    );
    insta::assert_snapshot!(out.html);
    assert_eq!(out.word_count, 2 + 2 + 3);
}

#[test]
fn external_links_get_noopener_internal_do_not() {
    let out = render(
        "[a](https://example.com/x \"T\") and [b](/en/news/1)",
        &ctx(),
    );
    assert_eq!(
        out.html,
        "<p><a href=\"https://example.com/x\" title=\"T\" rel=\"noopener\">a</a> and <a href=\"/en/news/1\">b</a></p>\n"
    );
}
