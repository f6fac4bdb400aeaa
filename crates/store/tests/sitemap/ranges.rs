//! The reads behind sitemaps: id ranges read whole, the blocks that hold something, the
//! translations of a range in one query, and News pages that add up to the window.

use std::collections::BTreeSet;

use chrono::Duration;
use newsdesk_store::{BulkArticle, StoreError};

use crate::fixtures::{days_ago, draft, edition, published, ready};

store_test!(sitemap_ranges_hold_every_published_article_once, |store| {
    edition(&store, "en").await?;
    edition(&store, "ru").await?;
    // A draft and an article published then withdrawn: in no sitemap.
    let (kept_draft, _) = store
        .create_article(&ready(&store, draft("en", "Never published")).await?, None)
        .await?;
    let withdrawn = published(&store, &draft("en", "Withdrawn"), days_ago(3)).await?;
    store.unpublish_article(withdrawn.id, None).await?;
    let group = store.new_translation_group().await?;
    let templates = [
        ready(&store, draft("en", "en")).await?,
        ready(&store, draft("ru", "ru")).await?,
    ];
    let items: Vec<BulkArticle> = (0..2_400)
        .map(|i| {
            let mut d = templates[usize::from(i % 3 == 0)].clone();
            d.headline = format!("Story {i}");
            d.slug = String::new();
            BulkArticle {
                draft: d,
                published_at: days_ago(i % 30),
                created_by: None,
                translation_group: (i == 3 || i == 4).then_some(group),
            }
        })
        .collect();
    let ids = store.insert_published_articles(&items).await?;
    let en: BTreeSet<i64> = ids
        .iter()
        .zip(&items)
        .filter(|(_, item)| item.draft.edition == "en")
        .map(|(id, _)| *id)
        .collect();

    let block = 500;
    let blocks = store.sitemap_blocks("en", block).await?;
    let expected: Vec<i64> = en
        .iter()
        .map(|id| id / block)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(blocks, expected, "exactly the blocks that hold an article");
    let mut seen = Vec::new();
    for k in &blocks {
        let rows = store
            .sitemap_articles("en", k * block, (k + 1) * block)
            .await?;
        assert!(!rows.is_empty());
        assert!(rows.windows(2).all(|w| w[0].id < w[1].id), "by id");
        assert!(rows.iter().all(|r| r.edition == "en"));
        seen.extend(rows.iter().map(|r| r.id));
    }
    assert_eq!(seen.len(), en.len(), "each article once");
    assert_eq!(seen.into_iter().collect::<BTreeSet<_>>(), en);
    let first = store.sitemap_articles("en", 0, block).await?;
    assert!(
        !first
            .iter()
            .any(|r| r.id == kept_draft.id || r.id == withdrawn.id)
    );

    // The translations of a range: the other editions' members, one query.
    let (ru_id, en_id) = (ids[3], ids[4]);
    let k = en_id / block;
    let translations = store
        .sitemap_translations("en", k * block, (k + 1) * block)
        .await?;
    assert_eq!(
        translations.iter().map(|t| t.id).collect::<Vec<_>>(),
        [ru_id]
    );
    assert_eq!(translations[0].translation_group, Some(group));
    assert_eq!(translations[0].edition, "ru");

    // Too wide a range or block is refused, not cut short.
    for refused in [
        store.sitemap_articles("en", 0, 50_001).await.map(|_| ()),
        store.sitemap_translations("en", 10, 5).await.map(|_| ()),
        store.sitemap_blocks("en", 0).await.map(|_| ()),
    ] {
        assert!(
            matches!(refused, Err(StoreError::Invalid(_))),
            "{refused:?}"
        );
    }
    assert!(store.sitemap_blocks("xx", block).await?.is_empty());
    Ok(())
});

store_test!(news_pages_add_up_to_the_window, |store| {
    edition(&store, "en").await?;
    let now = days_ago(0);
    let items: Vec<BulkArticle> = busy_day(&store, 2_150, now).await?;
    store.insert_published_articles(&items).await?;
    let from = now - Duration::hours(48);
    let in_window = items
        .iter()
        .filter(|i| i.published_at >= from && i.published_at <= now)
        .count();
    let total = store.count_published_between("en", from, now).await?;
    assert_eq!(usize::try_from(total)?, in_window);
    let mut seen = Vec::new();
    let mut offset = 0;
    loop {
        let page = store
            .published_between("en", from, now, offset, 1_000)
            .await?;
        if page.is_empty() {
            break;
        }
        assert!(page.len() <= 1_000);
        assert!(
            page.windows(2)
                .all(|w| w[0].published_at >= w[1].published_at)
        );
        offset += i64::try_from(page.len())?;
        seen.extend(page.into_iter().map(|a| a.id));
    }
    let unique: BTreeSet<i64> = seen.iter().copied().collect();
    assert_eq!((seen.len(), unique.len()), (in_window, in_window));
    let refused = store.published_between("en", from, now, 0, 1_001).await;
    assert!(matches!(refused, Err(StoreError::Invalid(_))));
    Ok(())
});

/// `n` English articles a minute apart back from `now`: about 2,880 fit in two days.
async fn busy_day(
    store: &newsdesk_store::Store,
    n: i64,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<Vec<BulkArticle>> {
    let d = ready(store, draft("en", "template")).await?;
    Ok((0..n)
        .map(|i| {
            let mut d = d.clone();
            d.headline = format!("Busy day story {i}");
            d.slug = String::new();
            BulkArticle {
                draft: d,
                published_at: now - Duration::minutes(i * 2),
                created_by: None,
                translation_group: None,
            }
        })
        .collect())
}
