use newsdesk_core::{ArticleStatus, Change};
use newsdesk_store::{ArticleId, StoreError};

use crate::fixtures::{author, draft, edition, section, tag};

store_test!(create_and_read_back, |store| {
    edition(&store, "en").await?;
    let world = section(&store, "en", "world").await?;
    let t1 = tag(&store, "en", "elections").await?;
    let t2 = tag(&store, "en", "europe").await?;
    let a1 = author(&store, "ann").await?;
    let a2 = author(&store, "bob").await?;
    let mut d = draft("en", "Polls open across Europe");
    d.section_id = Some(world.id);
    // Byline and tag order are the editor's, not the ids'.
    d.tag_ids = vec![t2.id, t1.id, t2.id];
    d.author_ids = vec![a2, a1];
    let (a, event) = store.create_article(&d, None).await?;
    assert_eq!(a.status, ArticleStatus::Draft);
    assert_eq!(a.version, 1);
    assert_eq!(a.slug, "polls-open-across-europe");
    assert_eq!(a.tag_ids, vec![t2.id, t1.id], "repeated tag stored once");
    assert_eq!(a.author_ids, vec![a2, a1]);
    assert_eq!(store.get_article(a.id).await?, a);
    assert!(matches!(event.change, Change::Article { id, public: false, .. } if id == a.id));
    assert_eq!(store.list_revisions(a.id).await?.len(), 1);
    assert!(matches!(
        store.get_article(a.id + 1000).await,
        Err(StoreError::NotFound)
    ));
    Ok(())
});

store_test!(
    repeated_headlines_are_numbered_and_typed_slugs_conflict,
    |store| {
        edition(&store, "en").await?;
        edition(&store, "ru").await?;
        let (first, _) = store
            .create_article(&draft("en", "Same headline"), None)
            .await?;
        assert_eq!(first.slug, "same-headline");
        // A slug the store makes from a headline used before is numbered, as WordPress does.
        let (second, _) = store
            .create_article(&draft("en", "Same headline"), None)
            .await?;
        assert_eq!(second.slug, "same-headline-2");
        let (third, _) = store
            .create_article(&draft("en", "Same headline!"), None)
            .await?;
        assert_eq!(third.slug, "same-headline-3");
        // Saving with the slug left empty keeps the article's own number.
        let mut d = draft("en", "Same headline");
        d.lead = "Edited".into();
        let (second, _) = store
            .update_article(ArticleId(second.id), second.version, &d, None)
            .await?;
        assert_eq!(second.slug, "same-headline-2");
        // A slug the editor typed is theirs: taken, it is a conflict to resolve, not renamed.
        let mut d = draft("en", "Another headline");
        d.slug = "same-headline".into();
        let err = store.create_article(&d, None).await;
        assert!(
            matches!(&err, Err(StoreError::Conflict { constraint }) if constraint == "slug"),
            "{err:?}"
        );
        // Another edition may use the same slug.
        store
            .create_article(&draft("ru", "Same headline"), None)
            .await?;
        // So may another section or tag of a different edition, but not the same one.
        tag(&store, "en", "x").await?;
        let err = store
            .create_tag(&newsdesk_store::NewTag {
                edition: "en".into(),
                slug: "x".into(),
                name: "X again".into(),
            })
            .await;
        assert!(matches!(&err, Err(StoreError::Conflict { constraint }) if constraint == "slug"));
        Ok(())
    }
);

store_test!(invalid_drafts_and_references_are_named, |store| {
    edition(&store, "en").await?;
    edition(&store, "ru").await?;
    let ru_tag = tag(&store, "ru", "vybory").await?;
    let mut d = draft("en", "   ");
    d.slug = "Not A Slug".into();
    match store.create_article(&d, None).await {
        Err(StoreError::Invalid(e)) => {
            let fields: Vec<_> = e.errors.iter().map(|f| f.field).collect();
            assert!(
                fields.contains(&"headline") && fields.contains(&"slug"),
                "{fields:?}"
            );
        }
        other => anyhow::bail!("expected Invalid, got {other:?}"),
    }
    let mut d = draft("en", "Tagged from another edition");
    d.tag_ids = vec![ru_tag.id];
    d.section_id = Some(9999);
    d.hero_photo_id = Some(9999);
    match store.create_article(&d, None).await {
        Err(StoreError::Invalid(e)) => {
            let fields: Vec<_> = e.errors.iter().map(|f| f.field).collect();
            assert_eq!(fields, vec!["section_id", "tag_ids", "hero_photo_id"]);
        }
        other => anyhow::bail!("expected Invalid, got {other:?}"),
    }
    assert!(matches!(
        store
            .create_article(&draft("xx", "No such edition"), None)
            .await,
        Err(StoreError::Invalid(_))
    ));
    Ok(())
});

