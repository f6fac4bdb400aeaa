use newsdesk_core::body::render;

use super::{ctx_with_notes, note};

#[test]
fn english_first_mention_gets_the_marker_and_the_note() {
    let c = ctx_with_notes(vec![note(
        7,
        &["Acme Holdings", "Acme"],
        "Acme Holdings is designated as a foreign agent.",
    )]);
    let out = render(
        "Shares of ACME HOLDINGS fell.\n\nLater, Acme said it would appeal. Acme again.",
        &c,
    );
    insta::assert_snapshot!(out.html);
    assert_eq!(out.notes.len(), 1);
    assert_eq!(out.notes[0].marker, "*");
    assert_eq!(out.notes[0].entity_id, 7);
    assert_eq!(
        out.notes[0].note,
        "Acme Holdings is designated as a foreign agent."
    );
    assert_eq!(out.html.matches("entity-mark").count(), 1);
}

#[test]
fn russian_inflected_alias_is_found() {
    let c = ctx_with_notes(vec![note(
        3,
        &["Мемориал", "Мемориала", "Мемориалу", "Мемориалом"],
        "Организация ликвидирована по решению суда.",
    )]);
    let out = render(
        "Бывшие сотрудники «Мемориала» заявили, что продолжат работу. Мемориал…",
        &c,
    );
    insta::assert_snapshot!(out.html);
    assert_eq!(out.notes.len(), 1);
}

#[test]
fn arabic_name_is_found_as_a_whole_word() {
    let c = ctx_with_notes(vec![note(4, &["الحزب الوطني"], "ملاحظة قانونية.")]);
    let out = render("قال متحدث باسم الحزب الوطني إن الحزب الوطنيين…", &c);
    insta::assert_snapshot!(out.html);
    assert_eq!(out.html.matches("entity-mark").count(), 1);
}

#[test]
fn a_mention_inside_a_link_is_not_marked_the_next_one_is() {
    let c = ctx_with_notes(vec![note(1, &["Acme"], "n")]);
    let out = render(
        "Read [about Acme](/en/acme) and <a href=\"/x\">Acme too</a>. Then Acme.",
        &c,
    );
    assert_eq!(
        out.html,
        "<p>Read <a href=\"/en/acme\">about Acme</a> and <a href=\"/x\">Acme too</a>. Then Acme<a href=\"#note-1\" class=\"entity-mark\" id=\"mark-1\" aria-label=\"Note 1\">*</a>.</p>\n"
    );
}

#[test]
fn code_image_alt_and_embed_cards_are_never_marked() {
    let c = ctx_with_notes(vec![note(1, &["Acme"], "n")]);
    let out = render(
        "`Acme` ![Acme logo](/logo.png)\n\n```\nAcme\n```\n\n::quote[Acme will win]{cite=\"Acme CEO\"}",
        &c,
    );
    assert!(out.notes.is_empty(), "{}", out.html);
    assert!(!out.html.contains("entity-mark"), "{}", out.html);
}

#[test]
fn several_entities_get_stars_in_order_of_first_mention() {
    let c = ctx_with_notes(vec![
        note(1, &["Alpha"], "a"),
        note(2, &["Beta"], "b"),
        note(3, &["Gamma"], "c"),
    ]);
    let out = render("## Gamma rises\n\nBeta and Alpha, then Gamma.", &c);
    let got: Vec<(&str, i64)> = out
        .notes
        .iter()
        .map(|n| (n.marker.as_str(), n.entity_id))
        .collect();
    assert_eq!(got, vec![("*", 3), ("**", 2), ("***", 1)]);
    assert!(
        out.html.starts_with("<h2>Gamma<a href=\"#note-3\""),
        "{}",
        out.html
    );
}

#[test]
fn more_than_three_entities_are_numbered() {
    let c = ctx_with_notes(
        (1..=4)
            .map(|i| {
                note(
                    i,
                    &[["Alpha", "Beta", "Gamma", "Delta"][i as usize - 1]],
                    "x",
                )
            })
            .collect(),
    );
    let out = render("Alpha Beta Gamma Delta", &c);
    let markers: Vec<&str> = out.notes.iter().map(|n| n.marker.as_str()).collect();
    assert_eq!(markers, vec!["1", "2", "3", "4"]);
}

#[test]
fn the_longest_name_wins() {
    let c = ctx_with_notes(vec![
        note(1, &["Gazprom"], "g"),
        note(2, &["Gazprom Neft"], "gn"),
    ]);
    let out = render("Gazprom Neft, a unit of Gazprom, said…", &c);
    let ids: Vec<i64> = out.notes.iter().map(|n| n.entity_id).collect();
    assert_eq!(ids, vec![2, 1]);
    assert!(
        out.html.contains("Gazprom Neft<a href=\"#note-2\""),
        "{}",
        out.html
    );
}

#[test]
fn text_inside_a_raw_link_opened_in_an_html_block_is_not_marked() {
    let c = ctx_with_notes(vec![note(1, &["Acme"], "n")]);
    let out = render(
        "<a href=\"/acme\">\n\nAcme inside\n\n</a>\n\nAcme outside",
        &c,
    );
    assert_eq!(out.html.matches("entity-mark").count(), 1, "{}", out.html);
    assert!(
        out.html
            .contains("Acme<a href=\"#note-1\" class=\"entity-mark\""),
        "{}",
        out.html
    );
    assert!(out.html.ends_with("outside</p>\n"), "{}", out.html);
}

#[test]
fn a_name_typed_with_combining_accents_is_read_as_composed() {
    let c = ctx_with_notes(vec![note(4, &["Société Générale"], "A note on the bank.")]);
    let composed = render("Société Générale reported a loss.", &c);
    // The same words with each é as e + U+0301 (as some keyboards and pastes send them).
    let decomposed = render(
        "Socie\u{301}te\u{301} Ge\u{301}ne\u{301}rale reported a loss.",
        &c,
    );
    assert_eq!(decomposed.notes.len(), 1, "the note is found");
    assert_eq!(
        decomposed.html, composed.html,
        "and the text printed composed"
    );
    assert!(!decomposed.html.contains('\u{301}'));
}
