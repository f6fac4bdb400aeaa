//! The NATS server goes away and comes back: the bus must tell subscribers to catch
//! up and keep delivering. Needs its own server process (the shared one cannot be
//! restarted); see [`nats_server_binary`] for where it is looked for.

use std::net::TcpListener;

use newsdesk_bus::{Bus, BusConfig, BusMessage, TopicEvent};

use crate::support::{
    NatsServer, event, nats_server_binary, next, next_event, next_message, next_topic,
    topic_message, unique_namespace,
};

#[tokio::test]
async fn subscribers_catch_up_after_the_server_restarts() -> anyhow::Result<()> {
    let Some(binary) = nats_server_binary() else {
        return Ok(());
    };
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let server = NatsServer::start(&binary, port).await?;
    let cfg = BusConfig::from_url(&format!("nats://127.0.0.1:{port}"))?
        .with_namespace(&unique_namespace("natsrestart"))?;
    let bus = Bus::connect(&cfg).await?;
    let mut sub = bus.subscribe();
    bus.publish(&event(1)).await?;
    assert_eq!(next_event(&mut sub).await?, event(1));

    drop(server);
    let _server = NatsServer::start(&binary, port).await?;

    // Whatever was published during the outage is gone: subscribers hear so once the
    // client is connected again, and events flow again afterwards.
    assert_eq!(next(&mut sub).await?, BusMessage::CatchUp { seq: None });
    bus.publish(&event(2)).await?;
    assert_eq!(next_event(&mut sub).await?, event(2));
    Ok(())
}

#[tokio::test]
async fn topic_subscribers_hear_they_lagged_after_the_server_restarts() -> anyhow::Result<()> {
    let Some(binary) = nats_server_binary() else {
        return Ok(());
    };
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let server = NatsServer::start(&binary, port).await?;
    let cfg = BusConfig::from_url(&format!("nats://127.0.0.1:{port}"))?
        .with_namespace(&unique_namespace("natstrestart"))?;
    let bus = Bus::connect(&cfg).await?;
    let mut chat = bus.subscribe_topic("chat")?;
    bus.publish_topic("chat", b"before").await?;
    assert_eq!(
        next_message(&mut chat).await?,
        topic_message("chat", b"before")
    );

    drop(server);
    let _server = NatsServer::start(&binary, port).await?;

    // The client restores the wildcard subscription by itself; what was published
    // during the outage is gone, and the subscriber is told so.
    assert_eq!(
        next_topic(&mut chat).await?,
        TopicEvent::Lagged { missed: None }
    );
    bus.publish_topic("chat", b"after").await?;
    assert_eq!(
        next_message(&mut chat).await?,
        topic_message("chat", b"after")
    );
    Ok(())
}
