use chrono::Duration;
use newsdesk_core::{ArticleStatus, Change};
use newsdesk_store::{NewPhoto, StoreError};

use crate::fixtures::{days_ago, draft, edition, ready};

store_test!(publish_sets_times_and_republish_keeps_them, |store| {
    edition(&store, "en").await?;
    let (a, _) = store
        .create_article(&ready(&store, draft("en", "Breaking")).await?, None)
        .await?;
    let first = days_ago(3);
    let (p, event) = store.publish_article(a.id, first, None).await?;
    assert_eq!(p.status, ArticleStatus::Published);
    assert_eq!(p.published_at, Some(first));
    assert_eq!(p.first_published_at, Some(first));
    assert_eq!(p.version, a.version, "publishing saves no new content");
    assert!(
        matches!(event.change, Change::Article { public: true, ref status, .. } if status == "published")
    );

    let (u, event) = store.unpublish_article(a.id, None).await?;
    assert_eq!(u.status, ArticleStatus::Unpublished);
    assert!(
        matches!(event.change, Change::Article { public: true, .. }),
        "it was public before"
    );
    assert!(matches!(
        store.unpublish_article(a.id, None).await,
        Err(StoreError::Invalid(_))
    ));

    // Back up later: the URL's date (published_at) and first_published_at stay.
    let (r, _) = store.publish_article(a.id, days_ago(1), None).await?;
    assert_eq!(r.published_at, Some(first));
    assert_eq!(r.first_published_at, Some(first));
    Ok(())
});

store_test!(scheduled_articles_publish_when_due, |store| {
    edition(&store, "en").await?;
    let (a, _) = store
        .create_article(&ready(&store, draft("en", "Embargoed")).await?, None)
        .await?;
    let (b, _) = store
        .create_article(&ready(&store, draft("en", "Later")).await?, None)
        .await?;
    let at = days_ago(2);
    let (s, event) = store.schedule_article(a.id, at, None).await?;
    assert_eq!(s.status, ArticleStatus::Scheduled);
    assert!(matches!(
        event.change,
        Change::Article { public: false, .. }
    ));
    store
        .schedule_article(b.id, at + Duration::days(5), None)
        .await?;

    assert!(
        store
            .publish_due(at - Duration::seconds(1))
            .await?
            .published
            .is_empty(),
        "not yet"
    );
    let due = store.publish_due(at).await?;
    assert_eq!(due.published.len(), 1);
    assert!(due.blocked.is_empty());
    let (published, event) = &due.published[0];
    assert_eq!(published.id, a.id);
    assert_eq!(published.status, ArticleStatus::Published);
    assert_eq!(published.published_at, Some(at));
    assert_eq!(published.first_published_at, Some(at));
    assert!(matches!(event.change, Change::Article { public: true, .. }));
    assert!(
        store.publish_due(at).await?.published.is_empty(),
        "published once only"
    );
    assert_eq!(
        store.get_article(b.id).await?.status,
        ArticleStatus::Scheduled
    );

    // Cancelling a schedule returns a never-published article to draft.
    let (c, _) = store.unpublish_article(b.id, None).await?;
    assert_eq!(c.status, ArticleStatus::Draft);
    assert_eq!(c.published_at, None);
    Ok(())
});

store_test!(
    concurrent_publish_due_publishes_each_article_once,
    |store| {
        edition(&store, "en").await?;
        let at = days_ago(1);
        for i in 0..20 {
            let d = ready(&store, draft("en", &format!("Story {i}"))).await?;
            let (a, _) = store.create_article(&d, None).await?;
            store.schedule_article(a.id, at, None).await?;
        }
        // Two instances (two stores on the same database would be the same on PostgreSQL;
        // here two tasks) race for the same due rows.
        let other = store.clone();
        let racer = tokio::spawn(async move { other.publish_due(at).await });
        let x = store.publish_due(at).await;
        let y = racer.await?;
        let (x, y) = (x?, y?);
        assert!(x.blocked.is_empty() && y.blocked.is_empty());
        let mut ids: Vec<i64> = x
            .published
            .iter()
            .chain(&y.published)
            .map(|(a, _)| a.id)
            .collect();
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, 20, "every due article published");
        assert_eq!(ids.len(), 20, "none published twice");
        Ok(())
    }
);

store_test!(a_hero_photo_needs_alt_text_before_publishing, |store| {
    edition(&store, "en").await?;
    let photo = store
        .create_photo(&NewPhoto {
            key: "originals/1.jpg".into(),
            content_type: "image/jpeg".into(),
            width: 1600,
            height: 900,
            byte_size: 123_456,
            caption: "Crowds in the square".into(),
            ..NewPhoto::default()
        })
        .await?;
    let mut d = ready(&store, draft("en", "With a picture")).await?;
    d.hero_photo_id = Some(photo.id);
    let (a, _) = store.create_article(&d, None).await?;
    let err = store.publish_article(a.id, days_ago(0), None).await;
    assert!(matches!(&err, Err(StoreError::Invalid(e)) if e.errors[0].field == "hero_photo_id"));
    assert_eq!(store.get_article(a.id).await?.status, ArticleStatus::Draft);
    Ok(())
});
