//! Writing and publishing: who may publish what, optimistic locking, scheduling, preview
//! with entity notes, and the audit trail.

use chrono::{Duration, Utc};
use http::StatusCode;
use newsdesk_app::jobs::scheduled as jobs;
use newsdesk_core::{ArticleStatus, Role};

use crate::support::{TestApp, unescape};

async fn status(app: &TestApp, id: i64) -> ArticleStatus {
    app.store().get_article(id).await.unwrap().status
}

#[tokio::test]
async fn a_contributor_writes_drafts_but_cannot_publish() {
    let app = TestApp::new().await;
    let mut contributor = app.client_as(Role::Contributor).await;
    let created = contributor
        .post(
            "/admin/articles/new",
            &[
                ("edition", "en"),
                ("headline", "Council votes on budget"),
                ("body", "Text."),
                ("then", "save"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let id: i64 = created
        .location()
        .trim_start_matches("/admin/articles/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(status(&app, id).await, ArticleStatus::Draft);

    let refused = contributor
        .post(&format!("/admin/articles/{id}/publish"), &[])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(
        refused.body.contains("contributors cannot publish"),
        "{}",
        refused.body
    );
    // Save-and-publish is refused before anything is saved.
    let version = app.store().get_article(id).await.unwrap().version;
    let v = version.to_string();
    let both = contributor
        .post(
            &format!("/admin/articles/{id}"),
            &[
                ("headline", "Changed"),
                ("version", &v),
                ("then", "publish"),
            ],
        )
        .await;
    assert_eq!(both.status, StatusCode::FORBIDDEN);
    let article = app.store().get_article(id).await.unwrap();
    assert_eq!(
        (article.status, article.version, article.headline.as_str()),
        (ArticleStatus::Draft, version, "Council votes on budget")
    );
    assert!(
        app.store()
            .list_audit(10, 0)
            .await
            .unwrap()
            .iter()
            .all(|e| e.action != "article.publish")
    );

    // The editor page offers no publish button to a contributor.
    let page = contributor.get(&format!("/admin/articles/{id}")).await;
    assert!(!page.body.contains("Publish now") && !page.body.contains("Save and publish"));
}

#[tokio::test]
async fn an_author_publishes_their_own_articles_only() {
    let app = TestApp::new().await;
    let mut author = app.client_as(Role::Author).await;
    let me = author.account.clone().unwrap();
    let mine = app.draft(&me, "My story").await;
    let other_owner = app.account(Role::Author, "other@example.com").await;
    let theirs = app.draft(&other_owner, "Their story").await;

    let ok = author
        .post(&format!("/admin/articles/{}/publish", mine.id), &[])
        .await;
    assert_eq!(
        ok.location(),
        format!("/admin/articles/{}?done=published", mine.id)
    );
    assert_eq!(status(&app, mine.id).await, ArticleStatus::Published);

    let refused = author
        .post(&format!("/admin/articles/{}/publish", theirs.id), &[])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.body.contains("only their own"));
    assert_eq!(status(&app, theirs.id).await, ArticleStatus::Draft);
    // Nor may they edit someone else's article.
    let v = theirs.version.to_string();
    let edit = author
        .post(
            &format!("/admin/articles/{}", theirs.id),
            &[("headline", "Hijacked"), ("version", &v)],
        )
        .await;
    assert_eq!(edit.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_editor_publishes_and_unpublishes_anyones_article_and_it_is_audited() {
    let app = TestApp::new().await;
    let owner = app.account(Role::Contributor, "c@example.com").await;
    let article = app.draft(&owner, "Contributor's story").await;
    let mut editor = app.client_as(Role::Editor).await;

    assert_eq!(
        editor
            .post(&format!("/admin/articles/{}/publish", article.id), &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(status(&app, article.id).await, ArticleStatus::Published);
    // The public page shows it.
    let path = app.store().get_article(article.id).await.unwrap().path();
    assert_eq!(editor.get(&path).await.status, StatusCode::OK);

    let r = editor
        .post(
            &format!("/admin/articles/{}/correct", article.id),
            &[("text", "An earlier version misspelled the mayor's name.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.store()
            .list_corrections(article.id)
            .await
            .unwrap()
            .len(),
        1
    );

    assert_eq!(
        editor
            .post(&format!("/admin/articles/{}/unpublish", article.id), &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(status(&app, article.id).await, ArticleStatus::Unpublished);
    assert_eq!(editor.get(&path).await.status, StatusCode::GONE);

    assert_eq!(
        editor
            .post(&format!("/admin/articles/{}/delete", article.id), &[])
            .await
            .location(),
        "/admin/articles?done=deleted"
    );
    assert!(app.store().get_article(article.id).await.is_err());

    let editor_id = editor.account.as_ref().unwrap().id;
    let audit = app.store().list_audit(20, 0).await.unwrap();
    for action in [
        "article.publish",
        "article.correct",
        "article.unpublish",
        "article.delete",
    ] {
        let entry = audit
            .iter()
            .find(|e| e.action == action)
            .unwrap_or_else(|| panic!("{action} not audited"));
        assert_eq!(entry.actor, Some(editor_id));
        assert_eq!(entry.target, format!("article:{}", article.id));
    }
    // Admins read it on the audit page.
    let mut admin = app.client_as(Role::Admin).await;
    let page = admin.get("/admin/audit").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("article.unpublish") && page.body.contains("Contributor&#x27;s story"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn a_stale_save_is_refused_and_keeps_the_text_typed() {
    let app = TestApp::new().await;
    let owner = app.account(Role::Editor, "owner@example.com").await;
    let article = app.draft(&owner, "Original headline").await;
    let mut first = app.client_as(Role::Editor).await;
    let mut second = app.client_as(Role::Editor).await;
    let v = article.version.to_string();

    let saved = first
        .post(
            &format!("/admin/articles/{}", article.id),
            &[
                ("headline", "First editor's headline"),
                ("body", "First body."),
                ("version", &v),
            ],
        )
        .await;
    assert_eq!(
        saved.location(),
        format!("/admin/articles/{}?done=saved", article.id)
    );

    let stale = second
        .post(
            &format!("/admin/articles/{}", article.id),
            &[
                ("headline", "Second editor's headline"),
                ("body", "My careful paragraph."),
                ("version", &v),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.body.contains("someone else saved this article"));
    assert!(
        stale.body.contains("Second editor&#x27;s headline")
            && stale.body.contains("My careful paragraph."),
        "typed text lost"
    );
    let now = app.store().get_article(article.id).await.unwrap();
    assert_eq!(now.headline, "First editor's headline");
    // The form now carries the current version: saving again is a deliberate overwrite.
    assert!(
        stale
            .body
            .contains(&format!("name=\"version\" value=\"{}\"", now.version))
    );
}

#[tokio::test]
async fn a_scheduled_article_publishes_itself_even_after_a_restart() {
    let app = TestApp::new().await;
    let mut author = app.client_as(Role::Author).await;
    let article = app
        .draft(author.account.as_ref().unwrap(), "Embargoed report")
        .await;
    // The form's time is read in the edition's zone (London).
    let when = (Utc::now() + Duration::hours(2)).with_timezone(&chrono_tz::Europe::London);
    let local = when.format("%Y-%m-%dT%H:%M").to_string();
    let r = author
        .post(
            &format!("/admin/articles/{}/schedule", article.id),
            &[("publish_at", &local)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let scheduled = app.store().get_article(article.id).await.unwrap();
    assert_eq!(scheduled.status, ArticleStatus::Scheduled);
    assert_eq!(
        scheduled.published_at.unwrap().format("%H:%M").to_string(),
        when.with_timezone(&Utc).format("%H:%M").to_string()
    );

    // A time in the past is refused with a clear message.
    let past = author
        .post(
            &format!("/admin/articles/{}/schedule", article.id),
            &[("publish_at", "2020-01-01T10:00")],
        )
        .await;
    assert_eq!(past.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(past.body.contains("must be in the future"));

    assert_eq!(jobs::run_due_now(&app.state).await.unwrap(), 0);
    // "Restart": a fresh application over the same database finds the schedule there.
    let restarted = newsdesk_site::AppState::new(
        app.store().clone(),
        newsdesk_bus::Bus::in_process(),
        newsdesk_media::MediaStore::memory(),
        app.state.config().clone(),
    )
    .unwrap();
    assert_eq!(
        jobs::run_due_at(&restarted, Utc::now() + Duration::hours(3))
            .await
            .unwrap(),
        1
    );
    assert_eq!(status(&app, article.id).await, ArticleStatus::Published);
    assert_eq!(
        jobs::run_due_at(&restarted, Utc::now() + Duration::hours(3))
            .await
            .unwrap(),
        0,
        "published once"
    );
    let audit = app.store().list_audit(10, 0).await.unwrap();
    assert!(audit.iter().any(|e| e.action == "article.schedule"));
    assert!(audit.iter().any(|e| e.action == "article.publish"
        && e.actor.is_none()
        && e.details["scheduled"] == true));
}

#[tokio::test]
async fn the_preview_uses_the_public_template_with_entity_notes() {
    let app = TestApp::new().await;
    let mut editor = app.client_as(Role::Editor).await;
    let r = editor
        .post(
            "/admin/entities",
            &[
                ("name", "Acme Holdings"),
                ("aliases", "Acme"),
                ("note_en", "Acme Holdings is listed as a foreign agent."),
            ],
        )
        .await;
    assert_eq!(r.location(), "/admin/entities?done=updated", "{}", r.body);

    let preview = editor
        .post(
            "/admin/preview",
            &[
                ("edition", "en"),
                ("headline", "Unsaved headline"),
                ("body", "Acme Holdings said nothing."),
            ],
        )
        .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(preview.body.contains("Unsaved headline"));
    assert!(
        preview.body.contains("listed as a foreign agent"),
        "entity note missing: {}",
        preview.body
    );
    assert!(
        preview
            .header("content-security-policy")
            .contains("frame-ancestors 'self'")
    );
    // Nothing was written.
    assert_eq!(
        app.store()
            .count_articles(&newsdesk_store::ArticleQuery {
                any_status: true,
                ..Default::default()
            })
            .await
            .unwrap(),
        0
    );

    // The saved article's preview, too.
    let article = app
        .draft(editor.account.as_ref().unwrap(), "Saved about Acme")
        .await;
    let saved = editor
        .get(&format!("/admin/articles/{}/preview", article.id))
        .await;
    assert_eq!(saved.status, StatusCode::OK);
    assert!(saved.body.contains("Saved about Acme"));
}

#[tokio::test]
async fn save_and_publish_from_the_editor_and_find_it_in_the_list() {
    let app = TestApp::new().await;
    let mut author = app.client_as(Role::Author).await;
    let section = app.desk.section("en").to_string();
    let byline = app.desk.author.to_string();
    let r = author
        .post(
            "/admin/articles/new",
            &[
                ("edition", "en"),
                ("headline", "Harbour bridge reopens"),
                ("lead", "After two years."),
                ("body", "Traffic flows again."),
                ("section_id", &section),
                ("author_ids", &byline),
                ("in_newsfeed", "on"),
                ("then", "publish"),
            ],
        )
        .await;
    assert!(r.location().ends_with("?done=published"), "{r:?}");
    let list = author
        .get("/admin/articles?q=harbour&status=published&edition=en")
        .await;
    assert!(list.body.contains("Harbour bridge reopens"));
    let none = author.get("/admin/articles?q=harbour&status=draft").await;
    assert!(!none.body.contains("Harbour bridge reopens"));

    // The related-card picker finds it by headline.
    let found = author
        .get_json("/admin/search/articles?q=bridge&edition=en")
        .await
        .json();
    assert_eq!(found[0]["headline"], "Harbour bridge reopens");
    let page = author.get(r.location()).await;
    assert!(unescape(&page.body).contains("Published."));
}

#[tokio::test]
async fn invalid_input_is_shown_next_to_the_fields_and_kept() {
    let app = TestApp::new().await;
    let mut author = app.client_as(Role::Author).await;
    let r = author
        .post(
            "/admin/articles/new",
            &[
                ("edition", "en"),
                ("headline", ""),
                ("body", "Keep me."),
                ("slug", "Not A Slug"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("must not be empty") && r.body.contains("lowercase letters"));
    assert!(r.body.contains("Keep me."));
}
