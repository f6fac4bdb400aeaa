use newsdesk_bus::{Bus, BusConfig, BusError, BusKind};

use crate::support::{event, large_event, next_event, server_url, unique_namespace};

fn config(url: &str, namespace: &str) -> anyhow::Result<BusConfig> {
    Ok(BusConfig::from_url(url)?.with_namespace(namespace)?)
}

#[tokio::test]
async fn two_instances_see_each_others_events_once() -> anyhow::Result<()> {
    let Some(url) = server_url("NEWSDESK_TEST_NATS_URL") else {
        return Ok(());
    };
    let cfg = config(&url, &unique_namespace("nats"))?;
    let a = Bus::connect(&cfg).await?;
    let b = Bus::connect(&cfg).await?;
    assert_eq!(a.kind(), BusKind::Nats);
    assert!(a.is_cluster_capable());
    let mut on_a = a.subscribe();
    let mut on_b = b.subscribe();

    a.publish(&event(1)).await?;
    assert_eq!(next_event(&mut on_b).await?, event(1));
    b.publish(&event(2)).await?;

    // The publisher hears its own event back from the server exactly once: a local
    // duplicate of event 1 would show up where event 2 is expected.
    assert_eq!(next_event(&mut on_a).await?, event(1));
    assert_eq!(next_event(&mut on_a).await?, event(2));
    assert_eq!(next_event(&mut on_b).await?, event(2));
    Ok(())
}

#[tokio::test]
async fn large_events_travel_whole_within_the_server_limit() -> anyhow::Result<()> {
    let Some(url) = server_url("NEWSDESK_TEST_NATS_URL") else {
        return Ok(());
    };
    let cfg = config(&url, &unique_namespace("natsbig"))?;
    let a = Bus::connect(&cfg).await?;
    let b = Bus::connect(&cfg).await?;
    let mut on_b = b.subscribe();
    a.publish(&large_event(7)).await?;
    assert_eq!(next_event(&mut on_b).await?, large_event(7));
    Ok(())
}

#[tokio::test]
async fn namespaces_keep_sites_apart() -> anyhow::Result<()> {
    let Some(url) = server_url("NEWSDESK_TEST_NATS_URL") else {
        return Ok(());
    };
    let site_one = Bus::connect(&config(&url, &unique_namespace("natsone"))?).await?;
    let site_two = Bus::connect(&config(&url, &unique_namespace("natstwo"))?).await?;
    let mut on_one = site_one.subscribe();

    site_two.publish(&event(1)).await?;
    site_one.publish(&event(2)).await?;

    // Published after event 1 on one connection, and NATS keeps a publisher's
    // order: had event 1 crossed over, it would arrive first.
    assert_eq!(next_event(&mut on_one).await?, event(2));
    Ok(())
}

#[tokio::test]
async fn an_unreachable_server_fails_at_start_up() -> anyhow::Result<()> {
    let cfg = BusConfig::from_url("nats://s3cret-token@127.0.0.1:1")?;
    let err = Bus::connect(&cfg).await.err();
    assert!(
        matches!(
            err,
            Some(BusError::NatsConnect { .. } | BusError::Timeout { .. })
        ),
        "{err:?}"
    );
    let text = err.map(|e| e.to_string()).unwrap_or_default();
    assert!(!text.contains("s3cret"), "{text}");
    Ok(())
}
