//! Following the outbox across releases, pruning it, and consumers' cursors.

use chrono::{Duration, Utc};
use newsdesk_store::{ArticleId, StoreError};
use serde_json::json;
use sqlx::types::Json;

use crate::fixtures::{draft, edition};

/// Writes an outbox row as a newer release would: a kind this one does not know.
async fn insert_future_event(raw: &crate::harness::Raw) -> anyhow::Result<()> {
    with_raw!(raw, |conn| {
        sqlx::query("INSERT INTO events (kind, payload, created_at) VALUES ($1, $2, $3)")
            .bind("from_the_future")
            .bind(Json(
                json!({"kind": "from_the_future", "id": 1, "shiny": true}),
            ))
            .bind(Utc::now())
            .execute(&mut *conn)
            .await?;
    });
    Ok(())
}

store_test!(
    an_unknown_kind_of_event_is_skipped_not_fatal,
    |store, raw| {
        edition(&store, "en").await?;
        let start = store.latest_event_seq().await?;
        let (a, e1) = store.create_article(&draft("en", "Before"), None).await?;
        insert_future_event(&raw).await?;
        let (_, e3) = store
            .update_article(ArticleId(a.id), a.version, &draft("en", "After"), None)
            .await?;
        assert_eq!(store.latest_event_seq().await?, e3.seq);
        assert!(e3.seq > e1.seq + 1, "the raw row took a seq between them");

        let page = store.outbox_after(start, 100).await?;
        assert_eq!(page.events, vec![e1.clone(), e3.clone()]);
        assert_eq!(page.skipped, 1);
        assert_eq!(page.next_cursor, e3.seq);

        // A page that ends on the unknown row still moves the cursor past it.
        let page = store.outbox_after(e1.seq, 1).await?;
        assert_eq!((page.events.len(), page.skipped), (0, 1));
        assert!(page.next_cursor > e1.seq && page.next_cursor < e3.seq);
        let page = store.outbox_after(page.next_cursor, 1).await?;
        assert_eq!(page.events, vec![e3.clone()]);

        // Nothing after the end: the cursor stays where it was.
        let page = store.outbox_after(e3.seq, 100).await?;
        assert_eq!(
            (page.events.len(), page.skipped, page.next_cursor),
            (0, 0, e3.seq)
        );

        // events_after skips the same row, even when it fills a whole page.
        assert_eq!(
            store.events_after(start, 100).await?,
            vec![e1.clone(), e3.clone()]
        );
        assert_eq!(store.events_after(e1.seq, 1).await?, vec![e3]);
        assert!(store.events_after(e1.seq, 0).await?.is_empty());
        Ok(())
    }
);

store_test!(
    pruning_keeps_the_newest_event_and_seqs_keep_rising,
    |store| {
        edition(&store, "en").await?;
        let (a, _) = store.create_article(&draft("en", "One"), None).await?;
        let (a, _) = store
            .update_article(ArticleId(a.id), a.version, &draft("en", "Two"), None)
            .await?;
        let (_, last) = store
            .update_article(ArticleId(a.id), a.version, &draft("en", "Three"), None)
            .await?;
        let total = store.events_after(0, 100).await?.len();
        assert_eq!(total, 4, "edition + three article events");
        let later = Utc::now() + Duration::minutes(1);

        // Too recent: nothing goes.
        assert_eq!(
            store
                .prune_outbox(last.seq, Utc::now() - Duration::hours(1))
                .await?,
            0
        );
        // Only up to the seq given.
        let first = store.events_after(0, 1).await?[0].seq;
        assert_eq!(store.prune_outbox(first, later).await?, 1);
        assert_eq!(store.events_after(0, 100).await?.len(), 3);
        // Everything asked for, but the newest stays.
        assert_eq!(store.prune_outbox(i64::MAX, later).await?, 2);
        let left = store.events_after(0, 100).await?;
        assert_eq!(left, vec![last.clone()]);
        assert_eq!(store.latest_event_seq().await?, last.seq);
        assert_eq!(store.prune_outbox(i64::MAX, later).await?, 0);

        let (_, next) = store.create_article(&draft("en", "Four"), None).await?;
        assert!(next.seq > last.seq);
        assert_eq!(store.events_after(last.seq, 100).await?, vec![next.clone()]);
        assert_eq!(store.prune_outbox(i64::MAX, later).await?, 1);
        assert_eq!(store.latest_event_seq().await?, next.seq);
        Ok(())
    }
);

store_test!(consumer_cursors_only_move_forward, |store| {
    assert_eq!(store.consumer_cursor("search").await?, None);
    assert!(store.consumer_cursors().await?.is_empty());
    store.set_consumer_cursor("search", 10).await?;
    store.set_consumer_cursor("webhooks", 3).await?;
    assert_eq!(store.consumer_cursor("search").await?, Some(10));
    // A slower instance of the same consumer reporting late.
    store.set_consumer_cursor("search", 7).await?;
    assert_eq!(store.consumer_cursor("search").await?, Some(10));
    store.set_consumer_cursor("search", 10).await?;
    store.set_consumer_cursor("search", 12).await?;
    assert_eq!(
        store.consumer_cursors().await?,
        vec![("search".to_owned(), 12), ("webhooks".to_owned(), 3)]
    );
    assert!(matches!(
        store.set_consumer_cursor(" ", 1).await,
        Err(StoreError::Invalid(_))
    ));
    Ok(())
});
