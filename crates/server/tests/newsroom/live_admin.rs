//! The live parts in the newsroom: the newsfeed's short items and the chats' moderation,
//! through the pages (`/admin/newsfeed`, `/admin/chats`) and the Admin API. The pages run
//! on SQLite like the other page tests; the API tests run on SQLite and on PostgreSQL when
//! `NEWSDESK_TEST_DATABASE_URL` is set (required in CI), like `publish_races`.

use std::str::FromStr;
use std::sync::atomic::{AtomicU32, Ordering};

use axum::Router;
use axum::body::Body;
use chrono::{Duration, Utc};
use http::{Method, Request, StatusCode};
use newsdesk_bus::Bus;
use newsdesk_core::{Change, Direction, Edition, NewsItemStatus, Role};
use newsdesk_media::MediaStore;
use newsdesk_newsroom::auth::LoginLimits;
use newsdesk_site::{AppConfig, AppState};
use newsdesk_store::{FeedKind, NewChatMessage, Store, StoreError};
use serde_json::{Value, json};
use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection};
use tower::ServiceExt;

use crate::support::{TestApp, TestResponse, unescape};

// ---------------------------------------------------------------------------------------
// Shared helpers.

/// Whether the edition's newsfeed (what readers and the live stream are served) holds the
/// short item `id`.
async fn in_feed(store: &Store, id: i64) -> bool {
    store
        .newsfeed("en", None, 20)
        .await
        .unwrap()
        .iter()
        .any(|e| e.kind == FeedKind::Item && e.id == id)
}

/// How many outbox events are about the short item `id`.
async fn item_events(store: &Store, id: i64) -> usize {
    store
        .events_after(0, 1000)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| matches!(&e.change, Change::NewsItem { id: i, .. } if *i == id))
        .count()
}

/// A reader's message in `room`.
async fn reader_says(store: &Store, room: i64, reader: i64, text: &str, flagged: bool) -> i64 {
    store
        .add_chat_message(&NewChatMessage {
            room_id: room,
            account_id: Some(reader),
            author_name: "Rita Reader",
            staff: false,
            body: text,
            flagged,
        })
        .await
        .unwrap()
        .id
}

