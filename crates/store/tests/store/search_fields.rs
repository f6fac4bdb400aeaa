//! An article's search and social fields (SEO title, meta description, social image):
//! stored, kept in revisions, checked like the hero photo, and protected like it.

use newsdesk_core::{ArticleId, Role};
use newsdesk_store::StoreError;

use crate::fixtures::{days_ago, draft, edition, photo, published, ready};

store_test!(search_and_social_fields_round_trip, |store| {
    edition(&store, "en").await?;
    let ed = store
        .create_account("ed@example.com", "Ed", Role::Editor, "h")
        .await?;
    let social = photo(&store, "The harbour at dawn").await?;
    let mut d = draft("en", "Harbour bridge reopens after two years of repairs");
    d.seo_title = "Harbour bridge reopens".into();
    d.meta_description = "Traffic flows again across the «harbour» bridge — الجسر".into();
    d.social_photo_id = Some(social);
    let (created, _) = store.create_article(&d, Some(ed.id)).await?;
    assert_eq!(created.seo_title, d.seo_title);
    assert_eq!(created.meta_description, d.meta_description);
    assert_eq!(created.social_photo_id, Some(social));
    assert_eq!(store.get_article(created.id).await?, created);

    // A save replaces them; emptied, they fall back to the headline, lead and hero.
    let mut cleared = created.draft();
    cleared.seo_title.clear();
    cleared.meta_description.clear();
    cleared.social_photo_id = None;
    let (saved, _) = store
        .update_article(ArticleId(created.id), 1, &cleared, Some(ed.id))
        .await?;
    assert_eq!(
        (saved.seo_title.as_str(), saved.social_photo_id),
        ("", None)
    );
    assert_eq!(saved.search_title(), saved.headline);
    assert_eq!(saved.search_description(), saved.lead);
    // The revision keeps what version 1 had, to compare and restore.
    let first = store.list_revisions(created.id).await?;
    let v1 = first
        .iter()
        .find(|r| r.number == 1)
        .map(|r| r.draft.clone());
    assert_eq!(v1.map(|d| d.seo_title), Some(d.seo_title.clone()));

    // The lengths are the article's rule, on every save.
    let mut long = cleared.clone();
    long.slug = "at-the-limit".into();
    long.seo_title = "t".repeat(71);
    long.meta_description = "d".repeat(161);
    let Err(StoreError::Invalid(v)) = store.create_article(&long, None).await else {
        anyhow::bail!("an SEO title over 70 and a description over 160 characters are refused");
    };
    let fields: Vec<&str> = v.errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, ["seo_title", "meta_description"]);
    // At the limit, in any script, they are taken.
    long.seo_title = "ж".repeat(70);
    long.meta_description = "ب".repeat(160);
    store.create_article(&long, None).await?;
    Ok(())
});

store_test!(
    the_social_image_is_checked_and_protected_like_the_hero,
    |store| {
        edition(&store, "en").await?;
        let no_alt = photo(&store, "").await?;
        let mut d = draft("en", "Social image rules");
        d.social_photo_id = Some(no_alt + 1000);
        assert!(matches!(
            store.create_article(&d, None).await,
            Err(StoreError::Invalid(v)) if v.errors[0].field == "social_photo_id"
        ));

        // A draft may wait for alt text; publishing may not.
        d.social_photo_id = Some(no_alt);
        let (a, _) = store
            .create_article(&ready(&store, d.clone()).await?, None)
            .await?;
        assert!(matches!(
            store.publish_article(a.id, days_ago(0), None).await,
            Err(StoreError::Invalid(v)) if v.errors.iter().any(|e| e.field == "social_photo_id")
        ));

        // Shown by a published article, it cannot be deleted; shown by a draft only, it can,
        // and the draft falls back to its hero.
        let shared = photo(&store, "Crowds on the bridge").await?;
        let mut live = draft("en", "Published with a social image");
        live.social_photo_id = Some(shared);
        let live = published(&store, &live, days_ago(1)).await?;
        match store.delete_photo(shared).await {
            Err(StoreError::InUse { used_by, .. }) => assert_eq!(used_by[0].0, live.id),
            other => anyhow::bail!("deleting a published article's social image: {other:?}"),
        }
        let spare = photo(&store, "Spare").await?;
        let mut only_draft = draft("en", "Draft with a social image");
        only_draft.social_photo_id = Some(spare);
        let (kept, _) = store.create_article(&only_draft, None).await?;
        store.delete_photo(spare).await?;
        assert_eq!(store.get_article(kept.id).await?.social_photo_id, None);
        Ok(())
    }
);
