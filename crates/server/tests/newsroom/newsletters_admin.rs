//! The newsletters in the newsroom (`/admin/newsletters`): subscriber counts and the CSV
//! export, the next digest's preview, breaking alerts with their confirmation step (once
//! per story), and the send log with the reasons deliveries failed. The role matrix
//! (`matrix.rs`) checks every route against every role; these tests check what an editor
//! gets, and that the addresses reach no one else.

use chrono::Duration;
use http::StatusCode;
use newsdesk_core::Role;
use newsdesk_store::newsletters::NewIssue;

use crate::support::{TestApp, unescape};

/// A confirmed subscriber of `lists` in `edition`; returns the address as stored.
async fn subscriber(app: &TestApp, edition: &str, email: &str, lists: &[&str]) -> String {
    let lists: Vec<String> = lists.iter().map(|l| (*l).to_owned()).collect();
    let store = app.store();
    let signed = store.sign_up(edition, email, &lists, None).await.unwrap();
    store.confirm_subscriber(signed.id).await.unwrap();
    signed.email
}

/// A breaking alert to two subscribers, one of whose addresses bounced for good since:
/// one delivery queued, one failed with its reason.
pub async fn issue_fixture(app: &TestApp, n: usize) -> i64 {
    let kept = format!("kept{n}@example.com");
    let gone = format!("gone{n}@example.com");
    subscriber(app, "en", &kept, &["breaking"]).await;
    subscriber(app, "en", &gone, &["breaking"]).await;
    let issue = app
        .store()
        .create_issue(&NewIssue {
            edition: "en".into(),
            list: "breaking".into(),
            kind: "breaking".into(),
            dedupe_key: format!("breaking:fixture:{n}"),
            subject: format!("Fixture alert {n}"),
            html: "<p>Fixture alert</p>".into(),
            text: "Fixture alert".into(),
            created_by: None,
        })
        .await
        .unwrap()
        .unwrap();
    app.store()
        .suppress_email(&gone, "hard bounce")
        .await
        .unwrap();
    issue.id
}

/// The lines of a CSV body.
fn lines(body: &str) -> Vec<&str> {
    body.split("\r\n").filter(|l| !l.is_empty()).collect()
}

#[tokio::test]
async fn the_export_holds_every_confirmed_subscriber_of_the_list_and_defuses_formulas() {
    let app = TestApp::new().await;
    let store = app.store();
    subscriber(&app, "en", "Alice@Example.com", &["digest", "breaking"]).await;
    subscriber(
        &app,
        "en",
        "=HYPERLINK(\"http://x.test\")@example.com",
        &["digest"],
    )
    .await;
    subscriber(&app, "en", "+1@example.com", &["digest"]).await;
    subscriber(&app, "en", "-minus@example.com", &["digest"]).await;
    subscriber(&app, "en", "@at@example.com", &["digest"]).await;
    // Not on the export: another list, another edition, not confirmed.
    subscriber(&app, "en", "breaking-only@example.com", &["breaking"]).await;
    subscriber(&app, "ru", "russian@example.com", &["digest"]).await;
    store
        .sign_up("en", "pending@example.com", &["digest".to_owned()], None)
        .await
        .unwrap();

    let mut editor = app.client_as(Role::Editor).await;
    let overview = editor.get("/admin/newsletters").await;
    assert_eq!(overview.status, StatusCode::OK, "{}", overview.body);
    let digest_row = overview.body.split("id=\"list-en-digest\"").nth(1).unwrap();
    assert!(
        digest_row.contains("<td class=\"confirmed\">5</td>"),
        "five confirmed subscribers of the English digest: {digest_row}"
    );
    assert!(
        unescape(&overview.body).contains("/admin/newsletters/export.csv?edition=en&list=digest")
    );

    let r = editor
        .get("/admin/newsletters/export.csv?edition=en&list=digest")
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.header("content-type"), "text/csv; charset=utf-8");
    let disposition = r.header("content-disposition");
    assert!(
        disposition.starts_with("attachment; filename=\"subscribers-en-digest-"),
        "{disposition}"
    );
    assert!(
        r.header("cache-control").contains("no-store"),
        "personal data is never cached"
    );
    let rows = lines(&r.body);
    assert_eq!(rows[0], "email,lists,confirmed_at,created_at");
    assert_eq!(rows.len(), 6, "a header and five subscribers: {rows:?}");
    assert!(
        rows[1].starts_with("alice@example.com,breaking digest,20"),
        "{}",
        rows[1]
    );
    assert!(
        rows.iter()
            .any(|l| l.starts_with("\"'=hyperlink(\"\"http://x.test\"\")@example.com\",digest,")),
        "a formula is written as text: {rows:?}"
    );
    for guarded in [
        "'+1@example.com,",
        "'-minus@example.com,",
        "'@at@example.com,",
    ] {
        assert!(
            rows.iter().any(|l| l.starts_with(guarded)),
            "{guarded} in {rows:?}"
        );
    }
    for absent in ["breaking-only@", "russian@", "pending@"] {
        assert!(!r.body.contains(absent), "{absent} is not on this export");
    }
    let audit = store.list_audit(10, 0).await.unwrap();
    let entry = audit
        .iter()
        .find(|e| e.action == "newsletter.export")
        .unwrap_or_else(|| panic!("the export is not in the audit log: {audit:?}"));
    assert_eq!(entry.target, "newsletter_list:en:digest");
    assert_eq!(entry.details["subscribers"], 5);

    // A section's list, and lists that do not exist.
    let r = editor
        .get("/admin/newsletters/export.csv?edition=ru&list=digest")
        .await;
    assert_eq!(lines(&r.body).len(), 2);
    let r = editor
        .get("/admin/newsletters/export.csv?edition=en&list=everything")
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = editor
        .get("/admin/newsletters/export.csv?edition=xx&list=digest")
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_export_pages_through_a_list_longer_than_one_query() {
    let app = TestApp::new().await;
    // One more than a page of the export's keyset reads.
    let total = 1001;
    for i in 0..total {
        subscriber(
            &app,
            "en",
            &format!("reader{i:04}@example.com"),
            &["digest"],
        )
        .await;
    }
    let mut editor = app.client_as(Role::Editor).await;
    let r = editor.get("/admin/newsletters/export.csv").await;
    assert_eq!(r.status, StatusCode::OK);
    let rows = lines(&r.body);
    assert_eq!(
        rows.len(),
        total + 1,
        "every subscriber once, and the header"
    );
    let mut emails: Vec<&str> = rows[1..]
        .iter()
        .map(|l| l.split(',').next().unwrap())
        .collect();
    emails.dedup();
    assert_eq!(emails.len(), total, "no subscriber twice");
    assert_eq!(emails[0], "reader0000@example.com");
    assert_eq!(emails[total - 1], "reader1000@example.com");
}

