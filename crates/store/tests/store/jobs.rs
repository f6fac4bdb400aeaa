use chrono::{Duration, Utc};
use newsdesk_store::{JobFilter, JobId, RetryPolicy, StoreError};
use serde_json::json;

/// The lease used where the test does not wait for it to run out.
fn lease() -> Duration {
    RetryPolicy::default().lease
}

store_test!(jobs_are_claimed_once_by_kind, |store| {
    let a = store
        .enqueue_job("email", &json!({"to": "ann@example.com"}))
        .await?;
    let b = store
        .enqueue_job("webhook", &json!({"url": "https://example.com"}))
        .await?;
    assert!(store.claim_job(&["purge"], lease()).await?.is_none());
    let job = store.claim_job(&["email", "purge"], lease()).await?;
    let job = job.ok_or_else(|| anyhow::anyhow!("no email job"))?;
    assert_eq!((job.id, job.kind.as_str(), job.attempts), (a, "email", 1));
    assert_eq!(job.max_attempts, newsdesk_store::jobs::MAX_ATTEMPTS);
    assert_eq!(job.payload["to"], "ann@example.com");
    // Leased: nobody else gets it.
    assert!(store.claim_job(&["email"], lease()).await?.is_none());
    store.complete_job(a).await?;
    assert!(store.claim_job(&["email"], lease()).await?.is_none());
    assert_eq!(
        store
            .claim_job(&["webhook", "email"], lease())
            .await?
            .map(|j| j.id),
        Some(b)
    );
    Ok(())
});

store_test!(failed_jobs_retry_later_then_give_up, |store| {
    let policy = RetryPolicy::default();
    let id = store.enqueue_job("webhook", &json!({})).await?;
    let job = store.claim_job(&["webhook"], lease()).await?;
    assert_eq!(job.map(|j| j.attempts), Some(1));
    let before = Utc::now();
    store.fail_job(id, "timeout", &policy).await?;
    // Backoff: not claimable right away.
    assert!(store.claim_job(&["webhook"], lease()).await?.is_none());
    let row = store.get_job(id).await?;
    assert_eq!(row.last_error.as_deref(), Some("timeout"));
    assert!(row.failed_at.is_none() && row.locked_until.is_none());
    assert!(row.run_at >= before + Duration::seconds(29));
    // A job queued for the past is claimable now; one for the future is not.
    let past = store
        .enqueue_job_at(
            "webhook",
            &json!({"n": 2}),
            Utc::now() - Duration::minutes(1),
        )
        .await?;
    store
        .enqueue_job_at("webhook", &json!({"n": 3}), Utc::now() + Duration::hours(1))
        .await?;
    assert_eq!(
        store.claim_job(&["webhook"], lease()).await?.map(|j| j.id),
        Some(past)
    );
    Ok(())
});

store_test!(the_policy_sets_the_backoff, |store| {
    let policy = RetryPolicy {
        base: Duration::milliseconds(1),
        cap: Duration::milliseconds(1),
        ..RetryPolicy::default()
    };
    let id = store
        .enqueue_job_with("ping", &json!({}), Utc::now(), 3)
        .await?;
    store.claim_job(&["ping"], lease()).await?;
    store.fail_job(id, "refused", &policy).await?;
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let again = store.claim_job(&["ping"], lease()).await?;
    assert_eq!(
        again.map(|j| (j.id, j.attempts, j.max_attempts)),
        Some((id, 2, 3))
    );
    Ok(())
});

store_test!(
    a_dead_workers_job_is_claimed_again_after_its_lease,
    |store| {
        let id = store.enqueue_job("render", &json!({"photo_id": 7})).await?;
        let short = Duration::seconds(1);
        let first = store.claim_job(&["render"], short).await?;
        assert_eq!(first.map(|j| (j.id, j.attempts)), Some((id, 1)));
        // The worker "dies": it never completes or fails the job.
        assert!(store.claim_job(&["render"], short).await?.is_none());
        let held = store.get_job(id).await?;
        assert!(held.locked_until.is_some_and(|t| t > Utc::now()));
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        let second = store.claim_job(&["render"], short).await?;
        assert_eq!(second.map(|j| (j.id, j.attempts)), Some((id, 2)));
        store.complete_job(id).await?;
        assert!(matches!(store.get_job(id).await, Err(StoreError::NotFound)));
        Ok(())
    }
);

store_test!(a_job_whose_last_attempt_dies_is_given_up, |store| {
    let id = store
        .enqueue_job_with("render", &json!({}), Utc::now(), 1)
        .await?;
    let short = Duration::seconds(1);
    assert!(store.claim_job(&["render"], short).await?.is_some());
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    // Any claim (here of another kind) sweeps it.
    assert!(store.claim_job(&["email"], short).await?.is_none());
    let row = store.get_job(id).await?;
    assert!(row.failed_at.is_some(), "{row:?}");
    assert!(row.last_error.is_some_and(|e| e.contains("lease expired")));
    assert_eq!(store.count_failed_jobs().await?, 1);
    assert!(store.claim_job(&["render"], short).await?.is_none());
    Ok(())
});

