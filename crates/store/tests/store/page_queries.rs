//! The store calls behind a reading page's miss (issue 13): several lists in one query,
//! whole articles of a list in one query, a capped count, and a limit past the maximum
//! refused instead of cut short.

use newsdesk_store::{ArticleQuery, MAX_LIST_LIMIT, StoreError};

use crate::fixtures::{author, days_ago, draft, edition, published, section, tag};

store_test!(several_lists_in_one_query_answer_as_each_alone, |store| {
    edition(&store, "en").await?;
    edition(&store, "ru").await?;
    let world = section(&store, "en", "world").await?;
    let sport = section(&store, "en", "sport").await?;
    let climate = tag(&store, "en", "climate").await?;
    let ann = author(&store, "ann").await?;
    let bob = author(&store, "bob").await?;
    for i in 0..9 {
        let mut d = draft("en", &format!("Story {i}"));
        d.section_id = Some(if i % 3 == 0 { sport.id } else { world.id });
        d.in_newsfeed = i % 4 != 0;
        // Byline order as set, not by id.
        d.author_ids = if i % 2 == 0 {
            vec![bob, ann]
        } else {
            vec![ann]
        };
        d.tag_ids = vec![climate.id];
        published(&store, &d, days_ago(20 - i)).await?;
    }
    published(&store, &draft("ru", "Новость"), days_ago(0)).await?;
    let queries = vec![
        ArticleQuery {
            edition: Some("en".into()),
            limit: 3,
            ..ArticleQuery::default()
        },
        ArticleQuery {
            edition: Some("en".into()),
            in_newsfeed: Some(true),
            limit: 4,
            offset: 1,
            ..ArticleQuery::default()
        },
        ArticleQuery {
            edition: Some("en".into()),
            section_id: Some(sport.id),
            limit: 10,
            ..ArticleQuery::default()
        },
        ArticleQuery {
            edition: Some("en".into()),
            section_id: Some(world.id),
            limit: 0,
            ..ArticleQuery::default()
        },
        ArticleQuery {
            any_status: true,
            limit: 5,
            ..ArticleQuery::default()
        },
    ];
    let together = store.list_articles_each(&queries).await?;
    assert_eq!(together.len(), queries.len());
    for (q, list) in queries.iter().zip(&together) {
        assert_eq!(list, &store.list_articles(q).await?, "{q:?}");
    }
    assert_eq!(together[2].len(), 3, "the sport section");
    assert!(together[3].is_empty());
    let first = &together[0][0];
    assert_eq!(first.author_ids, vec![bob, ann], "byline order kept");
    assert_eq!(first.tag_ids, vec![climate.id]);
    assert!(store.list_articles_each(&[]).await?.is_empty());
    Ok(())
});

store_test!(whole_articles_of_a_list_come_in_list_order, |store| {
    edition(&store, "en").await?;
    let ann = author(&store, "ann").await?;
    for i in 0..4 {
        let mut d = draft("en", &format!("Story {i}"));
        d.body = format!("Body {i}");
        d.author_ids = vec![ann];
        published(&store, &d, days_ago(10 - i)).await?;
    }
    let q = ArticleQuery {
        edition: Some("en".into()),
        limit: 3,
        offset: 1,
        ..ArticleQuery::default()
    };
    let summaries = store.list_articles(&q).await?;
    let full = store.list_full_articles(&q).await?;
    assert_eq!(
        full.iter().map(|a| a.id).collect::<Vec<_>>(),
        summaries.iter().map(|a| a.id).collect::<Vec<_>>()
    );
    for a in &full {
        assert_eq!(a, &store.get_article(a.id).await?);
    }
    assert_eq!(full[0].body, "Body 2");
    Ok(())
});

store_test!(a_limit_past_the_maximum_is_refused_not_cut, |store| {
    edition(&store, "en").await?;
    published(&store, &draft("en", "Story"), days_ago(1)).await?;
    for limit in [MAX_LIST_LIMIT + 1, -1, i64::MAX] {
        let q = ArticleQuery {
            limit,
            ..ArticleQuery::default()
        };
        assert!(
            matches!(store.list_articles(&q).await, Err(StoreError::Invalid(_))),
            "limit {limit}"
        );
        assert!(matches!(
            store.list_articles_each(std::slice::from_ref(&q)).await,
            Err(StoreError::Invalid(_))
        ));
        assert!(matches!(
            store.list_full_articles(&q).await,
            Err(StoreError::Invalid(_))
        ));
    }
    let most = ArticleQuery {
        limit: MAX_LIST_LIMIT,
        ..ArticleQuery::default()
    };
    assert_eq!(store.list_articles(&most).await?.len(), 1);
    Ok(())
});
