use newsdesk_core::{Direction, Edition};
use newsdesk_store::{ArticleQuery, NewAuthor, StoreError};

use crate::fixtures::{author, days_ago, draft, edition, published, section, tag};

store_test!(editions_keep_one_default, |store| {
    edition(&store, "ru").await?;
    edition(&store, "en").await?;
    let mut ar = Edition {
        code: "ar".into(),
        name: "العربية".into(),
        direction: Direction::Rtl,
        time_zone: "Asia/Dubai".into(),
        is_default: false,
    };
    store.upsert_edition(&ar).await?;
    let codes: Vec<_> = store
        .list_editions()
        .await?
        .into_iter()
        .map(|e| e.code)
        .collect();
    assert_eq!(codes, vec!["en", "ar", "ru"], "default first, then by code");
    ar.is_default = true;
    ar.name = "Arabic".into();
    store.upsert_edition(&ar).await?;
    let editions = store.list_editions().await?;
    assert_eq!(editions[0], ar);
    assert_eq!(editions.iter().filter(|e| e.is_default).count(), 1);
    assert_eq!(store.get_edition("ar").await?.direction, Direction::Rtl);
    assert!(matches!(
        store.get_edition("de").await,
        Err(StoreError::NotFound)
    ));
    ar.time_zone = "Mars/Olympus".into();
    assert!(matches!(
        store.upsert_edition(&ar).await,
        Err(StoreError::Invalid(_))
    ));
    Ok(())
});

store_test!(sections_crud_and_deletion_keeps_articles, |store| {
    edition(&store, "en").await?;
    let mut b = section(&store, "en", "business").await?;
    let a = section(&store, "en", "arts").await?;
    b.position = -1;
    b.name = "Money".into();
    let b = store.update_section(&b).await?;
    let list = store.list_sections("en").await?;
    assert_eq!(list, vec![b.clone(), a.clone()], "by position");
    assert_eq!(store.section_by_slug("en", "arts").await?, a);
    assert_eq!(store.get_section(b.id).await?.name, "Money");
    let mut renamed = a.clone();
    renamed.slug = "business".into();
    assert!(matches!(
        store.update_section(&renamed).await,
        Err(StoreError::Conflict { constraint }) if constraint == "slug"
    ));
    let mut d = draft("en", "Gallery opens");
    d.section_id = Some(a.id);
    let article = published(&store, &d, days_ago(1)).await?;
    store.delete_section(a.id).await?;
    assert_eq!(store.get_article(article.id).await?.section_id, None);
    assert!(matches!(
        store.delete_section(a.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .create_section(&newsdesk_store::NewSection {
                edition: "xx".into(),
                slug: "news".into(),
                name: "News".into(),
                position: 0,
            })
            .await,
        Err(StoreError::Invalid(_))
    ));
    Ok(())
});

store_test!(tags_in_order_and_by_popularity, |store| {
    edition(&store, "en").await?;
    let x = tag(&store, "en", "x-files").await?;
    let y = tag(&store, "en", "yachts").await?;
    let z = tag(&store, "en", "zoos").await?;
    assert_eq!(
        store.get_tags(&[z.id, x.id, 9999]).await?,
        vec![z.clone(), x.clone()]
    );
    assert_eq!(store.tag_by_slug("en", "yachts").await?, y);
    for i in 0..3 {
        let mut d = draft("en", &format!("Zoo story {i}"));
        d.tag_ids = if i == 0 { vec![z.id, y.id] } else { vec![z.id] };
        published(&store, &d, days_ago(i)).await?;
    }
    // Drafts do not count.
    let mut d = draft("en", "Unpublished yachts");
    d.tag_ids = vec![y.id];
    store.create_article(&d, None).await?;
    let popular = store.popular_tags("en", 10).await?;
    assert_eq!(popular, vec![z.clone(), y.clone()]);
    let mut renamed = z.clone();
    renamed.name = "Zoos and parks".into();
    assert_eq!(store.update_tag(&renamed).await?.name, "Zoos and parks");
    store.delete_tag(z.id).await?;
    let q = ArticleQuery {
        tag_id: Some(z.id),
        ..ArticleQuery::default()
    };
    assert_eq!(store.count_articles(&q).await?, 0);
    Ok(())
});

store_test!(authors_crud, |store| {
    let b = author(&store, "bob").await?;
    let a = author(&store, "ann").await?;
    assert_eq!(
        store
            .get_authors(&[b, a])
            .await?
            .iter()
            .map(|x| x.id)
            .collect::<Vec<_>>(),
        vec![b, a]
    );
    assert_eq!(store.list_authors().await?[0].id, a, "by name");
    let mut ann = store.author_by_slug("ann").await?;
    ann.bio = "Covers science.".into();
    assert_eq!(store.update_author(&ann).await?, ann);
    assert_eq!(store.get_author(a).await?.bio, "Covers science.");
    let dup = store
        .create_author(&NewAuthor {
            slug: "ann".into(),
            name: "Another Ann".into(),
            ..NewAuthor::default()
        })
        .await;
    assert!(matches!(dup, Err(StoreError::Conflict { constraint }) if constraint == "slug"));
    Ok(())
});
