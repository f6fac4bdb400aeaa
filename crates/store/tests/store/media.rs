use std::collections::BTreeMap;

use newsdesk_core::{Change, Credit, Rendition};
use newsdesk_store::{NewEntity, NewPhoto, PhotoId, PhotoText, StoreError};

use crate::fixtures::{days_ago, draft, edition, published, ready};

fn photo(key: &str, caption: &str) -> NewPhoto {
    NewPhoto {
        key: key.into(),
        content_type: "image/jpeg".into(),
        width: 4000,
        height: 3000,
        byte_size: 2_000_000,
        caption: caption.into(),
        alt_text: "A crowd holding umbrellas".into(),
        credit: Credit {
            agency: "REUTERS".into(),
            creator: "Jane Doe".into(),
        },
        copyright_notice: "© Reuters 2026".into(),
        copyright_year: Some(2026),
        uploaded_by: None,
    }
}

store_test!(photos_round_trip_and_search, |store| {
    let p1 = store
        .create_photo(&photo("a.jpg", "Rain in Moscow"))
        .await?;
    let p2 = store
        .create_photo(&photo("b.jpg", "Дождь в Москве"))
        .await?;
    assert_eq!(store.get_photo(p1.id).await?, p1);
    assert_eq!(p1.width, 4000);
    assert_eq!(p1.credit.creator, "Jane Doe");
    let newest: Vec<_> = store
        .list_photos(None, 10, 0)
        .await?
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(newest, vec![p2.id, p1.id]);
    let found = store.list_photos(Some("ДОЖДЬ"), 10, 0).await?;
    assert_eq!(found.iter().map(|p| p.id).collect::<Vec<_>>(), vec![p2.id]);
    assert_eq!(
        store.list_photos(Some("reuters"), 10, 0).await?.len(),
        2,
        "credit is searched"
    );
    assert_eq!(
        store.get_photos(&[p2.id, p1.id]).await?,
        vec![p2.clone(), p1.clone()]
    );

    let seq = store.latest_event_seq().await?;
    let text = PhotoText {
        caption: "Heavy rain in Moscow".into(),
        alt_text: "People under umbrellas on a wet street".into(),
        credit: p1.credit.clone(),
        copyright_notice: p1.copyright_notice.clone(),
        copyright_year: p1.copyright_year,
    };
    let updated = store.update_photo_text(p1.id, &text).await?;
    assert_eq!(updated.caption, "Heavy rain in Moscow");
    let renditions = vec![Rendition {
        width: 640,
        height: 480,
        content_type: "image/webp".into(),
        key: "r/a-640.webp".into(),
    }];
    store
        .set_photo_renditions(PhotoId(p1.id), &renditions)
        .await?;
    assert_eq!(store.get_photo(p1.id).await?.renditions, renditions);
    let events = store.events_after(seq, 10).await?;
    assert!(
        events
            .iter()
            .all(|e| e.change == Change::Photo { id: p1.id })
    );
    assert_eq!(events.len(), 2);
    let bad = PhotoText {
        alt_text: "IMG_0042.JPG".into(),
        ..text
    };
    assert!(matches!(
        store.update_photo_text(p1.id, &bad).await,
        Err(StoreError::Invalid(_))
    ));
    Ok(())
});

store_test!(a_photo_shown_to_readers_cannot_be_deleted, |store| {
    edition(&store, "en").await?;
    let used = store.create_photo(&photo("a.jpg", "Used")).await?;
    let unused = store.create_photo(&photo("b.jpg", "Unused")).await?;
    let mut d = ready(&store, draft("en", "Illustrated")).await?;
    d.hero_photo_id = Some(used.id);
    let a = published(&store, &d, days_ago(0)).await?;
    match store.delete_photo(used.id).await {
        Err(StoreError::InUse { what, used_by }) => {
            assert_eq!(what, format!("photo {}", used.id));
            assert_eq!(used_by, vec![(a.id, "Illustrated".to_owned())]);
        }
        other => anyhow::bail!("expected InUse, got {other:?}"),
    }
    store.delete_photo(unused.id).await?;
    assert!(matches!(
        store.get_photo(unused.id).await,
        Err(StoreError::NotFound)
    ));
    Ok(())
});

store_test!(entity_notes_per_edition, |store| {
    edition(&store, "en").await?;
    edition(&store, "ru").await?;
    let mut notes = BTreeMap::new();
    notes.insert(
        "ru".to_owned(),
        "Организация признана нежелательной.".to_owned(),
    );
    notes.insert("en".to_owned(), "   ".to_owned());
    let e = store
        .create_entity(&NewEntity {
            name: "Example Foundation".into(),
            aliases: vec!["Фонд Пример".into(), "Фонда Пример".into()],
            notes,
        })
        .await?;
    assert_eq!(e.notes.len(), 1, "a blank note is no note");
    assert_eq!(store.get_entity(e.id).await?, e);
    let ru = store.entity_notes("ru").await?;
    assert_eq!(ru.len(), 1);
    assert_eq!(
        ru[0].names,
        vec!["Example Foundation", "Фонд Пример", "Фонда Пример"]
    );
    assert!(store.entity_notes("en").await?.is_empty());

    let mut changed = e.clone();
    changed
        .notes
        .insert("en".into(), "Designated in Russia.".into());
    changed.aliases.clear();
    let changed = store.update_entity(&changed).await?;
    assert_eq!(
        store.entity_notes("en").await?[0].names,
        vec!["Example Foundation"]
    );
    assert_eq!(store.list_entities().await?, vec![changed]);
    let dup = store
        .create_entity(&NewEntity {
            name: "Example Foundation".into(),
            ..NewEntity::default()
        })
        .await;
    assert!(matches!(dup, Err(StoreError::Conflict { constraint }) if constraint == "name"));
    store.delete_entity(e.id).await?;
    assert!(store.entity_notes("ru").await?.is_empty());
    Ok(())
});
