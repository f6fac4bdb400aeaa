use chrono::{Duration, Utc};
use serde_json::json;

store_test!(jobs_are_claimed_once_by_kind, |store| {
    let a = store
        .enqueue_job("email", &json!({"to": "ann@example.com"}))
        .await?;
    let b = store
        .enqueue_job("webhook", &json!({"url": "https://example.com"}))
        .await?;
    assert!(store.claim_job(&["purge"]).await?.is_none());
    let job = store.claim_job(&["email", "purge"]).await?;
    let job = job.ok_or_else(|| anyhow::anyhow!("no email job"))?;
    assert_eq!((job.id, job.kind.as_str(), job.attempts), (a, "email", 1));
    assert_eq!(job.payload["to"], "ann@example.com");
    // Leased: nobody else gets it.
    assert!(store.claim_job(&["email"]).await?.is_none());
    store.complete_job(a).await?;
    assert!(store.claim_job(&["email"]).await?.is_none());
    assert_eq!(
        store.claim_job(&["webhook", "email"]).await?.map(|j| j.id),
        Some(b)
    );
    Ok(())
});

store_test!(failed_jobs_retry_later_then_give_up, |store| {
    let id = store.enqueue_job("webhook", &json!({})).await?;
    let job = store.claim_job(&["webhook"]).await?;
    assert_eq!(job.map(|j| j.attempts), Some(1));
    store.fail_job(id, "timeout").await?;
    // Backoff: not claimable right away.
    assert!(store.claim_job(&["webhook"]).await?.is_none());
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
        store.claim_job(&["webhook"]).await?.map(|j| j.id),
        Some(past)
    );
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
            while let Some(job) = s.claim_job(&["index"]).await? {
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
