//! What readers see: languages and scripts, recency, entity notes, translations, embeds.

use chrono::Duration;
use newsdesk_store::ArticleQuery;

use crate::support::{demo, is_arabic, is_cyrillic, options, script_share};

#[tokio::test]
async fn headlines_and_bodies_are_written_in_each_editions_script() {
    let d = demo(&options(150, 5)).await;
    let articles = d.articles().await;
    for a in &articles {
        let (head, body) = (a.headline.as_str(), a.body.as_str());
        match a.edition.as_str() {
            "ru" => {
                assert!(
                    script_share(head, is_cyrillic) > 0.7,
                    "Russian headline: {head}"
                );
                assert!(
                    script_share(body, is_cyrillic) > 0.8,
                    "Russian body: {body}"
                );
            }
            "ar" => {
                assert!(
                    script_share(head, is_arabic) > 0.9,
                    "Arabic headline: {head}"
                );
                assert!(script_share(body, is_arabic) > 0.9, "Arabic body: {body}");
            }
            _ => assert!(
                script_share(head, |c| c.is_ascii_alphabetic()) > 0.95,
                "English: {head}"
            ),
        }
        let prose: Vec<&str> = body
            .split("\n\n")
            .filter(|p| !p.starts_with("::"))
            .collect();
        assert!(
            !head.to_lowercase().contains("lorem") && prose.iter().all(|p| !p.contains('{')),
            "unfilled slot or filler text: {body}"
        );
        let paragraphs = body
            .split("\n\n")
            .filter(|p| !p.starts_with("::") && !p.starts_with("## "))
            .count();
        assert!(
            (10..=40).contains(&paragraphs),
            "{paragraphs} paragraphs in {}",
            a.id
        );
        assert!(!a.lead.is_empty() && !a.author_ids.is_empty() && a.section_id.is_some());
    }
}

#[tokio::test]
async fn a_share_of_articles_is_from_the_last_two_days_and_some_are_breaking() {
    let d = demo(&options(200, 9)).await;
    let all = ArticleQuery {
        limit: 1000,
        ..ArticleQuery::default()
    };
    let recent = ArticleQuery {
        published_from: Some(d.now - Duration::hours(48)),
        ..all.clone()
    };
    let n = d.store.count_articles(&recent).await.unwrap();
    assert!(n >= 20, "only {n} of 200 articles in the last two days");
    let articles = d.articles().await;
    assert!(
        articles
            .iter()
            .all(|a| a.published_at.is_some_and(|t| t <= d.now))
    );
    let oldest = articles
        .iter()
        .filter_map(|a| a.published_at)
        .min()
        .unwrap();
    assert!(
        d.now - oldest > Duration::days(60),
        "spread over months: {oldest}"
    );
    assert!(articles.iter().any(|a| a.breaking));
    assert!(articles.iter().filter(|a| a.in_newsfeed).count() >= 10);
    let mut corrected = 0;
    for a in &articles {
        corrected += d.store.list_corrections(a.id).await.unwrap().len();
    }
    assert!(corrected >= 1, "a few articles carry corrections");
}

#[tokio::test]
async fn noted_entities_are_named_in_bodies_and_get_their_notes() {
    let d = demo(&options(200, 4)).await;
    assert_eq!(d.store.list_entities().await.unwrap().len(), 6);
    let mut noted = std::collections::BTreeMap::<String, usize>::new();
    for a in d.articles().await {
        let (rendered, _) = d.render(&a).await;
        if !rendered.notes.is_empty() {
            *noted.entry(a.edition.clone()).or_default() += 1;
            assert!(
                rendered.html.contains("note-"),
                "marker links to its note: {}",
                rendered.html
            );
        }
    }
    for code in ["en", "ru", "ar"] {
        assert!(
            noted.get(code).copied().unwrap_or(0) >= 2,
            "entity notes in {code}: {noted:?}"
        );
    }
}

#[tokio::test]
async fn translation_groups_link_the_same_story_across_editions() {
    let d = demo(&options(200, 6)).await;
    let articles = d.articles().await;
    let grouped: Vec<_> = articles
        .iter()
        .filter(|a| a.translation_group.is_some() && a.edition == "en")
        .collect();
    assert!(
        grouped.len() >= 5,
        "{} English stories translated",
        grouped.len()
    );
    for en in grouped {
        let others = d.store.translations(en).await.unwrap();
        assert!(!others.is_empty(), "article {} has translations", en.id);
        for t in others {
            assert_ne!(t.edition, "en");
            let script = if t.edition == "ru" {
                is_cyrillic
            } else {
                is_arabic
            };
            assert!(script_share(&t.headline, script) > 0.7, "{}", t.headline);
            assert_eq!(t.section_id.is_some(), en.section_id.is_some());
        }
    }
}

#[tokio::test]
async fn bodies_render_with_every_embed_resolved() {
    let d = demo(&options(150, 8)).await;
    let (mut cards, mut photos, mut quotes) = (0, 0, 0);
    for a in d.articles().await {
        let (rendered, linked) = d.render(&a).await;
        assert!(
            rendered.skipped_embeds.is_empty(),
            "article {}: {:?}",
            a.id,
            rendered.skipped_embeds
        );
        for other in &linked {
            assert_eq!(
                other.edition, a.edition,
                "related cards stay in the edition"
            );
            assert!(
                other.published_at <= a.published_at,
                "related cards point back in time"
            );
        }
        cards += linked.len();
        photos += newsdesk_core::body::embeds(&a.body).photos.len();
        quotes += usize::from(a.body.contains("::quote["));
        assert!(
            (350..=900).contains(&rendered.word_count),
            "article {} has {} words",
            a.id,
            rendered.word_count
        );
    }
    assert!(
        cards >= 20 && photos >= 5 && quotes >= 5,
        "cards {cards}, photos {photos}, quotes {quotes}"
    );
}
