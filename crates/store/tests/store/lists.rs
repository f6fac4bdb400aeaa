use newsdesk_core::ArticleStatus;
use newsdesk_store::{ArticleId, ArticleQuery, StoreError};

use crate::fixtures::{author, days_ago, draft, edition, published, ready, section, tag};

store_test!(lists_filter_count_and_paginate, |store| {
    edition(&store, "en").await?;
    edition(&store, "ru").await?;
    let world = section(&store, "en", "world").await?;
    let climate = tag(&store, "en", "climate").await?;
    let ann = author(&store, "ann").await?;
    // Five published English articles, newest = day 0; every other one in "world".
    let mut ids = Vec::new();
    for i in 0..5 {
        let mut d = draft("en", &format!("English story {i}"));
        if i % 2 == 0 {
            d.section_id = Some(world.id);
            d.tag_ids = vec![climate.id];
        }
        if i == 4 {
            d.author_ids = vec![ann];
            d.in_newsfeed = false;
        }
        ids.push(published(&store, &d, days_ago(10 - i)).await?.id);
    }
    published(&store, &draft("ru", "Русская новость"), days_ago(0)).await?;
    let (unpublished_draft, _) = store
        .create_article(&draft("en", "English draft"), None)
        .await?;

    let q = ArticleQuery {
        edition: Some("en".into()),
        limit: 2,
        ..ArticleQuery::default()
    };
    let page1 = store.list_articles(&q).await?;
    let page2 = store
        .list_articles(&ArticleQuery {
            offset: 2,
            ..q.clone()
        })
        .await?;
    assert_eq!(
        page1.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![ids[4], ids[3]]
    );
    assert_eq!(
        page2.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![ids[2], ids[1]]
    );
    assert_eq!(
        store.count_articles(&q).await?,
        5,
        "drafts and other editions not counted"
    );
    assert_eq!(page1[0].author_ids, vec![ann]);

    let in_world = ArticleQuery {
        section_id: Some(world.id),
        limit: 10,
        ..ArticleQuery::default()
    };
    assert_eq!(store.count_articles(&in_world).await?, 3);
    let tagged = ArticleQuery {
        tag_id: Some(climate.id),
        limit: 10,
        ..ArticleQuery::default()
    };
    let list = store.list_articles(&tagged).await?;
    assert_eq!(
        list.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![ids[4], ids[2], ids[0]]
    );
    assert!(list.iter().all(|a| a.tag_ids == vec![climate.id]));
    let by_ann = ArticleQuery {
        author_id: Some(ann),
        ..ArticleQuery::default()
    };
    assert_eq!(store.count_articles(&by_ann).await?, 1);
    let feed = ArticleQuery {
        in_newsfeed: Some(true),
        edition: Some("en".into()),
        ..ArticleQuery::default()
    };
    assert_eq!(store.count_articles(&feed).await?, 4);
    let window = ArticleQuery {
        published_from: Some(days_ago(9)),
        published_before: Some(days_ago(7)),
        ..ArticleQuery::default()
    };
    assert_eq!(store.count_articles(&window).await?, 2, "days 9 and 8");

    let drafts = ArticleQuery {
        status: Some(ArticleStatus::Draft),
        ..ArticleQuery::default()
    };
    let list = store.list_articles(&drafts).await?;
    assert_eq!(
        list.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![unpublished_draft.id]
    );
    let everything = ArticleQuery {
        any_status: true,
        limit: 100,
        ..ArticleQuery::default()
    };
    assert_eq!(store.count_articles(&everything).await?, 7);
    assert_eq!(
        store.list_articles(&everything).await?[0].id,
        unpublished_draft.id,
        "last edited first"
    );
    Ok(())
});

store_test!(headline_search_ignores_case_in_any_script, |store| {
    edition(&store, "en").await?;
    edition(&store, "ru").await?;
    let a = published(&store, &draft("en", "Storm hits the COAST"), days_ago(1)).await?;
    let b = published(
        &store,
        &draft("ru", "Шторм обрушился на побережье"),
        days_ago(2),
    )
    .await?;
    published(&store, &draft("en", "100% turnout"), days_ago(3)).await?;
    let found = store.search_headlines(None, "coast", 10).await?;
    assert_eq!(found.iter().map(|s| s.id).collect::<Vec<_>>(), vec![a.id]);
    let found = store.search_headlines(None, "ШТОРМ", 10).await?;
    assert_eq!(found.iter().map(|s| s.id).collect::<Vec<_>>(), vec![b.id]);
    assert!(
        store
            .search_headlines(Some("en"), "шторм", 10)
            .await?
            .is_empty()
    );
    // Wildcards are literal.
    assert_eq!(store.search_headlines(None, "%", 10).await?.len(), 1);
    assert!(store.search_headlines(None, "_", 10).await?.is_empty());
    Ok(())
});

