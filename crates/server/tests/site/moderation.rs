//! Moderation through the assembled router: the rules a comment meets (pre-moderated
//! sections, new readers, word lists in each demo language, links, repeats, closed
//! discussions, bans), the queues a moderator works through the Admin API, and the count
//! on the cached pages following what readers can see.
#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use http::{Request, StatusCode};
use newsdesk_core::Role;
use serde_json::{Value, json};

use crate::readers::{Browser, confirmed_reader};
use crate::support::{TestApp, TestResponse};

fn json_of(r: &TestResponse) -> Value {
    serde_json::from_slice(&r.bytes).unwrap_or_else(|_| panic!("JSON: {}", r.text()))
}

/// A reader's browser with the session's CSRF token.
struct Writer {
    b: Browser,
    csrf: String,
}

impl Writer {
    /// A confirmed reader whose comments meet no rate limit (the rules are under test,
    /// not the limits, which `comments.rs` tests).
    async fn new(app: &TestApp, email: &str) -> Self {
        let limits = newsdesk_auth::ReaderLimits {
            comment: newsdesk_auth::ActionLimit::new(
                1000,
                std::time::Duration::from_millis(1),
                1000,
                std::time::Duration::from_millis(1),
            ),
            ..Default::default()
        };
        let mut b = confirmed_reader(app, email).await.with_limits(app, limits);
        let me = b.get("/api/v1/reader").await;
        let csrf = json_of(&me)["csrf"].as_str().unwrap().to_owned();
        Writer { b, csrf }
    }

    async fn post(&mut self, article: i64, body: &str) -> TestResponse {
        self.b
            .send(
                Request::post(format!("/api/v1/articles/{article}/comments"))
                    .header("content-type", "application/json")
                    .header("x-csrf-token", &self.csrf),
                json!({ "body": body }).to_string(),
            )
            .await
    }
}

/// A staff member of `role` calling the Admin API with a Bearer token.
struct Staff {
    b: Browser,
    token: String,
}

impl Staff {
    async fn new(app: &TestApp, role: Role) -> Self {
        let account = app
            .store()
            .create_account(&format!("{role}@example.com"), "Staff", role, "x")
            .await
            .unwrap();
        let created =
            newsdesk_newsroom::actions::tokens::issue(app.store(), "t", role, Some(account.id))
                .await
                .unwrap();
        Staff {
            b: Browser::new(app, Default::default()),
            token: created.secret,
        }
    }

    async fn call(&mut self, method: &str, uri: &str, body: Option<Value>) -> TestResponse {
        let mut request = Request::builder()
            .method(method)
            .uri(uri)
            .header("authorization", format!("Bearer {}", self.token));
        if body.is_some() {
            request = request.header("content-type", "application/json");
        }
        self.b
            .send(request, body.map(|b| b.to_string()).unwrap_or_default())
            .await
    }

    async fn rules(&mut self, edition: &str, patch: Value) -> TestResponse {
        let mut rules = json_of(
            &self
                .call("GET", &format!("/api/v1/admin/moderation/{edition}"), None)
                .await,
        );
        for (k, v) in patch.as_object().unwrap() {
            rules[k] = v.clone();
        }
        self.call(
            "PUT",
            &format!("/api/v1/admin/moderation/{edition}"),
            Some(rules),
        )
        .await
    }
}

async fn thread(app: &TestApp, article: i64) -> Value {
    let r = app
        .get(&format!("/api/v1/articles/{article}/comments"))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    json_of(&r)
}

/// What the page-cache consumer of every instance does with the outbox's events (the
/// served binary runs it in the background; here it runs now, so the test need not wait).
async fn follow_outbox(app: &TestApp) {
    for event in app.store().events_after(0, 1000).await.unwrap() {
        app.written(event).await;
    }
}

#[tokio::test]
async fn a_pre_moderated_comment_waits_for_a_moderator_and_the_count_follows() {
    let app = TestApp::new().await;
    let article = app.fx.lead.clone();
    let mut editor = Staff::new(&app, Role::Editor).await;
    let section = article.section_id.unwrap();
    let r = editor
        .rules("en", json!({ "premoderated_sections": [section] }))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(json_of(&r)["premoderated_sections"], json!([section]));

    // The cached page and a card of the article say there is no comment yet.
    let page = app.get(&article.path()).await;
    assert!(
        page.text().contains("No comments yet"),
        "the count on the page"
    );
    let before = page.text();

    let mut ann = Writer::new(&app, "ann@example.com").await;
    let r = ann
        .post(article.id, "My view, for the moderators first")
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let posted = json_of(&r);
    assert_eq!(posted["status"], "pending");
    assert_eq!(posted["reason"], "awaiting moderation");
    assert_eq!(thread(&app, article.id).await["count"], 0);
    let mine = ann
        .b
        .get(&format!("/api/v1/reader/comments?article={}", article.id))
        .await;
    assert_eq!(json_of(&mine).as_array().unwrap().len(), 1);

    // A moderator sees it in the queue with its reason and approves it.
    let mut moderator = Staff::new(&app, Role::Moderator).await;
    let q = json_of(
        &moderator
            .call("GET", "/api/v1/admin/comments?queue=pending", None)
            .await,
    );
    assert_eq!(q["counts"]["pending"], 1);
    assert_eq!(q["items"][0]["comment"]["reason"], "pre-moderated section");
    let id = q["items"][0]["comment"]["id"].as_i64().unwrap();
    let r = moderator
        .call(
            "POST",
            &format!("/api/v1/admin/comments/{id}/approve"),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let t = thread(&app, article.id).await;
    assert_eq!(t["count"], 1);
    assert_eq!(t["items"][0]["comment"]["id"], id);

    // The count on the cached article page changes once the outbox is followed.
    follow_outbox(&app).await;
    let after = app.get(&article.path()).await.text();
    assert_ne!(before, after, "the page was dropped and rendered again");
    assert!(after.contains("One comment"), "the new count on the page");

    // A moderator cannot write or publish, and the audit log kept the decision.
    let r = moderator.call("GET", "/api/v1/admin/articles", None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let audit = app.store().list_audit(20, 0).await.unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.action == "comment.approve" && e.target == format!("comment:{id}"))
    );
    assert!(audit.iter().any(|e| e.action == "section.premoderation"));
}

