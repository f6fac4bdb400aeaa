use newsdesk_bus::{Bus, BusConfig, BusError, BusKind, BusMessage};

use crate::support::{event, next, next_event};

#[tokio::test]
async fn every_subscriber_receives_every_event_in_order() -> anyhow::Result<()> {
    let bus = Bus::connect("memory:").await?;
    let mut first = bus.subscribe();
    let mut second = bus.subscribe();
    assert_eq!(bus.subscriber_count(), 2);

    bus.publish(&event(1)).await?;
    bus.publish(&event(2)).await?;

    for sub in [&mut first, &mut second] {
        assert_eq!(next_event(sub).await?, event(1));
        assert_eq!(next_event(sub).await?, event(2));
    }
    Ok(())
}

#[tokio::test]
async fn a_subscriber_sees_only_what_is_published_after_it_subscribed() -> anyhow::Result<()> {
    let bus = Bus::in_process();
    bus.publish(&event(1)).await?;
    let mut late = bus.subscribe();
    bus.publish(&event(2)).await?;
    assert_eq!(next_event(&mut late).await?, event(2));
    Ok(())
}

#[tokio::test]
async fn a_lagging_subscriber_is_told_to_catch_up() -> anyhow::Result<()> {
    let bus = Bus::connect(&BusConfig::in_process().with_capacity(4)).await?;
    let mut slow = bus.subscribe();
    for seq in 1..=10 {
        bus.publish(&event(seq)).await?;
    }
    // Events 1–6 fell out of the buffer: one catch-up stands for them, then the
    // four still buffered follow.
    assert_eq!(next(&mut slow).await?, BusMessage::CatchUp { seq: None });
    for seq in 7..=10 {
        assert_eq!(next_event(&mut slow).await?, event(seq));
    }
    Ok(())
}

#[tokio::test]
async fn subscriptions_end_when_the_bus_is_dropped() -> anyhow::Result<()> {
    let bus = Bus::in_process();
    let mut sub = bus.subscribe();
    let clone = bus.clone();
    drop(bus);
    clone.publish(&event(1)).await?;
    assert_eq!(next_event(&mut sub).await?, event(1));
    drop(clone);
    assert_eq!(sub.recv().await, None);
    Ok(())
}

#[tokio::test]
async fn a_mistyped_url_is_refused_not_run_in_process() {
    let err = Bus::connect("nast://127.0.0.1:4222").await.err();
    assert!(
        matches!(err, Some(BusError::UnsupportedUrl { .. })),
        "{err:?}"
    );
}

#[test]
fn the_in_process_bus_refuses_to_be_shared() {
    let bus = Bus::in_process();
    assert_eq!(bus.kind(), BusKind::InProcess);
    assert!(!bus.is_cluster_capable());
}
