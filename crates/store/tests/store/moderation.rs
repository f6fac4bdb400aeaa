use chrono::{Duration, Utc};
use newsdesk_core::{Change, CommentStatus, Role};
use newsdesk_store::{
    Decision, ModerationSettings, NewComment, Queue, Store, StoreError, VoteKind,
};

use crate::fixtures;

fn comment<'a>(article: i64, account: i64, body: &'a str, status: CommentStatus) -> NewComment<'a> {
    NewComment {
        article_id: article,
        account_id: account,
        parent_id: None,
        body,
        status,
        reason: if status == CommentStatus::Visible {
            ""
        } else {
            "pre-moderated section"
        },
    }
}

async fn reader(store: &Store, name: &str) -> anyhow::Result<i64> {
    Ok(store
        .create_account(&format!("{name}@example.com"), name, Role::Reader, "h")
        .await?
        .id)
}

async fn comment_events(store: &Store, after: i64) -> anyhow::Result<Vec<i64>> {
    Ok(store
        .events_after(after, 100)
        .await?
        .into_iter()
        .filter_map(|e| match e.change {
            Change::Comments { article_id } => Some(article_id),
            _ => None,
        })
        .collect())
}

store_test!(moderators_are_staff_accounts_the_store_accepts, |store| {
    let m = store
        .create_account("mod@example.com", "Mod", Role::Moderator, "h")
        .await?;
    assert_eq!(store.get_account(m.id).await?.role, Role::Moderator);
    assert!(m.role.is_staff());
    Ok(())
});

store_test!(
    each_edition_keeps_its_rules_and_defaults_until_changed,
    |store| {
        fixtures::edition(&store, "en").await?;
        fixtures::edition(&store, "ru").await?;
        assert_eq!(
            store.moderation_settings("ru").await?,
            ModerationSettings::defaults("ru")
        );
        let rules = ModerationSettings {
            close_after_days: 3,
            trust_after: 2,
            new_account_minutes: 30,
            max_links: 1,
            banned_words: "дурак*\n# note".into(),
            suspect_words: "выборы".into(),
            ..ModerationSettings::defaults("ru")
        };
        store.set_moderation_settings(&rules).await?;
        assert_eq!(store.moderation_settings("ru").await?, rules);
        assert_eq!(
            store.moderation_settings("en").await?,
            ModerationSettings::defaults("en")
        );
        let bad = ModerationSettings {
            close_after_days: -1,
            banned_words: format!("{}\n", "x".repeat(101)),
            ..rules.clone()
        };
        match store.set_moderation_settings(&bad).await {
            Err(StoreError::Invalid(v)) => {
                let fields: Vec<_> = v.errors.iter().map(|e| e.field).collect();
                assert!(fields.contains(&"close_after_days"), "{fields:?}");
                assert!(fields.contains(&"banned_words"), "{fields:?}");
            }
            other => panic!("expected Invalid, got {other:?}"),
        }
        let nowhere = ModerationSettings::defaults("xx");
        assert!(matches!(
            store.set_moderation_settings(&nowhere).await,
            Err(StoreError::Invalid(_))
        ));
        Ok(())
    }
);

store_test!(
    a_discussion_closes_by_hand_and_after_the_editions_days,
    |store| {
        fixtures::edition(&store, "en").await?;
        let published_at = Utc::now() - Duration::days(5);
        let article =
            fixtures::published(&store, &fixtures::draft("en", "Vote"), published_at).await?;
        let facts = store.discussion_facts(article.id).await?;
        assert!(!facts.premoderated && !facts.closed_by_hand);
        let mut rules = ModerationSettings::defaults("en");
        assert!(facts.open(&rules, Utc::now()), "14 days by default");
        rules.close_after_days = 3;
        assert!(!facts.open(&rules, Utc::now()), "closed after 3 days");
        rules.close_after_days = 0;
        assert!(facts.open(&rules, Utc::now()), "0 keeps it open");

        store
            .set_section_premoderated(article.section_id.unwrap_or_default(), true)
            .await?;
        store.set_discussion_closed(article.id, true, None).await?;
        store.set_discussion_closed(article.id, true, None).await?;
        let facts = store.discussion_facts(article.id).await?;
        assert!(facts.premoderated && facts.closed_by_hand);
        assert!(!facts.open(&rules, Utc::now()));
        store.set_discussion_closed(article.id, false, None).await?;
        assert!(
            store
                .discussion_facts(article.id)
                .await?
                .open(&rules, Utc::now())
        );
        assert!(matches!(
            store.discussion_facts(999_999).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            store.set_section_premoderated(999_999, true).await,
            Err(StoreError::NotFound)
        ));
        Ok(())
    }
);