#[tokio::test]
async fn addresses_reach_editors_only() {
    let app = TestApp::new().await;
    subscriber(&app, "en", "private@example.com", &["digest"]).await;
    for role in [
        Role::Author,
        Role::Contributor,
        Role::Moderator,
        Role::Reader,
    ] {
        let mut client = app.client_as(role).await;
        for path in [
            "/admin/newsletters",
            "/admin/newsletters/export.csv?edition=en&list=digest",
        ] {
            let r = client.get(path).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{path} as {role}");
            assert!(!r.body.contains("private@example.com"), "{path} as {role}");
        }
        let page = client.get("/admin").await;
        assert!(
            !page.body.contains("href=\"/admin/newsletters\""),
            "no link for {role}"
        );
    }
    let r = app
        .anonymous()
        .get("/admin/newsletters/export.csv?edition=en&list=digest")
        .await;
    assert!(r.is_login_redirect(), "{r:?}");
    let mut admin = app.client_as(Role::Admin).await;
    let r = admin
        .get("/admin/newsletters/export.csv?edition=en&list=digest")
        .await;
    assert!(r.body.contains("private@example.com"));
    let page = admin.get("/admin").await;
    assert!(
        page.body.contains("href=\"/admin/newsletters\""),
        "the navigation links the page for editors and admins"
    );
}

#[tokio::test]
async fn the_preview_shows_the_next_digest_with_the_days_headlines() {
    let app = TestApp::new().await;
    let owner = app.account(Role::Author, "reporter@example.com").await;
    app.published(&owner, "Harbour bridge reopens after repairs")
        .await;
    app.published(&owner, "Council approves the new library")
        .await;
    subscriber(&app, "en", "one@example.com", &["digest"]).await;
    subscriber(&app, "en", "two@example.com", &["digest", "section:news"]).await;

    let mut editor = app.client_as(Role::Editor).await;
    let r = editor
        .get("/admin/newsletters/preview?edition=en&list=digest")
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("2 confirmed subscribers"), "{}", r.body);
    assert!(r.body.contains("2 stories"));
    let text = r
        .body
        .split("<pre class=\"comment-text newsletter-text\">")
        .nth(1)
        .and_then(|rest| rest.split("</pre>").next())
        .unwrap();
    assert!(
        text.contains("Harbour bridge reopens after repairs"),
        "{text}"
    );
    assert!(text.contains("Council approves the new library"), "{text}");
    // The HTML part, in a frame that runs no script.
    assert!(r.body.contains("sandbox=\"\" srcdoc=\""), "{}", r.body);
    let srcdoc = unescape(
        r.body
            .split("srcdoc=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap(),
    );
    assert!(srcdoc.starts_with("<!doctype html>"), "{srcdoc}");
    assert!(srcdoc.contains("Harbour bridge reopens after repairs"));
    let csp = r.header("content-security-policy");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(!csp.contains("script-src 'self' 'unsafe"), "{csp}");
    assert!(csp.contains("style-src-attr 'unsafe-inline'"), "{csp}");

    // A section's digest has its own preview; breaking news has none.
    let r = editor
        .get("/admin/newsletters/preview?edition=en&list=section:news")
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("1 confirmed subscriber"));
    let r = editor
        .get("/admin/newsletters/preview?edition=en&list=breaking")
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // The other edition's digest has no stories yet, and says it will not go.
    let r = editor.get("/admin/newsletters/preview?edition=ru").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("a digest without stories is not sent"));
}