#[tokio::test]
async fn rejection_tells_the_author_why_and_nobody_else() {
    let app = TestApp::new().await;
    let article = app.fx.lead.id;
    let mut editor = Staff::new(&app, Role::Editor).await;
    editor.rules("en", json!({ "trust_after": 1 })).await;
    let mut bob = Writer::new(&app, "bob@example.com").await;
    let r = bob.post(article, "First words here").await;
    assert_eq!(json_of(&r)["status"], "pending", "a new reader waits");
    let id = json_of(&r)["id"].as_i64().unwrap();
    let q = json_of(&editor.call("GET", "/api/v1/admin/comments", None).await);
    assert!(
        q["items"][0]["comment"]["reason"]
            .as_str()
            .unwrap()
            .starts_with("new reader")
    );
    let r = editor
        .call(
            "POST",
            &format!("/api/v1/admin/comments/{id}/reject"),
            Some(json!({ "reason": "  " })),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a reason is required"
    );
    let r = editor
        .call(
            "POST",
            &format!("/api/v1/admin/comments/{id}/reject"),
            Some(json!({ "reason": "Please stay on topic" })),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let mine = json_of(
        &bob.b
            .get(&format!("/api/v1/reader/comments?article={article}"))
            .await,
    );
    assert_eq!(mine[0]["status"], "rejected");
    assert_eq!(mine[0]["reason"], "Please stay on topic");
    assert_eq!(thread(&app, article).await["count"], 0);
}

#[tokio::test]
async fn word_lists_refuse_and_hold_in_english_russian_and_arabic() {
    let app = TestApp::new().await;
    let mut editor = Staff::new(&app, Role::Editor).await;
    for (edition, banned, suspect) in [
        ("en", "idiot*", "election fraud"),
        ("ru", "дурак*", "выборы"),
        ("ar", "غبي", "انتخابات"),
    ] {
        let r = editor
            .rules(
                edition,
                json!({ "banned_words": banned, "suspect_words": suspect }),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    }
    let mut cara = Writer::new(&app, "cara@example.com").await;
    let cases = [
        (app.fx.lead.id, "What IDIOTS wrote this?", Some("idiot*")),
        (
            app.fx.russian.id,
            "Какие ДУРАКИ это написали",
            Some("дурак*"),
        ),
        (app.fx.russian.id, "Ёлки, какой дурак!", Some("дурак*")),
        (app.fx.arabic.id, "هذا رأي غَبِيّ جدًا", Some("غبي")),
        (app.fx.arabic.id, "والغبي من يصدق", Some("غبي")),
    ];
    for (article, text, word) in cases {
        let r = cara.post(article, text).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{text}: {}",
            r.text()
        );
        assert!(r.text().contains(word.unwrap()), "{text}: {}", r.text());
    }
    // Whole words only: a word that merely contains the entry passes.
    let r = cara.post(app.fx.russian.id, "Дурная погода сегодня").await;
    assert_eq!(json_of(&r)["status"], "visible", "{}", r.text());
    for (article, text) in [
        (app.fx.lead.id, "Was there Election\nfraud, really?"),
        (app.fx.russian.id, "Скоро выборы."),
        (app.fx.arabic.id, "الانتخابات قادمة"),
    ] {
        let r = cara.post(article, text).await;
        assert_eq!(r.status, StatusCode::CREATED, "{text}: {}", r.text());
        assert_eq!(json_of(&r)["status"], "held", "{text}");
    }
    let q = json_of(
        &editor
            .call("GET", "/api/v1/admin/comments?queue=held&edition=ar", None)
            .await,
    );
    assert_eq!(q["items"][0]["comment"]["reason"], "suspect word: انتخابات");

    // An edit passes the same lists.
    let r = cara.post(app.fx.lead.id, "A clean comment").await;
    let id = json_of(&r)["id"].as_i64().unwrap();
    let r = cara
        .b
        .send(
            Request::patch(format!("/api/v1/comments/{id}"))
                .header("content-type", "application/json")
                .header("x-csrf-token", &cara.csrf),
            json!({ "body": "An idiot edit" }).to_string(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
}

#[tokio::test]
async fn links_repeats_and_new_accounts_are_held() {
    let app = TestApp::new().await;
    let article = app.fx.lead.id;
    let mut dan = Writer::new(&app, "dan@example.com").await;
    let r = dan
        .post(
            article,
            "https://a.example https://b.example https://c.example",
        )
        .await;
    assert_eq!(json_of(&r)["status"], "held");
    let r = dan.post(article, "Say it once").await;
    assert_eq!(json_of(&r)["status"], "visible");
    let r = dan.post(article, "Say it once").await;
    assert_eq!(json_of(&r)["status"], "held", "the same text again");
    let mut editor = Staff::new(&app, Role::Editor).await;
    editor
        .rules("en", json!({ "new_account_minutes": 60 }))
        .await;
    let r = dan.post(article, "Something new").await;
    assert_eq!(json_of(&r)["status"], "held", "an account of minutes");
    let q = json_of(
        &editor
            .call("GET", "/api/v1/admin/comments?queue=held", None)
            .await,
    );
    let reasons: Vec<&str> = q["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["comment"]["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        [
            "3 links",
            "the same text posted again",
            "account younger than 60 minutes"
        ]
    );
}

#[tokio::test]
async fn closed_discussions_and_banned_readers_cannot_post() {
    let app = TestApp::new().await;
    let article = app.fx.lead.id;
    let mut eve = Writer::new(&app, "eve@example.com").await;
    let mut moderator = Staff::new(&app, Role::Moderator).await;
    let r = moderator
        .call(
            "PUT",
            &format!("/api/v1/admin/articles/{article}/discussion"),
            Some(json!({ "closed": true })),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    assert_eq!(thread(&app, article).await["open"], false);
    let r = eve.post(article, "Too late?").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.text().contains("closed"), "{}", r.text());
    moderator
        .call(
            "PUT",
            &format!("/api/v1/admin/articles/{article}/discussion"),
            Some(json!({ "closed": false })),
        )
        .await;
    assert_eq!(thread(&app, article).await["open"], true);

    // Automatic closing, per edition: the fixture is days old.
    let mut editor = Staff::new(&app, Role::Editor).await;
    editor.rules("en", json!({ "close_after_days": 1 })).await;
    assert_eq!(thread(&app, article).await["open"], false);
    assert_eq!(
        eve.post(article, "Closed by age").await.status,
        StatusCode::FORBIDDEN
    );
    editor.rules("en", json!({ "close_after_days": 0 })).await;

    let eve_id = app
        .store()
        .account_by_email("eve@example.com")
        .await
        .unwrap()
        .0
        .id;
    let until = (chrono::Utc::now() + chrono::Duration::days(3)).to_rfc3339();
    let r = moderator
        .call(
            "PUT",
            &format!("/api/v1/admin/readers/{eve_id}/ban"),
            Some(json!({ "until": until, "reason": "insults" })),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let r = eve.post(article, "Let me in").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(
        r.text().contains("suspended") && r.text().contains("insults"),
        "{}",
        r.text()
    );
    let r = moderator
        .call(
            "DELETE",
            &format!("/api/v1/admin/readers/{eve_id}/ban"),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        eve.post(article, "Back again").await.status,
        StatusCode::CREATED
    );

    // Staff are not readers: a moderator cannot ban an editor.
    let staff_id = app
        .store()
        .account_by_email("moderator@example.com")
        .await
        .unwrap()
        .0
        .id;
    let r = moderator
        .call(
            "PUT",
            &format!("/api/v1/admin/readers/{staff_id}/ban"),
            Some(json!({})),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let audit = app.store().list_audit(50, 0).await.unwrap();
    for action in [
        "discussion.close",
        "discussion.reopen",
        "reader.suspend",
        "reader.unban",
        "moderation.settings",
    ] {
        assert!(
            audit.iter().any(|e| e.action == action),
            "{action} in the audit log"
        );
    }
}

#[tokio::test]
async fn the_front_page_card_counts_what_readers_see() {
    let app = TestApp::new().await;
    let front = app.get("/en").await;
    assert_eq!(front.status, StatusCode::OK);
    assert!(
        !front.text().contains("card__comments"),
        "no count before any comment"
    );
    let mut fay = Writer::new(&app, "fay@example.com").await;
    for text in ["One", "Two"] {
        assert_eq!(
            fay.post(app.fx.lead.id, text).await.status,
            StatusCode::CREATED
        );
    }
    follow_outbox(&app).await;
    let front = app.get("/en").await.text();
    let card = front
        .find(&format!("#discussion-{}", app.fx.lead.id))
        .map(|at| &front[at..at + 400])
        .unwrap_or_else(|| panic!("a count on the lead's card"));
    assert!(
        card.contains(">2</a>") || card.contains("</svg>2"),
        "{card}"
    );
}
