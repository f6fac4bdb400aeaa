//! The machine-readable descriptions hold: `/api/v1/asyncapi.json` describes the chat
//! protocol, and every frame a scripted session exchanges (each type the server sends and
//! each the client may send) validates against the message of its type in that document;
//! `/api/v1/openapi.json` has the stream and the socket.

use std::collections::BTreeSet;

use jsonschema::Validator;
use newsdesk_app::actions::live as actions;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use crate::support::{Chat, Instance, PROMPT, Who, World, article_room};

/// Every frame type the server sends, and every one a client may send (`docs/LIVE.md`).
const SERVER_TYPES: [&str; 9] = [
    "welcome", "message", "ack", "deleted", "presence", "room", "history", "error", "pong",
];
const CLIENT_TYPES: [&str; 3] = ["send", "history", "ping"];

/// The document's message payloads, each compiled with the document's schemas beside it so
/// their `$ref`s (`#/components/schemas/…`) resolve.
pub struct Frames {
    doc: Value,
}

impl Frames {
    pub async fn fetch(inst: &Instance) -> Self {
        let reply = inst.get("/api/v1/asyncapi.json").await;
        assert_eq!(reply.status, 200);
        assert!(reply.header("content-type").starts_with("application/json"));
        Frames { doc: reply.json() }
    }

