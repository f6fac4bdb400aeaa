//! The buttons beside the editor: the alt-text rule for publishing, translations, and who
//! may delete.

use chrono::Utc;
use http::StatusCode;
use newsdesk_core::{ArticleStatus, Role};

use crate::support::TestApp;

async fn status(app: &TestApp, id: i64) -> ArticleStatus {
    app.store().get_article(id).await.unwrap().status
}

#[tokio::test]
async fn photos_without_alt_text_block_publishing_until_described() {
    let app = TestApp::new().await;
    let mut editor = app.client_as(Role::Editor).await;
    let photo = app
        .store()
        .create_photo(&newsdesk_store::NewPhoto {
            key: "photos/1/original.jpg".into(),
            content_type: "image/jpeg".into(),
            width: 1200,
            height: 800,
            byte_size: 1000,
            caption: "Crowds at the harbour".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    let article = app
        .draft(editor.account.as_ref().unwrap(), "Harbour festival")
        .await;
    let v = article.version.to_string();
    let pid = photo.id.to_string();
    let body = format!("Opening.\n\n::photo[{pid}]\n\nMore.");
    // Placed and bylined: the missing alt text is the only thing between it and readers.
    let section = app.desk.section("en").to_string();
    let author = app.desk.author.to_string();
    let saved = editor
        .post(
            &format!("/admin/articles/{}", article.id),
            &[
                ("headline", "Harbour festival"),
                ("body", &body),
                ("section_id", &section),
                ("author_ids", &author),
                ("version", &v),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);

    let refused = editor
        .post(&format!("/admin/articles/{}/publish", article.id), &[])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Refused for the photo alone (it names the photo): section and byline are there.
    assert!(
        refused.body.contains("alt text") && refused.body.contains(&format!("photo {pid}")),
        "{}",
        refused.body
    );
    assert!(
        !refused.body.contains("must be chosen before publishing")
            && !refused.body.contains("needs at least one author"),
        "{}",
        refused.body
    );
    assert_eq!(status(&app, article.id).await, ArticleStatus::Draft);

    let found = editor
        .get_json("/admin/search/photos?q=harbour")
        .await
        .json();
    assert_eq!(
        (found[0]["id"].as_i64(), found[0]["publishable"].as_bool()),
        (Some(photo.id), Some(false))
    );

    let text = newsdesk_store::PhotoText {
        caption: photo.caption.clone(),
        alt_text: "Families walk along the quay under bunting".into(),
        ..Default::default()
    };
    app.store()
        .update_photo_text(photo.id, &text)
        .await
        .unwrap();
    assert_eq!(
        editor
            .post(&format!("/admin/articles/{}/publish", article.id), &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(status(&app, article.id).await, ArticleStatus::Published);
}

#[tokio::test]
async fn translations_link_articles_across_editions_only() {
    let app = TestApp::new().await;
    let mut editor = app.client_as(Role::Editor).await;
    let me = editor.account.clone().unwrap();
    let english = app.published(&me, "Elections called").await;
    let actor = newsdesk_newsroom::Actor::from_account(&me);
    let russian = newsdesk_newsroom::actions::articles::create(
        &app.state,
        &actor,
        &app.publishable_draft("ru", "Назначены выборы"),
    )
    .await
    .unwrap();
    app.store()
        .publish_article(russian.id, Utc::now(), Some(me.id))
        .await
        .unwrap();
    let other_english = app.published(&me, "Another English story").await;

    let same = editor
        .post(
            &format!("/admin/articles/{}/translations", english.id),
            &[("other_id", &other_english.id.to_string())],
        )
        .await;
    assert_eq!(same.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(same.body.contains("another edition"));

    let linked = editor
        .post(
            &format!("/admin/articles/{}/translations", english.id),
            &[("other_id", &russian.id.to_string())],
        )
        .await;
    assert_eq!(
        linked.location(),
        format!("/admin/articles/{}?done=linked", english.id)
    );
    let english = app.store().get_article(english.id).await.unwrap();
    let translations = app.store().translations(&english).await.unwrap();
    assert_eq!(
        translations.iter().map(|t| t.id).collect::<Vec<_>>(),
        vec![russian.id]
    );
    // The picker searches other editions.
    let found = editor
        .get_json(&format!(
            "/admin/search/articles?q=выборы&not_edition=en&exclude={}",
            english.id
        ))
        .await
        .json();
    assert_eq!(found[0]["id"].as_i64(), Some(russian.id));
}

/// Linking changes both articles: an author may not attach someone else's article to
/// their own translation group, nor a contributor put a draft into a published group.
#[tokio::test]
async fn a_translation_link_needs_rights_on_both_articles() {
    let app = TestApp::new().await;
    let mut author = app.client_as(Role::Author).await;
    let me = author.account.clone().unwrap();
    let mine = app.published(&me, "My election story").await;
    let colleague = app.account(Role::Author, "colleague@example.com").await;
    let actor = newsdesk_newsroom::Actor::from_account(&colleague);
    let theirs = newsdesk_newsroom::actions::articles::create(
        &app.state,
        &actor,
        &app.publishable_draft("ru", "Чужая статья"),
    )
    .await
    .unwrap();
    app.store()
        .publish_article(theirs.id, Utc::now(), Some(colleague.id))
        .await
        .unwrap();

    let refused = author
        .post(
            &format!("/admin/articles/{}/translations", mine.id),
            &[("other_id", &theirs.id.to_string())],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    let mine = app.store().get_article(mine.id).await.unwrap();
    assert!(app.store().translations(&mine).await.unwrap().is_empty());

    // A contributor's own draft cannot join a published article's group either.
    let mut contributor = app.client_as(Role::Contributor).await;
    let c = contributor.account.clone().unwrap();
    let draft = app.draft(&c, "Draft that wants the slot").await;
    let refused = contributor
        .post(
            &format!("/admin/articles/{}/translations", draft.id),
            &[("other_id", &theirs.id.to_string())],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
}

#[tokio::test]
async fn owners_delete_their_drafts_but_not_what_readers_saw() {
    let app = TestApp::new().await;
    let mut author = app.client_as(Role::Author).await;
    let me = author.account.clone().unwrap();
    let draft = app.draft(&me, "Scrapped idea").await;
    assert_eq!(
        author
            .post(&format!("/admin/articles/{}/delete", draft.id), &[])
            .await
            .location(),
        "/admin/articles?done=deleted"
    );
    let seen = app.published(&me, "Seen by readers").await;
    author
        .post(&format!("/admin/articles/{}/unpublish", seen.id), &[])
        .await;
    let refused = author
        .post(&format!("/admin/articles/{}/delete", seen.id), &[])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.body.contains("only be deleted by an editor"));
    assert!(app.store().get_article(seen.id).await.is_ok());
}
