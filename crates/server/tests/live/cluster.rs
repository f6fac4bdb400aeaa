//! Two instances on one PostgreSQL database and one bus, as a site behind a load balancer
//! runs: a reader on one instance sees what is written through the other — chat lines,
//! newsfeed items, who is in the room — and a line whose bus message was lost still
//! arrives (each instance reconciles its rooms from the store). Once over NATS, once over
//! PostgreSQL's LISTEN/NOTIFY.

use std::collections::BTreeMap;
use std::time::Duration;

use newsdesk_store::NewChatMessage;

use crate::stream::publish;
use crate::support::{
    Chat, Instance, NATS_URL_VAR, PG_URL_VAR, PROMPT, PgSchema, Sse, Who, World, article_room,
    cluster_bus, server_url, unique,
};

#[tokio::test]
async fn two_instances_over_nats_share_chats_the_newsfeed_and_presence() {
    let Some(pg) = server_url(PG_URL_VAR) else {
        return;
    };
    let Some(nats) = server_url(NATS_URL_VAR) else {
        return;
    };
    two_instances(&pg, &nats).await;
}

#[tokio::test]
async fn two_instances_over_postgres_share_chats_the_newsfeed_and_presence() {
    let Some(pg) = server_url(PG_URL_VAR) else {
        return;
    };
    two_instances(&pg, &pg).await;
}

async fn two_instances(pg: &str, bus: &str) {
    let schema = PgSchema::create(pg).await;
    let namespace = unique("livebus");
    let store = schema.store().await;
    store.migrate().await.unwrap();
    let a = Instance::start(
        store,
        cluster_bus(bus, &namespace).await,
        tempfile::tempdir().unwrap(),
        |_| {},
    )
    .await;
    let world = World::seed(&a.state).await;
    let b = Instance::start(
        schema.store().await,
        cluster_bus(bus, &namespace).await,
        tempfile::tempdir().unwrap(),
        |_| {},
    )
    .await;
    let room = article_room(&a, world.article.id).await["id"]
        .as_i64()
        .unwrap();
    assert_eq!(article_room(&b, world.article.id).await["id"], room);

    // A line written on A reaches a reader on B.
    let mut on_b = Chat::open(&b, room, &Who::anonymous(), None).await;
    let mut rita_on_a = Chat::open(&a, room, &Who::cookie(&world.reader_cookie), None).await;
    let line = rita_on_a.accepted("r-1", "Hello from instance A").await;
    let seen = on_b
        .find_where(Duration::from_secs(3), |f| {
            f["type"] == "message" && f["id"] == line
        })
        .await
        .expect("the line reaches the other instance within 3 s");
    assert_eq!(seen["author"]["name"], "Rita Reader");
    assert_eq!(seen["text"], "Hello from instance A");

    // Who is in the room counts both instances.
    let two = on_b
        .find_where(Duration::from_secs(6), |f| {
            f["type"] == "presence" && f["count"] == 2
        })
        .await;
    assert!(two.is_some(), "B counts A's reader and its own within 6 s");
    assert_eq!(
        b.get(&format!("/api/v1/chat/rooms/{room}")).await.json()["presence"],
        2
    );

    // A short item published through A appears on B's stream.
    let mut stream = Sse::open(b.addr, "/api/v1/live/en", &[]).await;
    assert_eq!(stream.status, 200);
    assert_eq!(stream.next(PROMPT).await.event, "hello");
    let item = publish(&a, &world, "Published on A").await;
    let event = stream.next(Duration::from_secs(2)).await;
    assert_eq!(event.event, "item", "{event:?}");
    assert_eq!(event.data["item"]["key"], format!("n{}", item.id));
    assert_eq!(event.data["item"]["headline"], "Published on A");

    // A line stored whose bus message never went out (lost) still reaches B.
    let lost = a
        .store()
        .add_chat_message(&NewChatMessage {
            room_id: room,
            account_id: Some(world.reader.id),
            author_name: "Rita Reader",
            staff: false,
            body: "This one missed the bus",
            flagged: false,
        })
        .await
        .unwrap();
    let seen = on_b
        .find_where(Duration::from_secs(5), |f| {
            f["type"] == "message" && f["id"] == lost.id
        })
        .await
        .expect("the store's line reaches B within 5 s");
    assert_eq!(seen["text"], "This one missed the bus");

    // Each line was delivered once.
    let mut counts: BTreeMap<i64, usize> = BTreeMap::new();
    for frame in on_b.received.iter().filter(|f| f["type"] == "message") {
        *counts.entry(frame["id"].as_i64().unwrap()).or_default() += 1;
    }
    assert!(counts.values().all(|n| *n == 1), "duplicates: {counts:?}");

    drop((on_b, rita_on_a, stream));
    a.stop().await;
    b.stop().await;
    schema.drop().await;
}
