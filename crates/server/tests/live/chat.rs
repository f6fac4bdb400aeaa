//! The chats over WebSocket (`newsdesk.chat.v1`) on one instance over SQLite: who may
//! write, every refusal a reader can meet and what it says, what moderators do reaching
//! every socket in the room, reconnects and older history, frames the protocol does not
//! know, presence, and the room's pages.

use std::time::Duration;

use chrono::Utc;
use newsdesk_app::actions::live as actions;
use newsdesk_site::live::hub::ROOM_BACKLOG;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use crate::support::{Chat, Ended, Instance, PROMPT, SUBPROTOCOL, Who, World, article_room};

/// Instance, newsroom and the id of the article's room.
async fn setup() -> (Instance, World, i64) {
    let inst = Instance::sqlite(|_| {}).await;
    let world = World::seed(&inst.state).await;
    let room = article_room(&inst, world.article.id).await["id"]
        .as_i64()
        .unwrap();
    (inst, world, room)
}

fn ids(messages: &Value) -> Vec<i64> {
    messages
        .as_array()
        .unwrap_or_else(|| panic!("a list of messages: {messages}"))
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn anyone_reads_a_room_and_confirmed_readers_and_staff_write_in_it() {
    let inst = Instance::sqlite(|_| {}).await;
    let world = World::seed(&inst.state).await;
    let article = world.article.id;

    // The page script finds the article's room (made on first use).
    let room = article_room(&inst, article).await;
    let id = room["id"].as_i64().unwrap();
    assert_eq!(room["edition"], "en");
    assert_eq!(room["article_id"], article);
    assert_eq!(room["title"], "Parliament passes the budget");
    assert_eq!(room["href"], format!("/en/chats/{id}"));
    assert_eq!(room["article_href"], world.article.path());
    assert_eq!(room["open"], true);
    assert_eq!(room["slow_mode_seconds"], 0);
    assert_eq!(room["presence"], 0);
    assert_eq!(
        article_room(&inst, article).await["id"],
        id,
        "one room per article"
    );
    let by_id = inst.get(&format!("/api/v1/chat/rooms/{id}")).await;
    assert_eq!(by_id.status, 200);
    assert_eq!(by_id.header("cache-control"), "no-store");
    assert_eq!(by_id.json()["article_id"], article);
    assert_eq!(
        inst.get("/api/v1/chat/articles/999999/room").await.status,
        404
    );
    assert_eq!(inst.get("/api/v1/chat/rooms/999999").await.status, 404);

    // Anyone may read: the server selects the subprotocol and welcomes first.
    let mut anon = Chat::open(&inst, id, &Who::anonymous(), None).await;
    assert_eq!(anon.protocol.as_deref(), Some(SUBPROTOCOL));
    let welcome = &anon.welcome;
    assert_eq!(welcome["v"], 1);
    assert_eq!(welcome["room"]["id"], id);
    assert_eq!(
        welcome["you"],
        json!({"name": null, "staff": false, "can_write": false, "reason": "not_logged_in"})
    );
    assert_eq!(welcome["history"], json!([]));
    assert_eq!(welcome["complete"], true);
    assert_eq!(welcome["deleted"], json!([]));
    let refusal = anon.refused("a-1", "hello", "not_logged_in").await;
    assert_eq!(refusal["ref"], "a-1");

    // A confirmed reader writes; everyone in the room sees the line, made safe.
    let mut rita = Chat::open(&inst, id, &Who::cookie(&world.reader_cookie), None).await;
    assert_eq!(
        rita.welcome["you"],
        json!({"name": "Rita Reader", "staff": false, "can_write": true, "reason": null})
    );
    let text = "<b>hi</b> https://example.org";
    let ack = rita.say("r-1", text).await;
    assert_eq!(ack["type"], "ack", "{ack}");
    let line = ack["id"].as_i64().unwrap();
    assert!(ack["at"].as_str().is_some(), "{ack}");
    let own = rita.expect("message").await;
    assert_eq!(own["id"], line, "the writer gets the line like everyone");
    let seen = anon.expect("message").await;
    assert_eq!(seen["id"], line);
    assert_eq!(seen["room"], id);
    assert_eq!(
        seen["author"],
        json!({"name": "Rita Reader", "staff": false})
    );
    assert_eq!(seen["text"], text);
    assert_eq!(seen["at"], ack["at"]);
    let html = seen["html"].as_str().unwrap();
    assert!(html.contains("&lt;b&gt;hi&lt;/b&gt;"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(html.contains("href=\"https://example.org\""), "{html}");
    assert!(html.contains("rel=\"nofollow ugc noopener\""), "{html}");

    // The newsroom writes as staff (an Admin API token).
    let mut desk = Chat::open(&inst, id, &Who::bearer(&world.token), None).await;
    assert_eq!(
        desk.welcome["you"],
        json!({"name": "Live Desk", "staff": true, "can_write": true, "reason": null})
    );
    assert_eq!(ids(&desk.welcome["history"]), vec![line]);
    let staff_line = desk.accepted("d-1", "Welcome to the live chat.").await;
    let seen = anon.expect("message").await;
    assert_eq!(seen["id"], staff_line);
    assert_eq!(seen["author"], json!({"name": "Live Desk", "staff": true}));
    let seen = rita.expect("message").await;
    assert_eq!(seen["id"], staff_line);
    // A token that is not one is refused before the upgrade.
    let bad = crate::support::connect(inst.addr, id, &Who::bearer("nd_not-a-token"), None).await;
    assert!(bad.is_err(), "a made-up token opens no socket");

    // The room's pages show the last lines without JavaScript.
    for path in [
        format!("/en/chats/article-{article}"),
        format!("/en/chats/{id}"),
    ] {
        let page = inst.get(&path).await;
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(page.header("cache-control"), "no-cache", "{path}");
        let body = &page.body;
        assert!(body.contains("Parliament passes the budget"), "{path}");
        assert!(body.contains(&format!("data-room=\"{id}\"")), "{path}");
        assert!(body.contains(&format!("data-id=\"{line}\"")), "{path}");
        assert!(
            body.contains(&format!("data-id=\"{staff_line}\"")),
            "{path}"
        );
        assert!(body.contains("Rita Reader"), "{path}");
        assert!(body.contains("&lt;b&gt;hi&lt;/b&gt;"), "{path}");
        assert!(!body.contains("<b>hi</b>"), "{path}");
        assert!(body.contains("Welcome to the live chat."), "{path}");
        let older = body.find(&format!("data-id=\"{line}\"")).unwrap();
        let newer = body.find(&format!("data-id=\"{staff_line}\"")).unwrap();
        assert!(older < newer, "{path}: oldest first, as a chat reads");
    }
    let rooms = inst.get("/en/chats").await;
    assert_eq!(rooms.status, 200);
    assert!(
        rooms.body.contains(&format!("href=\"/en/chats/{id}\"")),
        "{}",
        rooms.body
    );
    assert!(rooms.body.contains("Parliament passes the budget"));
    // The room belongs to the English edition only.
    assert_eq!(inst.get(&format!("/ar/chats/{id}")).await.status, 404);
    inst.stop().await;
}

#[tokio::test]
async fn a_refused_line_says_why() {
    let (inst, world, room) = setup().await;

    // Not confirmed yet.
    let mut una = Chat::open(&inst, room, &Who::cookie(&world.unconfirmed_cookie), None).await;
    assert_eq!(una.welcome["you"]["name"], "Una Unconfirmed");
    assert_eq!(una.welcome["you"]["can_write"], false);
    assert_eq!(una.welcome["you"]["reason"], "not_confirmed");
    una.refused("u-1", "first!", "not_confirmed").await;

    // A page on another site may read, never write, even with the reader's cookie.
    let evil = Who::cookie(&world.reader_cookie).on_page_of("http://evil.example");
    let mut framed = Chat::open(&inst, room, &evil, None).await;
    assert_eq!(framed.welcome["you"]["can_write"], false);
    assert_eq!(framed.welcome["you"]["reason"], "other_origin");
    framed
        .refused("e-1", "I was made to say this", "other_origin")
        .await;
    // The site's own page writes.
    let own = Who::cookie(&world.reader_cookie).on_page_of(&inst.base());
    let mut rita = Chat::open(&inst, room, &own, None).await;
    assert_eq!(rita.welcome["you"]["can_write"], true, "{}", rita.welcome);

    // Too long, empty.
    rita.refused("r-1", &"x".repeat(501), "too_long").await;
    rita.accepted("r-2", &"y".repeat(500)).await;
    rita.refused("r-3", "   ", "empty").await;

    // The edition's banned words and link limit, shared with comments.
    let mut settings = inst.store().moderation_settings("en").await.unwrap();
    settings.banned_words = "scoundrel\n".into();
    settings.max_links = 1;
    inst.store()
        .set_moderation_settings(&settings)
        .await
        .unwrap();
    let refusal = rita
        .refused("r-4", "The minister is a Scoundrel", "banned_word")
        .await;
    assert!(
        refusal["message"].as_str().unwrap().contains("scoundrel"),
        "{refusal}"
    );
    rita.refused(
        "r-5",
        "see https://a.example and https://b.example",
        "too_many_links",
    )
    .await;
    rita.accepted("r-6", "see https://a.example").await;
    // A bad ref is refused whatever the text.
    rita.send(json!({"type": "send", "ref": "", "text": "hi"}))
        .await;
    let bad = rita.find("error", PROMPT).await.unwrap();
    assert_eq!(bad["code"], "bad_request", "{bad}");
    inst.stop().await;
}

#[tokio::test]
async fn slow_mode_and_flood_control_pace_readers_but_not_staff() {
    let (inst, world, room) = setup().await;
    let app = inst.state.app();
    let mut rita = Chat::open(&inst, room, &Who::cookie(&world.reader_cookie), None).await;
    let mut desk = Chat::open(&inst, room, &Who::bearer(&world.token), None).await;

    actions::set_room_state(app, &world.editor, room, true, 30)
        .await
        .unwrap();
    for chat in [&mut rita, &mut desk] {
        let changed = chat.expect("room").await;
        assert_eq!(
            changed,
            json!({"type": "room", "open": true, "slow_mode_seconds": 30})
        );
    }
    rita.accepted("r-1", "first").await;
    let slow = rita.refused("r-2", "second", "slow_mode").await;
    let wait = slow["retry_after"].as_u64().expect("slow mode says when");
    assert!((1..=30).contains(&wait), "{slow}");
    // Staff moderate the room: no pace for them.
    desk.accepted("d-1", "Please keep it civil.").await;
    desk.accepted("d-2", "Thank you.").await;

    actions::set_room_state(app, &world.editor, room, true, 0)
        .await
        .unwrap();
    let changed = desk.find("room", PROMPT).await.unwrap();
    assert_eq!(changed["slow_mode_seconds"], 0);

    // Six lines in a row: the sixth is flood.
    let mut omar = Chat::open(&inst, room, &Who::cookie(&world.other_cookie), None).await;
    for n in 1..=5 {
        omar.accepted(&format!("o-{n}"), &format!("line {n}")).await;
    }
    let flood = omar.refused("o-6", "line 6", "flood").await;
    assert!(
        flood["retry_after"].as_u64().is_some_and(|s| s >= 1),
        "{flood}"
    );
    inst.stop().await;
}

#[tokio::test]
async fn moderators_reach_every_socket_in_the_room() {
    let (inst, world, room) = setup().await;
    let app = inst.state.app();
    let mut rita = Chat::open(&inst, room, &Who::cookie(&world.reader_cookie), None).await;
    let mut omar = Chat::open(&inst, room, &Who::cookie(&world.other_cookie), None).await;
    let mut anon = Chat::open(&inst, room, &Who::anonymous(), None).await;

    let line = rita.accepted("r-1", "something regrettable").await;
    for chat in [&mut omar, &mut anon] {
        assert_eq!(chat.expect("message").await["id"], line);
    }
    actions::delete_message(app, &world.editor, line)
        .await
        .unwrap();
    for chat in [&mut rita, &mut omar, &mut anon] {
        let deleted = chat
            .find("deleted", PROMPT)
            .await
            .expect("every socket is told");
        assert_eq!(deleted, json!({"type": "deleted", "id": line}));
    }
    // Who comes later is not shown it, and is told to drop it if they had it.
    let late = Chat::open(&inst, room, &Who::anonymous(), None).await;
    assert_eq!(late.welcome["history"], json!([]));
    assert_eq!(late.welcome["deleted"], json!([line]));
    let page = inst.get(&format!("/en/chats/{room}")).await;
    assert!(!page.body.contains("something regrettable"));

    // Muted in this room.
    actions::mute(
        app,
        &world.editor,
        room,
        world.reader.id,
        Utc::now() + chrono::Duration::minutes(10),
        "cool off",
    )
    .await
    .unwrap();
    let muted = rita.refused("r-2", "but why", "muted").await;
    let wait = muted["retry_after"].as_u64().unwrap();
    assert!((540..=600).contains(&wait), "{muted}");
    assert!(
        muted["message"].as_str().unwrap().contains("cool off"),
        "{muted}"
    );
    let again = Chat::open(&inst, room, &Who::cookie(&world.reader_cookie), None).await;
    assert_eq!(again.welcome["you"]["reason"], "muted");

    // Banned from chats, then from the whole discussion.
    actions::ban(app, &world.editor, world.other.id, None, "spam")
        .await
        .unwrap();
    let banned = omar.refused("o-1", "buy now", "banned").await;
    assert!(
        banned["message"].as_str().unwrap().contains("chats"),
        "{banned}"
    );
    actions::lift_ban(app, &world.editor, world.other.id)
        .await
        .unwrap();
    omar.accepted("o-2", "sorry").await;
    inst.store()
        .ban_reader(world.other.id, None, "abuse", None)
        .await
        .unwrap();
    let banned = omar.refused("o-3", "still here", "banned").await;
    assert!(
        banned["message"].as_str().unwrap().contains("discussion"),
        "{banned}"
    );
    let again = Chat::open(&inst, room, &Who::cookie(&world.other_cookie), None).await;
    assert_eq!(again.welcome["you"]["reason"], "banned");

    // Closed: everyone sees it, nobody reading writes.
    actions::set_room_state(app, &world.editor, room, false, 0)
        .await
        .unwrap();
    let changed = anon.find("room", PROMPT).await.unwrap();
    assert_eq!(
        changed,
        json!({"type": "room", "open": false, "slow_mode_seconds": 0})
    );
    let (_, cookie) =
        crate::support::new_reader(inst.store(), "carla@example.com", "Carla", true).await;
    let mut carla = Chat::open(&inst, room, &Who::cookie(&cookie), None).await;
    assert_eq!(carla.welcome["room"]["open"], false);
    assert_eq!(carla.welcome["you"]["reason"], "closed");
    carla.refused("c-1", "hello?", "closed").await;
    let room_json = inst.get(&format!("/api/v1/chat/rooms/{room}")).await.json();
    assert_eq!(room_json["open"], false);
    // A closed room is not among the open ones.
    let rooms = inst.get("/en/chats").await;
    assert!(!rooms.body.contains(&format!("href=\"/en/chats/{room}\"")));
    inst.stop().await;
}

#[tokio::test]
async fn a_reconnect_gets_what_it_missed_and_older_lines_come_on_request() {
    let (inst, world, room) = setup().await;
    let mut desk = Chat::open(&inst, room, &Who::bearer(&world.token), None).await;
    let mut lines = Vec::new();
    for n in 0..60 {
        lines.push(
            desk.accepted(&format!("d-{n}"), &format!("update {n}"))
                .await,
        );
        desk.drain();
    }

    // A reconnect names the last line it has: it is sent exactly the ones after it.
    let back = Chat::open(&inst, room, &Who::anonymous(), Some(lines[54])).await;
    assert_eq!(ids(&back.welcome["history"]), lines[55..].to_vec());
    assert_eq!(back.welcome["complete"], true);
    let texts: Vec<&str> = back.welcome["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "update 55",
            "update 56",
            "update 57",
            "update 58",
            "update 59"
        ]
    );
    let current = Chat::open(&inst, room, &Who::anonymous(), Some(lines[59])).await;
    assert_eq!(current.welcome["history"], json!([]));

    // A new reader gets the latest 50, oldest first; older ones on request.
    let mut fresh = Chat::open(&inst, room, &Who::anonymous(), None).await;
    assert_eq!(ids(&fresh.welcome["history"]), lines[10..].to_vec());
    fresh
        .send(json!({"type": "history", "before": lines[10]}))
        .await;
    let older = fresh.expect("history").await;
    assert_eq!(ids(&older["messages"]), lines[..10].to_vec());
    assert_eq!(older["complete"], true, "nothing older exists");
    fresh
        .send(json!({"type": "history", "before": lines[59]}))
        .await;
    let page = fresh.expect("history").await;
    assert_eq!(ids(&page["messages"]), lines[9..59].to_vec());
    assert_eq!(page["complete"], false, "there are older ones");
    fresh
        .send(json!({"type": "history", "before": lines[0]}))
        .await;
    let none = fresh.expect("history").await;
    assert_eq!(none["messages"], json!([]));
    assert_eq!(none["complete"], true);
    inst.stop().await;
}

#[tokio::test]
async fn frames_the_protocol_does_not_know_are_answered_and_oversized_ones_close() {
    let (inst, _world, room) = setup().await;
    let mut chat = Chat::open(&inst, room, &Who::anonymous(), None).await;

    chat.raw(Message::text("hello, is this thing on?")).await;
    let error = chat.expect("error").await;
    assert_eq!(error["code"], "bad_request", "{error}");
    // Still open.
    chat.send(json!({"type": "ping", "ref": "p-1"})).await;
    assert_eq!(
        chat.expect("pong").await,
        json!({"type": "pong", "ref": "p-1"})
    );
    chat.send(json!({"type": "ping"})).await;
    assert_eq!(chat.expect("pong").await, json!({"type": "pong"}));

    for frame in [
        json!({"type": "shout", "text": "hi"}),
        json!({"type": "send", "text": "no ref"}),
        json!({"type": "history"}),
        json!({"type": "ping", "ref": "p", "extra": true}),
        json!(["type", "ping"]),
    ] {
        chat.raw(Message::text(frame.to_string())).await;
        let error = chat.expect("error").await;
        assert_eq!(error["code"], "bad_request", "{frame}: {error}");
    }
    chat.raw(Message::binary(vec![1_u8, 2, 3])).await;
    let error = chat.expect("error").await;
    assert_eq!(error["code"], "unsupported", "{error}");
    chat.send(json!({"type": "ping", "ref": "p-2"})).await;
    assert_eq!(chat.expect("pong").await["ref"], "p-2");

    // A frame over 4 KiB closes the socket (1009: too big).
    let huge = json!({"type": "send", "ref": "big", "text": "z".repeat(5000)});
    chat.raw(Message::text(huge.to_string())).await;
    match chat.ended(PROMPT).await {
        Some(Ended::Closed(code)) => assert_eq!(code, Some(1009), "the close code"),
        Some(Ended::Dropped(why)) => {
            panic!("closed without a close frame (docs promise code 1009): {why}")
        }
        None => panic!("a frame over 4 KiB left the socket open"),
    }
    inst.stop().await;
}

#[tokio::test]
async fn presence_counts_the_sockets_in_the_room() {
    let (inst, _world, room) = setup().await;
    let mut first = Chat::open(&inst, room, &Who::anonymous(), None).await;
    assert_eq!(first.welcome["presence"], 1);
    let second = Chat::open(&inst, room, &Who::anonymous(), None).await;
    assert_eq!(second.welcome["presence"], 2);
    let two = first
        .find_where(Duration::from_secs(5), |f| {
            f["type"] == "presence" && f["count"] == 2
        })
        .await;
    assert!(two.is_some(), "a presence count of 2 within 5 s");
    assert_eq!(
        inst.get(&format!("/api/v1/chat/rooms/{room}")).await.json()["presence"],
        2
    );
    second.close().await;
    let one = first
        .find_where(Duration::from_secs(5), |f| {
            f["type"] == "presence" && f["count"] == 1
        })
        .await;
    assert!(one.is_some(), "the count drops when a reader leaves");
    inst.stop().await;
}

/// A line in the store whose bus message was lost reaches the readers of the room within
/// seconds (the reconcile pass), even when the reader had only just opened the room.
#[tokio::test]
async fn a_line_whose_bus_message_was_lost_still_arrives() {
    let (inst, world, room) = setup().await;
    let mut anon = Chat::open(&inst, room, &Who::anonymous(), None).await;
    let lost = inst
        .store()
        .add_chat_message(&newsdesk_store::NewChatMessage {
            room_id: room,
            account_id: Some(world.reader.id),
            author_name: "Rita Reader",
            staff: false,
            body: "written just after the reader came in",
            flagged: false,
        })
        .await
        .unwrap();
    let seen = anon
        .find_where(Duration::from_secs(5), |f| {
            f["type"] == "message" && f["id"] == lost.id
        })
        .await;
    assert!(
        seen.is_some(),
        "a line stored right after the reader's welcome, its bus message lost, never arrived"
    );
    inst.stop().await;
}

#[tokio::test]
async fn a_reader_who_cannot_keep_up_is_cut_off_and_told_how_to_catch_up() {
    let (inst, world, room) = setup().await;
    let mut slow = Chat::open(&inst, room, &Who::anonymous(), None).await;
    let frames = inst
        .state
        .live()
        .room(room)
        .expect("an open socket keeps its room on the instance");
    // The test and the server share one thread: nothing reaches the socket before this loop
    // ends, so its reader falls more than the room's whole backlog behind.
    for n in 0..ROOM_BACKLOG + 8 {
        frames.send(json!({"type": "presence", "count": n}).to_string().into());
    }
    match slow.ended(PROMPT).await {
        Some(Ended::Closed(code)) => assert_eq!(code, Some(4008), "the close code"),
        Some(Ended::Dropped(why)) => panic!("cut without a close frame (docs promise 4008): {why}"),
        None => panic!("a reader a whole backlog behind was kept, its frames buffered"),
    }

    // The room goes on for everyone else, and the one cut off catches up with ?after=.
    let mut desk = Chat::open(&inst, room, &Who::bearer(&world.token), None).await;
    let ack = desk.say("e-1", "Still here.").await;
    assert_eq!(ack["type"], "ack", "{ack}");
    let id = ack["id"].as_i64().unwrap();
    let back = Chat::open(&inst, room, &Who::anonymous(), Some(0)).await;
    assert!(
        ids(&back.welcome["history"]).contains(&id),
        "a reconnect with ?after= gets the line: {}",
        back.welcome
    );
    inst.stop().await;
}
