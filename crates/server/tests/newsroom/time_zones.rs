//! One time-zone label everywhere in the newsroom (#18): the editor said "GMT" and the
//! dashboard "UTC" for the same save. Now an article's times are shown in its edition's
//! zone, labelled as the reading site labels it, on the editor, the dashboard, the list and
//! its revisions alike; times of no edition (uploads) say UTC.

use newsdesk_core::Role;
use newsdesk_newsroom::admin::time::label;

use crate::support::{TestApp, unescape};

#[tokio::test]
async fn the_editor_and_the_dashboard_name_the_same_zone_for_the_same_time() {
    let app = TestApp::new().await;
    let mut browser = app.client_as(Role::Editor).await;
    let owner = browser.account.clone().unwrap();
    for (edition, zone) in [("en", "Europe/London"), ("ru", "Europe/Moscow")] {
        let actor = newsdesk_newsroom::Actor::from_account(&owner);
        let article = newsdesk_newsroom::actions::articles::create(
            &app.state,
            &actor,
            &app.publishable_draft(edition, &format!("A story of the {edition} edition")),
        )
        .await
        .unwrap();
        let expected = label(article.updated_at, Some(zone));
        let utc = label(article.updated_at, None);
        assert_ne!(expected, utc, "the zones must be told apart");

        let editor = unescape(
            &browser
                .get(&format!("/admin/articles/{}", article.id))
                .await
                .body,
        );
        assert!(editor.contains(&expected), "editor lacks {expected}");
        let dashboard = unescape(&browser.get("/admin").await.body);
        assert!(dashboard.contains(&expected), "dashboard lacks {expected}");
        assert!(!dashboard.contains(&utc), "dashboard still in UTC: {utc}");
        let list = unescape(&browser.get("/admin/articles").await.body);
        assert!(list.contains(&expected), "list lacks {expected}");
        let revisions = unescape(
            &browser
                .get(&format!("/admin/articles/{}/revisions", article.id))
                .await
                .body,
        );
        let first = app.store().list_revisions(article.id).await.unwrap();
        let saved = label(first[0].created_at, Some(zone));
        assert!(revisions.contains(&saved), "revisions lack {saved}");
    }
}

#[test]
fn london_in_winter_is_gmt_and_utc_is_utc() {
    let at = "2026-12-07T10:30:00Z".parse().unwrap();
    assert_eq!(label(at, Some("Europe/London")), "7 Dec 2026 10:30 GMT");
    assert_eq!(label(at, Some("Europe/Moscow")), "7 Dec 2026 13:30 MSK");
    assert_eq!(label(at, None), "7 Dec 2026 10:30 UTC");
}
