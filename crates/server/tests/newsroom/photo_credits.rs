//! Photo credit lines as IPTC defines the fields (#18): IPTC's reference photo, uploaded
//! through the library page, is prefilled with its Credit Line, Copyright Notice and the
//! year of its Date Created, and readers see the notice carrying the ©, the credit as
//! supplied and the creator; without a notice, the house style "© CREDIT YEAR / CREATOR".

use axum::body::Body;
use http::{Request, StatusCode};
use newsdesk_core::Role;

use crate::media_pages::page_upload;
use crate::media_upload::iptc_photo;
use crate::support::{TestApp, run_pending_now, unescape};

const WITH_NOTICE: &str = "© Copyright (Notice) 2023.2 IPTC - www.iptc.org (ref2023.2) / Credit Line (ref2023.2) / Creator1 (ref2023.2)";
const WITHOUT_NOTICE: &str = "© Credit Line (ref2023.2) 2024 / Creator1 (ref2023.2)";

/// The public page of a published article showing photo `id` as hero and in the body.
async fn public_page_with(app: &TestApp, id: i64) -> String {
    let editor = app
        .account(Role::Editor, "credits-editor@example.com")
        .await;
    let actor = newsdesk_newsroom::Actor::from_account(&editor);
    let mut draft = app.publishable_draft("en", "The reference photo in a story");
    draft.hero_photo_id = Some(id);
    draft.body = format!("First paragraph.\n\n::photo[{id}]\n\nLast paragraph.");
    let article = newsdesk_newsroom::actions::articles::create(&app.state, &actor, &draft)
        .await
        .unwrap();
    newsdesk_newsroom::actions::articles::publish(&app.state, &actor, article.id)
        .await
        .unwrap();
    let article = app.store().get_article(article.id).await.unwrap();
    let page = app
        .send(Request::get(article.path()).body(Body::empty()).unwrap())
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    unescape(&page.body)
}

/// The `value` of the `<input name="{name}">` on a page.
fn input_value(html: &str, name: &str) -> Option<String> {
    let start = html.find(&format!("name=\"{name}\""))?;
    let tag = &html[start..start + html[start..].find('>')?];
    let value = tag.split("value=\"").nth(1)?;
    Some(value[..value.find('"')?].to_owned())
}

#[tokio::test]
async fn the_iptc_reference_photo_is_credited_as_iptc_defines_its_fields() {
    let app = TestApp::new().await;
    let mut browser = app.client_as(Role::Editor).await;
    let cookie = browser.cookies["nd_session"].clone();
    let csrf = browser.csrf.clone();

    // Upload through the library page: the form comes back prefilled from the metadata.
    let r = app
        .send(page_upload(
            &cookie,
            Some(&csrf),
            "IPTC-PhotometadataRef-Std2023.2.jpg",
            &iptc_photo(),
            &[],
        ))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let location = r.location().to_owned();
    let id: i64 = location
        .trim_start_matches("/admin/media/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let form = unescape(&browser.get(&location).await.body);
    for (field, value) in [
        ("credit_agency", "Credit Line (ref2023.2)"),
        ("credit_creator", "Creator1 (ref2023.2)"),
        (
            "copyright_notice",
            "Copyright (Notice) 2023.2 IPTC - www.iptc.org  (ref2023.2)",
        ),
        // Date Created is 2024-03-22; "2023.2" in the notice is no year.
        ("copyright_year", "2024"),
    ] {
        assert_eq!(input_value(&form, field).as_deref(), Some(value), "{field}");
    }
    assert!(
        form.contains(WITH_NOTICE),
        "the page's preview of the credit"
    );
    assert!(!form.contains("© Credit Line"), "no © on the credit line");

    // Stored as such, and so read by every consumer (page, API, feeds).
    let photo = app.store().get_photo(id).await.unwrap();
    assert_eq!(photo.copyright_year, Some(2024));
    assert_eq!(photo.credit_line(), WITH_NOTICE);

    run_pending_now(&app.state).await.unwrap();
    let html = public_page_with(&app, id).await;
    assert!(html.contains(WITH_NOTICE), "readers see the IPTC credit");
    assert!(!html.contains("© Credit Line (ref2023.2) 2023"));

    // Without a copyright notice the credit line carries the © and the year created.
    let saved = browser
        .post(
            &format!("/admin/media/{id}"),
            &[
                ("caption", &photo.caption),
                ("alt_text", &photo.alt_text),
                ("credit_agency", "Credit Line (ref2023.2)"),
                ("credit_creator", "Creator1 (ref2023.2)"),
                ("copyright_notice", ""),
                ("copyright_year", "2024"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let photo = app.store().get_photo(id).await.unwrap();
    assert_eq!(photo.credit_line(), WITHOUT_NOTICE);
    let edit = unescape(&browser.get(&format!("/admin/media/{id}")).await.body);
    assert!(edit.contains(WITHOUT_NOTICE), "{edit}");
}