    /// The names of the document's messages (`server.welcome`, `client.send`, …).
    pub fn names(&self) -> BTreeSet<String> {
        self.doc["components"]["messages"]
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// The validator of message `name`, or `None` when the document has no such message.
    pub fn validator(&self, name: &str) -> Option<Validator> {
        let payload = self.doc["components"]["messages"]
            .get(name)?
            .get("payload")?;
        let mut schema = payload.clone();
        let object = schema
            .as_object_mut()
            .unwrap_or_else(|| panic!("{name}: the payload is not a schema object"));
        object.insert(
            "components".to_owned(),
            json!({ "schemas": self.doc["components"]["schemas"].clone() }),
        );
        Some(
            jsonschema::validator_for(&schema)
                .unwrap_or_else(|e| panic!("{name}: the payload does not compile: {e}")),
        )
    }

    /// Checks `frame` against the message `{side}.{frame.type}`; the problems found.
    pub fn problems(&self, side: &str, frame: &Value) -> Vec<String> {
        let ty = frame["type"].as_str().unwrap_or("?");
        let name = format!("{side}.{ty}");
        let Some(validator) = self.validator(&name) else {
            return vec![format!("the document has no message {name}")];
        };
        validator
            .iter_errors(frame)
            .map(|e| format!("{name}: {e} (at {})", e.instance_path()))
            .collect()
    }

    pub fn assert_valid(&self, side: &str, frame: &Value) {
        let problems = self.problems(side, frame);
        assert!(problems.is_empty(), "{frame}\n{}", problems.join("\n"));
    }

    /// Whether any client message of the document accepts `frame`.
    pub fn any_client_accepts(&self, frame: &Value) -> bool {
        self.names()
            .iter()
            .filter(|n| n.starts_with("client."))
            .any(|n| self.validator(n).is_some_and(|v| v.is_valid(frame)))
    }
}

#[tokio::test]
async fn the_asyncapi_document_describes_the_chat_and_openapi_the_stream() {
    let inst = Instance::sqlite(|_| {}).await;
    let frames = Frames::fetch(&inst).await;
    let doc = &frames.doc;
    assert_eq!(doc["asyncapi"], "3.0.0");
    let channel = &doc["channels"]["room"];
    assert_eq!(channel["address"], "/api/v1/chat/rooms/{room}/socket");
    let names = frames.names();
    for ty in SERVER_TYPES {
        assert!(
            names.contains(&format!("server.{ty}")),
            "server.{ty} in {names:?}"
        );
    }
    for ty in CLIENT_TYPES {
        assert!(
            names.contains(&format!("client.{ty}")),
            "client.{ty} in {names:?}"
        );
    }
    // Every reference in the channel and the operations leads somewhere.
    for (name, reference) in channel["messages"].as_object().unwrap() {
        let target = reference["$ref"].as_str().unwrap();
        assert!(
            doc.pointer(&target.replace('#', "")).is_some(),
            "{name}: {target}"
        );
    }
    for (op, side) in [
        ("sendToReader", "server."),
        ("receiveFromReader", "client."),
    ] {
        let operation = &doc["operations"][op];
        assert_eq!(operation["channel"]["$ref"], "#/channels/room", "{op}");
        let listed = operation["messages"].as_array().unwrap();
        assert!(!listed.is_empty(), "{op}");
        for reference in listed {
            let target = reference["$ref"].as_str().unwrap();
            assert!(
                target.starts_with(&format!("#/channels/room/messages/{side}")),
                "{op}: {target}"
            );
            assert!(
                doc.pointer(&target.replace('#', "")).is_some(),
                "{op}: {target}"
            );
        }
    }
    for name in &names {
        assert!(frames.validator(name).is_some(), "{name} compiles");
    }

    let openapi = inst.get("/api/v1/openapi.json").await;
    assert_eq!(openapi.status, 200);
    let openapi = openapi.json();
    let stream = &openapi["paths"]["/api/v1/live/{edition}"]["get"];
    assert!(stream.is_object(), "the stream is documented");
    assert!(
        stream["responses"]["200"]["content"]["text/event-stream"].is_object(),
        "{}",
        stream["responses"]["200"]
    );
    assert!(stream["responses"]["404"].is_object());
    assert!(stream["responses"]["429"].is_object());
    let socket = &openapi["paths"]["/api/v1/chat/rooms/{room}/socket"]["get"];
    assert!(socket.is_object(), "the socket is documented");
    assert!(socket["responses"]["101"].is_object(), "{socket}");
    for path in [
        "/api/v1/chat/rooms/{room}",
        "/api/v1/chat/articles/{article}/room",
    ] {
        assert!(openapi["paths"][path]["get"].is_object(), "{path}");
    }
    inst.stop().await;
}

#[tokio::test]
async fn every_frame_of_a_session_matches_the_asyncapi_document() {
    let inst = Instance::sqlite(|_| {}).await;
    let world = World::seed(&inst.state).await;
    let frames = Frames::fetch(&inst).await;
    let room = article_room(&inst, world.article.id).await["id"]
        .as_i64()
        .unwrap();

    let mut anon = Chat::open(&inst, room, &Who::anonymous(), None).await;
    let mut rita = Chat::open(&inst, room, &Who::cookie(&world.reader_cookie), None).await;
    let mut desk = Chat::open(&inst, room, &Who::bearer(&world.token), None).await;
    // Lines (ack, message), with and without links and markup.
    let first = rita
        .accepted("r-1", "<i>first</i> https://example.org/a?b=1")
        .await;
    let second = desk.accepted("d-1", "Line two\nwith a break").await;
    anon.find("message", PROMPT).await.unwrap();
    // Refusals (error with ref and retry_after, without ref).
    anon.refused("a-1", "hi", "not_logged_in").await;
    rita.refused("r-2", &"x".repeat(501), "too_long").await;
    actions::set_room_state(inst.state.app(), &world.editor, room, true, 30)
        .await
        .unwrap();
    rita.find("room", PROMPT).await.unwrap();
    let slow = rita.refused("r-3", "again", "slow_mode").await;
    assert!(slow["retry_after"].is_u64());
    anon.raw(Message::text("not json")).await;
    anon.find("error", PROMPT).await.unwrap();
    // A deletion, older lines, pings with and without ref, presence.
    actions::delete_message(inst.state.app(), &world.editor, first)
        .await
        .unwrap();
    anon.find("deleted", PROMPT).await.unwrap();
    anon.send(json!({"type": "history", "before": second + 1}))
        .await;
    anon.find("history", PROMPT).await.unwrap();
    anon.send(json!({"type": "ping", "ref": "p-1"})).await;
    anon.send(json!({"type": "ping"})).await;
    anon.find("pong", PROMPT).await.unwrap();
    anon.find("pong", PROMPT).await.unwrap();
    anon.find("presence", std::time::Duration::from_secs(5))
        .await
        .expect("a presence count");
    // A reconnect's welcome, with history and deletions.
    let back = Chat::open(&inst, room, &Who::anonymous(), Some(first - 1)).await;

    let mut seen = BTreeSet::new();
    let mut problems = Vec::new();
    for chat in [&anon, &rita, &desk, &back] {
        for frame in &chat.received {
            seen.insert(frame["type"].as_str().unwrap().to_owned());
            problems.extend(frames.problems("server", frame));
        }
        for frame in &chat.sent {
            problems.extend(frames.problems("client", frame));
        }
    }
    assert!(
        problems.is_empty(),
        "frames the document does not describe:\n{}",
        problems.join("\n")
    );
    for ty in SERVER_TYPES {
        assert!(seen.contains(ty), "the session received a `{ty}`: {seen:?}");
    }

    // The client frames a page may send, and what it may not.
    for frame in [
        json!({"type": "send", "ref": "x", "text": "hello"}),
        json!({"type": "history", "before": 42}),
        json!({"type": "ping", "ref": "x"}),
        json!({"type": "ping"}),
    ] {
        frames.assert_valid("client", &frame);
    }
    for frame in [
        json!({"type": "shout", "text": "hello"}),
        json!({"type": "send", "text": "no ref"}),
        json!({"type": "history"}),
        json!({"type": "send", "ref": "x", "text": "hi", "extra": 1}),
        json!({"text": "no type"}),
    ] {
        assert!(
            !frames.any_client_accepts(&frame),
            "{frame} is refused by the server (bad_request) but valid in the document"
        );
    }
    // And a server frame does not pass for another type.
    let pong = json!({"type": "pong", "ref": "p"});
    assert!(
        !frames
            .problems("server", &json!({"type": "deleted"}))
            .is_empty()
    );
    assert!(frames.problems("server", &pong).is_empty());
    inst.stop().await;
}
