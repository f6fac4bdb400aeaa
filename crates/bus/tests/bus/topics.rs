//! Named topics on every backend. The scenarios take two handles on one bus: two
//! instances connected to the same server, or for the in-process bus two clones.

use anyhow::ensure;
use newsdesk_bus::topic::{MAX_IN_PROCESS_PAYLOAD, MAX_POSTGRES_PAYLOAD};
use newsdesk_bus::{Bus, BusError, BusKind};

use crate::support::{next_message, topic_message};

/// Topic capacity for the ordering scenario: the reader only starts once everything
/// is published, so the buffer must hold it all.
const MANY: usize = 1000;

/// Not valid UTF-8, and every byte value: the payload must arrive byte for byte.
fn binary_payload(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 + 3) as u8).rev().collect()
}

async fn reaches_every_instance_and_only_its_topic(a: &Bus, b: &Bus) -> anyhow::Result<()> {
    let mut room_on_a = a.subscribe_topic("chat.room-1")?;
    let mut room_on_b = b.subscribe_topic("chat.room-1")?;
    let mut other_room_on_b = b.subscribe_topic("chat.room-2")?;
    // A topic whose name is a prefix of the published one receives nothing either.
    let mut prefix_on_b = b.subscribe_topic("chat")?;

    let hello = [b"\xff\x00hello\xc3".as_slice(), &binary_payload(300)].concat();
    a.publish_topic("chat.room-1", &hello).await?;
    // Markers, published after by the same publisher, so they arrive after: had
    // the first message leaked into another topic, it would show up first there.
    a.publish_topic("chat.room-2", b"marker 2").await?;
    a.publish_topic("chat", b"marker 3").await?;
    a.publish_topic("chat.room-1", b"second").await?;

    for sub in [&mut room_on_a, &mut room_on_b] {
        assert_eq!(
            next_message(sub).await?,
            topic_message("chat.room-1", &hello)
        );
        // Once each, the publisher included: a duplicate would come before this.
        assert_eq!(
            next_message(sub).await?,
            topic_message("chat.room-1", b"second")
        );
    }
    assert_eq!(
        next_message(&mut other_room_on_b).await?,
        topic_message("chat.room-2", b"marker 2")
    );
    assert_eq!(
        next_message(&mut prefix_on_b).await?,
        topic_message("chat", b"marker 3")
    );
    Ok(())
}

async fn refuses_invalid_names(bus: &Bus) -> anyhow::Result<()> {
    for bad in [
        "",
        "Chat",
        "chat room",
        "chat.*",
        "chat.>",
        ".chat",
        "chat..1",
        &"x".repeat(65),
    ] {
        let published = bus.publish_topic(bad, b"x").await.err();
        let subscribed = bus.subscribe_topic(bad).err();
        for err in [published, subscribed] {
            ensure!(
                matches!(err, Some(BusError::InvalidTopic { .. })),
                "{bad:?}: {err:?}"
            );
            let text = err.map(|e| e.to_string()).unwrap_or_default();
            ensure!(text.starts_with("invalid bus topic"), "{text}");
        }
    }
    Ok(())
}

/// The largest payload arrives whole; one byte more is refused, naming the limit,
/// and nothing is sent.
async fn carries_the_largest_payload_and_refuses_more(
    a: &Bus,
    b: &Bus,
    kind: BusKind,
    max: usize,
) -> anyhow::Result<()> {
    assert_eq!(a.max_topic_payload(), max);
    let mut on_b = b.subscribe_topic("big")?;

    let err = a.publish_topic("big", &binary_payload(max + 1)).await.err();
    match &err {
        Some(BusError::PayloadTooLarge {
            topic,
            len,
            max: limit,
            backend,
        }) => {
            assert_eq!(
                (topic.as_str(), *len, *limit, *backend),
                ("big", max + 1, max, kind)
            );
        }
        other => anyhow::bail!("expected PayloadTooLarge, got {other:?}"),
    }
    let text = err.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        text.contains(&format!("{} bytes", max + 1))
            && text.contains(&format!("{max} bytes at most")),
        "{text}"
    );

    let largest = binary_payload(max);
    a.publish_topic("big", &largest).await?;
    assert_eq!(
        next_message(&mut on_b).await?,
        topic_message("big", &largest)
    );
    a.publish_topic("big", b"after").await?;
    assert_eq!(
        next_message(&mut on_b).await?,
        topic_message("big", b"after")
    );
    Ok(())
}

