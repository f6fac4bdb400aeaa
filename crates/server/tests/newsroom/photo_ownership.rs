//! Photo text follows the ownership rules of articles: the uploader and editors change it
//! (a contributor only while no public article shows it); photos with no recorded uploader
//! take an editor; and alt text a public article shows cannot be emptied — through the
//! Admin API and the media library pages alike.

use http::{Method, StatusCode};
use newsdesk_core::{ArticleDraft, Role};
use serde_json::json;

use crate::api_support::{bearer, call, photo_fixture, small_jpeg, upload};
use crate::support::TestApp;

/// A published article with photo `photo` as its hero; returns (id, headline).
async fn published_with(app: &TestApp, photo: i64, headline: &str) -> (i64, String) {
    let owner = app
        .account(Role::Editor, &format!("owner-{photo}@example.com"))
        .await;
    let actor = newsdesk_newsroom::Actor::from_account(&owner);
    let draft = ArticleDraft {
        hero_photo_id: Some(photo),
        ..app.publishable_draft("en", headline)
    };
    let article = newsdesk_newsroom::actions::articles::create(&app.state, &actor, &draft)
        .await
        .unwrap();
    app.store()
        .publish_article(article.id, chrono::Utc::now(), Some(owner.id))
        .await
        .unwrap();
    (article.id, headline.to_owned())
}

#[tokio::test]
async fn only_the_uploader_and_editors_change_a_photos_text() {
    let app = TestApp::new().await;
    let (_, contributor) = bearer(&app, Role::Contributor).await;
    let (_, author) = bearer(&app, Role::Author).await;
    let (_, editor) = bearer(&app, Role::Editor).await;

    // A photo someone else uploaded (none recorded), shown by a live article.
    let theirs = photo_fixture(&app, 1).await;
    let (article, _) = published_with(&app, theirs, "Harbour reopens").await;
    let uri = format!("/api/v1/admin/photos/{theirs}");
    let change = json!({ "caption": "Defaced", "credit_creator": "Nobody" });
    for who in [&contributor, &author] {
        let r = call(&app, Method::PATCH, &uri, who, Some(&change)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
        assert_eq!(r.json()["error"]["code"], "forbidden");
    }
    let photo = app.store().get_photo(theirs).await.unwrap();
    assert_eq!(
        photo.caption, "Fixture photo 1",
        "the live caption is untouched"
    );
    assert_eq!(photo.credit.creator, "Jane Doe");
    let page = app
        .anonymous()
        .get(&article_path(&app, article).await)
        .await;
    assert!(!page.body.contains("Defaced"), "{}", page.body);

    let r = call(&app, Method::PATCH, &uri, &editor, Some(&change)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);

    // Their own upload: a contributor describes it while only drafts could use it...
    let up = upload(&app, &contributor, "mine.jpg", &small_jpeg()).await;
    assert_eq!(up.status, StatusCode::CREATED, "{}", up.body);
    let mine = up.json()["id"].as_i64().unwrap();
    let mine_uri = format!("/api/v1/admin/photos/{mine}");
    let describe = json!({ "alt_text": "A grey test card on a desk", "caption": "Test card" });
    let r = call(
        &app,
        Method::PATCH,
        &mine_uri,
        &contributor,
        Some(&describe),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // ...another contributor or an author may not...
    let (_, other) = bearer(&app, Role::Contributor).await;
    let r = call(&app, Method::PATCH, &mine_uri, &other, Some(&describe)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let r = call(&app, Method::PATCH, &mine_uri, &author, Some(&describe)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    // ...and once a published article shows it, changing it is publishing: not for them.
    published_with(&app, mine, "Test card on show").await;
    let r = call(
        &app,
        Method::PATCH,
        &mine_uri,
        &contributor,
        Some(&json!({ "caption": "Changed on a live page" })),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert!(r.body.contains("ask an editor"), "{}", r.body);
    assert_eq!(
        app.store().get_photo(mine).await.unwrap().caption,
        "Test card"
    );
}

async fn article_path(app: &TestApp, id: i64) -> String {
    app.store().get_article(id).await.unwrap().path()
}

#[tokio::test]
async fn the_media_page_follows_the_same_rules() {
    let app = TestApp::new().await;
    let theirs = photo_fixture(&app, 2).await;
    let mut contributor = app.client_as(Role::Contributor).await;
    let form = [
        ("caption", "Defaced"),
        ("alt_text", "A grey square"),
        ("credit_agency", ""),
        ("credit_creator", ""),
        ("copyright_notice", ""),
        ("copyright_year", ""),
    ];
    let r = contributor
        .post(&format!("/admin/media/{theirs}"), &form)
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert_eq!(
        app.store().get_photo(theirs).await.unwrap().caption,
        "Fixture photo 2"
    );

    // An editor may change it, but not remove the alt text a live article needs: the form
    // comes back naming the article.
    let (_, headline) = published_with(&app, theirs, "Quayside market").await;
    let mut editor = app.client_as(Role::Editor).await;
    let r = editor
        .post(
            &format!("/admin/media/{theirs}"),
            &[
                ("caption", "Fixture photo 2"),
                ("alt_text", " "),
                ("credit_agency", "Agency"),
                ("credit_creator", "Jane Doe"),
                ("copyright_notice", ""),
                ("copyright_year", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        crate::support::unescape(&r.body).contains(&headline),
        "{}",
        r.body
    );
    assert_eq!(
        app.store().get_photo(theirs).await.unwrap().alt_text,
        "A grey square"
    );
}

#[tokio::test]
async fn alt_text_a_public_article_shows_cannot_be_emptied() {
    let app = TestApp::new().await;
    let (_, editor) = bearer(&app, Role::Editor).await;
    let photo = photo_fixture(&app, 3).await;
    let (article, headline) = published_with(&app, photo, "Storm over the estuary").await;
    let uri = format!("/api/v1/admin/photos/{photo}");
    // Empty, spaces, and text of invisible characters only: none describes anything.
    for blank in ["", "   ", "\u{200B}\u{200B}", "\u{FEFF} \u{2060}"] {
        let r = call(
            &app,
            Method::PATCH,
            &uri,
            &editor,
            Some(&json!({ "alt_text": blank })),
        )
        .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{blank:?}: {}",
            r.body
        );
        let body = r.json();
        assert_eq!(body["error"]["code"], "invalid");
        assert_eq!(body["error"]["fields"][0]["field"], "alt_text");
        let message = body["error"]["message"].as_str().unwrap();
        assert!(
            message.contains(&headline) && message.contains(&format!("#{article}")),
            "names the article: {message}"
        );
    }
    assert_eq!(
        app.store().get_photo(photo).await.unwrap().alt_text,
        "A grey square"
    );
    // Changing it to another description is fine.
    let r = call(
        &app,
        Method::PATCH,
        &uri,
        &editor,
        Some(&json!({ "alt_text": "Dark clouds over mud flats" })),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}
