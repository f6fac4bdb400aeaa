//! The warning before publishing (#18): the editor page says what publishing will need
//! (a section, a byline) before the button is pressed, from the state as saved, and stops
//! saying it once both are there. Without JavaScript this is what the editor sees; with it,
//! publish-check.js keeps the same list in step (tests/browser/newsroom-chips.test.js).

use newsdesk_core::Role;

use crate::support::{TestApp, unescape};

/// The `<li data-needs="…">` for `need`, and whether it is shown.
fn need_shown(html: &str, need: &str) -> Option<bool> {
    let at = html.find(&format!("<li data-needs=\"{need}\""))?;
    let tag_end = at + html[at..].find('>')?;
    Some(!html[at..tag_end].contains("hidden"))
}

/// The form's `version` field: what a save must name.
fn version(html: &str) -> String {
    let at = html.find("name=\"version\" value=\"").unwrap() + "name=\"version\" value=\"".len();
    html[at..].split('"').next().unwrap().to_owned()
}

/// Whether the checklist box itself is shown.
fn checklist_shown(html: &str) -> Option<bool> {
    let at = html.find("data-publish-check")?;
    let tag_end = at + html[at..].find('>')?;
    Some(!html[at..tag_end].contains("hidden"))
}

#[tokio::test]
async fn the_editor_page_warns_before_publishing_without_section_or_byline() {
    let app = TestApp::new().await;
    let mut editor = app.client_as(Role::Editor).await;
    let created = editor
        .post(
            "/admin/articles/new",
            &[
                ("edition", "en"),
                ("headline", "Harbour strike ends"),
                ("lead", "Work resumes."),
                ("body", "The quay was quiet."),
                ("then", "save"),
            ],
        )
        .await;
    assert!(created.status.is_redirection(), "{}", created.body);
    let edit = created.location().split('?').next().unwrap().to_owned();

    let page = editor.get(&edit).await;
    assert_eq!(page.status, http::StatusCode::OK);
    let html = unescape(&page.body);
    assert_eq!(checklist_shown(&html), Some(true), "{html}");
    assert!(html.contains("Not ready to publish yet."), "{html}");
    assert_eq!(need_shown(&html, "section"), Some(true));
    assert_eq!(need_shown(&html, "byline"), Some(true));
    assert!(
        html.contains("data-saved-missing=\"section byline\""),
        "Publish now acts on the saved version, which lacks both: {html}"
    );
    assert!(
        html.contains("id=\"publish-warning\""),
        "the dialog is there"
    );
    // The dialog's own form must not nest in the article form: browsers would end the
    // article form at the dialog's `</form>`, leaving the publish buttons in no form.
    let form = &html[html.find("<form id=\"article-form\"").unwrap()..];
    let form = &form[..form.find("</form>").unwrap()];
    assert!(
        !form.contains("<dialog"),
        "no dialog inside the article form"
    );
    assert!(
        form.contains("name=\"then\" value=\"publish\""),
        "the publish button is in it"
    );

    // A section only: the byline is still wanted.
    let section = app.desk.section("en").to_string();
    let saved = editor
        .post(
            &edit,
            &[
                ("version", &version(&html)),
                ("headline", "Harbour strike ends"),
                ("lead", "Work resumes."),
                ("body", "The quay was quiet."),
                ("section_id", &section),
                ("then", "save"),
            ],
        )
        .await;
    assert!(saved.status.is_redirection(), "{}", saved.body);
    let html = unescape(&editor.get(&edit).await.body);
    assert_eq!(checklist_shown(&html), Some(true));
    assert_eq!(need_shown(&html, "section"), Some(false), "{html}");
    assert_eq!(need_shown(&html, "byline"), Some(true), "{html}");
    assert!(html.contains("data-saved-missing=\"byline\""), "{html}");

    // Both: nothing to warn about.
    let author = app.desk.author.to_string();
    let saved = editor
        .post(
            &edit,
            &[
                ("version", &version(&html)),
                ("headline", "Harbour strike ends"),
                ("lead", "Work resumes."),
                ("body", "The quay was quiet."),
                ("section_id", &section),
                ("author_ids", &author),
                ("then", "save"),
            ],
        )
        .await;
    assert!(saved.status.is_redirection(), "{}", saved.body);
    let html = unescape(&editor.get(&edit).await.body);
    assert_eq!(checklist_shown(&html), Some(false), "{html}");
    assert!(html.contains("data-saved-missing=\"\""), "{html}");
}

#[tokio::test]
async fn a_new_article_form_warns_from_the_start_and_contributors_see_no_publish_warning() {
    let app = TestApp::new().await;
    let mut editor = app.client_as(Role::Editor).await;
    let html = unescape(&editor.get("/admin/articles/new?edition=en").await.body);
    assert_eq!(checklist_shown(&html), Some(true), "{html}");
    assert_eq!(need_shown(&html, "section"), Some(true));
    assert_eq!(need_shown(&html, "byline"), Some(true));

    // Contributors never publish; whoever publishes their draft sees the warning, they do not.
    let mut contributor = app.client_as(Role::Contributor).await;
    let html = unescape(&contributor.get("/admin/articles/new?edition=en").await.body);
    assert!(html.contains("name=\"headline\""), "{html}");
    assert_eq!(checklist_shown(&html), None, "{html}");
}

#[tokio::test]
async fn tags_and_bylines_are_chip_fields_over_the_select_that_still_submits() {
    let app = TestApp::new().await;
    let mut editor = app.client_as(Role::Editor).await;
    let html = unescape(&editor.get("/admin/articles/new?edition=en").await.body);
    // The selects stay the form's fields (they work without JavaScript) and carry the
    // attributes chips.js enhances.
    assert!(
        html.contains("<select id=\"tag_ids\" name=\"tag_ids\" multiple size=\"6\" form=\"article-form\" data-chips=\"tag\">"),
        "{html}"
    );
    assert!(html.contains("data-chips=\"author\""), "{html}");
    let js = editor.get("/admin/static/chips.js").await;
    assert_eq!(js.status, http::StatusCode::OK);
    assert!(js.header("content-type").starts_with("text/javascript"));
    let js = editor.get("/admin/static/publish-check.js").await;
    assert_eq!(js.status, http::StatusCode::OK);
}