async fn many_messages_arrive_in_order(a: &Bus, b: &Bus) -> anyhow::Result<()> {
    let mut on_b = b.subscribe_topic("presence.front")?;
    for i in 0..MANY {
        a.publish_topic("presence.front", i.to_string().as_bytes())
            .await?;
    }
    for i in 0..MANY {
        assert_eq!(
            next_message(&mut on_b).await?,
            topic_message("presence.front", i.to_string().as_bytes())
        );
    }
    Ok(())
}

/// Sites sharing a server do not see each other's topics. `other` publishes first
/// and `own` only once `other`'s message has come back to `other`, by which time the
/// server has routed it: had it crossed over, it would arrive before `own`'s.
async fn namespaces_keep_topics_apart(own: &Bus, other: &Bus) -> anyhow::Result<()> {
    let mut on_own = own.subscribe_topic("chat")?;
    let mut on_other = other.subscribe_topic("chat")?;
    other.publish_topic("chat", b"other site").await?;
    assert_eq!(
        next_message(&mut on_other).await?,
        topic_message("chat", b"other site")
    );
    own.publish_topic("chat", b"own site").await?;
    assert_eq!(
        next_message(&mut on_own).await?,
        topic_message("chat", b"own site")
    );
    Ok(())
}

mod in_process {
    use newsdesk_bus::{BusConfig, TopicEvent};

    use super::*;
    use crate::support::next_topic;

    fn bus() -> Bus {
        Bus::in_process()
    }

    #[tokio::test]
    async fn a_message_reaches_subscribers_of_its_topic_only() -> anyhow::Result<()> {
        let bus = bus();
        reaches_every_instance_and_only_its_topic(&bus, &bus.clone()).await
    }

    #[tokio::test]
    async fn invalid_names_are_refused() -> anyhow::Result<()> {
        refuses_invalid_names(&bus()).await
    }

    #[tokio::test]
    async fn payloads_are_limited_to_1_mib() -> anyhow::Result<()> {
        let bus = bus();
        carries_the_largest_payload_and_refuses_more(
            &bus,
            &bus.clone(),
            BusKind::InProcess,
            MAX_IN_PROCESS_PAYLOAD,
        )
        .await
    }

    #[tokio::test]
    async fn many_messages_arrive_in_order() -> anyhow::Result<()> {
        let bus = Bus::connect(&BusConfig::in_process().with_topic_capacity(MANY)).await?;
        super::many_messages_arrive_in_order(&bus, &bus.clone()).await
    }

    #[tokio::test]
    async fn a_lagging_subscriber_is_told_how_much_it_missed() -> anyhow::Result<()> {
        let bus = Bus::connect(&BusConfig::in_process().with_topic_capacity(4)).await?;
        let mut slow = bus.subscribe_topic("chat")?;
        for i in 1..=10 {
            bus.publish_topic("chat", &[i]).await?;
        }
        assert_eq!(
            next_topic(&mut slow).await?,
            TopicEvent::Lagged { missed: Some(6) }
        );
        for i in 7..=10 {
            assert_eq!(next_message(&mut slow).await?, topic_message("chat", &[i]));
        }
        Ok(())
    }

    #[tokio::test]
    async fn topics_without_subscribers_are_forgotten() -> anyhow::Result<()> {
        let bus = bus();
        let mut subs = Vec::new();
        for i in 0..100 {
            subs.push(bus.subscribe_topic(&format!("chat.article-{i}"))?);
        }
        let mut second = bus.subscribe_topic("chat.article-0")?;
        assert_eq!(bus.topic_count(), 100);
        bus.publish_topic("chat.article-99", b"x").await?;
        drop(subs);
        // The topic with a subscriber left stays, and still works.
        assert_eq!(bus.topic_count(), 1);
        bus.publish_topic("chat.article-0", b"still here").await?;
        assert_eq!(
            next_message(&mut second).await?,
            topic_message("chat.article-0", b"still here")
        );
        drop(second);
        assert_eq!(bus.topic_count(), 0);
        // Publishing to a topic nobody subscribes to creates nothing.
        bus.publish_topic("chat.article-5", b"nobody").await?;
        assert_eq!(bus.topic_count(), 0);
        Ok(())
    }

