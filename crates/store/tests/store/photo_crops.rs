//! Crops drawn per aspect ratio: stored per photo and aspect, replaced and reset one aspect
//! at a time, checked against the photo, all or nothing, announced like the focal point,
//! refused to contributors once readers see the photo, and gone with the photo.

use newsdesk_core::{Change, Credit};
use newsdesk_store::{NewPhoto, PhotoCrop, PhotoFocus, StoreError};

use crate::fixtures::{days_ago, draft, edition, published, ready};

fn photo(key: &str, width: u32, height: u32) -> NewPhoto {
    NewPhoto {
        key: key.into(),
        content_type: "image/jpeg".into(),
        width,
        height,
        byte_size: 1_000_000,
        caption: "Two ministers shake hands".into(),
        alt_text: "Two men in dark suits shaking hands in front of flags".into(),
        credit: Credit {
            agency: "AFP".into(),
            creator: "Jane Doe".into(),
        },
        copyright_notice: String::new(),
        copyright_year: None,
        uploaded_by: None,
    }
}

fn crop(aspect: (u32, u32), x: u32, y: u32, width: u32, height: u32) -> PhotoCrop {
    PhotoCrop {
        aspect,
        x,
        y,
        width,
        height,
    }
}

store_test!(a_photo_keeps_a_crop_per_aspect, |store| {
    let p = store.create_photo(&photo("a.jpg", 2000, 1500)).await?;
    assert!(store.photo_crops(p.id).await?.is_empty());

    let seq = store.latest_event_seq().await?;
    let wide = crop((16, 9), 100, 200, 1600, 900);
    assert_eq!(store.set_photo_crop(p.id, wide).await?, [wide]);
    let events = store.events_after(seq, 10).await?;
    assert_eq!(
        events.iter().map(|e| e.change.clone()).collect::<Vec<_>>(),
        [Change::Photo { id: p.id }],
        "pages showing the photo are refreshed as for its focal point"
    );
    let square = crop((1, 1), 500, 0, 1500, 1500);
    store.set_photo_crop(p.id, square).await?;
    // Another 16:9 rectangle replaces the first.
    let moved = crop((16, 9), 0, 600, 1600, 900);
    let all = store.set_photo_crop(p.id, moved).await?;
    assert_eq!(all.len(), 2);
    assert!(all.contains(&moved) && all.contains(&square), "{all:?}");
    // The edges and the whole width are inside.
    let edge = crop((4, 3), 0, 0, 2000, 1500);
    assert!(store.set_photo_crop(p.id, edge).await?.contains(&edge));
    store.reset_photo_crop(p.id, (4, 3)).await?;

    // The focal point is another matter: each keeps its own.
    store
        .set_photo_focus(p.id, PhotoFocus { x: 0.2, y: 0.3 })
        .await?;
    assert_eq!(store.photo_crops(p.id).await?.len(), 2);

    // Reset one aspect: back to the focal point for it, the other stays.
    assert_eq!(store.reset_photo_crop(p.id, (16, 9)).await?, [square]);
    // Resetting an aspect without a crop is no error.
    assert_eq!(store.reset_photo_crop(p.id, (16, 9)).await?, [square]);

    // Another photo has none, and the batch read names each photo's own.
    let q = store.create_photo(&photo("b.jpg", 800, 600)).await?;
    assert!(store.photo_crops(q.id).await?.is_empty());
    let q_crop = crop((4, 3), 0, 0, 800, 600);
    store.set_photo_crop(q.id, q_crop).await?;
    let both = store.photo_crops_of(&[q.id, p.id, q.id + 100]).await?;
    assert_eq!(both.len(), 2);
    assert_eq!(both[&p.id], [square]);
    assert_eq!(both[&q.id], [q_crop]);
    Ok(())
});

store_test!(rectangles_off_the_photo_are_refused_whole, |store| {
    let p = store.create_photo(&photo("a.jpg", 2000, 1500)).await?;
    let kept = crop((16, 9), 0, 0, 1600, 900);
    store.set_photo_crop(p.id, kept).await?;
    for (bad, field) in [
        (crop((16, 9), 401, 0, 1600, 900), "width"),
        (crop((16, 9), 0, 601, 1600, 900), "height"),
        (crop((16, 9), 0, 0, 1600, 1000), "height"),
        (crop((1, 1), 0, 0, 0, 0), "width"),
        (crop((0, 9), 0, 0, 1600, 900), "aspect"),
        (crop((1, 1), u32::MAX, u32::MAX, 1, 1), "width"),
    ] {
        match store.set_photo_crop(p.id, bad).await {
            Err(StoreError::Invalid(v)) => assert_eq!(v.errors[0].field, field, "{bad:?}"),
            other => anyhow::bail!("{bad:?}: expected Invalid, got {other:?}"),
        }
    }
    // A good change beside a bad one: neither is kept, and the reset is rolled back too.
    let good = crop((1, 1), 0, 0, 1500, 1500);
    let bad = crop((4, 3), 0, 0, 2001, 1500);
    assert!(
        store
            .set_photo_crops_with(p.id, &[good, bad], &[(16, 9)], false)
            .await
            .is_err()
    );
    assert_eq!(store.photo_crops(p.id).await?, [kept]);

    assert!(matches!(
        store.set_photo_crop(p.id + 100, kept).await,
        Err(StoreError::NotFound)
    ));
    assert!(store.photo_crops(p.id + 100).await?.is_empty());

    // Deleting the photo takes its crops with it.
    store.delete_photo(p.id).await?;
    assert!(store.photo_crops(p.id).await?.is_empty());
    Ok(())
});

store_test!(a_contributor_cannot_recrop_a_photo_readers_see, |store| {
    edition(&store, "en").await?;
    let p = store.create_photo(&photo("a.jpg", 2000, 1500)).await?;
    let first = crop((16, 9), 0, 0, 1600, 900);
    // Unpublished: allowed either way.
    store
        .set_photo_crops_with(p.id, &[first], &[], true)
        .await?;
    let mut d = ready(&store, draft("en", "The handshake")).await?;
    d.hero_photo_id = Some(p.id);
    let a = published(&store, &d, days_ago(0)).await?;
    let second = crop((16, 9), 400, 600, 1600, 900);
    match store.set_photo_crops_with(p.id, &[second], &[], true).await {
        Err(StoreError::InUse { what, used_by }) => {
            assert_eq!(what, format!("photo {}", p.id));
            assert_eq!(used_by, vec![(a.id, "The handshake".to_owned())]);
        }
        other => anyhow::bail!("expected InUse, got {other:?}"),
    }
    match store
        .set_photo_crops_with(p.id, &[], &[(16, 9)], true)
        .await
    {
        Err(StoreError::InUse { .. }) => {}
        other => anyhow::bail!("a reset too: expected InUse, got {other:?}"),
    }
    assert_eq!(store.photo_crops(p.id).await?, [first], "rolled back");
    // An editor's change (no restriction) goes through.
    assert_eq!(store.set_photo_crop(p.id, second).await?, [second]);
    Ok(())
});
