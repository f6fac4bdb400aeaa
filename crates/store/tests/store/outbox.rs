use newsdesk_core::Change;
use newsdesk_store::{ArticleId, StoreError};

use crate::fixtures::{draft, edition, section, tag};

store_test!(events_are_in_order_and_resume_from_seq, |store| {
    edition(&store, "en").await?;
    let start = store.latest_event_seq().await?;
    let (a, e1) = store.create_article(&draft("en", "One"), None).await?;
    let (_, e2) = store
        .update_article(ArticleId(a.id), a.version, &draft("en", "One more"), None)
        .await?;
    let e3 = store.delete_article(a.id, None).await?;
    assert!(start < e1.seq && e1.seq < e2.seq && e2.seq < e3.seq);
    assert_eq!(store.latest_event_seq().await?, e3.seq);
    let all = store.events_after(start, 100).await?;
    assert_eq!(all, vec![e1.clone(), e2.clone(), e3.clone()]);
    assert_eq!(store.events_after(e1.seq, 1).await?, vec![e2]);
    assert!(store.events_after(e3.seq, 100).await?.is_empty());
    Ok(())
});

store_test!(a_failed_write_leaves_no_event, |store| {
    edition(&store, "en").await?;
    let (a, _) = store.create_article(&draft("en", "Taken"), None).await?;
    let seq = store.latest_event_seq().await?;
    // A typed slug already taken (a headline used twice would be numbered instead).
    let mut again = draft("en", "Taken again");
    again.slug = a.slug.clone();
    let err = store.create_article(&again, None).await;
    assert!(matches!(err, Err(StoreError::Conflict { .. })));
    let stale = store
        .update_article(ArticleId(a.id), a.version + 5, &draft("en", "Other"), None)
        .await;
    assert!(matches!(stale, Err(StoreError::Stale { .. })));
    assert_eq!(
        store.latest_event_seq().await?,
        seq,
        "nothing written, no event"
    );
    Ok(())
});

store_test!(article_events_name_pages_before_and_after, |store| {
    edition(&store, "en").await?;
    let s1 = section(&store, "en", "politics").await?;
    let s2 = section(&store, "en", "business").await?;
    let t1 = tag(&store, "en", "tax").await?;
    let t2 = tag(&store, "en", "trade").await?;
    let mut d = draft("en", "Moving story");
    d.section_id = Some(s1.id);
    d.tag_ids = vec![t1.id];
    let mut d = crate::fixtures::ready(&store, d).await?;
    let (a, _) = store.create_article(&d, None).await?;
    let (a, _) = store
        .publish_article(a.id, crate::fixtures::days_ago(0), None)
        .await?;
    d.section_id = Some(s2.id);
    d.tag_ids = vec![t2.id];
    let (_, event) = store
        .update_article(ArticleId(a.id), a.version, &d, None)
        .await?;
    match event.change {
        Change::Article {
            id,
            edition,
            status,
            mut section_ids,
            mut tag_ids,
            public,
            ..
        } => {
            section_ids.sort_unstable();
            tag_ids.sort_unstable();
            assert_eq!(id, a.id);
            assert_eq!(edition, "en");
            assert_eq!(status, "published");
            assert_eq!(section_ids, vec![s1.id, s2.id]);
            assert_eq!(tag_ids, vec![t1.id, t2.id]);
            assert!(public);
        }
        other => anyhow::bail!("unexpected change {other:?}"),
    }
    Ok(())
});

store_test!(taxonomy_and_photo_writes_emit_events, |store| {
    let seq = store.latest_event_seq().await?;
    edition(&store, "en").await?;
    section(&store, "en", "sport").await?;
    let events = store.events_after(seq, 10).await?;
    assert_eq!(events.len(), 2);
    assert!(events.iter().all(|e| e.change
        == Change::Taxonomy {
            edition: Some("en".into())
        }));
    Ok(())
});

store_test!(
    a_follower_never_skips_an_event_under_concurrent_writers,
    |store| {
        edition(&store, "en").await?;
        let start = store.latest_event_seq().await?;
        let mut writers = Vec::new();
        for w in 0..4 {
            let s = store.clone();
            writers.push(tokio::spawn(async move {
                for i in 0..15 {
                    s.create_article(&draft("en", &format!("Writer {w} story {i}")), None)
                        .await?;
                }
                anyhow::Ok(())
            }));
        }
        // Follow the outbox the way the bus does: resume after the last seq seen.
        let mut cursor = start;
        let mut seen = Vec::new();
        while seen.len() < 60 {
            for event in store.events_after(cursor, 7).await? {
                cursor = event.seq;
                seen.push(event.seq);
            }
            if writers.iter().all(|w| w.is_finished()) && store.latest_event_seq().await? == cursor
            {
                break;
            }
            tokio::task::yield_now().await;
        }
        for w in writers {
            w.await??;
        }
        let all: Vec<i64> = store
            .events_after(start, 1000)
            .await?
            .iter()
            .map(|e| e.seq)
            .collect();
        assert_eq!(all.len(), 60);
        assert_eq!(seen, all, "the follower saw every event, in order");
        Ok(())
    }
);