/// The id at the end of a redirect such as `/admin/chats/7?done=opened`.
fn id_in(location: &str, prefix: &str) -> i64 {
    location
        .strip_prefix(prefix)
        .and_then(|rest| rest.split(['?', '#', '/']).next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no id after {prefix} in {location}"))
}

/// The newest item of the English edition (the one just written).
async fn newest_item(store: &Store) -> newsdesk_core::NewsItem {
    store
        .list_news_items(Some("en"), None, 1, 0)
        .await
        .unwrap()
        .into_iter()
        .next()
        .unwrap()
}

// ---------------------------------------------------------------------------------------
// The newsfeed pages.

#[tokio::test]
async fn an_author_writes_publishes_unpublishes_and_deletes_an_item_through_the_pages() {
    let app = TestApp::new().await;
    let store = app.store();
    let mut author = app.client_as(Role::Author).await;
    let author_id = author.account.as_ref().unwrap().id;

    let page = author.get("/admin/newsfeed").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("action=\"/admin/newsfeed\""),
        "the new item form"
    );
    assert!(
        page.body.contains("href=\"/admin/newsfeed\""),
        "the navigation names it"
    );
    assert_eq!(
        page.body.matches("<form method=\"post\"").count(),
        page.body.matches("name=\"csrf\" value=\"").count(),
        "every form carries the CSRF token"
    );
    assert!(
        !page.body.contains("name=\"breaking\""),
        "an author is not offered the breaking mark"
    );

    // Publish now.
    let r = author
        .post(
            "/admin/newsfeed",
            &[
                ("edition", "en"),
                ("headline", "Polls have closed"),
                ("text", "Counting starts at once."),
                ("link", ""),
                ("important", "on"),
                ("publish", "publish"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), "/admin/newsfeed?edition=en&done=published");
    let item = newest_item(store).await;
    assert_eq!(item.headline, "Polls have closed");
    assert_eq!(item.body, "Counting starts at once.");
    assert!(item.important && !item.breaking);
    assert_eq!(item.status, NewsItemStatus::Published);
    assert_eq!(item.created_by, Some(author_id));
    assert!(in_feed(store, item.id).await, "published: in the newsfeed");
    assert_eq!(item_events(store, item.id).await, 1, "one outbox event");

    let list = author.get(r.location()).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(
        list.body
            .contains("Published: the item is in the newsfeed now.")
    );
    assert!(list.body.contains("Polls have closed"));
    assert!(list.body.contains("badge warn\">important"));
    assert!(
        list.body
            .contains(&format!("action=\"/admin/newsfeed/{}/unpublish\"", item.id))
    );
    assert!(
        list.body
            .contains(&format!("action=\"/admin/newsfeed/{}/delete\"", item.id))
    );
    assert!(
        list.body.contains("data-confirm=\"Delete"),
        "deleting asks first"
    );

    // Edit.
    let edit = author.get(&format!("/admin/newsfeed/{}", item.id)).await;
    assert_eq!(edit.status, StatusCode::OK, "{}", edit.body);
    assert!(edit.body.contains("value=\"Polls have closed\""));
    let r = author
        .post(
            &format!("/admin/newsfeed/{}", item.id),
            &[
                ("headline", "Polls have closed: counting under way"),
                ("text", "First results after midnight."),
                ("link", "/en/elections"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let saved = store.news_item(item.id).await.unwrap();
    assert_eq!(saved.headline, "Polls have closed: counting under way");
    assert_eq!(saved.link, "/en/elections");
    assert!(!saved.important, "the unticked box took the mark off");
    assert_eq!(saved.status, NewsItemStatus::Published, "still published");

    // Unpublish, publish again, delete.
    let r = author
        .post(&format!("/admin/newsfeed/{}/unpublish", item.id), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), "/admin/newsfeed?edition=en&done=unpublished");
    assert_eq!(
        store.news_item(item.id).await.unwrap().status,
        NewsItemStatus::Unpublished
    );
    assert!(
        !in_feed(store, item.id).await,
        "unpublished: out of the feed"
    );
    let r = author
        .post(&format!("/admin/newsfeed/{}/publish", item.id), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(in_feed(store, item.id).await, "published again");
    let before = item_events(store, item.id).await;
    let r = author
        .post(&format!("/admin/newsfeed/{}/delete", item.id), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), "/admin/newsfeed?edition=en&done=deleted");
    assert!(matches!(
        store.news_item(item.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(!in_feed(store, item.id).await, "deleted: out of the feed");
    assert_eq!(
        item_events(store, item.id).await,
        before + 1,
        "readers are told"
    );

    // Save draft: kept out of the feed.
    let r = author
        .post(
            "/admin/newsfeed",
            &[
                ("edition", "en"),
                ("headline", "Not yet"),
                ("publish", "draft"),
            ],
        )
        .await;
    assert_eq!(r.location(), "/admin/newsfeed?edition=en&done=drafted");
    let draft = newest_item(store).await;
    assert_eq!(draft.headline, "Not yet");
    assert_eq!(draft.status, NewsItemStatus::Draft);
    assert!(!in_feed(store, draft.id).await);
    assert_eq!(
        item_events(store, draft.id).await,
        0,
        "a draft is nobody's news"
    );
}

#[tokio::test]
async fn contributors_and_moderators_are_refused_the_newsfeed_and_only_editors_mark_breaking() {
    let app = TestApp::new().await;
    let store = app.store();
    for role in [Role::Contributor, Role::Moderator] {
        let mut client = app.client_as(role).await;
        let r = client.get("/admin/newsfeed").await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{role}: {}", r.body);
        let r = client
            .post(
                "/admin/newsfeed",
                &[
                    ("edition", "en"),
                    ("headline", "Sneaky"),
                    ("publish", "publish"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{role}");
        let home = client.get("/admin/comments").await;
        assert!(
            !home.body.contains("href=\"/admin/newsfeed\""),
            "{role} is not shown the menu item"
        );
    }
    let contributor_home = app.client_as(Role::Contributor).await.get("/admin").await;
    assert!(!contributor_home.body.contains("href=\"/admin/newsfeed\""));
    assert!(
        store
            .list_news_items(None, None, 10, 0)
            .await
            .unwrap()
            .is_empty()
    );

    // An author cannot mark an item breaking: refused, nothing written, the form kept.
    let mut author = app.client_as(Role::Author).await;
    let r = author
        .post(
            "/admin/newsfeed",
            &[
                ("edition", "en"),
                ("headline", "Author alarm"),
                ("breaking", "on"),
                ("publish", "publish"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert!(r.body.contains("only editors mark items as breaking news"));
    assert!(
        r.body.contains("value=\"Author alarm\""),
        "the form keeps what was typed"
    );
    assert!(
        store
            .list_news_items(None, None, 10, 0)
            .await
            .unwrap()
            .is_empty()
    );

    // An editor can, and is offered the box.
    let mut editor = app.client_as(Role::Editor).await;
    let page = editor.get("/admin/newsfeed").await;
    assert!(page.body.contains("name=\"breaking\""));
    let r = editor
        .post(
            "/admin/newsfeed",
            &[
                ("edition", "en"),
                ("headline", "Breaking: bridge closed"),
                ("breaking", "on"),
                ("publish", "publish"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let item = newest_item(store).await;
    assert!(item.breaking);
    let list = editor.get("/admin/newsfeed").await;
    assert!(list.body.contains("badge breaking\">breaking"));

    // The author may edit it and keeps the mark (the box is shown, ticked), or takes it off.
    let edit = author.get(&format!("/admin/newsfeed/{}", item.id)).await;
    assert_eq!(edit.status, StatusCode::OK);
    assert!(edit.body.contains("name=\"breaking\" value=\"on\" checked"));
    let r = author
        .post(
            &format!("/admin/newsfeed/{}", item.id),
            &[("headline", "Bridge closed"), ("breaking", "on")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(store.news_item(item.id).await.unwrap().breaking);
    let r = author
        .post(
            &format!("/admin/newsfeed/{}", item.id),
            &[("headline", "Bridge closed")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(!store.news_item(item.id).await.unwrap().breaking);
    // ...and cannot put it back.
    let r = author
        .post(
            &format!("/admin/newsfeed/{}", item.id),
            &[("headline", "Bridge closed"), ("breaking", "on")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert!(!store.news_item(item.id).await.unwrap().breaking);
}

#[tokio::test]
async fn invalid_items_are_422_with_the_error_next_to_the_field() {
    let app = TestApp::new().await;
    let mut author = app.client_as(Role::Author).await;
    let long = "x".repeat(1001);
    for (fields, field) in [
        (vec![("headline", "  ")], "headline"),
        (
            vec![("headline", "Fine"), ("link", "javascript:alert(1)")],
            "link",
        ),
        (vec![("headline", "Fine"), ("text", long.as_str())], "text"),
        (vec![("headline", "Fine"), ("edition", "xx")], "edition"),
    ] {
        let mut all = vec![("publish", "publish")];
        if !fields.iter().any(|(k, _)| *k == "edition") {
            all.push(("edition", "en"));
        }
        all.extend(fields);
        let r = author.post("/admin/newsfeed", &all).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}: {}",
            r.body
        );
        assert!(
            r.body.contains(&format!("id=\"{field}-error\"")),
            "{field}: error not next to its field: {}",
            r.body
        );
        assert!(r.body.contains("Not saved."));
    }
    assert!(
        app.store()
            .list_news_items(None, None, 10, 0)
            .await
            .unwrap()
            .is_empty()
    );
    // The edit form too.
    let mut editor = app.client_as(Role::Editor).await;
    editor
        .post(
            "/admin/newsfeed",
            &[
                ("edition", "en"),
                ("headline", "Kept"),
                ("publish", "publish"),
            ],
        )
        .await;
    let item = newest_item(app.store()).await;
    let r = author
        .post(
            &format!("/admin/newsfeed/{}", item.id),
            &[("headline", ""), ("text", "changed")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("id=\"headline-error\""));
    assert!(
        r.body.contains(">changed</textarea>"),
        "what was typed is kept"
    );
    assert_eq!(
        app.store().news_item(item.id).await.unwrap().headline,
        "Kept"
    );
    // A form without the CSRF token is refused before anything happens.
    let r = author
        .post_raw(
            "/admin/newsfeed",
            &[
                ("edition", "en"),
                ("headline", "No token"),
                ("publish", "publish"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(newest_item(app.store()).await.id, item.id);
}

// ---------------------------------------------------------------------------------------
// The chat pages.

#[tokio::test]
async fn moderators_run_a_room_through_the_pages() {
    let app = TestApp::new().await;
    let store = app.store();

    // An editor opens a room.
    let mut editor = app.client_as(Role::Editor).await;
    let page = editor.get("/admin/chats").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("action=\"/admin/chats\""),
        "editors may open rooms"
    );
    let r = editor
        .post(
            "/admin/chats",
            &[
                ("edition", "en"),
                ("title", "Election night, live"),
                ("description", "Results as they come"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let room = id_in(r.location(), "/admin/chats/");
    assert_eq!(
        store.chat_room(room).await.unwrap().title,
        "Election night, live"
    );
    let r = editor
        .post("/admin/chats", &[("edition", "en"), ("title", " ")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"title-error\""));

    let reader = app.account(Role::Reader, "rita@example.com").await.id;
    let kept = reader_says(store, room, reader, "Turnout looks high", false).await;
    let rude = reader_says(store, room, reader, "You are all idiots", true).await;

    // A moderator sees it in the list and in the room.
    let mut moderator = app.client_as(Role::Moderator).await;
    let list = moderator.get("/admin/chats").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    assert!(list.body.contains(&format!("href=\"/admin/chats/{room}\"")));
    assert!(list.body.contains("Election night, live"));
    assert!(
        list.body.contains("href=\"/admin/chats\""),
        "in the navigation"
    );
    assert!(!list.body.contains("href=\"/admin/newsfeed\""));
    assert!(
        !list.body.contains("action=\"/admin/chats\""),
        "only editors open rooms"
    );
    let view = moderator.get(&format!("/admin/chats/{room}")).await;
    assert_eq!(view.status, StatusCode::OK, "{}", view.body);
    assert!(view.body.contains("Turnout looks high"));
    assert!(view.body.contains("Rita Reader"));
    assert!(
        view.body.contains("queue-item flagged"),
        "flagged: highlighted"
    );
    assert!(view.body.contains("<mark>You are all idiots</mark>"));
    assert!(
        view.body
            .contains(&format!("action=\"/admin/chats/{room}/mutes\""))
    );
    assert!(view.body.contains("action=\"/admin/chat-bans\""));
    assert!(
        view.body
            .contains(&format!("action=\"/admin/chat-messages/{kept}/delete\""))
    );

    // Room state: closed, slow mode 30 s.
    let r = moderator
        .post(
            &format!("/admin/chats/{room}/state"),
            &[("open", "closed"), ("slow_mode_seconds", "30")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let state = store.chat_room(room).await.unwrap();
    assert!(!state.open);
    assert_eq!(state.slow_mode_seconds, 30);
    let r = moderator
        .post(
            &format!("/admin/chats/{room}/state"),
            &[("open", "open"), ("slow_mode_seconds", "6000")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(store.chat_room(room).await.unwrap().slow_mode_seconds, 30);

    // Delete a message: kept, marked, struck through.
    let r = moderator
        .post(&format!("/admin/chat-messages/{rude}/delete"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        r.location()
            .starts_with(&format!("/admin/chats/{room}?done=deleted"))
    );
    assert!(store.chat_message(rude).await.unwrap().deleted_at.is_some());
    assert!(store.chat_message(kept).await.unwrap().deleted_at.is_none());
    let view = moderator.get(&format!("/admin/chats/{room}")).await;
    assert!(view.body.contains("<del class=\"comment-text\""));
    assert!(
        !view
            .body
            .contains(&format!("action=\"/admin/chat-messages/{rude}/delete\""))
    );

    // Mute in this room for 15 minutes, then lift it.
    let r = moderator
        .post(
            &format!("/admin/chats/{room}/mutes"),
            &[
                ("account_id", &reader.to_string()),
                ("minutes", "15"),
                ("reason", "Cool down"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let mute = store.active_chat_mute(room, reader).await.unwrap().unwrap();
    assert_eq!(mute.reason, "Cool down");
    let left = mute.until - Utc::now();
    assert!(
        left > Duration::minutes(14) && left <= Duration::minutes(15),
        "{left}"
    );
    let view = moderator.get(&format!("/admin/chats/{room}")).await;
    assert!(view.body.contains("muted here until"));
    assert!(
        view.body
            .contains(&format!("action=\"/admin/chats/{room}/unmute\""))
    );
    let r = moderator
        .post(
            &format!("/admin/chats/{room}/unmute"),
            &[("account_id", &reader.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        store
            .active_chat_mute(room, reader)
            .await
            .unwrap()
            .is_none()
    );

    // Ban from every chat for 7 days, then for good, then lift it.
    let r = moderator
        .post(
            "/admin/chat-bans",
            &[
                ("account_id", &reader.to_string()),
                ("days", "7"),
                ("reason", "Insults"),
                ("room", &room.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), format!("/admin/chats/{room}?done=banned"));
    let ban = store.active_chat_ban(reader).await.unwrap().unwrap();
    let left = ban.until.unwrap() - Utc::now();
    assert!(
        left > Duration::days(6) && left <= Duration::days(7),
        "{left}"
    );
    let r = moderator
        .post(
            "/admin/chat-bans",
            &[("account_id", &reader.to_string()), ("days", "forever")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        store.active_chat_ban(reader).await.unwrap().unwrap().until,
        None
    );
    let view = moderator.get(&format!("/admin/chats/{room}")).await;
    assert!(view.body.contains("banned from chats"));
    let r = moderator
        .post(
            "/admin/chat-bans/lift",
            &[
                ("account_id", &reader.to_string()),
                ("room", &room.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(store.active_chat_ban(reader).await.unwrap().is_none());

    // Bad durations are refused with the field named.
    let r = moderator
        .post(
            &format!("/admin/chats/{room}/mutes"),
            &[("account_id", &reader.to_string()), ("minutes", "0")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("minutes"));
    let r = moderator
        .post(
            "/admin/chat-bans",
            &[("account_id", &reader.to_string()), ("days", "99999")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(store.active_chat_ban(reader).await.unwrap().is_none());

    // Staff cannot be muted or banned here.
    let staff = app.account(Role::Author, "writer@example.com").await.id;
    let r = moderator
        .post(
            &format!("/admin/chats/{room}/mutes"),
            &[("account_id", &staff.to_string()), ("minutes", "15")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // A moderator does not open rooms.
    let r = moderator
        .post("/admin/chats", &[("edition", "en"), ("title", "Mine")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn authors_and_contributors_are_refused_the_chat_pages() {
    let app = TestApp::new().await;
    let store = app.store();
    let room = store
        .create_chat_room("en", "A room", "", None)
        .await
        .unwrap()
        .id;
    let reader = app.account(Role::Reader, "rita@example.com").await.id;
    let message = reader_says(store, room, reader, "Hello", false).await;
    for role in [Role::Contributor, Role::Author] {
        let mut client = app.client_as(role).await;
        for path in ["/admin/chats".to_owned(), format!("/admin/chats/{room}")] {
            let r = client.get(&path).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{role} GET {path}");
        }
        let reader_id = reader.to_string();
        for (path, fields) in [
            (
                format!("/admin/chats/{room}/mutes"),
                vec![("account_id", reader_id.as_str()), ("minutes", "15")],
            ),
            (
                "/admin/chat-bans".to_owned(),
                vec![("account_id", reader_id.as_str()), ("days", "forever")],
            ),
            (format!("/admin/chat-messages/{message}/delete"), vec![]),
            (
                format!("/admin/chats/{room}/state"),
                vec![("open", "closed"), ("slow_mode_seconds", "0")],
            ),
        ] {
            let r = client.post(&path, &fields).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{role} POST {path}");
        }
        let home = client.get("/admin").await;
        assert!(
            !home.body.contains("href=\"/admin/chats\""),
            "{role}: no menu item"
        );
    }
    assert!(
        store
            .active_chat_mute(room, reader)
            .await
            .unwrap()
            .is_none()
    );
    assert!(store.active_chat_ban(reader).await.unwrap().is_none());
    assert!(
        store
            .chat_message(message)
            .await
            .unwrap()
            .deleted_at
            .is_none()
    );
    assert!(store.chat_room(room).await.unwrap().open);
}

// ---------------------------------------------------------------------------------------
// The Admin API, on both backends.

const PG_URL_VAR: &str = "NEWSDESK_TEST_DATABASE_URL";

/// The application on one backend, with a token per staff role and a reader.
struct LiveApp {
    backend: &'static str,
    state: AppState,
    router: Router,
    tokens: Vec<(Role, String)>,
    reader: i64,
    _dir: tempfile::TempDir,
}

impl LiveApp {
    async fn new(backend: &'static str, store: Store, dir: tempfile::TempDir) -> Self {
        store.migrate().await.unwrap();
        store
            .upsert_edition(&Edition {
                code: "en".into(),
                name: "English".into(),
                direction: Direction::Ltr,
                time_zone: "Europe/London".into(),
                is_default: true,
            })
            .await
            .unwrap();
        let mut tokens = Vec::new();
        for role in [
            Role::Moderator,
            Role::Contributor,
            Role::Author,
            Role::Editor,
        ] {
            let account = store
                .create_account(
                    &format!("live-{role}@example.com"),
                    &format!("Live {role}"),
                    role,
                    "x",
                )
                .await
                .unwrap();
            let secret = newsdesk_newsroom::actions::tokens::issue(
                &store,
                &format!("live {role}"),
                role,
                Some(account.id),
            )
            .await
            .unwrap()
            .secret;
            tokens.push((role, secret));
        }
        let reader = store
            .create_account("live-reader@example.com", "Rita Reader", Role::Reader, "x")
            .await
            .unwrap()
            .id;
        let config = AppConfig::for_tests(dir.path().to_path_buf());
        let state = AppState::new(store, Bus::in_process(), MediaStore::memory(), config).unwrap();
        let router = newsdesk_server::router_with(
            state.clone(),
            newsdesk_server::Options {
                login_limits: LoginLimits::new(30, 5),
                ..Default::default()
            },
        );
        LiveApp {
            backend,
            state,
            router,
            tokens,
            reader,
            _dir: dir,
        }
    }

    fn store(&self) -> &Store {
        self.state.store()
    }

    async fn call(
        &self,
        role: Role,
        method: Method,
        uri: &str,
        body: Option<Value>,
    ) -> TestResponse {
        let token = &self.tokens.iter().find(|(r, _)| *r == role).unwrap().1;
        let mut b = Request::builder()
            .method(method)
            .uri(uri)
            .header("authorization", format!("Bearer {token}"));
        let body = match body {
            Some(json) => {
                b = b.header("content-type", "application/json");
                Body::from(json.to_string())
            }
            None => Body::empty(),
        };
        let response = self
            .router
            .clone()
            .oneshot(b.body(body).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = http_body_util::BodyExt::collect(response.into_body())
            .await
            .unwrap()
            .to_bytes();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }
}

/// A fresh schema on the test PostgreSQL server, dropped by [`PgSchema::drop`].
struct PgSchema {
    admin: PgConnection,
    schema: String,
}

impl PgSchema {
    async fn drop(mut self) {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP SCHEMA \"{}\" CASCADE",
            self.schema
        )))
        .execute(&mut self.admin)
        .await
        .unwrap();
    }
}

static SCHEMAS: AtomicU32 = AtomicU32::new(0);

/// The application on SQLite, and on PostgreSQL when it is configured.
async fn backends(name: &str) -> Vec<(LiveApp, Option<PgSchema>)> {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Store::open_sqlite(&dir.path().join("live.db"))
        .await
        .unwrap();
    let mut out = vec![(LiveApp::new("SQLite", sqlite, dir).await, None)];
    let url = match std::env::var(PG_URL_VAR) {
        Ok(url) if !url.is_empty() => url,
        _ => {
            let ci = std::env::var("CI").is_ok_and(|v| v == "true");
            assert!(!ci, "CI=true but {PG_URL_VAR} is not set");
            eprintln!("{name}: PostgreSQL half skipped ({PG_URL_VAR} is not set)");
            return out;
        }
    };
    let schema = format!(
        "live_{name}_{}_{}",
        std::process::id(),
        SCHEMAS.fetch_add(1, Ordering::Relaxed)
    );
    let mut admin = PgConnection::connect(&url).await.unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA \"{schema}\"")))
        .execute(&mut admin)
        .await
        .unwrap();
    let options = PgConnectOptions::from_str(&url)
        .unwrap()
        .options([("search_path", &schema)]);
    let pg = Store::open_postgres(options).await.unwrap();
    out.push((
        LiveApp::new("PostgreSQL", pg, tempfile::tempdir().unwrap()).await,
        Some(PgSchema { admin, schema }),
    ));
    out
}

async fn finish(app: LiveApp, pg: Option<PgSchema>) {
    app.store().close().await;
    if let Some(pg) = pg {
        pg.drop().await;
    }
}

/// The fields of the first problem of a 422.
fn problem_fields(r: &TestResponse) -> Vec<String> {
    r.json()["error"]["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["field"].as_str().map(str::to_owned))
        .collect()
}

const NEWSFEED: &str = "/api/v1/admin/newsfeed";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn newsfeed_items_through_the_api() {
    for (app, pg) in backends("items").await {
        let b = app.backend;
        let store = app.store();
        // The body the load tester and the browser test send.
        let body = json!({
            "edition": "en", "headline": "Polls have closed", "text": "Counting starts.",
            "link": "", "important": false, "breaking": false, "publish": true
        });
        let r = app
            .call(Role::Author, Method::POST, NEWSFEED, Some(body.clone()))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{b}: {}", r.body);
        let item = r.json();
        let mut keys: Vec<&str> = item
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "breaking",
                "created_at",
                "edition",
                "headline",
                "id",
                "important",
                "link",
                "published_at",
                "status",
                "text",
                "updated_at"
            ],
            "{b}"
        );
        assert_eq!(item["text"], "Counting starts.", "{b}");
        assert_eq!(item["status"], "published", "{b}");
        assert!(item["published_at"].is_string(), "{b}");
        let id = item["id"].as_i64().unwrap();
        assert_eq!(
            store.news_item(id).await.unwrap().body,
            "Counting starts.",
            "{b}"
        );
        assert!(in_feed(store, id).await, "{b}: in the feed");
        assert_eq!(item_events(store, id).await, 1, "{b}");

        // Read, list, change.
        let r = app
            .call(Role::Author, Method::GET, &format!("{NEWSFEED}/{id}"), None)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{b}: {}", r.body);
        assert_eq!(r.json()["headline"], "Polls have closed");
        let r = app
            .call(
                Role::Author,
                Method::GET,
                &format!("{NEWSFEED}?edition=en&status=published"),
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{b}: {}", r.body);
        assert!(
            r.json().as_array().unwrap().iter().any(|i| i["id"] == id),
            "{b}"
        );
        let r = app
            .call(
                Role::Author,
                Method::GET,
                &format!("{NEWSFEED}?status=draft"),
                None,
            )
            .await;
        assert!(r.json().as_array().unwrap().is_empty(), "{b}");
        let r = app
            .call(
                Role::Author,
                Method::PUT,
                &format!("{NEWSFEED}/{id}"),
                Some(json!({ "headline": "Counting under way", "text": "First results at midnight.", "important": true })),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{b}: {}", r.body);
        assert_eq!(r.json()["headline"], "Counting under way");
        assert_eq!(r.json()["important"], true);
        assert_eq!(r.json()["status"], "published");

        // Refusals.
        let r = app
            .call(
                Role::Contributor,
                Method::POST,
                NEWSFEED,
                Some(body.clone()),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}: {}", r.body);
        let r = app
            .call(Role::Contributor, Method::GET, NEWSFEED, None)
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}");
        let r = app.call(Role::Moderator, Method::GET, NEWSFEED, None).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}");
        let mut breaking = body.clone();
        breaking["breaking"] = json!(true);
        let r = app
            .call(Role::Author, Method::POST, NEWSFEED, Some(breaking.clone()))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}: {}", r.body);
        assert_eq!(r.json()["error"]["code"], "forbidden");
        let r = app
            .call(
                Role::Author,
                Method::PUT,
                &format!("{NEWSFEED}/{id}"),
                Some(json!({ "headline": "x", "breaking": true })),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}: {}", r.body);
        let r = app
            .call(Role::Editor, Method::POST, NEWSFEED, Some(breaking))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{b}: {}", r.body);
        assert_eq!(r.json()["breaking"], true);

        // Validation: 422 naming the field as the request does.
        for (change, field) in [
            (json!({ "headline": "" }), "headline"),
            (json!({ "text": "x".repeat(1001) }), "text"),
            (json!({ "link": "javascript:alert(1)" }), "link"),
            (json!({ "edition": "xx" }), "edition"),
        ] {
            let mut bad = body.clone();
            for (k, v) in change.as_object().unwrap() {
                bad[k] = v.clone();
            }
            let r = app
                .call(Role::Author, Method::POST, NEWSFEED, Some(bad))
                .await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{b} {field}: {}",
                r.body
            );
            assert_eq!(problem_fields(&r), [field], "{b}: {}", r.body);
        }
        let mut unknown = body.clone();
        unknown["body"] = json!("the draft's name for text");
        let r = app
            .call(Role::Author, Method::POST, NEWSFEED, Some(unknown))
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b}: unknown fields are refused"
        );
        let r = app
            .call(
                Role::Author,
                Method::PUT,
                &format!("{NEWSFEED}/{id}"),
                Some(json!({ "edition": "xx", "headline": "Moved" })),
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b}: {}",
            r.body
        );
        assert_eq!(problem_fields(&r), ["edition"]);

        // Unpublish, publish, delete.
        let r = app
            .call(
                Role::Author,
                Method::POST,
                &format!("{NEWSFEED}/{id}/unpublish"),
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{b}: {}", r.body);
        assert_eq!(r.json()["status"], "unpublished");
        assert!(!in_feed(store, id).await, "{b}: out of the feed");
        let r = app
            .call(
                Role::Author,
                Method::POST,
                &format!("{NEWSFEED}/{id}/publish"),
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{b}: {}", r.body);
        assert_eq!(r.json()["status"], "published");
        assert!(in_feed(store, id).await, "{b}: back in the feed");
        let r = app
            .call(
                Role::Author,
                Method::DELETE,
                &format!("{NEWSFEED}/{id}"),
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{b}: {}", r.body);
        assert!(!in_feed(store, id).await, "{b}: deleted");
        let r = app
            .call(Role::Author, Method::GET, &format!("{NEWSFEED}/{id}"), None)
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{b}");
        assert_eq!(r.json()["error"]["code"], "not_found");

        // A draft stays out of the feed.
        let mut draft = body.clone();
        draft["publish"] = json!(false);
        let r = app
            .call(Role::Author, Method::POST, NEWSFEED, Some(draft))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{b}: {}", r.body);
        assert_eq!(r.json()["status"], "draft");
        assert!(r.json()["published_at"].is_null());
        assert!(!in_feed(store, r.json()["id"].as_i64().unwrap()).await);
        finish(app, pg).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chat_moderation_through_the_api() {
    for (app, pg) in backends("chats").await {
        let b = app.backend;
        let store = app.store();
        let reader = app.reader;

        // Opening a room: editors.
        let room_body =
            json!({ "edition": "en", "title": "Election night", "description": "Live" });
        let r = app
            .call(
                Role::Moderator,
                Method::POST,
                "/api/v1/admin/chats",
                Some(room_body.clone()),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}: {}", r.body);
        let r = app
            .call(
                Role::Editor,
                Method::POST,
                "/api/v1/admin/chats",
                Some(room_body),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{b}: {}", r.body);
        let room = r.json()["id"].as_i64().unwrap();
        assert_eq!(r.json()["open"], true);
        assert!(r.json()["article_id"].is_null());
        let r = app
            .call(
                Role::Editor,
                Method::POST,
                "/api/v1/admin/chats",
                Some(json!({ "edition": "en", "title": "" })),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert_eq!(problem_fields(&r), ["title"]);

        let said = reader_says(store, room, reader, "Hello all", false).await;
        let flagged = reader_says(store, room, reader, "Buy pills at example.com", true).await;

        // The list and the messages, for a moderator.
        let r = app
            .call(
                Role::Moderator,
                Method::GET,
                "/api/v1/admin/chats?edition=en",
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{b}: {}", r.body);
        let rooms = r.json();
        let listed = rooms
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["room"]["id"] == room)
            .unwrap();
        assert_eq!(listed["messages"], 2, "{b}");
        let messages_uri = format!("/api/v1/admin/chats/{room}/messages");
        let r = app
            .call(Role::Moderator, Method::GET, &messages_uri, None)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{b}: {}", r.body);
        let list = r.json();
        assert_eq!(list[0]["id"], flagged, "{b}: newest first");
        assert_eq!(list[0]["flagged"], true);
        assert_eq!(list[1]["text"], "Hello all");
        assert_eq!(list[1]["author_id"], reader);
        let r = app
            .call(
                Role::Moderator,
                Method::GET,
                &format!("{messages_uri}?before={flagged}"),
                None,
            )
            .await;
        assert_eq!(
            r.json().as_array().unwrap().len(),
            1,
            "{b}: older than the flagged one"
        );
        let r = app
            .call(
                Role::Moderator,
                Method::GET,
                "/api/v1/admin/chats/999999/messages",
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{b}");

        // Room state.
        let state_uri = format!("/api/v1/admin/chats/{room}/state");
        let r = app
            .call(
                Role::Moderator,
                Method::PUT,
                &state_uri,
                Some(json!({ "open": false, "slow_mode_seconds": 60 })),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{b}: {}", r.body);
        assert_eq!(r.json()["slow_mode_seconds"], 60);
        let saved = store.chat_room(room).await.unwrap();
        assert!(!saved.open && saved.slow_mode_seconds == 60, "{b}");
        let r = app
            .call(
                Role::Moderator,
                Method::PUT,
                &state_uri,
                Some(json!({ "open": true, "slow_mode_seconds": 601 })),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert_eq!(problem_fields(&r), ["slow_mode_seconds"]);

        // Delete a message: kept, marked, still listed for moderators.
        let r = app
            .call(
                Role::Moderator,
                Method::DELETE,
                &format!("/api/v1/admin/chat-messages/{flagged}"),
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{b}: {}", r.body);
        assert!(
            store
                .chat_message(flagged)
                .await
                .unwrap()
                .deleted_at
                .is_some(),
            "{b}"
        );
        assert!(
            store.chat_message(said).await.unwrap().deleted_at.is_none(),
            "{b}"
        );
        let r = app
            .call(Role::Moderator, Method::GET, &messages_uri, None)
            .await;
        assert!(r.json()[0]["deleted_at"].is_string(), "{b}");

        // Mute and unmute.
        let mutes = format!("/api/v1/admin/chats/{room}/mutes");
        let r = app
            .call(
                Role::Moderator,
                Method::POST,
                &mutes,
                Some(json!({ "account_id": reader, "minutes": 60, "reason": "Spam" })),
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{b}: {}", r.body);
        let mute = store.active_chat_mute(room, reader).await.unwrap().unwrap();
        assert_eq!(mute.reason, "Spam");
        assert!(mute.until > Utc::now() + Duration::minutes(59), "{b}");
        let r = app
            .call(
                Role::Moderator,
                Method::POST,
                &mutes,
                Some(json!({ "account_id": reader, "minutes": 0 })),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert_eq!(problem_fields(&r), ["minutes"]);
        let r = app
            .call(
                Role::Moderator,
                Method::DELETE,
                &format!("{mutes}/{reader}"),
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{b}: {}", r.body);
        assert!(
            store
                .active_chat_mute(room, reader)
                .await
                .unwrap()
                .is_none(),
            "{b}"
        );
        let r = app
            .call(
                Role::Moderator,
                Method::DELETE,
                &format!("{mutes}/{reader}"),
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{b}: nothing to lift");

        // Ban and lift.
        let r = app
            .call(
                Role::Moderator,
                Method::POST,
                "/api/v1/admin/chat-bans",
                Some(json!({ "account_id": reader, "days": 1, "reason": "Insults" })),
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{b}: {}", r.body);
        let ban = store.active_chat_ban(reader).await.unwrap().unwrap();
        assert!(
            ban.until
                .is_some_and(|u| u > Utc::now() + Duration::hours(23)),
            "{b}"
        );
        let r = app
            .call(
                Role::Moderator,
                Method::POST,
                "/api/v1/admin/chat-bans",
                Some(json!({ "account_id": reader, "days": null, "reason": "" })),
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{b}: {}", r.body);
        assert_eq!(
            store.active_chat_ban(reader).await.unwrap().unwrap().until,
            None,
            "{b}: for good"
        );
        let r = app
            .call(
                Role::Moderator,
                Method::DELETE,
                &format!("/api/v1/admin/chat-bans/{reader}"),
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{b}: {}", r.body);
        assert!(
            store.active_chat_ban(reader).await.unwrap().is_none(),
            "{b}"
        );

        // An author is refused all of it, and nothing changes.
        for (method, uri, body) in [
            (Method::GET, "/api/v1/admin/chats".to_owned(), None),
            (Method::GET, messages_uri.clone(), None),
            (
                Method::PUT,
                state_uri.clone(),
                Some(json!({ "open": true, "slow_mode_seconds": 0 })),
            ),
            (
                Method::DELETE,
                format!("/api/v1/admin/chat-messages/{said}"),
                None,
            ),
            (
                Method::POST,
                mutes.clone(),
                Some(json!({ "account_id": reader, "minutes": 15 })),
            ),
            (
                Method::POST,
                "/api/v1/admin/chat-bans".to_owned(),
                Some(json!({ "account_id": reader })),
            ),
        ] {
            let r = app.call(Role::Author, method.clone(), &uri, body).await;
            assert_eq!(
                r.status,
                StatusCode::FORBIDDEN,
                "{b}: author {method} {uri}: {}",
                r.body
            );
        }
        assert!(
            store.chat_message(said).await.unwrap().deleted_at.is_none(),
            "{b}"
        );
        assert!(
            store
                .active_chat_mute(room, reader)
                .await
                .unwrap()
                .is_none(),
            "{b}"
        );
        assert!(
            store.active_chat_ban(reader).await.unwrap().is_none(),
            "{b}"
        );
        assert!(!store.chat_room(room).await.unwrap().open, "{b}");
        // Staff are not muted or banned here.
        let editor = store
            .list_accounts()
            .await
            .unwrap()
            .into_iter()
            .find(|a| a.role == Role::Editor)
            .unwrap();
        let r = app
            .call(
                Role::Moderator,
                Method::POST,
                "/api/v1/admin/chat-bans",
                Some(json!({ "account_id": editor.id })),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}: {}", r.body);
        finish(app, pg).await;
    }
}

/// The admin pages' templates show what the store holds, escaped: a message with markup
/// is text in the moderator's view.
#[tokio::test]
async fn chat_messages_are_shown_as_text() {
    let app = TestApp::new().await;
    let store = app.store();
    let room = store
        .create_chat_room("en", "Room", "", None)
        .await
        .unwrap()
        .id;
    let reader = app.account(Role::Reader, "rita@example.com").await.id;
    reader_says(store, room, reader, "<script>alert(1)</script>", false).await;
    let mut moderator = app.client_as(Role::Moderator).await;
    let view = moderator.get(&format!("/admin/chats/{room}")).await;
    assert_eq!(view.status, StatusCode::OK);
    assert!(!view.body.contains("<script>alert(1)</script>"));
    assert!(unescape(&view.body).contains("<script>alert(1)</script>"));
}