#[tokio::test]
async fn a_breaking_alert_is_confirmed_first_and_goes_once() {
    let app = TestApp::new().await;
    let store = app.store();
    let owner = app.account(Role::Author, "reporter@example.com").await;
    let article = app.published(&owner, "Storm closes every port").await;
    let draft = app.draft(&owner, "Not out yet").await;
    subscriber(&app, "en", "alert-me@example.com", &["breaking"]).await;
    subscriber(&app, "en", "digest-only@example.com", &["digest"]).await;

    let mut editor = app.client_as(Role::Editor).await;
    let overview = editor.get("/admin/newsletters").await;
    let confirm_link = format!("/admin/newsletters/alert?article={}", article.id);
    assert!(
        overview.body.contains(&confirm_link),
        "the day's article is offered"
    );

    // The confirmation step: the message, whom it reaches, and nothing sent yet.
    let page = editor.get(&confirm_link).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Send to 1 subscriber<"), "{}", page.body);
    assert!(page.body.contains("Storm closes every port"));
    assert!(page.body.contains("action=\"/admin/newsletters/alert\""));
    assert!(page.body.contains("sandbox=\"\""));
    assert!(store.list_issues(None, 10).await.unwrap().is_empty());

    // Authors may not send; drafts are never announced.
    let mut author = app.client_for(&owner).await;
    let id = article.id.to_string();
    let r = author
        .post("/admin/newsletters/alert", &[("article", &id)])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = editor
        .get(&format!("/admin/newsletters/alert?article={}", draft.id))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = editor
        .post(
            "/admin/newsletters/alert",
            &[("article", &draft.id.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(store.list_issues(None, 10).await.unwrap().is_empty());

    // Without the CSRF token nothing is sent.
    let r = editor
        .post_raw("/admin/newsletters/alert", &[("article", &id)])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(store.list_issues(None, 10).await.unwrap().is_empty());

    let r = editor
        .post("/admin/newsletters/alert", &[("article", &id)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let issues = store.list_issues(None, 10).await.unwrap();
    assert_eq!(issues.len(), 1);
    let issue = &issues[0];
    assert_eq!(
        r.location(),
        format!("/admin/newsletters/issues/{}?done=queued", issue.id)
    );
    assert_eq!(issue.kind, "breaking");
    assert_eq!(issue.list, "breaking");
    assert_eq!(issue.recipients, 1, "the breaking list only");
    assert_eq!(issue.counts.queued, 1);
    let log = editor.get(r.location()).await;
    assert!(log.body.contains("Queued: sending starts within seconds."));
    assert!(
        store
            .list_audit(10, 0)
            .await
            .unwrap()
            .iter()
            .any(|e| e.action == "newsletter.alert"
                && e.target == format!("newsletter_issue:{}", issue.id))
    );

    // A second send (a double click, another editor) is refused and sends nothing.
    let r = editor
        .post("/admin/newsletters/alert", &[("article", &id)])
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("already sent"), "{}", r.body);
    assert!(!r.body.contains("Send to 1 subscriber"));
    assert_eq!(store.list_issues(None, 10).await.unwrap().len(), 1);
    let page = editor.get(&confirm_link).await;
    assert!(page.body.contains("was sent already"));
    assert!(!page.body.contains("action=\"/admin/newsletters/alert\""));
    let overview = editor.get("/admin/newsletters").await;
    assert!(!overview.body.contains(&confirm_link));
    assert!(overview.body.contains("alert sent"));
}

#[tokio::test]
async fn publishing_a_breaking_item_offers_its_alert() {
    let app = TestApp::new().await;
    let store = app.store();
    let mut editor = app.client_as(Role::Editor).await;
    let r = editor
        .post(
            "/admin/newsfeed",
            &[
                ("edition", "en"),
                ("headline", "Airport closed by fog"),
                ("text", "All flights are suspended."),
                ("breaking", "on"),
                ("publish", "publish"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let item = store
        .list_news_items(Some("en"), None, 1, 0)
        .await
        .unwrap()
        .remove(0);
    assert!(item.breaking);
    assert_eq!(
        r.location(),
        format!(
            "/admin/newsfeed?edition=en&done=published&alert={}",
            item.id
        )
    );
    let link = format!("/admin/newsletters/alert?item={}", item.id);
    let page = editor.get(r.location()).await;
    assert!(page.body.contains(&link), "{}", page.body);

    // Nobody subscribes yet: the button is not offered, and a POST sends nothing (it
    // would use up the story's one alert).
    let page = editor.get(&link).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Airport closed by fog"));
    assert!(!page.body.contains("action=\"/admin/newsletters/alert\""));
    let id = item.id.to_string();
    let r = editor
        .post("/admin/newsletters/alert", &[("item", &id)])
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(store.list_issues(None, 10).await.unwrap().is_empty());

    subscriber(&app, "en", "fog@example.com", &["breaking"]).await;
    let overview = editor.get("/admin/newsletters").await;
    assert!(overview.body.contains(&link), "breaking items are offered");
    let r = editor
        .post("/admin/newsletters/alert", &[("item", &id)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(store.list_issues(None, 10).await.unwrap().len(), 1);
    let page = editor
        .get(&format!("/admin/newsfeed?edition=en&alert={}", item.id))
        .await;
    assert!(!page.body.contains(&link), "no offer once it went");

    // A story must be named, once.
    let r = editor.post("/admin/newsletters/alert", &[]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = editor.get("/admin/newsletters/alert").await;
    assert_eq!(r.location(), "/admin/newsletters#alerts");
}

#[tokio::test]
async fn the_send_log_shows_why_a_delivery_failed() {
    let app = TestApp::new().await;
    let store = app.store();
    subscriber(&app, "en", "fine@example.com", &["digest"]).await;
    subscriber(&app, "en", "nobody@example.com", &["digest"]).await;
    subscriber(&app, "en", "later@example.com", &["digest"]).await;
    let issue = store
        .create_issue(&NewIssue {
            edition: "en".into(),
            list: "digest".into(),
            kind: "digest".into(),
            dedupe_key: "digest:en:digest:2026-12-06".into(),
            subject: "Your Sunday digest".into(),
            html: "<p>The day's stories</p>".into(),
            text: "The day's stories".into(),
            created_by: None,
        })
        .await
        .unwrap()
        .unwrap();
    // The sender's part: one accepted, one refused for good, one still waiting.
    let claimed = store
        .claim_deliveries(2, Duration::minutes(2))
        .await
        .unwrap();
    assert_eq!(claimed.len(), 2);
    for d in &claimed {
        if d.email == "nobody@example.com" {
            store
                .fail_delivery(
                    d,
                    "550 5.1.1 <nobody@example.com>: mailbox unavailable",
                    false,
                )
                .await
                .unwrap();
        } else {
            store.hand_over_delivery(d).await.unwrap();
        }
    }
    let failed = claimed.iter().any(|d| d.email == "nobody@example.com");
    assert!(failed, "the fixture claims the failing address first");

    let mut editor = app.client_as(Role::Editor).await;
    let overview = editor.get("/admin/newsletters").await;
    let row = overview
        .body
        .split(&format!("id=\"issue-{}\"", issue.id))
        .nth(1)
        .and_then(|rest| rest.split("</tr>").next())
        .unwrap();
    assert!(row.contains("Your Sunday digest"), "{row}");
    assert!(
        row.contains(&format!(
            "href=\"/admin/newsletters/issues/{}?status=failed\">1</a>",
            issue.id
        )),
        "{row}"
    );

    let page = editor
        .get(&format!("/admin/newsletters/issues/{}", issue.id))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let table = page
        .body
        .split("<table class=\"list deliveries\">")
        .nth(1)
        .unwrap();
    assert!(table.contains("nobody@example.com"));
    assert!(
        unescape(table).contains("550 5.1.1 <nobody@example.com>: mailbox unavailable"),
        "the reason is shown: {table}"
    );
    assert!(!table.contains("fine@example.com"), "failed ones only");
    assert!(page.body.contains("Sent <span class=\"count\">1</span>"));
    assert!(page.body.contains("Queued <span class=\"count\">1</span>"));

    let page = editor
        .get(&format!(
            "/admin/newsletters/issues/{}?status=queued",
            issue.id
        ))
        .await;
    assert!(page.body.contains("later@example.com"));
    assert!(!page.body.contains("nobody@example.com"));
    let page = editor
        .get(&format!(
            "/admin/newsletters/issues/{}?status=all",
            issue.id
        ))
        .await;
    for email in ["fine@", "nobody@", "later@"] {
        assert!(page.body.contains(email), "{email}");
    }
    let r = editor
        .get(&format!(
            "/admin/newsletters/issues/{}?status=lost",
            issue.id
        ))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = editor.get("/admin/newsletters/issues/999999").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}
