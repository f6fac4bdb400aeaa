//! The focal point in the media library: an editor sets it on the photo page (the form the
//! click fills), the crops are remade around it by the rendition job, and a role without
//! the right to change the photo cannot move it.

use http::StatusCode;
use newsdesk_core::{ArticleDraft, Role};
use newsdesk_store::PhotoFocus;

use crate::api_support::{bearer, photo_fixture, upload};
use crate::support::{TestApp, run_pending_now, unescape};

/// A portrait upload (200 × 300) by `role`, its renditions made; returns its id.
async fn portrait(app: &TestApp, role: Role) -> (newsdesk_core::Account, i64) {
    let (account, auth) = bearer(app, role).await;
    let bytes = newsdesk_media::generate_demo_photo(5, 200, 300, newsdesk_media::DemoPalette::Noon)
        .unwrap();
    let r = upload(app, &auth, "portrait.jpg", &bytes).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.json()["id"].as_i64().unwrap();
    run_pending_now(&app.state).await.unwrap();
    (account, id)
}

async fn crop_keys(app: &TestApp, id: i64) -> Vec<String> {
    let photo = app.store().get_photo(id).await.unwrap();
    photo
        .renditions
        .into_iter()
        .map(|r| r.key)
        .filter(|k| newsdesk_media::keys::crop_aspect(k).is_some())
        .collect()
}

#[tokio::test]
async fn an_editor_sets_the_focal_point_and_the_crops_follow() {
    let app = TestApp::new().await;
    let (_, id) = portrait(&app, Role::Editor).await;
    // Made around the centre at upload: the JSON-LD crops and the hero frame's ladder.
    let keys = crop_keys(&app, id).await;
    assert!(
        keys.contains(&format!("photos/{id}/c16x9-w200.webp"))
            && keys.contains(&format!("photos/{id}/c16x9-w200.jpg"))
            && keys.contains(&format!("photos/{id}/c1x1-w200.jpg")),
        "{keys:?}"
    );

    let mut editor = app.client_as(Role::Editor).await;
    let page = editor.get(&format!("/admin/media/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = unescape(&page.body);
    assert!(html.contains("data-focus-picker"), "{html}");
    assert!(html.contains(&format!("action=\"/admin/media/{id}/focus\"")));
    assert!(html.contains("name=\"focus_x\"") && html.contains("value=\"0.5\""));
    assert!(!html.contains("being made around this point"));
    // The picker's script is served with the newsroom's others.
    let js = editor.get("/admin/static/focus.js").await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(js.header("content-type").starts_with("text/javascript"));

    // Without the form's CSRF token: refused, nothing changes.
    let r = editor
        .post_raw(
            &format!("/admin/media/{id}/focus"),
            &[("focus_x", "0.1"), ("focus_y", "0.1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.store().photo_focus(id).await.unwrap(),
        PhotoFocus::CENTRE
    );

    // Out of range: the page again, with the reason by the field and the typed value.
    let r = editor
        .post(
            &format!("/admin/media/{id}/focus"),
            &[("focus_x", "1.5"), ("focus_y", "0.2")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("must be a number from 0 to 1") && r.body.contains("value=\"1.5\""));
    assert_eq!(
        app.store().photo_focus(id).await.unwrap(),
        PhotoFocus::CENTRE
    );

    // What a click near the top of the picture fills in (decimal comma and all).
    let r = editor
        .post(
            &format!("/admin/media/{id}/focus"),
            &[("focus_x", "0.5"), ("focus_y", "0,2")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), format!("/admin/media/{id}?done=focus"));
    assert_eq!(
        app.store().photo_focus(id).await.unwrap(),
        PhotoFocus { x: 0.5, y: 0.2 }
    );
    let page = editor.get(r.location()).await;
    assert!(page.body.contains("Focal point set"), "{}", page.body);
    assert!(page.body.contains("being made around this point"));
    assert!(page.body.contains("value=\"0.2\""));

    // The job remakes every crop around the point, under new keys (the old bytes stay
    // cached by browsers and CDNs for a year under the old ones).
    assert_eq!(run_pending_now(&app.state).await.unwrap(), 1);
    let keys = crop_keys(&app, id).await;
    assert!(!keys.is_empty());
    assert!(keys.iter().all(|k| k.contains("-f500x200-")), "{keys:?}");
    assert!(keys.contains(&format!("photos/{id}/c16x9-f500x200-w200.jpg")));
    let served = editor
        .get(&format!("/media/photos/{id}/c16x9-f500x200-w200.webp"))
        .await;
    assert_eq!(served.status, StatusCode::OK);
    let page = editor.get(&format!("/admin/media/{id}")).await;
    assert!(!page.body.contains("being made around this point"));
}

#[tokio::test]
async fn only_those_who_may_change_the_photo_move_its_point() {
    let app = TestApp::new().await;
    // A photo nobody is recorded as uploading (the demo's, imports): editors only.
    let theirs = photo_fixture(&app, 1).await;
    let uri = format!("/admin/media/{theirs}/focus");
    for role in [Role::Contributor, Role::Author, Role::Moderator] {
        let mut client = app.client_as(role).await;
        let r = client
            .post(&uri, &[("focus_x", "0.2"), ("focus_y", "0.2")])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{role}: {}", r.body);
    }
    let r = app
        .anonymous()
        .post(&uri, &[("focus_x", "0.2"), ("focus_y", "0.2")])
        .await;
    assert!(r.is_login_redirect() || r.status == StatusCode::FORBIDDEN);
    assert_eq!(
        app.store().photo_focus(theirs).await.unwrap(),
        PhotoFocus::CENTRE
    );
    assert_eq!(
        run_pending_now(&app.state).await.unwrap(),
        0,
        "no crops remade"
    );

    // A contributor's own upload: theirs to aim while only drafts could show it…
    let (owner, mine) = portrait(&app, Role::Contributor).await;
    let mut contributor = app.client_for(&owner).await;
    let mine_uri = format!("/admin/media/{mine}/focus");
    let r = contributor
        .post(&mine_uri, &[("focus_x", "0.5"), ("focus_y", "0.25")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // …but not once a published article shows it: that changes what readers see.
    let described = newsdesk_store::PhotoText {
        caption: "A portrait".into(),
        alt_text: "A man in a blue jacket looking at the camera".into(),
        credit: newsdesk_core::Credit::default(),
        copyright_notice: String::new(),
        copyright_year: None,
    };
    app.store()
        .update_photo_text(mine, &described)
        .await
        .unwrap();
    let editor = app.account(Role::Editor, "desk-editor@example.com").await;
    let actor = newsdesk_newsroom::Actor::from_account(&editor);
    let draft = ArticleDraft {
        hero_photo_id: Some(mine),
        ..app.publishable_draft("en", "Portrait on the front")
    };
    let article = newsdesk_newsroom::actions::articles::create(&app.state, &actor, &draft)
        .await
        .unwrap();
    app.store()
        .publish_article(article.id, chrono::Utc::now(), Some(editor.id))
        .await
        .unwrap();
    let r = contributor
        .post(&mine_uri, &[("focus_x", "0.5"), ("focus_y", "0.9")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert!(r.body.contains("ask an editor"), "{}", r.body);
    assert_eq!(
        app.store().photo_focus(mine).await.unwrap(),
        PhotoFocus { x: 0.5, y: 0.25 }
    );
    let mut desk = app.client_for(&editor).await;
    let r = desk
        .post(&mine_uri, &[("focus_x", "0.5"), ("focus_y", "0.9")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}