store_test!(next_article_walks_back_through_the_edition, |store| {
    edition(&store, "en").await?;
    edition(&store, "ru").await?;
    let old = published(&store, &draft("en", "Oldest"), days_ago(5)).await?;
    published(&store, &draft("ru", "Другое издание"), days_ago(3)).await?;
    let mid = published(&store, &draft("en", "Middle"), days_ago(2)).await?;
    // Same publication time as `mid`: the lower id comes next.
    let twin = published(&store, &draft("en", "Twin"), days_ago(2)).await?;
    let new = published(&store, &draft("en", "Newest"), days_ago(1)).await?;
    store
        .create_article(&draft("en", "Unpublished"), None)
        .await?;
    assert_eq!(store.next_article(&new).await?.map(|s| s.id), Some(twin.id));
    assert_eq!(store.next_article(&twin).await?.map(|s| s.id), Some(mid.id));
    assert_eq!(store.next_article(&mid).await?.map(|s| s.id), Some(old.id));
    assert_eq!(store.next_article(&old).await?, None);
    Ok(())
});

store_test!(translations_link_across_editions, |store| {
    edition(&store, "en").await?;
    edition(&store, "ru").await?;
    edition(&store, "ar").await?;
    let en = published(&store, &draft("en", "Summit ends"), days_ago(1)).await?;
    let ru = published(&store, &draft("ru", "Саммит завершился"), days_ago(1)).await?;
    let (ar, _) = store
        .create_article(&ready(&store, draft("ar", "انتهاء القمة")).await?, None)
        .await?;
    let (en2, _) = store
        .create_article(&draft("en", "Another English"), None)
        .await?;
    store
        .link_translation(ArticleId(en.id), ArticleId(ru.id))
        .await?;
    store
        .link_translation(ArticleId(ar.id), ArticleId(en.id))
        .await?;
    let en = store.get_article(en.id).await?;
    let ru = store.get_article(ru.id).await?;
    assert!(en.translation_group.is_some());
    assert_eq!(en.translation_group, ru.translation_group);
    assert_eq!(
        store.get_article(ar.id).await?.translation_group,
        en.translation_group
    );
    // Only published members, only other editions.
    let t = store.translations(&en).await?;
    assert_eq!(t.iter().map(|s| s.id).collect::<Vec<_>>(), vec![ru.id]);
    store.publish_article(ar.id, days_ago(0), None).await?;
    assert_eq!(store.translations(&en).await?.len(), 2);
    assert_eq!(store.translations(&ru).await?.len(), 2);
    // A group holds one article per edition.
    assert!(matches!(
        store
            .link_translation(ArticleId(en2.id), ArticleId(ru.id))
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store
            .link_translation(ArticleId(en2.id), ArticleId(en.id))
            .await,
        Err(StoreError::Invalid(_))
    ));
    Ok(())
});

store_test!(
    an_overlong_search_is_refused_clearly_not_a_database_error,
    |store| {
        let long = "x".repeat(50_001);
        let q = newsdesk_store::ArticleQuery {
            search: Some(long.clone()),
            limit: 10,
            ..Default::default()
        };
        for result in [
            store.list_articles(&q).await.map(|_| ()),
            store.count_articles(&q).await.map(|_| ()),
            store.list_photos(Some(&long), 10, 0).await.map(|_| ()),
        ] {
            match result {
                Err(StoreError::Invalid(v)) => assert_eq!(v.errors[0].field, "q"),
                other => panic!("expected Invalid(q), got {other:?}"),
            }
        }
        // At the limit it is an ordinary search.
        let ok = newsdesk_store::ArticleQuery {
            search: Some("y".repeat(200)),
            limit: 10,
            ..Default::default()
        };
        assert!(store.list_articles(&ok).await?.is_empty());
        Ok(())
    }
);
