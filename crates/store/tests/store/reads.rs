use chrono::{Duration, Utc};

use crate::fixtures;

store_test!(most_read_ranks_an_editions_views_of_the_last_day, |store| {
    fixtures::edition(&store, "en").await?;
    fixtures::edition(&store, "ru").await?;
    let now = Utc::now();
    let a = fixtures::published(
        &store,
        &fixtures::draft("en", "Harbour reopens"),
        now - Duration::hours(30),
    )
    .await?;
    let b = fixtures::published(
        &store,
        &fixtures::draft("en", "Budget passes"),
        now - Duration::hours(3),
    )
    .await?;
    let c = fixtures::published(
        &store,
        &fixtures::draft("en", "Derby ends level"),
        now - Duration::hours(2),
    )
    .await?;
    let r = fixtures::published(
        &store,
        &fixtures::draft("ru", "Бюджет принят"),
        now - Duration::hours(2),
    )
    .await?;

    // Two flushes add up; the Russian story is another edition's list.
    store
        .add_article_reads(&[(a.id, 4), (b.id, 2), (r.id, 50)], now)
        .await?;
    store
        .add_article_reads(&[(b.id, 5), (c.id, 1)], now)
        .await?;
    // Yesterday's reads of `c` are outside the 24 hours.
    store
        .add_article_reads(&[(c.id, 100)], now - Duration::hours(30))
        .await?;
    // An id that is no article (a forged beacon) is ignored, not an error.
    store.add_article_reads(&[(9_999_999, 7)], now).await?;

    let since = now - Duration::hours(24);
    let list: Vec<i64> = store
        .most_read("en", since, 5)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(list, vec![b.id, a.id, c.id], "7 reads, then 4, then 1");
    let top: Vec<i64> = store
        .most_read("en", since, 1)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(top, vec![b.id]);
    let ru: Vec<i64> = store
        .most_read("ru", since, 5)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ru, vec![r.id]);

    // An unpublished story leaves the list at once.
    store.unpublish_article(b.id, None).await?;
    let list: Vec<i64> = store
        .most_read("en", since, 5)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(list, vec![a.id, c.id]);

    // A list longer than allowed is an error, not a silently shorter answer.
    assert!(store.most_read("en", since, 10_000).await.is_err());

    // Pruning drops the old hours only.
    assert_eq!(
        store.prune_article_reads(now - Duration::hours(24)).await?,
        1
    );
    let list: Vec<i64> = store
        .most_read("en", now - Duration::days(3), 5)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(list, vec![a.id, c.id], "c's 100 old reads are gone");
    Ok(())
});
