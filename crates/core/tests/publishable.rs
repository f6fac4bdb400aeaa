//! The save and publish rules, with the messages an editor reads.

use std::collections::HashMap;

use newsdesk_core::publishable::{Facts, References, check_publishable, check_references};
use newsdesk_core::{ArticleDraft, ArticleStatus, FieldError};

/// A draft that satisfies every rule against [`facts`].
fn ready() -> ArticleDraft {
    ArticleDraft {
        edition: "en".into(),
        headline: "Harbour reopens".into(),
        body: "The port reopened on Monday.\n\n::photo[22]\n\n::related[5]".into(),
        hero_photo_id: Some(21),
        section_id: Some(1),
        author_ids: vec![3],
        ..ArticleDraft::default()
    }
}

fn facts() -> Facts {
    Facts {
        photos: HashMap::from([
            (21, "Cranes at dawn".to_owned()),
            (22, "Ships queueing outside the breakwater".to_owned()),
        ]),
        articles: HashMap::from([(5, ArticleStatus::Published)]),
    }
}

fn messages(result: Result<(), newsdesk_core::ValidationError>) -> Vec<(&'static str, String)> {
    result
        .err()
        .map(|e| {
            e.errors
                .into_iter()
                .map(|FieldError { field, message }| (field, message))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_complete_article_passes_both_rules() {
    assert_eq!(check_references(&ready(), &facts()), Ok(()));
    assert_eq!(check_publishable(&ready(), &facts()), Ok(()));
}

#[test]
fn embeds_pointing_at_nothing_are_named_on_the_body_field() {
    let mut d = ready();
    d.body.push_str("\n\n::photo[99999]\n\n::related[999999]");
    d.hero_photo_id = Some(404);
    let expected = vec![
        ("hero_photo_id", "photo 404 does not exist".to_owned()),
        ("body", "photo 99999 in the body does not exist".to_owned()),
        (
            "body",
            "related article 999999 in the body does not exist".to_owned(),
        ),
    ];
    assert_eq!(messages(check_references(&d, &facts())), expected);
    // Publishing asks the same first.
    let publish = messages(check_publishable(&d, &facts()));
    assert_eq!(publish[..3], expected[..]);
}

#[test]
fn drafts_may_lack_alt_text_section_and_byline() {
    let mut d = ready();
    d.section_id = None;
    d.author_ids.clear();
    let mut f = facts();
    f.photos.insert(22, "  ".into());
    f.articles.insert(5, ArticleStatus::Draft);
    assert_eq!(check_references(&d, &f), Ok(()));
}

#[test]
fn publishing_needs_alt_text_on_every_photo_shown() {
    let mut f = facts();
    f.photos.insert(21, String::new());
    f.photos.insert(22, " ".into());
    assert_eq!(
        messages(check_publishable(&ready(), &f)),
        vec![
            (
                "hero_photo_id",
                "photo 21 has no alt text; add it in the media library".to_owned()
            ),
            (
                "body",
                "photo 22 has no alt text; add it in the media library".to_owned()
            ),
        ]
    );
}

#[test]
fn publishing_needs_related_articles_to_be_published() {
    for (status, state) in [
        (ArticleStatus::Draft, "it is a draft"),
        (ArticleStatus::Scheduled, "it is only scheduled"),
        (ArticleStatus::Unpublished, "it was taken down"),
    ] {
        let mut f = facts();
        f.articles.insert(5, status);
        assert_eq!(
            messages(check_publishable(&ready(), &f)),
            vec![(
                "body",
                format!(
                    "related article 5 is not published ({state}); readers would see no card, \
                     so publish it first or remove the embed"
                )
            )]
        );
    }
}

#[test]
fn publishing_needs_a_section_and_a_byline() {
    let mut d = ready();
    d.section_id = None;
    d.author_ids.clear();
    assert_eq!(
        messages(check_publishable(&d, &facts())),
        vec![
            ("section_id", "must be chosen before publishing".to_owned()),
            (
                "author_ids",
                "needs at least one author before publishing".to_owned()
            ),
        ]
    );
}

#[test]
fn embeds_in_code_are_not_references() {
    let d = ArticleDraft {
        body: "Write `::photo[1]` to embed.\n\n```\n::related[2]\n```\n\n\\::photo[3]".into(),
        ..ArticleDraft::default()
    };
    assert_eq!(References::of(&d), References::default());
    assert_eq!(check_references(&d, &Facts::default()), Ok(()));
}