store_test!(optimistic_lock_refuses_stale_saves, |store| {
    edition(&store, "en").await?;
    let (a, _) = store
        .create_article(&draft("en", "First take"), None)
        .await?;
    let mut d = a.draft();
    d.headline = "Second take".into();
    let (a2, _) = store.update_article(ArticleId(a.id), 1, &d, None).await?;
    assert_eq!(a2.version, 2);
    assert_eq!(a2.headline, "Second take");
    // An editor still holding version 1 loses, and nothing is written.
    d.headline = "Competing take".into();
    let err = store.update_article(ArticleId(a.id), 1, &d, None).await;
    assert!(
        matches!(err, Err(StoreError::Stale { current_version: 2 })),
        "{err:?}"
    );
    assert_eq!(store.get_article(a.id).await?.headline, "Second take");
    assert_eq!(store.list_revisions(a.id).await?.len(), 2);
    Ok(())
});

store_test!(revisions_keep_every_save_and_restore_content, |store| {
    edition(&store, "en").await?;
    let t = tag(&store, "en", "budget").await?;
    let (a, _) = store
        .create_article(&draft("en", "Budget day"), None)
        .await?;
    let original = a.draft();
    let mut d = a.draft();
    d.body = "Rewritten body".into();
    d.tag_ids = vec![t.id];
    let (a, _) = store
        .update_article(ArticleId(a.id), a.version, &d, None)
        .await?;
    let revisions = store.list_revisions(a.id).await?;
    assert_eq!(
        revisions.iter().map(|r| r.number).collect::<Vec<_>>(),
        vec![2, 1]
    );
    let first = store.get_revision(a.id, 1).await?;
    assert_eq!(first.draft.body, original.body);
    assert_eq!(
        first.draft.slug, "budget-day",
        "the stored slug, not an empty one"
    );
    // Restoring is saving the old draft as a new version.
    let (restored, _) = store
        .update_article(ArticleId(a.id), a.version, &first.draft, None)
        .await?;
    assert_eq!(restored.body, original.body);
    assert!(restored.tag_ids.is_empty());
    assert_eq!(restored.version, 3);
    assert!(matches!(
        store.get_revision(a.id, 9).await,
        Err(StoreError::NotFound)
    ));
    Ok(())
});

store_test!(old_slugs_lead_to_the_article, |store| {
    edition(&store, "en").await?;
    let (a, _) = store
        .create_article(&draft("en", "Early headline"), None)
        .await?;
    let mut d = a.draft();
    d.slug = String::new();
    d.headline = "Better headline".into();
    let (a, _) = store
        .update_article(ArticleId(a.id), a.version, &d, None)
        .await?;
    assert_eq!(a.slug, "better-headline");
    assert_eq!(a.old_slugs, vec!["early-headline".to_owned()]);
    assert_eq!(
        store.article_by_old_slug("en", "early-headline").await?.id,
        a.id
    );
    assert!(matches!(
        store.article_by_old_slug("en", "better-headline").await,
        Err(StoreError::NotFound)
    ));
    // Going back to the first slug makes it current again, no longer a redirect.
    d.slug = "early-headline".into();
    let (a, _) = store
        .update_article(ArticleId(a.id), a.version, &d, None)
        .await?;
    assert_eq!(a.old_slugs, vec!["better-headline".to_owned()]);
    assert!(
        store
            .article_by_old_slug("en", "early-headline")
            .await
            .is_err()
    );
    Ok(())
});

store_test!(an_article_stays_in_its_edition, |store| {
    edition(&store, "en").await?;
    edition(&store, "ru").await?;
    let (a, _) = store.create_article(&draft("en", "Stay"), None).await?;
    let mut d = a.draft();
    d.edition = "ru".into();
    assert!(matches!(
        store
            .update_article(ArticleId(a.id), a.version, &d, None)
            .await,
        Err(StoreError::Invalid(_))
    ));
    Ok(())
});

store_test!(delete_removes_article_and_history, |store| {
    edition(&store, "en").await?;
    let (a, _) = store
        .create_article(&draft("en", "Short-lived"), None)
        .await?;
    store
        .add_correction(a.id, "A name was misspelled.", None)
        .await?;
    let event = store.delete_article(a.id, None).await?;
    assert!(matches!(event.change, Change::Article { ref status, .. } if status == "deleted"));
    assert!(matches!(
        store.get_article(a.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(store.list_revisions(a.id).await?.is_empty());
    assert!(store.list_corrections(a.id).await?.is_empty());
    assert!(matches!(
        store.delete_article(a.id, None).await,
        Err(StoreError::NotFound)
    ));
    Ok(())
});

store_test!(corrections_are_listed_oldest_first, |store| {
    edition(&store, "en").await?;
    let (a, _) = store
        .create_article(&draft("en", "Corrected story"), None)
        .await?;
    let (c1, _) = store.add_correction(a.id, "First fix.", None).await?;
    let (c2, _) = store.add_correction(a.id, "Second fix.", None).await?;
    let list = store.list_corrections(a.id).await?;
    assert_eq!(list, vec![c1, c2]);
    assert!(matches!(
        store.add_correction(a.id, "  ", None).await,
        Err(StoreError::Invalid(_))
    ));
    assert!(store.get_article(a.id).await?.updated_at >= a.updated_at);
    Ok(())
});