store_test!(bans_hold_until_they_end_or_are_lifted, |store| {
    let ann = reader(&store, "ann").await?;
    let bob = reader(&store, "bob").await?;
    store.ban_reader(ann, None, "abuse", None).await?;
    store
        .ban_reader(bob, Some(Utc::now() - Duration::hours(1)), "", None)
        .await?;
    let ban = store.active_ban(ann).await?.expect("banned");
    assert_eq!((ban.until, ban.reason.as_str()), (None, "abuse"));
    assert!(
        store.active_ban(bob).await?.is_none(),
        "an ended suspension"
    );
    let until = Utc::now() + Duration::days(7);
    store.ban_reader(bob, Some(until), "spam", None).await?;
    assert!(store.active_ban(bob).await?.is_some());
    assert!(store.lift_ban(ann).await?);
    assert!(!store.lift_ban(ann).await?);
    assert!(store.active_ban(ann).await?.is_none());
    assert!(matches!(
        store.ban_reader(999_999, None, "", None).await,
        Err(StoreError::NotFound)
    ));
    Ok(())
});

store_test!(
    queues_hold_what_waits_and_decisions_announce_the_count,
    |store| {
        fixtures::edition(&store, "en").await?;
        fixtures::edition(&store, "ru").await?;
        let en = fixtures::published(
            &store,
            &fixtures::draft("en", "Budget"),
            fixtures::days_ago(1),
        )
        .await?;
        let ru = fixtures::published(
            &store,
            &fixtures::draft("ru", "Бюджет"),
            fixtures::days_ago(1),
        )
        .await?;
        let ann = reader(&store, "ann").await?;
        let seq = store.latest_event_seq().await?;
        let pending = store
            .create_comment(&comment(en.id, ann, "Wait for me", CommentStatus::Pending))
            .await?;
        let held = store
            .create_comment(&NewComment {
                reason: "suspect word: выборы",
                ..comment(ru.id, ann, "Про выборы", CommentStatus::Held)
            })
            .await?;
        let shown = store
            .create_comment(&comment(en.id, ann, "Shown", CommentStatus::Visible))
            .await?;
        assert_eq!(
            comment_events(&store, seq).await?,
            vec![en.id],
            "only the shown comment changes a count"
        );
        assert_eq!(store.queue_counts(None).await?, [1, 1, 0]);
        assert_eq!(store.queue_counts(Some("ru")).await?, [0, 1, 0]);
        let queue = store.moderation_queue(Queue::Held, None, 50, 0).await?;
        assert_eq!(queue.len(), 1);
        assert_eq!(queue[0].comment.id, held.id);
        assert_eq!(queue[0].comment.reason, "suspect word: выборы");
        assert_eq!(queue[0].edition, "ru");
        assert_eq!(queue[0].article_headline, "Бюджет");
        assert!(
            queue[0].article_path.starts_with("/ru/"),
            "{}",
            queue[0].article_path
        );

        // Reports: three readers hide a shown comment; approving it shows it again and
        // clears the reports it had.
        let mut reporters = Vec::new();
        for name in ["r1", "r2", "r3"] {
            reporters.push(reader(&store, name).await?);
        }
        store
            .vote_comment(shown.id, reporters[0], VoteKind::Report)
            .await?;
        assert_eq!(store.queue_counts(None).await?, [1, 1, 1]);
        let reported = store
            .moderation_queue(Queue::Reported, Some("en"), 50, 0)
            .await?;
        assert_eq!(
            (reported[0].comment.id, reported[0].open_reports),
            (shown.id, 1)
        );
        let seq = store.latest_event_seq().await?;
        store
            .vote_comment(shown.id, reporters[1], VoteKind::Report)
            .await?;
        store
            .vote_comment(shown.id, reporters[1], VoteKind::Report)
            .await?;
        store
            .vote_comment(shown.id, reporters[2], VoteKind::Report)
            .await?;
        let hidden = store.get_comment(shown.id).await?;
        assert_eq!(hidden.status, CommentStatus::Held);
        assert_eq!(hidden.reason, "reported by 3 readers");
        assert_eq!(comment_events(&store, seq).await?, vec![en.id]);
        assert_eq!(store.comment_count(en.id).await?, 0);

        let seq = store.latest_event_seq().await?;
        let (back, event) = store.moderate_comment(shown.id, Decision::Approve).await?;
        assert_eq!(
            (back.status, back.reason.as_str()),
            (CommentStatus::Visible, "")
        );
        assert!(event.is_some());
        assert_eq!(store.queue_counts(Some("en")).await?, [1, 0, 0]);

        let (rejected, event) = store
            .moderate_comment(pending.id, Decision::Reject("Off topic"))
            .await?;
        assert_eq!(
            (rejected.status, rejected.reason.as_str()),
            (CommentStatus::Rejected, "Off topic")
        );
        assert!(
            event.is_none(),
            "a rejected pending comment was never counted"
        );
        let (featured, _) = store
            .moderate_comment(held.id, Decision::Feature(true))
            .await?;
        assert!(featured.featured && featured.status == CommentStatus::Visible);
        assert_eq!(comment_events(&store, seq).await?, vec![en.id, ru.id]);
        assert_eq!(store.queue_counts(None).await?, [0, 0, 0]);
        let counts = store.comment_counts(&[en.id, ru.id, 999_999]).await?;
        assert_eq!(
            (counts.get(&en.id), counts.get(&ru.id), counts.get(&999_999)),
            (Some(&1), Some(&1), None)
        );

        store.delete_own_comment(shown.id, ann).await?;
        assert!(matches!(
            store.moderate_comment(shown.id, Decision::Approve).await,
            Err(StoreError::Invalid(_))
        ));
        Ok(())
    }
);

