use newsdesk_bus::{Bus, BusConfig, BusError, BusKind, BusMessage};
use sqlx::Connection;

use crate::support::{event, large_event, next, next_event, server_url, unique_namespace};

fn config(url: &str, namespace: &str) -> anyhow::Result<BusConfig> {
    Ok(BusConfig::from_url(url)?.with_namespace(namespace)?)
}

#[tokio::test]
async fn two_instances_see_each_others_events_once() -> anyhow::Result<()> {
    let Some(url) = server_url("NEWSDESK_TEST_DATABASE_URL") else {
        return Ok(());
    };
    let cfg = config(&url, &unique_namespace("pg"))?;
    let a = Bus::connect(&cfg).await?;
    let b = Bus::connect(&cfg).await?;
    assert_eq!(a.kind(), BusKind::Postgres);
    assert!(a.is_cluster_capable());
    let mut on_a = a.subscribe();
    let mut on_b = b.subscribe();

    a.publish(&event(1)).await?;
    b.publish(&event(2)).await?;

    // Both instances, the publisher included, get each event exactly once and in
    // commit order: a duplicate of event 1 would show up where event 2 is expected.
    for sub in [&mut on_a, &mut on_b] {
        assert_eq!(next_event(sub).await?, event(1));
        assert_eq!(next_event(sub).await?, event(2));
    }
    Ok(())
}

#[tokio::test]
async fn an_event_too_large_for_notify_arrives_as_a_catch_up() -> anyhow::Result<()> {
    let Some(url) = server_url("NEWSDESK_TEST_DATABASE_URL") else {
        return Ok(());
    };
    let cfg = config(&url, &unique_namespace("pgbig"))?;
    let a = Bus::connect(&cfg).await?;
    let b = Bus::connect(&cfg).await?;
    let mut on_b = b.subscribe();

    let big = large_event(42);
    assert!(serde_json::to_string(&big)?.len() > 8000);
    a.publish(&big).await?;
    a.publish(&event(43)).await?;

    assert_eq!(
        next(&mut on_b).await?,
        BusMessage::CatchUp { seq: Some(42) }
    );
    assert_eq!(next_event(&mut on_b).await?, event(43));
    Ok(())
}

#[tokio::test]
async fn namespaces_keep_sites_apart() -> anyhow::Result<()> {
    let Some(url) = server_url("NEWSDESK_TEST_DATABASE_URL") else {
        return Ok(());
    };
    let site_one = Bus::connect(&config(&url, &unique_namespace("pgone"))?).await?;
    let site_two = Bus::connect(&config(&url, &unique_namespace("pgtwo"))?).await?;
    let mut on_one = site_one.subscribe();

    site_two.publish(&event(1)).await?;
    site_one.publish(&event(2)).await?;

    assert_eq!(next_event(&mut on_one).await?, event(2));
    Ok(())
}

#[tokio::test]
async fn the_listener_reconnects_after_losing_its_connection() -> anyhow::Result<()> {
    let Some(url) = server_url("NEWSDESK_TEST_DATABASE_URL") else {
        return Ok(());
    };
    let cfg = config(&url, &unique_namespace("pgdrop"))?;
    let bus = Bus::connect(&cfg).await?;
    let mut sub = bus.subscribe();

    // Kill the listening backend as a server restart or a proxy timeout would.
    let mut admin = sqlx::PgConnection::connect(&url).await?;
    let killed: Vec<bool> = sqlx::query_scalar(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1",
    )
    .bind(format!(r#"LISTEN "{}""#, cfg.postgres_channel()))
    .fetch_all(&mut admin)
    .await?;
    assert_eq!(killed, vec![true]);

    // Notifications sent while it was gone are lost, so subscribers are told to read
    // the outbox; once they are, the bus is listening again.
    assert_eq!(next(&mut sub).await?, BusMessage::CatchUp { seq: None });
    bus.publish(&event(5)).await?;
    assert_eq!(next_event(&mut sub).await?, event(5));
    Ok(())
}

#[tokio::test]
async fn an_unreachable_server_fails_at_start_up() -> anyhow::Result<()> {
    // Port 1 on loopback refuses connections: no PostgreSQL is needed for this.
    let cfg = BusConfig::from_url("postgres://newsdesk:hunter2@127.0.0.1:1/newsdesk")?;
    let err = Bus::connect(&cfg).await.err();
    assert!(
        matches!(
            err,
            Some(BusError::PostgresConnect { .. } | BusError::Timeout { .. })
        ),
        "{err:?}"
    );
    let text = err.map(|e| e.to_string()).unwrap_or_default();
    assert!(!text.contains("hunter2"), "{text}");
    Ok(())
}
