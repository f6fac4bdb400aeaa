//! Messages that say what happened (#18): "Save and publish" whose publish is refused
//! says the draft was saved and why it was not published, linking the photo without alt
//! text; a photo delete refused because articles use it names and links them. Neither
//! says "Not saved" or points at highlighted fields that are not there.

use newsdesk_core::{ArticleStatus, Credit, Role};
use newsdesk_store::{ArticleQuery, NewPhoto};

use crate::support::{TestApp, unescape};

/// A photo in the library without alt text.
async fn photo_without_alt_text(app: &TestApp) -> i64 {
    app.store()
        .create_photo(&NewPhoto {
            key: "originals/no-alt.jpg".into(),
            content_type: "image/jpeg".into(),
            width: 64,
            height: 48,
            byte_size: 1000,
            caption: "Dockers at the quay".into(),
            alt_text: String::new(),
            credit: Credit {
                agency: "Agency".into(),
                creator: "Jane Doe".into(),
            },
            copyright_notice: String::new(),
            copyright_year: None,
            uploaded_by: None,
        })
        .await
        .unwrap()
        .id
}

#[tokio::test]
async fn a_refused_publish_says_the_draft_was_saved_and_why_not_published() {
    let app = TestApp::new().await;
    let mut editor = app.client_as(Role::Editor).await;
    let photo = photo_without_alt_text(&app).await;
    let section = app.desk.section("en").to_string();
    let author = app.desk.author.to_string();
    let body = format!("The quay was quiet at dawn.\n\n::photo[{photo}]\n\nThen the ships came.");

    let r = editor
        .post(
            "/admin/articles/new",
            &[
                ("edition", "en"),
                ("headline", "Dockers return to the quay"),
                ("lead", "Work resumes after the strike."),
                ("body", &body),
                ("section_id", &section),
                ("author_ids", &author),
                ("then", "publish"),
            ],
        )
        .await;
    assert_eq!(
        r.status,
        http::StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        r.body
    );
    let html = unescape(&r.body);
    assert!(
        html.contains("Saved as a draft, but not published:"),
        "{html}"
    );
    assert!(
        html.contains(&format!("photo {photo} has no alt text")),
        "{html}"
    );
    assert!(
        html.contains(&format!("<a href=\"/admin/media/{photo}\">")),
        "a link to the photo: {html}"
    );
    assert!(!html.contains("Not saved"), "it was saved");

    // The draft holds everything typed, as a saved draft.
    let saved = app
        .store()
        .list_articles(&ArticleQuery {
            any_status: true,
            search: Some("Dockers".into()),
            limit: 10,
            ..ArticleQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(saved.len(), 1);
    let article = app.store().get_article(saved[0].id).await.unwrap();
    assert_eq!(article.status, ArticleStatus::Draft);
    assert_eq!(article.body, body);
    // The form shows the saved version, so saving again is not refused as stale.
    assert!(html.contains(&format!("name=\"version\" value=\"{}\"", article.version)));

    // Saving an existing draft with a new text, then publishing without a section:
    // the new text is saved, and the missing section is named.
    let changed = format!("{body}\n\nA late paragraph.");
    let version = article.version.to_string();
    let r = editor
        .post(
            &format!("/admin/articles/{}", article.id),
            &[
                ("headline", "Dockers return to the quay"),
                ("lead", "Work resumes after the strike."),
                ("body", &changed),
                ("author_ids", &author),
                ("version", &version),
                ("then", "publish"),
            ],
        )
        .await;
    assert_eq!(
        r.status,
        http::StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        r.body
    );
    let html = unescape(&r.body);
    assert!(
        html.contains("Saved as a draft, but not published:"),
        "{html}"
    );
    assert!(
        html.contains("Section: must be chosen before publishing"),
        "{html}"
    );
    assert!(!html.contains("Not saved"));
    let article = app.store().get_article(article.id).await.unwrap();
    assert_eq!(article.body, changed);
    assert_eq!(article.status, ArticleStatus::Draft);
}

#[tokio::test]
async fn a_refused_photo_delete_names_and_links_the_articles_that_use_it() {
    let app = TestApp::new().await;
    let mut editor = app.client_as(Role::Editor).await;
    let owner = editor.account.clone().unwrap();
    let photo = crate::api_support::photo_fixture(&app, 3).await;
    let actor = newsdesk_newsroom::Actor::from_account(&owner);
    let mut draft = app.publishable_draft("en", "Harbour at dawn");
    draft.hero_photo_id = Some(photo);
    let article = newsdesk_newsroom::actions::articles::create(&app.state, &actor, &draft)
        .await
        .unwrap();
    newsdesk_newsroom::actions::articles::publish(&app.state, &actor, article.id)
        .await
        .unwrap();

    let r = editor
        .post(&format!("/admin/media/{photo}/delete"), &[])
        .await;
    assert_eq!(r.status, http::StatusCode::CONFLICT, "{}", r.body);
    let html = unescape(&r.body);
    assert!(
        html.contains("Not deleted: these articles use this photo"),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "<a href=\"/admin/articles/{}\" dir=\"auto\">Harbour at dawn</a>",
            article.id
        )),
        "{html}"
    );
    assert!(!html.contains("Not saved"), "{html}");
    assert!(app.store().get_photo(photo).await.is_ok(), "still there");
}
