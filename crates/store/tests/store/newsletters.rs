use chrono::Duration;
use newsdesk_store::StoreError;
use newsdesk_store::newsletters::{NewIssue, SubscriberStatus};

use crate::fixtures;

fn lists(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| (*s).to_owned()).collect()
}

fn issue(edition: &str, list: &str, key: &str) -> NewIssue {
    NewIssue {
        edition: edition.to_owned(),
        list: list.to_owned(),
        kind: "digest".to_owned(),
        dedupe_key: key.to_owned(),
        subject: "Your briefing".to_owned(),
        html: "<p>news</p>".to_owned(),
        text: "news".to_owned(),
        created_by: None,
    }
}

store_test!(nothing_is_sent_to_an_address_until_it_confirms, |store| {
    fixtures::edition(&store, "en").await?;
    let ann = store
        .sign_up(
            "en",
            " Ann@Example.com ",
            &lists(&["digest", "breaking"]),
            None,
        )
        .await?;
    assert_eq!(
        ann.email, "ann@example.com",
        "addresses are compared without case"
    );
    assert_eq!(ann.status, SubscriberStatus::Pending);
    assert!(ann.lists.is_empty(), "no list before the link is opened");
    assert_eq!(ann.pending_lists, lists(&["breaking", "digest"]));
    let none = store
        .create_issue(&issue("en", "digest", "digest:en:1"))
        .await?
        .expect("a new key makes an issue");
    assert_eq!(none.recipients, 0, "a pending address receives nothing");

    let ann = store.confirm_subscriber(ann.id).await?;
    assert_eq!(ann.status, SubscriberStatus::Confirmed);
    assert_eq!(ann.lists, lists(&["breaking", "digest"]));
    assert!(ann.pending_lists.is_empty());

    // Someone else signs the confirmed address up for more: it waits for a new link.
    let again = store
        .sign_up("en", "ann@example.com", &lists(&["section:world"]), None)
        .await?;
    assert_eq!(again.id, ann.id, "one row per address and edition");
    assert_eq!(
        again.status,
        SubscriberStatus::Confirmed,
        "what was confirmed stays"
    );
    assert_eq!(again.lists, lists(&["breaking", "digest"]));
    assert_eq!(again.pending_lists, lists(&["section:world"]));

    let sent = store
        .create_issue(&issue("en", "digest", "digest:en:2"))
        .await?
        .expect("a new key makes an issue");
    assert_eq!(sent.recipients, 1);
    assert!(
        store
            .create_issue(&issue("en", "digest", "digest:en:2"))
            .await?
            .is_none(),
        "the same key never makes a second issue"
    );
    assert!(matches!(
        store
            .sign_up("en", "x@example.com", &lists(&["weather"]), None)
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store
            .sign_up("zz", "x@example.com", &lists(&["digest"]), None)
            .await,
        Err(StoreError::Invalid(_))
    ));
    Ok(())
});

