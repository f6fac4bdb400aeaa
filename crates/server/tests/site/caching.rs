//! The page cache and HTTP caching: validators, surrogate keys, compression, and changes
//! showing at once despite the cache.

use std::io::Read;
use std::time::Duration;

use axum::http::StatusCode;
use newsdesk_auth::SessionKind;
use newsdesk_core::Role;
use newsdesk_store::ArticleId;

use crate::support::TestApp;

#[tokio::test]
async fn pages_carry_validators_and_answer_304_when_unchanged() {
    let app = TestApp::new().await;
    let path = app.fx.lead.path();
    let first = app.get(&path).await;
    assert_eq!(first.status, StatusCode::OK);
    let etag = first.header("etag").to_owned();
    assert!(etag.starts_with('"') && etag.len() > 10, "{etag}");
    assert!(first.header("cache-control").contains("s-maxage="));
    assert!(
        first
            .header("cache-control")
            .contains("stale-while-revalidate=")
    );
    assert!(first.header("cache-control").starts_with("public"));
    let last_modified = first.header("last-modified").to_owned();
    assert!(last_modified.ends_with("GMT"), "{last_modified}");

    let again = app.get_with(&path, &[("if-none-match", &etag)]).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.bytes.is_empty());
    assert_eq!(again.header("etag"), etag);

    let since = app
        .get_with(&path, &[("if-modified-since", &last_modified)])
        .await;
    assert_eq!(since.status, StatusCode::NOT_MODIFIED);
    let stale = app
        .get_with(&path, &[("if-none-match", "\"something-else\"")])
        .await;
    assert_eq!(stale.status, StatusCode::OK);
}

#[tokio::test]
async fn surrogate_keys_name_what_the_page_shows() {
    let app = TestApp::new().await;
    let fx = &app.fx;
    let article = app.get(&fx.lead.path()).await;
    let keys: Vec<&str> = article.header("surrogate-key").split(' ').collect();
    for expected in [
        format!("article:{}", fx.lead.id),
        "edition:en".to_owned(),
        format!("photo:{}", fx.photo),
        // The related card's article: its change must reach this page.
        format!("article:{}", fx.older.id),
    ] {
        assert!(
            keys.contains(&expected.as_str()),
            "{expected} missing from {keys:?}"
        );
    }
    // Not the lists it belongs to: a publish in the section changes the section page,
    // not this one (renames reach it through `edition:en`).
    for list in [
        format!("section:{}", fx.world),
        format!("tag:{}", fx.elections),
        format!("author:{}", fx.author),
        "newsfeed:en".to_owned(),
    ] {
        assert!(!keys.contains(&list.as_str()), "{list} in {keys:?}");
    }
    let front = app.get("/en").await;
    assert!(
        front
            .header("surrogate-key")
            .split(' ')
            .any(|k| k == "front:en")
    );
    let section = app.get("/en/section/world").await;
    assert!(
        section
            .header("surrogate-key")
            .split(' ')
            .any(|k| k == format!("section:{}", fx.world))
    );
}

#[tokio::test]
async fn compression_is_negotiated_and_decodes_to_the_same_page() {
    let app = TestApp::new().await;
    let path = app.fx.lead.path();
    let plain = app.get(&path).await;
    assert_eq!(plain.header("content-encoding"), "");
    assert_eq!(plain.header("vary"), "Accept-Encoding");

    let br = app
        .get_with(&path, &[("accept-encoding", "gzip, deflate, br")])
        .await;
    assert_eq!(br.header("content-encoding"), "br");
    let mut decoded = Vec::new();
    brotli::BrotliDecompress(&mut br.bytes.as_slice(), &mut decoded).unwrap();
    assert_eq!(decoded, plain.bytes);
    assert!(br.bytes.len() < plain.bytes.len() / 2);

    let gz = app.get_with(&path, &[("accept-encoding", "gzip")]).await;
    assert_eq!(gz.header("content-encoding"), "gzip");
    let mut gunzipped = Vec::new();
    flate2::read::GzDecoder::new(gz.bytes.as_slice())
        .read_to_end(&mut gunzipped)
        .unwrap();
    assert_eq!(gunzipped, plain.bytes);
    assert_ne!(
        gz.header("etag"),
        plain.header("etag"),
        "each encoding has its own tag"
    );
}

