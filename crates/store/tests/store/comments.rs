use chrono::Duration;
use newsdesk_core::{CommentStatus, Role};
use newsdesk_store::{CommentSort, NewComment, Store, StoreError, VoteKind};

use crate::fixtures;

fn new<'a>(article: i64, account: i64, body: &'a str) -> NewComment<'a> {
    NewComment {
        article_id: article,
        account_id: account,
        parent_id: None,
        body,
        status: CommentStatus::Visible,
        reason: "",
    }
}

async fn setup(store: &Store) -> anyhow::Result<(i64, i64, i64)> {
    fixtures::edition(store, "en").await?;
    let article = fixtures::published(
        store,
        &fixtures::draft("en", "Budget"),
        fixtures::days_ago(1),
    )
    .await?;
    let ann = store
        .create_account("ann@example.com", "Ann", Role::Reader, "h")
        .await?;
    let bob = store
        .create_account("bob@example.com", "Bob", Role::Reader, "h")
        .await?;
    Ok((article.id, ann.id, bob.id))
}

store_test!(
    a_thread_holds_visible_comments_with_their_replies,
    |store| {
        let (article, ann, bob) = setup(&store).await?;
        let text = "  <script>alert(1)</script>\nкириллица, العربية  ";
        let first = store.create_comment(&new(article, ann, text)).await?;
        assert_eq!(first.body, text, "kept exactly as written");
        assert_eq!(first.author_name.as_deref(), Some("Ann"));
        let second = store.create_comment(&new(article, bob, "Second")).await?;
        let reply = store
            .create_comment(&NewComment {
                parent_id: Some(first.id),
                ..new(article, bob, "A reply")
            })
            .await?;
        // A reply to a reply joins the top-level comment.
        let deeper = store
            .create_comment(&NewComment {
                parent_id: Some(reply.id),
                ..new(article, ann, "Deeper")
            })
            .await?;
        assert_eq!(deeper.parent_id, Some(first.id));
        store
            .create_comment(&NewComment {
                status: CommentStatus::Pending,
                ..new(article, bob, "Waiting")
            })
            .await?;

        let oldest = store
            .comment_thread(article, CommentSort::Oldest, 10, 0)
            .await?;
        let tops: Vec<i64> = oldest.iter().map(|i| i.comment.id).collect();
        assert_eq!(
            tops,
            vec![first.id, second.id],
            "pending comments are not shown"
        );
        let replies: Vec<&str> = oldest[0].replies.iter().map(|r| r.body.as_str()).collect();
        assert_eq!(replies, vec!["A reply", "Deeper"]);
        let newest = store
            .comment_thread(article, CommentSort::Newest, 10, 0)
            .await?;
        assert_eq!(newest[0].comment.id, second.id);
        assert_eq!(store.comment_count(article).await?, 4);

        // Paging: one a page.
        let page2 = store
            .comment_thread(article, CommentSort::Oldest, 1, 1)
            .await?;
        assert_eq!(page2.len(), 1);
        assert_eq!(page2[0].comment.id, second.id);
        assert!(
            store
                .comment_thread(article, CommentSort::Oldest, 0, 0)
                .await
                .is_err()
        );

        // A reply must stay under its article.
        let other = fixtures::published(
            &store,
            &fixtures::draft("en", "Other"),
            fixtures::days_ago(2),
        )
        .await?;
        let wrong = store
            .create_comment(&NewComment {
                parent_id: Some(first.id),
                ..new(other.id, bob, "Lost")
            })
            .await;
        assert!(matches!(wrong, Err(StoreError::Invalid(_))));
        assert!(matches!(
            store.create_comment(&new(article, ann, "   ")).await,
            Err(StoreError::Invalid(_))
        ));
        Ok(())
    }
);

