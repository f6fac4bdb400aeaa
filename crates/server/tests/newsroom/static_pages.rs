//! The newsroom's static pages: editors write and change them through the forms (with
//! CSRF, versions and the audit log), readers see each save at once despite the page
//! cache, and nobody below an editor may touch them.

use http::StatusCode;
use newsdesk_core::Role;
use newsdesk_store::static_pages::{PageInput, StaticPage};

use crate::support::{Client, TestApp, unescape};

/// A page of the English edition (for the role matrix).
pub async fn page_fixture(app: &TestApp, n: usize) -> StaticPage {
    let input = PageInput {
        edition: "en".into(),
        slug: format!("page-{n}"),
        title: format!("Page {n}"),
        body: "A paragraph.".into(),
    };
    app.store()
        .create_static_page(&input, None)
        .await
        .unwrap()
        .0
}

/// The value of the hidden `version` field of an edit form.
fn version_field(html: &str) -> String {
    let marker = "name=\"version\" value=\"";
    let start = html.find(marker).unwrap() + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

/// What a reader gets (no cookies: the shared, cached page).
async fn read(reader: &mut Client<'_>, path: &str) -> (StatusCode, String) {
    let response = reader.get(path).await;
    (response.status, response.body)
}

#[tokio::test]
async fn an_editor_writes_a_page_and_readers_see_every_save_at_once() {
    let app = TestApp::new().await;
    let mut editor = app.client_as(Role::Editor).await;
    let mut reader = app.anonymous();

    let list = editor.get("/admin/pages").await;
    assert_eq!(list.status, StatusCode::OK);
    let list = unescape(&list.body);
    assert!(
        list.contains("/admin/pages/new?edition=en&slug=about"),
        "write links"
    );
    assert_eq!(
        read(&mut reader, "/en/pages/about").await.0,
        StatusCode::NOT_FOUND
    );
    assert!(
        !read(&mut reader, "/en")
            .await
            .1
            .contains("site-footer__pages")
    );

    let form = editor.get("/admin/pages/new?edition=en&slug=about").await;
    assert_eq!(form.status, StatusCode::OK);
    let created = editor
        .post(
            "/admin/pages",
            &[
                ("edition", "en"),
                ("slug", "about"),
                ("title", "About us"),
                (
                    "body",
                    "We report the news.\r\n\r\n## Who we are\r\n\r\nA newsroom.",
                ),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    assert_eq!(created.location(), "/admin/pages/en/about?done=saved");
    let page = app.store().static_page("en", "about").await.unwrap();
    assert_eq!(
        page.body,
        "We report the news.\n\n## Who we are\n\nA newsroom."
    );
    assert_eq!(page.updated_by, editor.account.as_ref().map(|a| a.id));

    // Readers see it, and the footer of the (already cached) front page links it.
    let (status, html) = read(&mut reader, "/en/pages/about").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h1 class=\"static-page__title\">About us</h1>"));
    assert!(html.contains("<h2>Who we are</h2>"));
    assert!(
        read(&mut reader, "/en")
            .await
            .1
            .contains("<a href=\"/en/pages/about\">About us</a>")
    );

    // A change written behind the cache's back (not announced) is not seen: the page is
    // served from the cache...
    let behind = PageInput {
        edition: "en".into(),
        slug: "about".into(),
        title: "About us".into(),
        body: "Written behind the cache's back.".into(),
    };
    app.store()
        .update_static_page(&behind, page.version, None)
        .await
        .unwrap();
    assert!(
        !read(&mut reader, "/en/pages/about")
            .await
            .1
            .contains("behind the cache")
    );
    // ...and a save in the newsroom reaches it, and every footer, at once.
    let edit = editor.get("/admin/pages/en/about").await;
    assert_eq!(edit.status, StatusCode::OK);
    let version = version_field(&edit.body);
    assert_eq!(version, "2");
    let saved = editor
        .post(
            "/admin/pages/en/about",
            &[
                ("version", &version),
                ("title", "Who we are"),
                ("body", "A newsroom of forty people."),
                // The address names the page: fields cannot move it.
                ("edition", "ru"),
                ("slug", "elsewhere"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let (_, html) = read(&mut reader, "/en/pages/about").await;
    assert!(html.contains("Who we are") && html.contains("forty people"));
    let front = read(&mut reader, "/en").await.1;
    assert!(front.contains(">Who we are</a>") && !front.contains(">About us</a>"));
    assert!(app.store().static_page("en", "elsewhere").await.is_err());

    // A form older than the page is refused, with the editor's text kept.
    let stale = editor
        .post(
            "/admin/pages/en/about",
            &[
                ("version", "2"),
                ("title", "Old form"),
                ("body", "My lost words."),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.body.contains("someone else saved this page"));
    assert!(stale.body.contains("My lost words."));
    assert_eq!(
        app.store().static_page("en", "about").await.unwrap().title,
        "Who we are"
    );

    // Every version is kept and listed.
    let edit = editor.get("/admin/pages/en/about").await;
    assert!(edit.body.contains("Version 3") && edit.body.contains("Version 1"));

    // Refusals re-render the form with the field's message.
    let taken = editor
        .post(
            "/admin/pages",
            &[
                ("edition", "en"),
                ("slug", "about"),
                ("title", "Again"),
                ("body", "Text."),
            ],
        )
        .await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(taken.body.contains("already has a page at this address"));
    let invalid = editor
        .post(
            "/admin/pages",
            &[
                ("edition", "en"),
                ("slug", "Not A Slug"),
                ("title", ""),
                ("body", ""),
            ],
        )
        .await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);

    let audit = app.store().list_audit(10, 0).await.unwrap();
    let actions: Vec<(&str, &str)> = audit
        .iter()
        .map(|e| (e.action.as_str(), e.target.as_str()))
        .collect();
    assert!(
        actions.contains(&("page.create", "page:en/about")),
        "{actions:?}"
    );
    assert!(
        actions.contains(&("page.save", "page:en/about")),
        "{actions:?}"
    );

    let deleted = editor.post("/admin/pages/en/about/delete", &[]).await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    assert_eq!(
        read(&mut reader, "/en/pages/about").await.0,
        StatusCode::NOT_FOUND
    );
    assert!(
        !read(&mut reader, "/en")
            .await
            .1
            .contains("site-footer__pages")
    );
}

#[tokio::test]
async fn authors_and_readers_may_not_touch_pages_and_forms_need_their_token() {
    let app = TestApp::new().await;
    let page = page_fixture(&app, 1).await;
    let edit = format!("/admin/pages/{}/{}", page.edition, page.slug);
    for role in [
        Role::Author,
        Role::Contributor,
        Role::Moderator,
        Role::Reader,
    ] {
        let mut client = app.client_as(role).await;
        for path in ["/admin/pages", "/admin/pages/new", edit.as_str()] {
            assert_eq!(
                client.get(path).await.status,
                StatusCode::FORBIDDEN,
                "{role} {path}"
            );
        }
        let refused = client
            .post(
                &edit,
                &[
                    ("version", "1"),
                    ("title", "Hijacked"),
                    ("body", "Mine now."),
                ],
            )
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{role}");
        let refused = client
            .post(
                "/admin/pages",
                &[
                    ("edition", "en"),
                    ("slug", "mine"),
                    ("title", "Mine"),
                    ("body", "Text."),
                ],
            )
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{role}");
        assert_eq!(
            client.post(&format!("{edit}/delete"), &[]).await.status,
            StatusCode::FORBIDDEN,
            "{role}"
        );
    }
    assert!(app.store().static_page("en", "mine").await.is_err());

    // Logged out: to the login page.
    let mut anonymous = app.anonymous();
    assert!(anonymous.get("/admin/pages").await.is_login_redirect());

    // An editor's form without its CSRF token is refused.
    let mut editor = app.client_as(Role::Editor).await;
    let forged = editor
        .post_raw(
            &edit,
            &[("version", "1"), ("title", "Forged"), ("body", "Forged.")],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let kept = app.store().static_page("en", &page.slug).await.unwrap();
    assert_eq!(
        (kept.title.as_str(), kept.version),
        (page.title.as_str(), 1)
    );
}
