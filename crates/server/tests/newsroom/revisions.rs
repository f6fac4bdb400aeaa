//! Every save is a revision; any two compare side by side; restoring makes a new one.

use http::StatusCode;
use newsdesk_core::Role;

use crate::support::TestApp;

#[tokio::test]
async fn revisions_are_listed_compared_and_restored() {
    let app = TestApp::new().await;
    let mut editor = app.client_as(Role::Editor).await;
    let article = app
        .draft(editor.account.as_ref().unwrap(), "First headline")
        .await;
    let id = article.id;
    let saves = [
        ("Second headline", "Line one.\nLine two."),
        (
            "Third headline",
            "Line one.\nLine 2, corrected.\nLine three.",
        ),
    ];
    for (n, (headline, body)) in saves.iter().enumerate() {
        let v = (n as i64 + 1).to_string();
        let r = editor
            .post(
                &format!("/admin/articles/{id}"),
                &[("headline", headline), ("body", body), ("version", &v)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }

    let list = editor.get(&format!("/admin/articles/{id}/revisions")).await;
    assert_eq!(list.status, StatusCode::OK);
    for n in 1..=3 {
        assert!(list.body.contains(&format!("#{n}")), "revision {n} missing");
    }

    let compare = editor
        .get(&format!("/admin/articles/{id}/compare?a=1&b=3"))
        .await;
    assert_eq!(compare.status, StatusCode::OK);
    let body = &compare.body;
    assert!(body.contains("First headline") && body.contains("Third headline"));
    assert!(
        body.contains("row-changed"),
        "changed lines are paired side by side"
    );
    assert!(body.contains("Line 2, corrected.") && body.contains("Line three."));
    assert!(
        body.contains("Restore revision 1") && !body.contains("Restore revision 3"),
        "the current revision is not offered for restoring"
    );

    // Restoring revision 1 saves it as revision 4.
    let r = editor
        .post(
            &format!("/admin/articles/{id}/revisions/1/restore"),
            &[("version", "3")],
        )
        .await;
    assert_eq!(r.location(), format!("/admin/articles/{id}?done=restored"));
    let restored = app.store().get_article(id).await.unwrap();
    assert_eq!(
        (restored.version, restored.headline.as_str()),
        (4, "First headline")
    );
    assert_eq!(app.store().list_revisions(id).await.unwrap().len(), 4);

    // A restore based on an old version is refused like any stale save.
    let stale = editor
        .post(
            &format!("/admin/articles/{id}/revisions/2/restore"),
            &[("version", "3")],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert_eq!(app.store().get_article(id).await.unwrap().version, 4);
}