store_test!(exhausted_jobs_are_listed_retried_and_dropped, |store| {
    let policy = RetryPolicy {
        base: Duration::zero(),
        ..RetryPolicy::default()
    };
    let id = store
        .enqueue_job_with("index", &json!({"article": 1}), Utc::now(), 2)
        .await?;
    // Not due during the test: the claims below can only take `id`.
    let other = store
        .enqueue_job_at(
            "index",
            &json!({"article": 2}),
            Utc::now() + Duration::hours(1),
        )
        .await?;
    for attempt in 1..=2 {
        let job = store.claim_job(&["index"], lease()).await?;
        assert_eq!(job.map(|j| (j.id, j.attempts)), Some((id, attempt)));
        store
            .fail_job(id, &format!("boom {attempt}"), &policy)
            .await?;
    }
    let failed = store.list_jobs(JobFilter::Failed, 10).await?;
    assert_eq!(failed.len(), 1);
    let row = &failed[0];
    assert_eq!(row.id, id);
    assert_eq!((row.attempts, row.max_attempts), (2, 2));
    assert_eq!(row.last_error.as_deref(), Some("boom 2"));
    assert_eq!(row.payload, json!({"article": 1}));
    assert!(row.failed_at.is_some() && row.locked_until.is_none());
    assert_eq!(store.count_failed_jobs().await?, 1);
    let pending: Vec<JobId> = store
        .list_jobs(JobFilter::Pending, 10)
        .await?
        .iter()
        .map(|j| j.id)
        .collect();
    assert_eq!(pending, vec![other]);
    let all: Vec<JobId> = store
        .list_jobs(JobFilter::All, 10)
        .await?
        .iter()
        .map(|j| j.id)
        .collect();
    assert_eq!(all, vec![other, id]);
    assert_eq!(store.list_jobs(JobFilter::All, 1).await?.len(), 1);

    // Given up: never claimed.
    store.complete_job(other).await?;
    assert!(store.claim_job(&["index"], lease()).await?.is_none());

    store.retry_job(id).await?;
    assert_eq!(store.count_failed_jobs().await?, 0);
    let row = store.get_job(id).await?;
    assert_eq!((row.attempts, row.failed_at), (0, None));
    let job = store.claim_job(&["index"], lease()).await?;
    assert_eq!(job.map(|j| (j.id, j.attempts)), Some((id, 1)));

    store.drop_job(id).await?;
    assert!(matches!(store.get_job(id).await, Err(StoreError::NotFound)));
    assert!(matches!(
        store.drop_job(id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.retry_job(id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.fail_job(id, "late", &policy).await,
        Err(StoreError::NotFound)
    ));
    Ok(())
});

store_test!(nonsense_limits_are_refused, |store| {
    assert!(matches!(
        store.enqueue_job_with("x", &json!({}), Utc::now(), 0).await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store.claim_job(&["x"], Duration::zero()).await,
        Err(StoreError::Invalid(_))
    ));
    Ok(())
});

store_test!(concurrent_claims_never_share_a_job, |store| {
    for i in 0..10 {
        store.enqueue_job("index", &json!({ "i": i })).await?;
    }
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            let mut got = Vec::new();
            while let Some(job) = s.claim_job(&["index"], lease()).await? {
                got.push(job.id);
            }
            anyhow::Ok(got)
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await??);
    }
    all.sort_unstable();
    let n = all.len();
    all.dedup();
    assert_eq!((n, all.len()), (10, 10));
    Ok(())
});

store_test!(a_shorter_lease_frees_a_dead_workers_job_sooner, |store| {
    let id = store.enqueue_job("newsletter", &json!({})).await?;
    let job = store
        .claim_job(&["newsletter"], Duration::minutes(5))
        .await?;
    assert_eq!(job.map(|j| j.id), Some(id));
    // Its kind's runs are short: the worker cuts the claim's lease to its own.
    store.lease_job(id, Duration::milliseconds(50)).await?;
    assert!(
        store.claim_job(&["newsletter"], lease()).await?.is_none(),
        "leased still"
    );
    tokio::time::sleep(std::time::Duration::from_millis(120)).await;
    let again = store.claim_job(&["newsletter"], lease()).await?;
    assert_eq!(
        again.map(|j| (j.id, j.attempts)),
        Some((id, 2)),
        "the worker died: another takes the job once its own lease ends"
    );
    assert!(matches!(
        store.lease_job(id, Duration::zero()).await,
        Err(StoreError::Invalid(_))
    ));
    Ok(())
});