store_test!(
    a_delivery_is_handed_over_once_and_a_dead_senders_claim_is_taken_over,
    |store| {
        fixtures::edition(&store, "en").await?;
        let mut ids = Vec::new();
        for n in 0..5 {
            let s = store
                .sign_up(
                    "en",
                    &format!("r{n}@example.com"),
                    &lists(&["digest"]),
                    None,
                )
                .await?;
            ids.push(store.confirm_subscriber(s.id).await?.id);
        }
        store
            .suppress_email("R4@example.com", "5.1.1 user unknown")
            .await?;
        let made = store
            .create_issue(&issue("en", "digest", "digest:en:day"))
            .await?
            .expect("an issue");
        assert_eq!(made.recipients, 4, "a suppressed address is left out");

        let first = store.claim_deliveries(2, Duration::minutes(2)).await?;
        assert_eq!(first.len(), 2);
        let second = store.claim_deliveries(10, Duration::minutes(2)).await?;
        assert_eq!(second.len(), 2, "claimed rows are not claimed twice");
        assert!(
            store
                .claim_deliveries(10, Duration::minutes(2))
                .await?
                .is_empty()
        );

        store.hand_over_delivery(&first[0]).await?;
        store
            .fail_delivery(&first[1], "550 mailbox unavailable", false)
            .await?;
        store
            .release_delivery(&second[0], "421 try later", 5)
            .await?;
        // second[1]'s sender "died": after the stale time its claim is taken over.
        let retaken = store.claim_deliveries(10, Duration::zero()).await?;
        let retaken_ids: Vec<i64> = retaken.iter().map(|d| d.subscriber_id).collect();
        assert!(
            retaken_ids.contains(&second[0].subscriber_id),
            "released: queued again"
        );
        assert!(
            retaken_ids.contains(&second[1].subscriber_id),
            "a stale claim is taken over"
        );
        assert!(
            !retaken_ids.contains(&first[0].subscriber_id),
            "a handed-over delivery is never claimed again"
        );
        assert!(
            matches!(
                store.hand_over_delivery(&second[1]).await,
                Err(StoreError::Conflict { .. })
            ),
            "the dead sender's claim no longer hands over"
        );
        for d in &retaken {
            store.hand_over_delivery(d).await?;
        }
        let counts = store.delivery_counts(made.id).await?;
        assert_eq!(
            (counts.sent, counts.failed, counts.queued, counts.sending),
            (3, 1, 0, 0)
        );
        assert_eq!(store.finish_issues().await?, 1);
        assert!(!store.deliveries_pending().await?);
        let log = store
            .list_deliveries(made.id, Some("failed"), 0, 10)
            .await?;
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].error, "550 mailbox unavailable");
        let summary = &store.list_issues(Some("en"), 10).await?[0];
        assert_eq!(summary.status, "sent");
        assert_eq!(summary.counts.sent, 3);
        Ok(())
    }
);

store_test!(unsubscribing_is_immediate_and_counts_follow, |store| {
    fixtures::edition(&store, "en").await?;
    fixtures::edition(&store, "ar").await?;
    let mut subs = Vec::new();
    for (edition, email, l) in [
        ("en", "a@example.com", vec!["digest", "breaking"]),
        ("en", "b@example.com", vec!["digest"]),
        ("ar", "a@example.com", vec!["digest"]),
    ] {
        let s = store.sign_up(edition, email, &lists(&l), None).await?;
        subs.push(store.confirm_subscriber(s.id).await?);
    }
    let counts = store.list_counts(Some("en")).await?;
    let digest = counts
        .iter()
        .find(|c| c.list == "digest")
        .map(|c| c.confirmed);
    assert_eq!(digest, Some(2));
    let made = store
        .create_issue(&issue("en", "digest", "digest:en:x"))
        .await?
        .expect("an issue");
    assert_eq!(made.recipients, 2);
    let gone = store.unsubscribe(subs[0].id).await?;
    assert_eq!(gone.status, SubscriberStatus::Unsubscribed);
    assert!(gone.lists.is_empty());
    let counts = store.delivery_counts(made.id).await?;
    assert_eq!(
        (counts.queued, counts.skipped),
        (1, 1),
        "what was queued for it is skipped"
    );
    assert_eq!(
        store.subscriptions_of("A@example.com").await?.len(),
        2,
        "both editions' rows of the address"
    );
    let page = store.list_subscribers("en", "digest", 0, 10).await?;
    assert_eq!(page.len(), 1);
    assert_eq!(page[0].email, "b@example.com");
    // A pending sign-up nobody confirmed is forgotten.
    store
        .sign_up("en", "late@example.com", &lists(&["digest"]), None)
        .await?;
    assert_eq!(
        store
            .expire_pending_subscribers(chrono::Utc::now() + Duration::seconds(1))
            .await?,
        1
    );
    assert_eq!(
        store.site_secret("links").await?,
        store.site_secret("links").await?
    );
    assert_eq!(store.site_secret("links").await?.len(), 64);
    Ok(())
});
