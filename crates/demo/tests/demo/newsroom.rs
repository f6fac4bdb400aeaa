//! The newsroom's shape: editions, sections, tags, authors, photos, and determinism.

use newsdesk_core::Direction;
use newsdesk_store::ArticleQuery;

use crate::support::{demo, options};

#[tokio::test]
async fn three_editions_with_their_sections_tags_and_authors() {
    let d = demo(&options(120, 7)).await;
    let editions = d.store.list_editions().await.unwrap();
    let codes: Vec<&str> = editions.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        codes,
        ["en", "ar", "ru"],
        "default edition first, then by code"
    );
    assert!(editions[0].is_default);
    let ar = &editions[1];
    assert_eq!(
        (ar.direction, ar.name.as_str()),
        (Direction::Rtl, "العربية")
    );

    for e in &editions {
        let sections = d.store.list_sections(&e.code).await.unwrap();
        assert_eq!(sections.len(), 8, "{}", e.code);
        assert_eq!(
            d.store.list_tags(&e.code).await.unwrap().len(),
            40,
            "{}",
            e.code
        );
    }
    let ru_sections = d.store.list_sections("ru").await.unwrap();
    assert_eq!(ru_sections[0].name, "Мир");
    assert_eq!(ru_sections[7].slug, "mneniia");
    assert_eq!(d.store.list_authors().await.unwrap().len(), 12);
    assert_eq!(d.report.articles, 120);

    let all = ArticleQuery {
        limit: 1000,
        ..ArticleQuery::default()
    };
    assert_eq!(d.store.count_articles(&all).await.unwrap(), 120);
    for (code, low) in [("en", 40), ("ru", 15), ("ar", 15)] {
        let q = ArticleQuery {
            edition: Some(code.into()),
            ..all.clone()
        };
        let n = d.store.count_articles(&q).await.unwrap();
        assert!(n >= low, "only {n} articles in {code}");
    }
}

#[tokio::test]
async fn photos_are_real_images_with_renditions_and_credits() {
    let d = demo(&options(30, 3)).await;
    // At least the pictures asked for, each stored once per edition that uses it: more
    // when the front pages need more.
    let photos = d.store.list_photos(None, 1000, 0).await.unwrap();
    assert_eq!(photos.len(), d.report.photos);
    assert!(photos.len() >= 6, "{} photos", photos.len());
    let mut aspects = std::collections::BTreeSet::new();
    for p in &photos {
        let original = d.media.get(&p.key).await.unwrap();
        assert_eq!(&original[..3], &[0xFF, 0xD8, 0xFF], "a JPEG");
        assert!(!p.renditions.is_empty(), "photo {} has renditions", p.id);
        for r in &p.renditions {
            assert!(d.media.get(&r.key).await.is_ok(), "{} stored", r.key);
        }
        assert!(p.validate_text().is_ok(), "{:?}", p);
        assert!(p.alt_text.len() > 30 && p.alt_text != p.caption);
        assert!(p.credit_line().starts_with("© "), "{}", p.credit_line());
        aspects.insert(p.width * 100 / p.height);
    }
    assert!(aspects.len() >= 3, "several aspect ratios: {aspects:?}");
}

#[tokio::test]
async fn the_same_seed_and_time_give_the_same_newsroom() {
    let a = demo(&options(80, 11)).await;
    let b = demo(&options(80, 11)).await;
    let c = demo(&options(80, 12)).await;
    let (xa, xb, xc) = (a.articles().await, b.articles().await, c.articles().await);
    assert_eq!(xa.len(), 80);
    let strip = |v: &[newsdesk_core::Article]| {
        v.iter()
            .map(|x| {
                (
                    x.edition.clone(),
                    x.headline.clone(),
                    x.lead.clone(),
                    x.body.clone(),
                    x.published_at,
                    x.section_id,
                    x.tag_ids.clone(),
                    x.author_ids.clone(),
                    x.hero_photo_id,
                    x.translation_group,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&xa), strip(&xb));
    let pa = a.store.list_photos(None, 100, 0).await.unwrap();
    let pb = b.store.list_photos(None, 100, 0).await.unwrap();
    let text = |v: &[newsdesk_core::Photo]| {
        v.iter()
            .map(|p| (p.caption.clone(), p.alt_text.clone(), p.width))
            .collect::<Vec<_>>()
    };
    assert_eq!(text(&pa), text(&pb));
    let heads =
        |v: &[newsdesk_core::Article]| v.iter().map(|x| x.headline.clone()).collect::<Vec<_>>();
    assert_ne!(heads(&xa), heads(&xc), "another seed, another newsroom");
}
