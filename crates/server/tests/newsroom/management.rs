//! Sections, tags, authors, entity notes, staff and API tokens.

use http::StatusCode;
use newsdesk_core::Role;

use crate::support::{TestApp, unescape};

#[tokio::test]
async fn editors_manage_sections_and_tags() {
    let app = TestApp::new().await;
    let mut editor = app.client_as(Role::Editor).await;
    assert_eq!(
        editor
            .post(
                "/admin/sections",
                &[("edition", "en"), ("name", "Local News")]
            )
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let section = app
        .store()
        .section_by_slug("en", "local-news")
        .await
        .unwrap();
    let dup = editor
        .post(
            "/admin/sections",
            &[("edition", "en"), ("name", "Local News")],
        )
        .await;
    assert_eq!(dup.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(dup.body.contains("already taken"), "{}", dup.body);

    let r = editor
        .post(
            &format!("/admin/sections/{}", section.id),
            &[("name", "Local"), ("slug", "local"), ("position", "2")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.store().get_section(section.id).await.unwrap().slug,
        "local"
    );
    assert_eq!(
        editor
            .post(&format!("/admin/sections/{}/delete", section.id), &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let left: Vec<i64> = app
        .store()
        .list_sections("en")
        .await
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(
        left,
        [app.desk.section("en")],
        "only the fixture section is left"
    );

    assert_eq!(
        editor
            .post(
                "/admin/tags",
                &[("edition", "ru"), ("name", "Выборы"), ("slug", "vybory")]
            )
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let page = editor.get("/admin/tags?edition=ru").await;
    assert!(page.body.contains("Выборы"));
}

#[tokio::test]
async fn admins_invite_change_roles_and_manage_tokens() {
    let app = TestApp::new().await;
    let mut admin = app.client_as(Role::Admin).await;
    let author = app.account(Role::Author, "au@example.com").await;

    let r = admin
        .post(
            &format!("/admin/staff/{}/role", author.id),
            &[("role", "editor")],
        )
        .await;
    assert_eq!(r.location(), "/admin/staff?done=role");
    assert_eq!(
        app.store().get_account(author.id).await.unwrap().role,
        Role::Editor
    );
    let audit = app.store().list_audit(10, 0).await.unwrap();
    let entry = audit.iter().find(|e| e.action == "account.role").unwrap();
    assert_eq!(
        (entry.details["from"].as_str(), entry.details["to"].as_str()),
        (Some("author"), Some("editor"))
    );

    // Admins cannot lock themselves out.
    let me = admin.account.as_ref().unwrap().id;
    assert_eq!(
        admin
            .post(
                &format!("/admin/staff/{me}/role"),
                &[("role", "contributor")]
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    let created = admin
        .post(
            "/admin/tokens",
            &[("name", "wire importer"), ("role", "editor")],
        )
        .await;
    assert_eq!(created.status, StatusCode::OK);
    let body = unescape(&created.body);
    let start = body.find("value=\"nd_").unwrap() + "value=\"".len();
    let secret = body[start..].split('"').next().unwrap().to_owned();
    let token = app
        .store()
        .api_token(&newsdesk_newsroom::auth::token::hash_secret(&secret))
        .await
        .unwrap();
    assert_eq!(token.role, Role::Editor);
    // Shown once: the list page does not contain it.
    assert!(!admin.get("/admin/tokens").await.body.contains(&secret));
}

#[tokio::test]
async fn entity_notes_are_kept_per_edition() {
    let app = TestApp::new().await;
    let mut editor = app.client_as(Role::Editor).await;
    let r = editor
        .post(
            "/admin/entities",
            &[
                ("name", "Acme"),
                ("aliases", "ACME\nАкме"),
                ("note_en", "Note in English."),
                ("note_ru", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let entity = app.store().list_entities().await.unwrap().pop().unwrap();
    assert_eq!(entity.aliases, vec!["ACME".to_owned(), "Акме".to_owned()]);
    assert_eq!(
        entity.notes.len(),
        1,
        "an empty note means no asterisk in that edition"
    );
    assert_eq!(app.store().entity_notes("en").await.unwrap().len(), 1);
    assert!(app.store().entity_notes("ru").await.unwrap().is_empty());

    let r = editor
        .post(
            &format!("/admin/entities/{}", entity.id),
            &[
                ("name", "Acme"),
                ("aliases", ""),
                ("note_ru", "Примечание."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store().entity_notes("ru").await.unwrap().len(), 1);
    assert!(app.store().entity_notes("en").await.unwrap().is_empty());
}

#[tokio::test]
async fn admins_add_and_change_editions() {
    let app = TestApp::new().await;
    let mut admin = app.client_as(Role::Admin).await;
    let r = admin
        .post(
            "/admin/editions",
            &[
                ("code", "ar"),
                ("name", "العربية"),
                ("direction", "rtl"),
                ("time_zone", "Asia/Dubai"),
            ],
        )
        .await;
    assert_eq!(r.location(), "/admin/editions?done=updated", "{}", r.body);
    let ar = app.store().get_edition("ar").await.unwrap();
    assert_eq!(
        (ar.direction, ar.time_zone.as_str(), ar.is_default),
        (newsdesk_core::Direction::Rtl, "Asia/Dubai", false)
    );

    let bad = admin
        .post(
            "/admin/editions",
            &[
                ("code", "Arabic"),
                ("name", "x"),
                ("time_zone", "Mars/Base"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("BCP 47") && bad.body.contains("IANA time zone"));
    assert!(
        app.store()
            .list_audit(5, 0)
            .await
            .unwrap()
            .iter()
            .any(|e| e.action == "edition.save" && e.target == "edition:ar")
    );

    let mut editor = app.client_as(Role::Editor).await;
    assert_eq!(
        editor.get("/admin/editions").await.status,
        StatusCode::FORBIDDEN
    );
}
