//! Autosaves: one per account and article (or account and edition, for a new article),
//! never the article itself; the refusals that keep an older text from replacing a newer
//! save or autosave; what goes with the account, the article and the edition.

use newsdesk_core::{ArticleId, Role};
use newsdesk_store::{AutosaveFields, AutosaveSlot, AutosaveWrite, Store, StoreError};

use crate::fixtures::{draft, edition};

fn typed(headline: &str) -> AutosaveFields {
    AutosaveFields {
        headline: headline.into(),
        lead: "A lead".into(),
        body: "Первый абзац.\n\nالفقرة الثانية.".into(),
        slug: "my-slug".into(),
        seo_title: "An SEO title".into(),
        meta_description: "A description".into(),
    }
}

async fn saved(
    store: &Store,
    account: i64,
    slot: &AutosaveSlot,
    base: Option<i64>,
    headline: &str,
) -> anyhow::Result<AutosaveWrite> {
    Ok(store
        .put_autosave(account, slot, base, &typed(headline))
        .await?)
}

store_test!(
    autosaves_are_kept_per_account_and_never_touch_the_article,
    |store| {
        edition(&store, "en").await?;
        let ann = store
            .create_account("ann@example.com", "Ann", Role::Author, "h")
            .await?;
        let bob = store
            .create_account("bob@example.com", "Bob", Role::Editor, "h")
            .await?;
        let (article, _) = store
            .create_article(&draft("en", "Storm closes the coast road"), Some(ann.id))
            .await?;
        let slot = AutosaveSlot::Article(article.id);

        let AutosaveWrite::Saved {
            autosave,
            current_version,
        } = saved(&store, ann.id, &slot, Some(1), "Storm closes the road").await?
        else {
            anyhow::bail!("the first autosave is stored");
        };
        assert_eq!(current_version, Some(1));
        assert_eq!(
            (autosave.article_id, autosave.base_version),
            (Some(article.id), Some(1))
        );
        assert_eq!(autosave.edition, "en");
        assert_eq!(autosave.fields, typed("Storm closes the road"));
        assert_eq!(store.autosave(ann.id, &slot).await?, Some(autosave.clone()));
        // The article is as it was saved.
        assert_eq!(store.get_article(article.id).await?, article);

        // Again: replaced, not added.
        let AutosaveWrite::Saved {
            autosave: second, ..
        } = saved(&store, ann.id, &slot, Some(1), "Second try").await?
        else {
            anyhow::bail!("a later autosave replaces the first");
        };
        assert!(second.saved_at >= autosave.saved_at);
        assert_eq!(
            store
                .autosave(ann.id, &slot)
                .await?
                .map(|a| a.fields.headline),
            Some("Second try".to_owned())
        );

        // Another account's autosave of the same article is its own.
        assert_eq!(store.autosave(bob.id, &slot).await?, None);
        saved(&store, bob.id, &slot, Some(1), "Bob's version").await?;
        assert_eq!(
            store
                .autosave(ann.id, &slot)
                .await?
                .map(|a| a.fields.headline),
            Some("Second try".to_owned())
        );

        // A version the article never had.
        for bad in [0, 2] {
            assert!(
                matches!(
                    store.put_autosave(ann.id, &slot, Some(bad), &typed("x")).await,
                    Err(StoreError::Invalid(v)) if v.errors[0].field == "version"
                ),
                "version {bad}"
            );
        }
        assert!(matches!(
            store
                .put_autosave(
                    ann.id,
                    &AutosaveSlot::Article(article.id + 1000),
                    Some(1),
                    &typed("x")
                )
                .await,
            Err(StoreError::NotFound)
        ));

        assert!(store.delete_autosave(ann.id, &slot).await?);
        assert!(!store.delete_autosave(ann.id, &slot).await?);
        assert_eq!(store.autosave(ann.id, &slot).await?, None);
        assert!(
            store.autosave(bob.id, &slot).await?.is_some(),
            "only Ann's went"
        );
        Ok(())
    }
);

