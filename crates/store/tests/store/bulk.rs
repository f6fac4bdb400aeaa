use std::time::Instant;

use chrono::Duration;
use newsdesk_core::{ArticleStatus, Change};
use newsdesk_store::{ArticleQuery, BulkArticle, StoreError};

use crate::fixtures::{author, days_ago, draft, edition, ready, section, tag};

store_test!(bulk_insert_publishes_with_one_event_per_call, |store| {
    edition(&store, "en").await?;
    edition(&store, "ru").await?;
    let t = tag(&store, "en", "archive").await?;
    let s = section(&store, "en", "archive").await?;
    let a = author(&store, "ann").await?;
    let group = store.new_translation_group().await?;
    let seq = store.latest_event_seq().await?;
    let items: Vec<BulkArticle> = (0..50)
        .map(|i| {
            let mut d = draft("en", &format!("Archive story {i}"));
            d.tag_ids = vec![t.id];
            d.section_id = Some(s.id);
            d.author_ids = vec![a];
            BulkArticle {
                draft: d,
                published_at: days_ago(i),
                created_by: None,
                translation_group: (i == 0).then_some(group),
            }
        })
        .collect();
    let ids = store.insert_published_articles(&items).await?;
    assert_eq!(ids.len(), 50);
    let first = store.get_article(ids[0]).await?;
    assert_eq!(first.status, ArticleStatus::Published);
    assert_eq!(first.published_at, Some(days_ago(0)));
    assert_eq!(first.first_published_at, Some(days_ago(0)));
    assert_eq!(
        (first.tag_ids.clone(), first.author_ids.clone()),
        (vec![t.id], vec![a])
    );
    assert_eq!(store.list_revisions(ids[0]).await?.len(), 1);
    let events = store.events_after(seq, 100).await?;
    assert_eq!(events.len(), 1);
    assert_eq!(
        events[0].change,
        Change::Taxonomy {
            edition: Some("en".into())
        }
    );
    let q = ArticleQuery {
        tag_id: Some(t.id),
        ..ArticleQuery::default()
    };
    assert_eq!(store.count_articles(&q).await?, 50);

    // A translation in a later call joins the same group; an unknown group id is created.
    let ru = BulkArticle {
        draft: ready(&store, draft("ru", "Архивная история")).await?,
        published_at: days_ago(0),
        created_by: None,
        translation_group: Some(group),
    };
    let other = BulkArticle {
        translation_group: Some(group + 1000),
        draft: ready(&store, draft("ru", "Другая история")).await?,
        ..ru.clone()
    };
    let ru_ids = store.insert_published_articles(&[ru, other]).await?;
    let t = store.translations(&first).await?;
    assert_eq!(t.iter().map(|s| s.id).collect::<Vec<_>>(), vec![ru_ids[0]]);
    // Fresh groups never collide with imported ones.
    let fresh = store.new_translation_group().await?;
    assert!(fresh > group + 1000, "{fresh}");

    // One bad item rejects the whole call.
    let dup = vec![BulkArticle {
        draft: ready(&store, draft("en", "Archive story 1")).await?,
        published_at: days_ago(0),
        created_by: None,
        translation_group: None,
    }];
    let err = store.insert_published_articles(&dup).await;
    assert!(matches!(err, Err(StoreError::Conflict { constraint }) if constraint == "slug"));
    Ok(())
});

store_test!(bulk_insert_is_fast, |store| {
    edition(&store, "en").await?;
    let tags = [
        tag(&store, "en", "a").await?.id,
        tag(&store, "en", "b").await?.id,
    ];
    let s = section(&store, "en", "news").await?.id;
    let a = author(&store, "ann").await?;
    let started = Instant::now();
    let batches = 10;
    for batch in 0..batches {
        let items: Vec<BulkArticle> = (0..1000)
            .map(|i| {
                let mut d = draft("en", &format!("Story {batch} {i}"));
                d.body = "Lorem ipsum dolor sit amet. ".repeat(100);
                d.tag_ids = tags.to_vec();
                d.section_id = Some(s);
                d.author_ids = vec![a];
                BulkArticle {
                    draft: d,
                    published_at: days_ago(0) - Duration::minutes(batch * 1000 + i),
                    created_by: None,
                    translation_group: None,
                }
            })
            .collect();
        store.insert_published_articles(&items).await?;
    }
    let elapsed = started.elapsed();
    eprintln!(
        "bulk: {} articles in {elapsed:?} on {:?}",
        batches * 1000,
        store.backend()
    );
    // 100,000 articles must take well under a few minutes: 10,000 well under 30 s
    // (a debug build on a loaded 2-core machine).
    assert!(elapsed.as_secs() < 30, "{elapsed:?}");
    assert_eq!(
        store.count_articles(&ArticleQuery::default()).await?,
        10_000
    );
    Ok(())
});

/// The demo's full archive: 100 calls of 1,000. Slow in a debug build on PostgreSQL, so
/// run on demand: `cargo test -p newsdesk-store -- --ignored bulk_100k --nocapture`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "takes a minute; run on demand"]
async fn bulk_100k() -> anyhow::Result<()> {
    crate::harness::on_each_backend("bulk_100k", |store, _| async move {
        edition(&store, "en").await?;
        let t = tag(&store, "en", "a").await?.id;
        let s = section(&store, "en", "news").await?.id;
        let a = author(&store, "ann").await?;
        let started = Instant::now();
        for batch in 0..100 {
            let items: Vec<BulkArticle> = (0..1000)
                .map(|i| {
                    let mut d = draft("en", &format!("Story {batch} {i}"));
                    d.body = "Lorem ipsum dolor sit amet. ".repeat(100);
                    d.tag_ids = vec![t];
                    d.section_id = Some(s);
                    d.author_ids = vec![a];
                    BulkArticle {
                        draft: d,
                        published_at: days_ago(0) - Duration::minutes(batch * 1000 + i),
                        created_by: None,
                        translation_group: None,
                    }
                })
                .collect();
            store.insert_published_articles(&items).await?;
        }
        let elapsed = started.elapsed();
        eprintln!(
            "bulk: 100,000 articles in {elapsed:?} on {:?}",
            store.backend()
        );
        assert!(elapsed.as_secs() < 180, "{elapsed:?}");
        let q = ArticleQuery {
            edition: Some("en".into()),
            tag_id: Some(t),
            limit: 20,
            offset: 50_000,
            ..ArticleQuery::default()
        };
        let started = Instant::now();
        assert_eq!(store.list_articles(&q).await?.len(), 20);
        assert_eq!(store.count_articles(&q).await?, 100_000);
        eprintln!("deep tag page + count: {:?}", started.elapsed());
        Ok(())
    })
    .await
}
