//! Idempotency keys: the key row is the lock, the answer is replayed, keys expire.

use chrono::Utc;
use newsdesk_store::{IdempotentRequest, Reservation};

fn req<'a>(scope: &'a str, key: &'a str, fingerprint: &'a str) -> IdempotentRequest<'a> {
    IdempotentRequest {
        scope,
        key,
        request: "POST /api/v1/admin/articles",
        fingerprint,
    }
}

store_test!(a_key_is_taken_once_then_replayed, |store| {
    let a = req("t:1", "k", "fp-a");
    assert_eq!(
        store.reserve_idempotency_key(a).await?,
        Reservation::Reserved
    );
    assert!(matches!(
        store.reserve_idempotency_key(a).await?,
        Reservation::InProgress { .. }
    ));
    assert_eq!(
        store
            .reserve_idempotency_key(req("t:1", "k", "fp-b"))
            .await?,
        Reservation::Mismatch
    );
    // Another caller's identical key is its own.
    assert_eq!(
        store
            .reserve_idempotency_key(req("t:2", "k", "fp-a"))
            .await?,
        Reservation::Reserved
    );
    assert!(store.complete_idempotency_key(a, b"answer\0bytes").await?);
    assert_eq!(
        store.reserve_idempotency_key(a).await?,
        Reservation::Done(b"answer\0bytes".to_vec())
    );
    // A completed key is not released by a late failure, nor completed twice.
    store.release_idempotency_key(a).await?;
    assert!(!store.complete_idempotency_key(a, b"other").await?);
    assert_eq!(
        store.reserve_idempotency_key(a).await?,
        Reservation::Done(b"answer\0bytes".to_vec())
    );
    Ok(())
});

store_test!(a_released_key_runs_again, |store| {
    let a = req("s:abc", "k", "fp");
    assert_eq!(
        store.reserve_idempotency_key(a).await?,
        Reservation::Reserved
    );
    store.release_idempotency_key(a).await?;
    assert_eq!(
        store.reserve_idempotency_key(a).await?,
        Reservation::Reserved
    );
    Ok(())
});

store_test!(keys_expire_after_a_day_and_are_pruned, |store, raw| {
    let a = req("t:1", "old", "fp-a");
    assert_eq!(
        store.reserve_idempotency_key(a).await?,
        Reservation::Reserved
    );
    assert!(store.complete_idempotency_key(a, b"x").await?);
    let fresh = req("t:1", "fresh", "fp");
    assert_eq!(
        store.reserve_idempotency_key(fresh).await?,
        Reservation::Reserved
    );
    let long_ago = Utc::now() - chrono::TimeDelta::hours(25);
    with_raw!(raw, |conn| sqlx::query(
        "UPDATE idempotency_keys SET created_at = $1 WHERE idem_key = 'old'"
    )
    .bind(long_ago)
    .execute(&mut *conn)
    .await?
    .rows_affected());
    // Expired but not yet pruned: free, even for another request.
    assert_eq!(
        store
            .reserve_idempotency_key(req("t:1", "old", "fp-b"))
            .await?,
        Reservation::Reserved
    );
    with_raw!(raw, |conn| sqlx::query(
        "UPDATE idempotency_keys SET created_at = $1 WHERE idem_key = 'old'"
    )
    .bind(long_ago)
    .execute(&mut *conn)
    .await?
    .rows_affected());
    let removed = store
        .prune_idempotency_keys(Utc::now() - newsdesk_store::IDEMPOTENCY_KEY_TTL)
        .await?;
    assert_eq!(removed, 1);
    assert!(matches!(
        store.reserve_idempotency_key(fresh).await?,
        Reservation::InProgress { .. }
    ));
    Ok(())
});

store_test!(concurrent_reservations_admit_one, |store| {
    let attempts: Vec<_> = (0..8)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move {
                store
                    .reserve_idempotency_key(req("t:9", "race", "fp"))
                    .await
            })
        })
        .collect();
    let mut reserved = 0;
    for attempt in attempts {
        match attempt.await?? {
            Reservation::Reserved => reserved += 1,
            Reservation::InProgress { .. } => {}
            other => anyhow::bail!("unexpected {other:?}"),
        }
    }
    assert_eq!(reserved, 1);
    Ok(())
});
