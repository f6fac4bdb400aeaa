//! `Store::article_page`: an article page's data in one statement answers what the
//! separate calls answer (issue 13: one round trip per article miss).

use std::collections::BTreeSet;

use newsdesk_core::{CommentStatus, Role};
use newsdesk_store::{ArticleSummary, BulkArticle, NewComment, Store, StoreError};

use crate::fixtures::{author, days_ago, draft, edition, photo, published, ready, tag};

/// Whole-article summaries of `ids` the long way, for comparison.
async fn summaries(store: &Store, ids: &[i64]) -> anyhow::Result<Vec<ArticleSummary>> {
    Ok(store
        .get_articles(ids)
        .await?
        .iter()
        .map(ArticleSummary::from)
        .collect())
}

store_test!(
    an_article_page_in_one_statement_matches_the_separate_calls,
    |store| {
        edition(&store, "en").await?;
        edition(&store, "fr").await?;
        let climate = tag(&store, "en", "climate").await?;
        let energy = tag(&store, "en", "energy").await?;
        let ann = author(&store, "ann").await?;
        let bob = author(&store, "bob").await?;
        let hero = photo(&store, "A hero").await?;
        let inline = photo(&store, "An inline photo").await?;
        let card_hero = photo(&store, "The card's hero").await?;
        let social = photo(&store, "A share card").await?;

        let mut older = draft("en", "The older story");
        older.hero_photo_id = Some(card_hero);
        let older = published(&store, &older, days_ago(5)).await?;
        // Unpublished after the article embedding it: loaded (the caller leaves it out).
        let hidden = published(&store, &draft("en", "Withdrawn"), days_ago(4)).await?;

        let mut d = draft("en", "Budget passes");
        d.author_ids = vec![bob, ann];
        d.tag_ids = vec![energy.id, climate.id];
        d.hero_photo_id = Some(hero);
        d.social_photo_id = Some(social);
        d.body = format!(
            "First paragraph.\n\n::photo[{inline}]\n\n::related[{}]\n\n::related[{}]\n\nEnd.",
            older.id, hidden.id
        );
        let group = store.new_translation_group().await?;
        let ids = store
            .insert_published_articles(&[
                BulkArticle {
                    draft: ready(&store, d).await?,
                    published_at: days_ago(2),
                    created_by: None,
                    translation_group: Some(group),
                },
                BulkArticle {
                    draft: ready(&store, draft("fr", "Le budget adopté")).await?,
                    published_at: days_ago(2),
                    created_by: None,
                    translation_group: Some(group),
                },
            ])
            .await?;
        store.unpublish_article(hidden.id, None).await?;
        let article = store.get_article(ids[0]).await?;
        store
            .add_correction(article.id, "A name was misspelled.", None)
            .await?;
        store
            .add_correction(article.id, "A date was wrong.", None)
            .await?;
        let reader = store
            .create_account("reader@example.com", "Reader", Role::Reader, "h")
            .await?;
        for (body, status) in [
            ("Seen", CommentStatus::Visible),
            ("Also seen", CommentStatus::Visible),
            ("Held back", CommentStatus::Pending),
        ] {
            store
                .create_comment(&NewComment {
                    article_id: article.id,
                    account_id: reader.id,
                    parent_id: None,
                    body,
                    status,
                    reason: "",
                })
                .await?;
        }

        let page = store.article_page(article.id).await?;
        let article = store.get_article(article.id).await?;
        assert_eq!(page.article, article);
        assert_eq!(page.authors, store.get_authors(&[bob, ann]).await?);
        assert_eq!(
            page.authors.iter().map(|a| a.id).collect::<Vec<_>>(),
            vec![bob, ann],
            "byline order"
        );
        assert_eq!(page.tags, store.get_tags(&[energy.id, climate.id]).await?);
        assert_eq!(page.corrections, store.list_corrections(article.id).await?);
        assert_eq!(page.corrections.len(), 2);
        assert_eq!(page.comment_count, 2, "visible ones only");
        assert_eq!(page.comment_count, store.comment_count(article.id).await?);
        let next = store.next_article(&article).await?;
        assert_eq!(page.next, next);
        assert_eq!(page.next.as_ref().map(|n| n.id), Some(older.id));
        assert_eq!(page.translations, store.translations(&article).await?);
        assert_eq!(
            page.translations.iter().map(|t| t.id).collect::<Vec<_>>(),
            vec![ids[1]]
        );
        assert_eq!(
            page.related,
            summaries(&store, &[older.id, hidden.id]).await?
        );
        let photos: BTreeSet<i64> = page.photos.iter().map(|p| p.id).collect();
        assert_eq!(
            photos,
            BTreeSet::from([hero, inline, card_hero, social]),
            "hero, share card, inline and the card's hero"
        );
        for p in &page.photos {
            assert_eq!(Some(p), store.get_photos(&[p.id]).await?.first());
        }

        // The oldest article: no next one, no translations, no embeds, nothing attached.
        let first = store.article_page(older.id).await?;
        assert_eq!(first.next, None);
        assert!(first.translations.is_empty() && first.related.is_empty());
        assert!(first.corrections.is_empty() && first.tags.is_empty());
        assert_eq!(first.comment_count, 0);
        assert_eq!(
            first.photos.iter().map(|p| p.id).collect::<Vec<_>>(),
            vec![card_hero]
        );
        assert!(matches!(
            store.article_page(i64::MAX).await,
            Err(StoreError::NotFound)
        ));
        Ok(())
    }
);