#[tokio::test]
async fn pages_are_served_from_the_cache_until_a_change_touches_them() {
    let app = TestApp::new().await;
    let lead = &app.fx.lead;
    assert!(
        app.get(&lead.path())
            .await
            .text()
            .contains("Parliament passes the budget")
    );
    assert!(
        app.get("/en")
            .await
            .text()
            .contains("Parliament passes the budget")
    );

    let mut draft = lead.draft();
    draft.headline = "Parliament passes the budget after all-night session".into();
    draft.slug = lead.slug.clone();
    let (_, event) = app
        .store()
        .update_article(ArticleId(lead.id), lead.version, &draft, None)
        .await
        .unwrap();

    // Written but not yet announced: the cached pages still show the old headline, which
    // proves they come from the cache.
    assert!(
        !app.get(&lead.path())
            .await
            .text()
            .contains("all-night session")
    );
    // A staff member with a live session never gets the shared copy, nor may a CDN keep
    // theirs.
    let token = staff_session(&app).await;
    let personal = app
        .get_with(
            &lead.path(),
            &[("cookie", &format!("theme=dark; nd_session={token}"))],
        )
        .await;
    assert!(personal.text().contains("all-night session"));
    assert_eq!(personal.header("cache-control"), "private, no-cache");
    // Any other cookie, a made-up session among them, gets the shared copy.
    for cookie in [
        "nd_session=x".to_owned(),
        "nd_session=abc".to_owned(),
        format!("nd_session={}", "A".repeat(43)),
        format!("nd_session={}", "x".repeat(5000)),
        format!("nd_reader={}", reader_session(&app).await),
        "theme=dark".to_owned(),
    ] {
        let shared = app.get_with(&lead.path(), &[("cookie", &cookie)]).await;
        assert_eq!(shared.status, StatusCode::OK, "{cookie}");
        assert!(
            !shared.text().contains("all-night session"),
            "{cookie} was served a render, not the cached page"
        );
        assert!(
            shared.header("cache-control").starts_with("public"),
            "{cookie}"
        );
    }

    app.written(event).await;
    assert!(
        app.get(&lead.path())
            .await
            .text()
            .contains("all-night session"),
        "article page"
    );
    assert!(
        app.get("/en").await.text().contains("all-night session"),
        "front page"
    );
    assert!(
        app.get("/en/section/world")
            .await
            .text()
            .contains("all-night session"),
        "section page"
    );
}

/// The cookie token of a new staff member's live session.
async fn staff_session(app: &TestApp) -> String {
    session_of(app, SessionKind::Staff, Role::Contributor, "staff").await
}

/// The cookie token of a new reader's live session.
async fn reader_session(app: &TestApp) -> String {
    session_of(app, SessionKind::Reader, Role::Reader, "reader").await
}

#[expect(clippy::unwrap_used, reason = "a fixture failing fails the test")]
async fn session_of(app: &TestApp, kind: SessionKind, role: Role, who: &str) -> String {
    let n = app.store().list_accounts().await.unwrap().len();
    let account = app
        .store()
        .create_account(&format!("{who}{n}@example.com"), who, role, "not-a-hash")
        .await
        .unwrap();
    newsdesk_auth::session::start(app.store(), kind, &account)
        .await
        .unwrap()
        .token
}

