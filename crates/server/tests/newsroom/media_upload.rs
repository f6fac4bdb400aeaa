//! The media library: uploads through the API and the page, metadata prefill, renditions
//! made by the worker, the four bad uploads, alt text before publishing, deletion.

use axum::body::Body;
use http::{Method, Request, StatusCode};
use newsdesk_core::Role;
use serde_json::{Value, json};

use crate::api_support::{
    Auth, IPTC_PHOTO, assert_documented, bearer, call, call_raw, media_objects, multipart,
    multipart_type, served_document, small_jpeg, upload,
};
use crate::support::{TestApp, run_pending_now};

const PHOTOS: &str = "/api/v1/admin/photos";

pub fn iptc_photo() -> Vec<u8> {
    std::fs::read(IPTC_PHOTO).unwrap()
}

#[tokio::test]
async fn an_iptc_photo_is_prefilled_from_its_metadata_and_gets_renditions_off_the_request() {
    let app = TestApp::new().await;
    let doc = served_document(&app).await;
    let (_, contributor) = bearer(&app, Role::Contributor).await;
    let r = upload(
        &app,
        &contributor,
        "IPTC-PhotometadataRef-Std2023.2.jpg",
        &iptc_photo(),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_documented(&doc, "post", PHOTOS, &r);
    let photo = r.json();
    assert_eq!(photo["caption"], "The description aka caption (ref2023.2)");
    assert_eq!(photo["credit"]["creator"], "Creator1 (ref2023.2)");
    assert_eq!(photo["credit"]["agency"], "Credit Line (ref2023.2)");
    assert!(
        photo["copyright_notice"]
            .as_str()
            .unwrap()
            .starts_with("Copyright (Notice) 2023.2 IPTC")
    );
    // The year of the photo's Date Created (2024-03-22), not "2023" out of "2023.2".
    assert_eq!(photo["copyright_year"], 2024);
    assert_eq!(
        photo["alt_text"],
        "This is the Alt Text description to support accessibility in 2023.2"
    );
    assert_eq!(
        photo["credit_line"],
        "© Copyright (Notice) 2023.2 IPTC - www.iptc.org (ref2023.2) / Credit Line (ref2023.2) / Creator1 (ref2023.2)"
    );
    assert_eq!(
        (photo["width"].as_u64(), photo["height"].as_u64()),
        (Some(2000), Some(1000))
    );
    assert_eq!(photo["content_type"], "image/jpeg");
    // Renditions are not made while the uploader waits.
    assert_eq!(photo["processing"], true);
    assert_eq!(photo["renditions"], json!([]));
    let id = photo["id"].as_i64().unwrap();
    assert_eq!(r.header("location"), format!("{PHOTOS}/{id}"));

    assert_eq!(run_pending_now(&app.state).await.unwrap(), 1);
    assert_eq!(
        run_pending_now(&app.state).await.unwrap(),
        0,
        "the job is done once"
    );
    let r = call(
        &app,
        Method::GET,
        &format!("{PHOTOS}/{id}"),
        &contributor,
        None,
    )
    .await;
    assert_documented(&doc, "get", "/api/v1/admin/photos/{id}", &r);
    let photo = r.json();
    assert_eq!(photo["processing"], false);
    let renditions = photo["renditions"].as_array().unwrap();
    let widths: Vec<u64> = renditions
        .iter()
        .filter(|r| r["crop"].is_null())
        .map(|r| r["width"].as_u64().unwrap())
        .collect();
    assert!(
        widths.contains(&1920) && widths.iter().all(|w| *w <= 1920),
        "{widths:?}"
    );
    for kind in ["image/webp", "image/jpeg"] {
        assert!(
            renditions
                .iter()
                .any(|r| r["content_type"] == kind && r["width"] == 640),
            "no 640 px {kind}"
        );
    }
    let crops: Vec<&str> = renditions
        .iter()
        .filter_map(|r| r["crop"].as_str())
        .collect();
    // The JSON-LD crops, then the hero frame's 16:9 ladder (the 2:1 photo is not 16:9).
    let (jsonld, frame) = crops.split_at(3.min(crops.len()));
    assert_eq!(jsonld, ["16x9", "4x3", "1x1"]);
    assert!(
        !frame.is_empty() && frame.iter().all(|c| *c == "16x9"),
        "{crops:?}"
    );

    // Renditions carry no metadata: the original's GPS position stays in the original.
    for r in renditions {
        let url = r["url"].as_str().unwrap();
        let served = app
            .send(Request::get(url).body(Body::empty()).unwrap())
            .await;
        assert_eq!(served.status, StatusCode::OK, "{url}");
        let key = url.trim_start_matches("/media/");
        let bytes = app.state.media().get(key).await.unwrap();
        assert!(
            !bytes.windows(4).any(|w| w == b"Exif") && !bytes.windows(3).any(|w| w == b"GPS"),
            "{url} keeps metadata"
        );
    }
    let thumb = photo["thumbnail_url"].as_str().unwrap();
    assert!(
        thumb.ends_with("/w320.webp") || thumb.ends_with("/w320.jpg"),
        "{thumb}"
    );

    // Listing and searching find it by its credit.
    let list = call(
        &app,
        Method::GET,
        &format!("{PHOTOS}?q=credit%20line"),
        &contributor,
        None,
    )
    .await;
    assert_documented(&doc, "get", PHOTOS, &list);
    assert_eq!(list.json()["items"][0]["id"], id);

    // Deleting removes the row, the original and every rendition.
    let (_, editor) = bearer(&app, Role::Editor).await;
    assert_eq!(
        call(
            &app,
            Method::DELETE,
            &format!("{PHOTOS}/{id}"),
            &contributor,
            None
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        call(
            &app,
            Method::DELETE,
            &format!("{PHOTOS}/{id}"),
            &editor,
            None
        )
        .await
        .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(media_objects(&app).await, Vec::<String>::new());
    assert_eq!(
        call(&app, Method::GET, &format!("{PHOTOS}/{id}"), &editor, None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

/// The smallest PNG header claiming `width` × `height` (IHDR and IEND with real CRCs).
fn png_header(width: u32, height: u32) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for b in bytes {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
        let mut typed = kind.to_vec();
        typed.extend_from_slice(data);
        out.extend_from_slice(&typed);
        out.extend_from_slice(&crc32(&typed).to_be_bytes());
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IEND", &[]);
    png
}

pub async fn assert_nothing_left(app: &TestApp, what: &str) {
    assert_eq!(
        app.store().list_photos(None, 10, 0).await.unwrap().len(),
        0,
        "{what}: a photo row was left"
    );
    assert_eq!(
        media_objects(app).await,
        Vec::<String>::new(),
        "{what}: a file was left in media storage"
    );
    assert_eq!(
        run_pending_now(&app.state).await.unwrap(),
        0,
        "{what}: a rendition job was queued"
    );
}

fn message(body: &Value) -> String {
    let e = &body["error"];
    let fields: Vec<String> = e["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| f["message"].as_str().unwrap_or("").to_owned())
        .collect();
    format!(
        "{} {}",
        e["message"].as_str().unwrap_or(""),
        fields.join(" ")
    )
}

#[tokio::test]
async fn the_four_bad_uploads_are_refused_clearly_and_leave_nothing_behind() {
    let app = TestApp::new().await;
    let doc = served_document(&app).await;
    let (_, editor) = bearer(&app, Role::Editor).await;
    let max = app.state.config().max_upload_bytes;

    // 1. A text file named .jpg: judged by content.
    let r = upload(
        &app,
        &editor,
        "holiday.jpg",
        b"Dear team, the photos will follow tomorrow.\n",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{}", r.body);
    assert_documented(&doc, "post", PHOTOS, &r);
    assert!(
        message(&r.json()).contains("not a JPEG, PNG or WebP image"),
        "{}",
        r.body
    );
    assert_nothing_left(&app, "text file").await;

    // 2. A truncated JPEG: the header is fine, the image data stops half-way.
    let whole = iptc_photo();
    let r = upload(&app, &editor, "cut.jpg", &whole[..whole.len() * 6 / 10]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_documented(&doc, "post", PHOTOS, &r);
    assert!(
        message(&r.json()).contains("damaged or incomplete"),
        "{}",
        r.body
    );
    assert_nothing_left(&app, "truncated JPEG").await;

    // 3. A 20,000 × 20,000 PNG (a decompression bomb): refused from its header.
    let r = call_raw(
        &app,
        Method::POST,
        PHOTOS,
        &editor,
        "image/png",
        png_header(20_000, 20_000),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let text = message(&r.json());
    assert!(
        text.contains("20000×20000") && text.contains("limit"),
        "{text}"
    );
    assert_nothing_left(&app, "huge PNG").await;

    // 4. An oversized body, streamed (no Content-Length) and declared.
    let mut big = small_jpeg();
    big.resize(max + 1024, 0);
    let r = call_raw(
        &app,
        Method::POST,
        PHOTOS,
        &editor,
        "image/jpeg",
        big.clone(),
    )
    .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.body);
    assert_documented(&doc, "post", PHOTOS, &r);
    assert!(
        message(&r.json()).contains(&max.to_string()),
        "the limit is named: {}",
        r.body
    );
    let r = call_raw(
        &app,
        Method::POST,
        PHOTOS,
        &editor,
        &multipart_type(),
        multipart("big.jpg", &big, &[]),
    )
    .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.body);
    let Auth::Bearer(token) = &editor else {
        unreachable!()
    };
    let declared = Request::post(PHOTOS)
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "image/jpeg")
        .header("content-length", (max * 2).to_string())
        .body(Body::from(vec![0u8; 16]))
        .unwrap();
    assert_eq!(
        app.send(declared).await.status,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    assert_nothing_left(&app, "oversized body").await;

    // Not an upload at all.
    let r = call(
        &app,
        Method::POST,
        PHOTOS,
        &editor,
        Some(&json!({ "file": "x" })),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{}", r.body);
    let r = call_raw(
        &app,
        Method::POST,
        PHOTOS,
        &editor,
        &multipart_type(),
        b"--nope".to_vec(),
    )
    .await;
    assert!(r.status.is_client_error(), "{}", r.body);
    assert_nothing_left(&app, "not an upload").await;
}

#[tokio::test]
async fn alt_text_is_required_before_an_article_with_the_photo_is_published() {
    let app = TestApp::new().await;
    let (_, editor) = bearer(&app, Role::Editor).await;
    let r = upload(&app, &editor, "plain.jpg", &small_jpeg()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let photo = r.json();
    assert_eq!(photo["alt_text"], "");
    assert_eq!(photo["publishable"], false);
    let id = photo["id"].as_i64().unwrap();

    // Placed and bylined, so the photo's missing alt text is all that stands in the way.
    let draft = json!({
        "edition": "en",
        "headline": "Storm closes the coast road",
        "hero_photo_id": id,
        "section_id": app.desk.section("en"),
        "author_ids": [app.desk.author],
    });
    let article = call(
        &app,
        Method::POST,
        "/api/v1/admin/articles",
        &editor,
        Some(&draft),
    )
    .await;
    assert_eq!(article.status, StatusCode::CREATED, "{}", article.body);
    let article_id = article.json()["id"].as_i64().unwrap();
    let publish = format!("/api/v1/admin/articles/{article_id}/publish");
    let refused = call(&app, Method::POST, &publish, &editor, None).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    let why = message(&refused.json());
    assert!(
        why.contains("alt text") && why.contains(&format!("photo {id}")),
        "{}",
        refused.body
    );

    let one = format!("{PHOTOS}/{id}");
    let copy = call(
        &app,
        Method::PATCH,
        &one,
        &editor,
        Some(
            &json!({ "caption": "Waves on the coast road", "alt_text": "Waves on the coast road" }),
        ),
    )
    .await;
    assert_eq!(
        copy.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "alt text may not repeat the caption: {}",
        copy.body
    );
    let fixed = call(&app, Method::PATCH, &one, &editor, Some(&json!({ "alt_text": "Grey waves breaking over a road barrier", "credit_agency": "Coast Times" }))).await;
    assert_eq!(fixed.status, StatusCode::OK, "{}", fixed.body);
    let fixed = fixed.json();
    assert_eq!(fixed["publishable"], true);
    assert_eq!(fixed["credit"]["agency"], "Coast Times");
    assert_eq!(
        call(&app, Method::POST, &publish, &editor, None)
            .await
            .status,
        StatusCode::OK
    );

    // The hero photo of a published article cannot be deleted from under it: the refusal
    // names the article that shows it.
    let r = call(&app, Method::DELETE, &one, &editor, None).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    let body = r.json();
    assert_eq!(body["error"]["code"], "in_use", "{}", r.body);
    assert_eq!(
        body["error"]["used_by"],
        json!([{ "id": article_id, "headline": "Storm closes the coast road" }]),
        "{}",
        r.body
    );
    let doc = served_document(&app).await;
    assert_documented(&doc, "delete", "/api/v1/admin/photos/{id}", &r);
    assert_eq!(
        call(&app, Method::GET, &one, &editor, None).await.status,
        StatusCode::OK,
        "the photo is still there"
    );
}

/// An upload larger than the JSON body limit and axum's default 2 MB is still accepted:
/// uploads answer to `max_upload_bytes` alone, on both routes into the pipeline.
#[tokio::test]
async fn large_photos_are_accepted_up_to_the_configured_limit() {
    let app = TestApp::new().await;
    let (_, editor) = bearer(&app, Role::Editor).await;
    // A real photo made bulky the way cameras and agencies do: 48 comment segments of
    // 60 KB each after the start-of-image marker (decoders skip them).
    let photo = iptc_photo();
    let mut big = photo[..2].to_vec();
    for _ in 0..48 {
        let payload = vec![b'x'; 60_000];
        big.extend_from_slice(&[0xFF, 0xFE]);
        big.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
        big.extend_from_slice(&payload);
    }
    big.extend_from_slice(&photo[2..]);
    assert!(
        big.len() > 2 * 1024 * 1024,
        "the fixture must exceed 2 MiB ({} bytes)",
        big.len()
    );
    let r = call_raw(
        &app,
        Method::POST,
        PHOTOS,
        &editor,
        "image/jpeg",
        big.clone(),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let r = upload(&app, &editor, "big.jpg", &big).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(
        r.json()["caption"],
        "The description aka caption (ref2023.2)"
    );
}

/// The library page's scripts upload with the session: the CSRF token goes in the query
/// (a multipart body is streamed, so the auth layer cannot look inside it).
#[tokio::test]
async fn a_session_uploads_through_the_api_with_the_csrf_token_in_the_query() {
    let app = TestApp::new().await;
    let (_, auth) = crate::api_support::session(&app, Role::Contributor).await;
    let Auth::Session { cookie, csrf } = &auth else {
        unreachable!()
    };
    let send = |uri: String| {
        Request::post(uri)
            .header("cookie", format!("nd_session={cookie}"))
            .header("content-type", multipart_type())
            .body(Body::from(multipart(
                "photo.jpg",
                &small_jpeg(),
                &[("alt_text", "A grey test card")],
            )))
            .unwrap()
    };
    let refused = app.send(send(PHOTOS.to_owned())).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    assert_nothing_left(&app, "session upload without CSRF").await;
    let query: String = url::form_urlencoded::byte_serialize(csrf.as_bytes()).collect();
    let r = app.send(send(format!("{PHOTOS}?csrf={query}"))).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.json()["alt_text"], "A grey test card");
}

/// What an API client reads when an upload is refused: the exact bodies, reviewed as text.
#[tokio::test]
async fn refused_upload_bodies_read_well() {
    let app = TestApp::new().await;
    let (_, editor) = bearer(&app, Role::Editor).await;
    let whole = iptc_photo();
    let text = upload(
        &app,
        &editor,
        "holiday.jpg",
        b"Dear team, the photos will follow.\n",
    )
    .await;
    let truncated = upload(&app, &editor, "cut.jpg", &whole[..whole.len() / 2]).await;
    let bomb = call_raw(
        &app,
        Method::POST,
        PHOTOS,
        &editor,
        "image/png",
        png_header(20_000, 20_000),
    )
    .await;
    let mut big = small_jpeg();
    big.resize(app.state.config().max_upload_bytes + 1, 0);
    let oversized = call_raw(&app, Method::POST, PHOTOS, &editor, "image/jpeg", big).await;
    let bodies: Vec<Value> = [text, truncated, bomb, oversized]
        .iter()
        .map(|r| json!({ "status": r.status.as_u16(), "body": r.json() }))
        .collect();
    insta::assert_json_snapshot!("refused_uploads", bodies);
}

/// The worker started by `serve` makes the renditions by itself once an upload wakes it,
/// and announces the photo's change on the bus (what caches and other instances follow).
#[tokio::test]
async fn the_background_worker_makes_renditions_and_announces_them() {
    use newsdesk_bus::BusMessage;
    use newsdesk_core::Change;

    let app = TestApp::new().await;
    let mut bus = app.state.bus().subscribe();
    let background = newsdesk_server::start_background(&app.state);
    let (_, editor) = bearer(&app, Role::Editor).await;
    let r = upload(&app, &editor, "photo.jpg", &small_jpeg()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.json()["id"].as_i64().unwrap();
    let announced = tokio::time::timeout(std::time::Duration::from_secs(60), async {
        loop {
            match bus.recv().await {
                Some(BusMessage::Event(e)) if e.change == (Change::Photo { id }) => return,
                Some(_) => {}
                None => panic!("the bus closed"),
            }
        }
    })
    .await;
    background.shutdown(std::time::Duration::from_secs(5)).await;
    assert!(announced.is_ok(), "no Photo change was announced");
    let photo = app.store().get_photo(id).await.unwrap();
    assert!(!photo.renditions.is_empty());
}