store_test!(
    an_autosave_older_than_a_save_or_a_newer_autosave_is_refused_or_marked,
    |store| {
        edition(&store, "en").await?;
        let ann = store
            .create_account("ann@example.com", "Ann", Role::Author, "h")
            .await?;
        let bob = store
            .create_account("bob@example.com", "Bob", Role::Editor, "h")
            .await?;
        let (article, _) = store
            .create_article(&draft("en", "Harbour bridge reopens"), Some(ann.id))
            .await?;
        let slot = AutosaveSlot::Article(article.id);

        // Bob saves version 2 while Ann types on version 1: hers is still kept (she has not
        // seen his save), and the answer says the article moved on.
        let mut d = article.draft();
        d.lead = "Bob's lead".into();
        store
            .update_article(ArticleId(article.id), 1, &d, Some(bob.id))
            .await?;
        let AutosaveWrite::Saved {
            autosave,
            current_version,
        } = saved(&store, ann.id, &slot, Some(1), "Ann's text").await?
        else {
            anyhow::bail!("an autosave made before someone else's save is stored");
        };
        assert_eq!((autosave.base_version, current_version), (Some(1), Some(2)));

        // Ann saves version 3; an autosave of hers from version 1 that arrives after it is
        // older than her own save.
        store
            .update_article(ArticleId(article.id), 2, &d, Some(ann.id))
            .await?;
        assert_eq!(
            saved(&store, ann.id, &slot, Some(1), "late").await?,
            AutosaveWrite::Superseded { current_version: 3 }
        );
        assert_eq!(
            store
                .autosave(ann.id, &slot)
                .await?
                .map(|a| a.fields.headline),
            Some("Ann's text".to_owned())
        );

        // Her autosave from version 3 (another window) is not replaced by one from version 2.
        saved(&store, ann.id, &slot, Some(3), "from version 3").await?;
        let older = saved(&store, bob.id, &slot, Some(2), "Bob from 2").await?;
        assert!(
            matches!(older, AutosaveWrite::Saved { .. }),
            "Bob has no newer one: {older:?}"
        );
        d.lead = "Bob again".into();
        store
            .update_article(ArticleId(article.id), 3, &d, Some(bob.id))
            .await?;
        saved(&store, ann.id, &slot, Some(4), "from version 4").await?;
        let AutosaveWrite::NewerKept(kept) =
            saved(&store, ann.id, &slot, Some(3), "from version 3 again").await?
        else {
            anyhow::bail!("an autosave from an older version does not replace one from a newer");
        };
        assert_eq!(
            (kept.base_version, kept.fields.headline.as_str()),
            (Some(4), "from version 4")
        );
        Ok(())
    }
);

store_test!(a_new_articles_autosave_has_a_slot_per_edition, |store| {
    edition(&store, "en").await?;
    edition(&store, "ar").await?;
    let ann = store
        .create_account("ann@example.com", "Ann", Role::Contributor, "h")
        .await?;
    let en = AutosaveSlot::New("en".into());
    let ar = AutosaveSlot::New("ar".into());
    let AutosaveWrite::Saved {
        autosave,
        current_version,
    } = saved(&store, ann.id, &en, None, "A new story").await?
    else {
        anyhow::bail!("stored");
    };
    assert_eq!(
        (autosave.article_id, autosave.base_version, current_version),
        (None, None, None)
    );
    saved(&store, ann.id, &en, Some(7), "Its second autosave").await?;
    saved(&store, ann.id, &ar, None, "قصة جديدة").await?;
    assert_eq!(
        store
            .autosave(ann.id, &en)
            .await?
            .map(|a| a.fields.headline),
        Some("Its second autosave".to_owned())
    );
    assert_eq!(
        store.autosave(ann.id, &ar).await?.map(|a| a.base_version),
        Some(None)
    );
    assert!(matches!(
        store.put_autosave(ann.id, &AutosaveSlot::New("xx".into()), None, &typed("x")).await,
        Err(StoreError::Invalid(v)) if v.errors[0].field == "edition"
    ));
    assert!(store.delete_autosave(ann.id, &en).await?);
    assert!(store.autosave(ann.id, &ar).await?.is_some());
    Ok(())
});

store_test!(autosaves_go_with_their_article_and_account, |store| {
    edition(&store, "en").await?;
    let ann = store
        .create_account("ann@example.com", "Ann", Role::Author, "h")
        .await?;
    let bob = store
        .create_account("bob@example.com", "Bob", Role::Author, "h")
        .await?;
    let (article, _) = store
        .create_article(&draft("en", "Short-lived"), Some(ann.id))
        .await?;
    let slot = AutosaveSlot::Article(article.id);
    saved(&store, ann.id, &slot, Some(1), "Ann").await?;
    saved(&store, bob.id, &slot, Some(1), "Bob").await?;
    saved(
        &store,
        bob.id,
        &AutosaveSlot::New("en".into()),
        None,
        "Bob's new one",
    )
    .await?;

    store.delete_article(article.id, None).await?;
    assert_eq!(store.autosave(ann.id, &slot).await?, None);
    assert_eq!(store.autosave(bob.id, &slot).await?, None);
    let new = AutosaveSlot::New("en".into());
    assert!(store.autosave(bob.id, &new).await?.is_some());
    store.delete_account(bob.id).await?;
    assert_eq!(store.autosave(bob.id, &new).await?, None);
    Ok(())
});