#[tokio::test]
async fn only_a_live_staff_session_skips_the_cache() {
    let app = TestApp::new().await;
    let path = app.fx.lead.path();
    app.get(&path).await;
    let mut draft = app.fx.lead.draft();
    draft.headline = "Rendered again".into();
    app.store()
        .update_article(ArticleId(app.fx.lead.id), app.fx.lead.version, &draft, None)
        .await
        .unwrap();
    // Not yet announced: only a render shows the new headline.
    let token = staff_session(&app).await;
    let staff = app
        .get_with(&path, &[("cookie", &format!("nd_session={token}"))])
        .await;
    assert!(
        staff.text().contains("Rendered again"),
        "a live staff session renders"
    );
    assert!(staff.headers.get("set-cookie").is_none());
    let ended = newsdesk_auth::token::hash_secret(&token);
    app.store().delete_session(&ended).await.unwrap();
    for _ in 0..3 {
        let after = app
            .get_with(&path, &[("cookie", &format!("nd_session={token}"))])
            .await;
        assert!(
            !after.text().contains("Rendered again"),
            "an ended session gets the shared page"
        );
    }
}

#[tokio::test]
async fn a_change_in_one_edition_keeps_the_others_cached() {
    let app = TestApp::new().await;
    app.get("/ru").await;
    app.get("/en").await;
    let (_, event) = app
        .store()
        .add_correction(app.fx.lead.id, "Fixed a name.", None)
        .await
        .unwrap();
    app.written(event).await;
    let cache = app.state.cache();
    assert!(
        cache.get("/en").is_none(),
        "the English front page is out of date"
    );
    assert!(cache.get("/ru").is_some(), "the Russian one is not");
}

#[tokio::test]
async fn changes_made_by_another_instance_arrive_through_the_bus_and_the_outbox() {
    let app = TestApp::new().await;
    let background = newsdesk_server::start_background(&app.state);
    let lead = &app.fx.lead;
    app.get("/en").await;

    // Another instance's write reaches this one over the bus.
    let mut draft = lead.draft();
    draft.headline = "Budget passes, bus says".into();
    let (updated, event) = app
        .store()
        .update_article(ArticleId(lead.id), lead.version, &draft, None)
        .await
        .unwrap();
    app.state.bus().publish(&event).await.unwrap();
    assert!(
        eventually(&app, "/en", "Budget passes, bus says").await,
        "bus-driven invalidation"
    );

    // Its bus message lost: the outbox poll still brings the change.
    draft.headline = "Budget passes, outbox says".into();
    app.store()
        .update_article(ArticleId(lead.id), updated.version, &draft, None)
        .await
        .unwrap();
    assert!(
        eventually(&app, "/en", "Budget passes, outbox says").await,
        "outbox-driven invalidation"
    );
    background.shutdown(std::time::Duration::from_secs(5)).await;
}

/// Polls `path` until it shows `text`, for at most three outbox poll periods.
async fn eventually(app: &TestApp, path: &str, text: &str) -> bool {
    for _ in 0..60 {
        if app.get(path).await.text().contains(text) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

#[tokio::test]
async fn renamed_sections_and_recaptioned_photos_show_at_once() {
    let app = TestApp::new().await;
    let path = app.fx.lead.path();
    assert!(app.get(&path).await.text().contains(">World</a>"));
    let seq = app.store().latest_event_seq().await.unwrap();

    let mut world = app.store().get_section(app.fx.world).await.unwrap();
    world.name = "Global".into();
    app.store().update_section(&world).await.unwrap();
    let photo = app.store().get_photo(app.fx.photo).await.unwrap();
    let text = newsdesk_store::PhotoText {
        caption: "Queues stretched around the block in Leeds".into(),
        alt_text: photo.alt_text.clone(),
        credit: photo.credit.clone(),
        copyright_notice: photo.copyright_notice.clone(),
        copyright_year: photo.copyright_year,
    };
    app.store()
        .update_photo_text(app.fx.photo, &text)
        .await
        .unwrap();
    // What the newsroom does after such writes: hand the outbox events to `after_write`.
    for event in app.store().events_after(seq, 100).await.unwrap() {
        app.written(event).await;
    }

    let html = app.get(&path).await.text();
    assert!(
        html.contains(">Global</a>"),
        "section renamed on the article page"
    );
    assert!(
        html.contains("Queues stretched around the block in Leeds"),
        "new caption"
    );
    assert!(app.get("/ru").await.status.is_success());
}