    #[tokio::test]
    async fn topic_subscriptions_end_when_the_bus_is_dropped() -> anyhow::Result<()> {
        let bus = bus();
        let mut sub = bus.subscribe_topic("chat")?;
        let clone = bus.clone();
        drop(bus);
        clone.publish_topic("chat", b"x").await?;
        assert_eq!(next_message(&mut sub).await?, topic_message("chat", b"x"));
        drop(clone);
        assert_eq!(sub.recv().await, None);
        Ok(())
    }

    #[tokio::test]
    async fn change_events_and_topics_do_not_mix() -> anyhow::Result<()> {
        let bus = bus();
        let mut changes = bus.subscribe();
        let mut chat = bus.subscribe_topic("chat")?;
        bus.publish_topic("chat", b"hi").await?;
        bus.publish(&crate::support::event(1)).await?;
        assert_eq!(
            crate::support::next_event(&mut changes).await?,
            crate::support::event(1)
        );
        assert_eq!(next_message(&mut chat).await?, topic_message("chat", b"hi"));
        Ok(())
    }
}

mod postgres {
    use newsdesk_bus::{BusConfig, BusMessage, TopicEvent};
    use sqlx::Connection;

    use super::*;
    use crate::support::{next, next_topic, server_url, unique_namespace};

    /// Two instances on one namespace, or `None` when no server is configured.
    async fn pair(
        tag: &str,
        topic_capacity: usize,
    ) -> anyhow::Result<Option<(Bus, Bus, BusConfig)>> {
        let Some(url) = server_url("NEWSDESK_TEST_DATABASE_URL") else {
            return Ok(None);
        };
        let cfg = BusConfig::from_url(&url)?
            .with_namespace(&unique_namespace(tag))?
            .with_topic_capacity(topic_capacity);
        Ok(Some((
            Bus::connect(&cfg).await?,
            Bus::connect(&cfg).await?,
            cfg,
        )))
    }

    #[tokio::test]
    async fn a_message_reaches_subscribers_of_its_topic_on_every_instance() -> anyhow::Result<()> {
        let Some((a, b, _)) = pair("pgtopic", 256).await? else {
            return Ok(());
        };
        reaches_every_instance_and_only_its_topic(&a, &b).await
    }

    #[tokio::test]
    async fn invalid_names_are_refused() -> anyhow::Result<()> {
        let Some((a, _, _)) = pair("pgtname", 256).await? else {
            return Ok(());
        };
        refuses_invalid_names(&a).await
    }

    #[tokio::test]
    async fn payloads_are_limited_to_what_fits_a_notify() -> anyhow::Result<()> {
        let Some((a, b, _)) = pair("pgtbig", 256).await? else {
            return Ok(());
        };
        carries_the_largest_payload_and_refuses_more(
            &a,
            &b,
            BusKind::Postgres,
            MAX_POSTGRES_PAYLOAD,
        )
        .await
    }

    #[tokio::test]
    async fn many_messages_arrive_in_order() -> anyhow::Result<()> {
        let Some((a, b, _)) = pair("pgtmany", MANY).await? else {
            return Ok(());
        };
        super::many_messages_arrive_in_order(&a, &b).await
    }

    #[tokio::test]
    async fn namespaces_keep_topics_apart() -> anyhow::Result<()> {
        let (Some((own, _, _)), Some((other, _, _))) =
            (pair("pgtone", 256).await?, pair("pgttwo", 256).await?)
        else {
            return Ok(());
        };
        super::namespaces_keep_topics_apart(&own, &other).await
    }