store_test!(a_readers_history_tells_repeats_and_trust, |store| {
    fixtures::edition(&store, "en").await?;
    let a = fixtures::published(
        &store,
        &fixtures::draft("en", "Budget"),
        fixtures::days_ago(1),
    )
    .await?;
    let ann = reader(&store, "ann").await?;
    let bob = reader(&store, "bob").await?;
    store
        .create_comment(&comment(a.id, ann, "Same words", CommentStatus::Visible))
        .await?;
    store
        .create_comment(&comment(a.id, ann, "Waiting", CommentStatus::Pending))
        .await?;
    let recently = Utc::now() - Duration::minutes(10);
    assert!(store.posted_same_since(ann, "Same words", recently).await?);
    assert!(
        !store
            .posted_same_since(ann, "Other words", recently)
            .await?
    );
    assert!(!store.posted_same_since(bob, "Same words", recently).await?);
    assert!(
        !store
            .posted_same_since(ann, "Same words", Utc::now() + Duration::minutes(1))
            .await?
    );
    assert_eq!(store.shown_comment_count(ann).await?, 1);
    assert_eq!(store.shown_comment_count(bob).await?, 0);
    // The hourly statistics refresh runs on either backend and changes no answer.
    store.optimize().await?;
    assert_eq!(store.shown_comment_count(ann).await?, 1);
    Ok(())
});