store_test!(likes_sort_and_count_once_per_reader, |store| {
    let (article, ann, bob) = setup(&store).await?;
    let a = store.create_comment(&new(article, ann, "A")).await?;
    let b = store.create_comment(&new(article, bob, "B")).await?;
    assert_eq!(
        store.vote_comment(a.id, bob, VoteKind::Like).await?,
        (true, 1)
    );
    assert_eq!(
        store.vote_comment(a.id, bob, VoteKind::Like).await?,
        (false, 1),
        "once"
    );
    assert_eq!(
        store.vote_comment(a.id, ann, VoteKind::Like).await?,
        (true, 2)
    );
    assert_eq!(
        store.vote_comment(b.id, ann, VoteKind::Report).await?,
        (true, 1)
    );
    let liked = store
        .comment_thread(article, CommentSort::MostLiked, 10, 0)
        .await?;
    assert_eq!(liked[0].comment.id, a.id);
    assert_eq!(liked[0].comment.likes, 2);
    store.set_comment_featured(b.id, true).await?;
    let featured = store
        .comment_thread(article, CommentSort::MostLiked, 10, 0)
        .await?;
    assert_eq!(
        featured[0].comment.id, b.id,
        "featured comes first whatever the order"
    );
    store.set_comment_featured(b.id, false).await?;
    assert_eq!(store.get_comment(b.id).await?.reports, 1);
    let held = store
        .set_comment_status(b.id, CommentStatus::Held, "reported by 3 readers")
        .await?;
    assert_eq!(
        (held.status, held.reason.as_str()),
        (CommentStatus::Held, "reported by 3 readers")
    );
    let thread = store
        .comment_thread(article, CommentSort::Newest, 10, 0)
        .await?;
    assert_eq!(thread.len(), 1, "a held comment is not shown");
    assert!(matches!(
        store
            .set_comment_status(999_999, CommentStatus::Held, "")
            .await,
        Err(StoreError::NotFound)
    ));
    Ok(())
});

store_test!(authors_edit_in_time_and_delete_their_own, |store| {
    let (article, ann, bob) = setup(&store).await?;
    let c = store.create_comment(&new(article, ann, "Frist")).await?;
    assert!(matches!(
        store
            .edit_comment(c.id, bob, "Not mine", Duration::minutes(5))
            .await,
        Err(StoreError::NotFound)
    ));
    let edited = store
        .edit_comment(c.id, ann, "First", Duration::minutes(5))
        .await?;
    assert_eq!(edited.body, "First");
    assert!(edited.edited_at.is_some());
    assert!(matches!(
        store
            .edit_comment(c.id, ann, "Too late", Duration::zero())
            .await,
        Err(StoreError::Invalid(_))
    ));
    let reply = store
        .create_comment(&NewComment {
            parent_id: Some(c.id),
            ..new(article, bob, "Reply")
        })
        .await?;
    assert!(matches!(
        store.delete_own_comment(c.id, bob).await,
        Err(StoreError::NotFound)
    ));
    store.delete_own_comment(c.id, ann).await?;
    let thread = store
        .comment_thread(article, CommentSort::Newest, 10, 0)
        .await?;
    assert_eq!(
        thread.len(),
        1,
        "the deleted comment keeps its reply's place"
    );
    assert_eq!(thread[0].comment.status, CommentStatus::Deleted);
    assert_eq!(thread[0].comment.body, "");
    assert_eq!(thread[0].replies[0].id, reply.id);
    assert_eq!(store.comment_count(article).await?, 1);
    Ok(())
});

store_test!(a_deleted_account_leaves_or_takes_its_comments, |store| {
    let (article, ann, bob) = setup(&store).await?;
    store
        .create_comment(&new(article, ann, "Ann stays"))
        .await?;
    store.create_comment(&new(article, bob, "Bob goes")).await?;
    assert_eq!(store.comments_by_account(ann).await?.len(), 1);
    store.delete_account(ann).await?;
    let thread = store
        .comment_thread(article, CommentSort::Oldest, 10, 0)
        .await?;
    assert_eq!(thread[0].comment.account_id, None);
    assert_eq!(
        thread[0].comment.author_name, None,
        "shown as a deleted account"
    );
    assert_eq!(store.delete_comments_of(bob).await?, 1);
    store.delete_account(bob).await?;
    assert_eq!(store.comment_count(article).await?, 1);
    Ok(())
});
