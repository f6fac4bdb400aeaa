//! JSON written by an older release (fewer fields) still loads through the store API.

use chrono::Utc;
use newsdesk_core::Change;
use newsdesk_store::NewPhoto;
use serde_json::json;
use sqlx::types::Json;

use crate::fixtures::{draft, edition};

store_test!(an_old_revision_without_newer_fields_loads, |store, raw| {
    edition(&store, "en").await?;
    let (a, _) = store.create_article(&draft("en", "Today"), None).await?;
    // As an early release stored it: no slug, lead, body, photo, section, tags, bylines
    // or flags.
    let old = json!({"edition": "en", "headline": "Yesterday"});
    with_raw!(raw, |conn| {
        sqlx::query(
            "INSERT INTO revisions (article_id, number, account_id, created_at, draft) \
             VALUES ($1, 2, NULL, $2, $3)",
        )
        .bind(a.id)
        .bind(Utc::now())
        .bind(Json(&old))
        .execute(&mut *conn)
        .await?;
    });
    let revision = store.get_revision(a.id, 2).await?;
    assert_eq!(revision.draft.headline, "Yesterday");
    assert_eq!(revision.draft.edition, "en");
    assert!(revision.draft.slug.is_empty() && revision.draft.body.is_empty());
    assert!(revision.draft.tag_ids.is_empty() && revision.draft.author_ids.is_empty());
    assert_eq!(revision.draft.hero_photo_id, None);
    let numbers: Vec<i64> = store
        .list_revisions(a.id)
        .await?
        .iter()
        .map(|r| r.number)
        .collect();
    assert_eq!(numbers, vec![2, 1]);
    Ok(())
});

store_test!(old_events_and_renditions_load, |store, raw| {
    let photo = store
        .create_photo(&NewPhoto {
            key: "originals/a.jpg".into(),
            content_type: "image/jpeg".into(),
            width: 1600,
            height: 900,
            byte_size: 1000,
            ..NewPhoto::default()
        })
        .await?;
    let start = store.latest_event_seq().await?;
    with_raw!(raw, |conn| {
        for payload in [
            json!({"kind": "taxonomy"}),
            json!({"kind": "article", "id": 5, "edition": "en", "status": "draft", "public": false}),
        ] {
            sqlx::query("INSERT INTO events (kind, payload, created_at) VALUES ($1, $2, $3)")
                .bind(payload["kind"].as_str().unwrap_or_default())
                .bind(Json(&payload))
                .bind(Utc::now())
                .execute(&mut *conn)
                .await?;
        }
        sqlx::query("UPDATE photos SET renditions = $1 WHERE id = $2")
            .bind(Json(
                json!([{"width": 800, "key": "renditions/a-800.webp"}]),
            ))
            .bind(photo.id)
            .execute(&mut *conn)
            .await?;
    });
    let page = store.outbox_after(start, 10).await?;
    assert_eq!(page.skipped, 0);
    let changes: Vec<Change> = page.events.into_iter().map(|e| e.change).collect();
    assert_eq!(
        changes,
        vec![
            Change::Taxonomy { edition: None },
            Change::Article {
                id: 5,
                edition: "en".into(),
                status: "draft".into(),
                section_ids: vec![],
                tag_ids: vec![],
                author_ids: vec![],
                public: false,
                translation_group: None,
            },
        ]
    );
    let renditions = store.get_photo(photo.id).await?.renditions;
    assert_eq!(renditions.len(), 1);
    assert_eq!(
        (renditions[0].width, renditions[0].key.as_str()),
        (800, "renditions/a-800.webp")
    );
    assert_eq!(
        (renditions[0].height, renditions[0].content_type.as_str()),
        (0, "")
    );
    Ok(())
});
