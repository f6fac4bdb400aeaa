//! Static pages: writing, versions and revisions, the footer's order, the change event
//! each write leaves, and the demo's default pages.

use newsdesk_core::{Change, Role};
use newsdesk_store::StoreError;
use newsdesk_store::static_pages::{PageInput, STANDARD_SLUGS};

use crate::fixtures::edition;

fn input(edition: &str, slug: &str, title: &str) -> PageInput {
    PageInput {
        edition: edition.into(),
        slug: slug.into(),
        title: title.into(),
        body: format!("Text of {title}.\n\nSecond paragraph."),
    }
}

fn touches_edition(change: &Change, code: &str) -> bool {
    *change
        == Change::Taxonomy {
            edition: Some(code.to_owned()),
        }
}

store_test!(
    static_pages_are_written_in_versions_and_keep_their_revisions,
    |store| {
        edition(&store, "en").await?;
        edition(&store, "ru").await?;
        let editor = store
            .create_account("ed@example.com", "Edna Editor", Role::Editor, "h")
            .await?;

        let (about, event) = store
            .create_static_page(&input("en", "about", "About us"), Some(editor.id))
            .await?;
        assert!(touches_edition(&event.change, "en"), "{event:?}");
        assert_eq!(about.version, 1);
        assert_eq!(about.updated_by_name.as_deref(), Some("Edna Editor"));
        assert_eq!(store.static_page("en", "about").await?, about);
        // The same slug in another edition is another page (the same page in Russian).
        store
            .create_static_page(&input("ru", "about", "О нас"), None)
            .await?;

        assert!(matches!(
            store.create_static_page(&input("en", "about", "Again"), None).await,
            Err(StoreError::Conflict { constraint }) if constraint == "slug"
        ));
        assert!(matches!(
            store.create_static_page(&input("de", "about", "Über uns"), None).await,
            Err(StoreError::Invalid(v)) if v.errors[0].field == "edition"
        ));
        for (slug, title) in [("About Us", "About"), ("about", " "), ("a--b", "Bad")] {
            assert!(
                matches!(
                    store
                        .create_static_page(&input("en", slug, title), None)
                        .await,
                    Err(StoreError::Invalid(_))
                ),
                "{slug:?} {title:?}"
            );
        }

        let mut changed = input("en", "about", "Who we are");
        changed.body = "We are a newsroom.\n\nA new paragraph.".into();
        let (saved, event) = store.update_static_page(&changed, 1, None).await?;
        assert!(touches_edition(&event.change, "en"));
        assert_eq!((saved.version, saved.title.as_str()), (2, "Who we are"));
        assert_eq!(saved.body, changed.body);
        assert_eq!(saved.updated_by, None);
        // A form made from version 1 is older than the page now.
        assert!(matches!(
            store.update_static_page(&changed, 1, None).await,
            Err(StoreError::Stale { current_version: 2 })
        ));
        assert!(matches!(
            store
                .update_static_page(&input("en", "missing", "Missing"), 1, None)
                .await,
            Err(StoreError::NotFound)
        ));

        let revisions = store.static_page_revisions("en", "about").await?;
        let versions: Vec<(i64, &str)> = revisions
            .iter()
            .map(|r| (r.version, r.title.as_str()))
            .collect();
        assert_eq!(versions, [(2, "Who we are"), (1, "About us")]);
        assert_eq!(revisions[1].saved_by_name.as_deref(), Some("Edna Editor"));
        assert!(revisions[1].body.starts_with("Text of About us."));

        let event = store.delete_static_page("en", "about").await?;
        assert!(touches_edition(&event.change, "en"));
        assert!(matches!(
            store.static_page("en", "about").await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            store.delete_static_page("en", "about").await,
            Err(StoreError::NotFound)
        ));
        assert!(store.static_page_revisions("en", "about").await?.is_empty());
        assert_eq!(store.static_page("ru", "about").await?.title, "О нас");
        Ok(())
    }
);

store_test!(
    the_footer_lists_the_standard_pages_first_in_their_order,
    |store| {
        edition(&store, "en").await?;
        edition(&store, "ar").await?;
        for (slug, title) in [
            ("terms", "Terms of use"),
            ("careers", "Careers"),
            ("privacy", "Privacy"),
            ("advertise", "Advertise with us"),
            ("about", "About us"),
        ] {
            store
                .create_static_page(&input("en", slug, title), None)
                .await?;
        }
        store
            .create_static_page(&input("ar", "about", "من نحن"), None)
            .await?;
        let en: Vec<String> = store
            .list_static_pages(Some("en"))
            .await?
            .into_iter()
            .map(|p| p.slug)
            .collect();
        assert_eq!(en, ["about", "privacy", "terms", "advertise", "careers"]);
        let all = store.list_static_pages(None).await?;
        assert_eq!(all.len(), 6);
        assert_eq!(
            (all[0].edition.as_str(), all[0].title.as_str()),
            ("ar", "من نحن")
        );
        assert!(store.list_static_pages(Some("ru")).await?.is_empty());
        Ok(())
    }
);

store_test!(default_pages_are_written_once_per_database, |store| {
    // No edition yet: nothing to write into, and nothing recorded either.
    assert_eq!(store.add_default_static_pages().await?, 0);
    for code in ["en", "ru", "ar", "fr"] {
        edition(&store, code).await?;
    }
    let before = store.latest_event_seq().await?;
    assert_eq!(store.add_default_static_pages().await?, 18);
    for code in ["en", "ru", "ar"] {
        let pages = store.list_static_pages(Some(code)).await?;
        let slugs: Vec<&str> = pages.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, STANDARD_SLUGS, "{code}");
    }
    // No texts in French: a page in another language would be worse than none.
    assert!(store.list_static_pages(Some("fr")).await?.is_empty());
    assert_eq!(store.static_page("ru", "about").await?.title, "О нас");
    let ar = store.static_page("ar", "privacy").await?;
    assert_eq!(ar.title, "سياسة الخصوصية");
    assert_eq!(ar.updated_by, None);
    assert_eq!(store.static_page_revisions("ar", "privacy").await?.len(), 1);
    // One event per edition that got pages, so caches drop their footers.
    let events = store.events_after(before, 100).await?;
    for code in ["en", "ru", "ar"] {
        assert!(
            events.iter().any(|e| touches_edition(&e.change, code)),
            "{code}: {events:?}"
        );
    }

    // Done once: a page deleted afterwards stays deleted at the next start.
    store.delete_static_page("en", "terms").await?;
    assert_eq!(store.add_default_static_pages().await?, 0);
    assert!(matches!(
        store.static_page("en", "terms").await,
        Err(StoreError::NotFound)
    ));
    Ok(())
});