    #[tokio::test]
    async fn topic_subscribers_are_told_after_a_reconnect() -> anyhow::Result<()> {
        let Some((bus, _, cfg)) = pair("pgtdrop", 256).await? else {
            return Ok(());
        };
        let url = server_url("NEWSDESK_TEST_DATABASE_URL").unwrap_or_default();
        let mut changes = bus.subscribe();
        let mut chat = bus.subscribe_topic("chat")?;

        let mut admin = sqlx::PgConnection::connect(&url).await?;
        let killed: Vec<bool> = sqlx::query_scalar(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1",
        )
        .bind(format!(r#"LISTEN "{}""#, cfg.postgres_channel()))
        .fetch_all(&mut admin)
        .await?;
        assert_eq!(killed, vec![true]);

        // One connection carries both: change subscribers catch up, topic
        // subscribers hear they may have lost messages, and both flow again.
        assert_eq!(next(&mut changes).await?, BusMessage::CatchUp { seq: None });
        assert_eq!(
            next_topic(&mut chat).await?,
            TopicEvent::Lagged { missed: None }
        );
        bus.publish_topic("chat", b"back").await?;
        assert_eq!(
            next_message(&mut chat).await?,
            topic_message("chat", b"back")
        );
        Ok(())
    }

    #[tokio::test]
    async fn an_unreadable_topic_notification_tells_subscribers_they_lagged() -> anyhow::Result<()>
    {
        let Some((bus, _, cfg)) = pair("pgtjunk", 256).await? else {
            return Ok(());
        };
        let url = server_url("NEWSDESK_TEST_DATABASE_URL").unwrap_or_default();
        let mut chat = bus.subscribe_topic("chat")?;
        let mut admin = sqlx::PgConnection::connect(&url).await?;
        sqlx::query("SELECT pg_notify($1, 'not an envelope')")
            .bind(cfg.postgres_topic_channel())
            .execute(&mut admin)
            .await?;
        assert_eq!(
            next_topic(&mut chat).await?,
            TopicEvent::Lagged { missed: None }
        );
        Ok(())
    }
}

mod nats {
    use newsdesk_bus::BusConfig;

    use super::*;
    use crate::support::{server_url, unique_namespace};

    /// Two instances on one namespace, or `None` when no server is configured.
    async fn pair(tag: &str, topic_capacity: usize) -> anyhow::Result<Option<(Bus, Bus)>> {
        let Some(url) = server_url("NEWSDESK_TEST_NATS_URL") else {
            return Ok(None);
        };
        let cfg = BusConfig::from_url(&url)?
            .with_namespace(&unique_namespace(tag))?
            .with_topic_capacity(topic_capacity);
        Ok(Some((Bus::connect(&cfg).await?, Bus::connect(&cfg).await?)))
    }

    #[tokio::test]
    async fn a_message_reaches_subscribers_of_its_topic_on_every_instance() -> anyhow::Result<()> {
        let Some((a, b)) = pair("natstopic", 256).await? else {
            return Ok(());
        };
        reaches_every_instance_and_only_its_topic(&a, &b).await
    }

    #[tokio::test]
    async fn invalid_names_are_refused() -> anyhow::Result<()> {
        let Some((a, _)) = pair("natstname", 256).await? else {
            return Ok(());
        };
        refuses_invalid_names(&a).await
    }

    #[tokio::test]
    async fn payloads_are_limited_to_the_server_max_payload() -> anyhow::Result<()> {
        let Some((a, b)) = pair("natstbig", 256).await? else {
            return Ok(());
        };
        // The server's setting; 1 MiB unless its configuration says otherwise.
        let max = a.max_topic_payload();
        assert!(max >= MAX_POSTGRES_PAYLOAD, "{max}");
        carries_the_largest_payload_and_refuses_more(&a, &b, BusKind::Nats, max).await
    }

    #[tokio::test]
    async fn many_messages_arrive_in_order() -> anyhow::Result<()> {
        let Some((a, b)) = pair("natstmany", MANY).await? else {
            return Ok(());
        };
        super::many_messages_arrive_in_order(&a, &b).await
    }

    #[tokio::test]
    async fn namespaces_keep_topics_apart() -> anyhow::Result<()> {
        let (Some((own, _)), Some((other, _))) =
            (pair("natstone", 256).await?, pair("natsttwo", 256).await?)
        else {
            return Ok(());
        };
        super::namespaces_keep_topics_apart(&own, &other).await
    }

    #[tokio::test]
    async fn a_message_published_by_hand_on_the_subject_arrives() -> anyhow::Result<()> {
        // The subject is part of the interface: other tools may publish or listen.
        let Some(url) = server_url("NEWSDESK_TEST_NATS_URL") else {
            return Ok(());
        };
        let cfg = BusConfig::from_url(&url)?.with_namespace(&unique_namespace("natsthand"))?;
        let bus = Bus::connect(&cfg).await?;
        let mut chat = bus.subscribe_topic("chat.1")?;
        let client = async_nats::connect(&url).await?;
        client
            .publish(
                format!("{}chat.1", cfg.nats_topic_prefix()),
                "by hand".into(),
            )
            .await?;
        client.flush().await?;
        assert_eq!(
            next_message(&mut chat).await?,
            topic_message("chat.1", b"by hand")
        );
        Ok(())
    }
}
