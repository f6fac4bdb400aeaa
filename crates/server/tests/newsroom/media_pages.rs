//! The library pages: upload (multipart with the CSRF token in the query), list, search,
//! edit caption, alt text and credit, delete.

use crate::support::run_pending_now;
use axum::body::Body;
use http::{Request, StatusCode};
use newsdesk_core::Role;

use crate::api_support::{media_objects, multipart, multipart_type};
use crate::media_upload::{assert_nothing_left, iptc_photo};
use crate::support::{TestApp, unescape};

pub(crate) fn page_upload(
    cookie: &str,
    csrf: Option<&str>,
    filename: &str,
    bytes: &[u8],
    fields: &[(&str, &str)],
) -> Request<Body> {
    let uri = match csrf {
        Some(token) => format!(
            "/admin/media/new?csrf={}",
            url::form_urlencoded::byte_serialize(token.as_bytes()).collect::<String>()
        ),
        None => "/admin/media/new".to_owned(),
    };
    Request::post(uri)
        .header("cookie", format!("nd_session={cookie}"))
        .header("content-type", multipart_type())
        .body(Body::from(multipart(filename, bytes, fields)))
        .unwrap()
}

#[tokio::test]
async fn the_library_pages_upload_list_search_and_edit() {
    let app = TestApp::new().await;
    let mut browser = app.client_as(Role::Contributor).await;
    let cookie = browser.cookies["nd_session"].clone();
    let csrf = browser.csrf.clone();

    let form = browser.get("/admin/media/new").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("enctype=\"multipart/form-data\"")
            && form.body.contains("name=\"file\"")
    );

    // Without the CSRF token the upload is refused, and nothing is stored.
    let r = app
        .send(page_upload(&cookie, None, "photo.jpg", &iptc_photo(), &[]))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_nothing_left(&app, "upload without CSRF").await;

    // A bad file re-renders the form with the reason and the refusal's status.
    let r = app
        .send(page_upload(
            &cookie,
            Some(&csrf),
            "notes.jpg",
            b"just some notes",
            &[("caption", "Kept caption")],
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(
        r.body.contains("not a JPEG, PNG or WebP image") && r.body.contains("Kept caption"),
        "{}",
        r.body
    );
    assert_nothing_left(&app, "bad page upload").await;

    // A typed caption wins over the embedded one.
    let r = app
        .send(page_upload(
            &cookie,
            Some(&csrf),
            "photo.jpg",
            &iptc_photo(),
            &[("caption", "Reference photo from the IPTC")],
        ))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let location = r.location().to_owned();
    assert!(
        location.starts_with("/admin/media/") && location.ends_with("?done=uploaded"),
        "{location}"
    );
    let id: i64 = location
        .trim_start_matches("/admin/media/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let photo = app.store().get_photo(id).await.unwrap();
    assert_eq!(photo.caption, "Reference photo from the IPTC");
    assert_eq!(photo.credit.creator, "Creator1 (ref2023.2)");

    let edit = browser.get(&location).await;
    assert_eq!(edit.status, StatusCode::OK);
    assert!(
        edit.body.contains("Reference photo from the IPTC") && edit.body.contains("being made"),
        "{}",
        edit.body
    );
    run_pending_now(&app.state).await.unwrap();

    let list = browser.get("/admin/media?q=reference").await;
    assert_eq!(list.status, StatusCode::OK);
    let list_html = unescape(&list.body);
    assert!(
        list_html.contains(&format!("/admin/media/{id}")) && list_html.contains("/w320."),
        "{}",
        list.body
    );
    let none = browser.get("/admin/media?q=zebra").await;
    assert!(!none.body.contains(&format!("/admin/media/{id}\"")));

    let saved = browser
        .post(
            &format!("/admin/media/{id}"),
            &[
                ("caption", "Reference photo"),
                ("alt_text", "A test card of coloured bars"),
                ("credit_agency", "IPTC"),
                ("credit_creator", "Creator1"),
                ("copyright_notice", "© IPTC"),
                ("copyright_year", "2024"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let photo = app.store().get_photo(id).await.unwrap();
    assert_eq!(
        (photo.alt_text.as_str(), photo.copyright_year),
        ("A test card of coloured bars", Some(2024))
    );

    let bad = browser
        .post(
            &format!("/admin/media/{id}"),
            &[("caption", "Bars"), ("alt_text", "bars.jpg")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("not name its file"), "{}", bad.body);

    // Contributors may not delete; editors may.
    assert_eq!(
        browser
            .post(&format!("/admin/media/{id}/delete"), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let mut editor = app.client_as(Role::Editor).await;
    let gone = editor.post(&format!("/admin/media/{id}/delete"), &[]).await;
    assert_eq!(gone.location(), "/admin/media?done=deleted");
    assert_eq!(media_objects(&app).await, Vec::<String>::new());
}
