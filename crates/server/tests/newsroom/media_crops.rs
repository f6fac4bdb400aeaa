//! Crops per aspect ratio in the media library: an editor draws the 16:9 crop of a photo
//! through the form (bad rectangles refused with the reason, nothing lost), the rendition
//! job cuts it, the public page's hero `<picture>` and share image name the new crop at
//! once (its cached copy refreshed), and every image it names is 16:9 and comes from the
//! drawn region; "Reset to focal point" goes back. The Admin API sets them too.

use axum::body::Body;
use http::{Method, Request, StatusCode};
use http_body_util::BodyExt;
use image::{ImageEncoder, Rgb, RgbImage};
use newsdesk_core::{ArticleDraft, Role};
use newsdesk_store::PhotoCrop;
use regex::Regex;
use serde_json::json;
use tower::ServiceExt;

use crate::api_support::{Auth, bearer, call, photo_fixture, upload};
use crate::support::{TestApp, run_pending_now, unescape};

const YELLOW: [u8; 3] = [255, 220, 0];

/// 1600 × 1200 in four flat quadrants: red, blue / green, yellow. A crop's pixels tell
/// which part of the photo it came from.
fn quadrants() -> Vec<u8> {
    let image = RgbImage::from_fn(1600, 1200, |x, y| match (x < 800, y < 600) {
        (true, true) => Rgb([220, 0, 0]),
        (false, true) => Rgb([0, 0, 220]),
        (true, false) => Rgb([0, 160, 0]),
        (false, false) => Rgb(YELLOW),
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92)
        .write_image(image.as_raw(), 1600, 1200, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// The quadrant photo, its renditions made and its alt text written; returns its id.
async fn photo(app: &TestApp, auth: &Auth) -> i64 {
    let r = upload(app, auth, "quadrants.jpg", &quadrants()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.json()["id"].as_i64().unwrap();
    run_pending_now(&app.state).await.unwrap();
    let text = newsdesk_store::PhotoText {
        caption: "Four colours".into(),
        alt_text: "A picture in four coloured quarters".into(),
        credit: newsdesk_core::Credit::default(),
        copyright_notice: String::new(),
        copyright_year: None,
    };
    app.store().update_photo_text(id, &text).await.unwrap();
    id
}

/// A published article with photo `id` as its hero; returns its public path.
async fn article_with_hero(app: &TestApp, id: i64) -> String {
    let editor = app.account(Role::Editor, "crop-desk@example.com").await;
    let actor = newsdesk_newsroom::Actor::from_account(&editor);
    let draft = ArticleDraft {
        hero_photo_id: Some(id),
        ..app.publishable_draft("en", "The four quarters")
    };
    let article = newsdesk_newsroom::actions::articles::create(&app.state, &actor, &draft)
        .await
        .unwrap();
    let (article, _) = app
        .store()
        .publish_article(article.id, chrono::Utc::now(), Some(editor.id))
        .await
        .unwrap();
    article.path()
}

/// `[(type, [(url, width)])]` of the hero's `<source>`s.
fn hero_sources(html: &str) -> Vec<(String, Vec<(String, u32)>)> {
    let start = html
        .find("<figure class=\"story__hero\">")
        .unwrap_or_else(|| panic!("no hero in {html}"));
    let end = html[start..].find("</figure>").unwrap() + start;
    let source = Regex::new(r#"<source type="([^"]+)" srcset="([^"]+)""#).unwrap();
    source
        .captures_iter(&html[start..end])
        .map(|c| {
            let entries = c[2]
                .split(", ")
                .map(|e| {
                    let (url, w) = e.split_once(' ').unwrap();
                    (url.to_owned(), w.trim_end_matches('w').parse().unwrap())
                })
                .collect();
            (c[1].to_owned(), entries)
        })
        .collect()
}

async fn public_page(app: &TestApp, path: &str) -> String {
    let page = app.anonymous().get(path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    unescape(&page.body)
}

/// An image as a reader's browser fetches it.
async fn fetch_image(app: &TestApp, url: &str) -> image::RgbImage {
    let router =
        newsdesk_server::router_with(app.state.clone(), newsdesk_server::Options::default());
    let response = router
        .oneshot(Request::get(url).body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{url}");
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    image::load_from_memory(&bytes).unwrap().to_rgb8()
}

fn is_yellow([r, g, b]: [u8; 3]) -> bool {
    r > 200 && g > 180 && b < 70
}

#[tokio::test]
async fn an_editor_draws_the_wide_crop_and_the_page_shows_exactly_it() {
    let app = TestApp::new().await;
    let (_, auth) = bearer(&app, Role::Editor).await;
    let id = photo(&app, &auth).await;
    let path = article_with_hero(&app, id).await;

    // Before: the hero frame is cut around the centre (a 4:3 photo in a 16:9 frame).
    let html = public_page(&app, &path).await;
    let before = hero_sources(&html);
    assert!(!before.is_empty());
    for (_, entries) in &before {
        assert!(
            entries.iter().all(|(u, _)| u.contains("/c16x9-w")),
            "{entries:?}"
        );
    }

    let mut editor = app.client_as(Role::Editor).await;
    let uri = format!("/admin/media/{id}/crops");
    let page = unescape(&editor.get(&format!("/admin/media/{id}")).await.body);
    assert!(page.contains("data-crop-editor") && page.contains(&format!("action=\"{uri}\"")));
    assert!(page.contains("/admin/static/crop.js") && page.contains("Reset to focal point"));
    // The fields start at the focal point's crop: the whole width, centred.
    assert!(page.contains("id=\"crop-16x9-y\" name=\"y\""), "{page}");
    assert!(page.contains("value=\"150\"") && page.contains("value=\"900\""));
    let js = editor.get("/admin/static/crop.js").await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(js.header("content-type").starts_with("text/javascript"));

    let wide = |x: &'static str, y: &'static str, w: &'static str, h: &'static str| {
        vec![
            ("aspect", "16x9"),
            ("x", x),
            ("y", y),
            ("width", w),
            ("height", h),
            ("action", "save"),
        ]
    };
    // Without the form's CSRF token: refused, nothing stored.
    let r = editor
        .post_raw(&uri, &wide("850", "650", "704", "396"))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Off the aspect, past the edge, too small: the page again with the reason by the
    // field and what was typed; nothing stored.
    for (fields, reason, kept) in [
        (
            wide("850", "650", "704", "500"),
            "a 16:9 crop 704 px wide is 396 px tall, not 500",
            "value=\"500\"",
        ),
        (
            wide("1000", "650", "704", "396"),
            "reaches past the right edge of the photo (1600 px wide)",
            "value=\"1000\"",
        ),
        (
            wide("850", "650", "160", "90"),
            "must be at least 320 px wide",
            "value=\"160\"",
        ),
        (
            wide("850", "six", "704", "396"),
            "must be a whole number of pixels",
            "value=\"six\"",
        ),
    ] {
        let r = editor.post(&uri, &fields).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{reason}: {}",
            r.body
        );
        let body = unescape(&r.body);
        assert!(body.contains(reason), "{reason}: {body}");
        assert!(body.contains(kept), "{kept}");
        assert!(body.contains("Please check the 16:9 crop"));
    }
    assert!(app.store().photo_crops(id).await.unwrap().is_empty());

    // Inside the yellow quarter, its height a pixel off: snapped and saved.
    let r = editor.post(&uri, &wide("850", "650", "704", "397")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        r.location(),
        format!("/admin/media/{id}?done=crop#crop-16x9")
    );
    let drawn = PhotoCrop {
        aspect: (16, 9),
        x: 850,
        y: 650,
        width: 704,
        height: 396,
    };
    assert_eq!(app.store().photo_crops(id).await.unwrap(), [drawn]);
    let page = editor.get(r.location()).await;
    assert!(page.body.contains("Crop saved") && page.body.contains("This crop is being made"));
    assert!(page.body.contains("value=\"396\"") && page.body.contains(">drawn<"));
    // The focal point's part does not claim its crops are being remade: they are not.
    assert!(!page.body.contains("being made around this point"));

    // The job cuts it; the other aspects stay around the focal point.
    assert_eq!(run_pending_now(&app.state).await.unwrap(), 1);
    let keys: Vec<String> = app
        .store()
        .get_photo(id)
        .await
        .unwrap()
        .renditions
        .into_iter()
        .map(|r| r.key)
        .filter(|k| newsdesk_media::keys::crop_aspect(k).is_some())
        .collect();
    let named = "-r850x650x704x396-";
    assert!(
        keys.iter()
            .filter(|k| k.contains("/c16x9-"))
            .all(|k| k.contains(named)),
        "{keys:?}"
    );
    assert!(
        keys.contains(&format!("photos/{id}/c4x3-w1200.jpg")),
        "{keys:?}"
    );
    assert!(
        keys.contains(&format!("photos/{id}/c1x1-w1200.jpg")),
        "{keys:?}"
    );

    // The public page (served from its cache before) names the new crop, and nothing of
    // the old one: every source, and the share image.
    let html = public_page(&app, &path).await;
    let after = hero_sources(&html);
    let types: Vec<&str> = after.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(types, ["image/webp", "image/jpeg"]);
    for (_, entries) in &before {
        for (old, _) in entries {
            assert!(!html.contains(old.as_str()), "{old} still on the page");
        }
    }
    let og = Regex::new(r#"property="og:image" content="([^"]+)""#).unwrap();
    let share = &og.captures(&html).unwrap()[1];
    assert!(share.contains(named), "{share}");
    for (mime, entries) in &after {
        let widths: Vec<u32> = entries.iter().map(|(_, w)| *w).collect();
        let wanted: &[u32] = if mime == "image/webp" {
            &[320, 480, 640]
        } else {
            // The JSON-LD crop is the crop at its own width.
            &[320, 480, 640, 704]
        };
        assert_eq!(widths, wanted, "{mime}");
        for (url, width) in entries {
            assert!(url.contains(named), "{url}");
            // Each image is 16:9 to the pixel and wholly from the drawn region.
            let img = fetch_image(&app, url).await;
            assert_eq!(img.width(), *width, "{url}");
            assert_eq!(img.height(), (width * 9 + 8) / 16, "{url}");
            let (w, h) = img.dimensions();
            for (x, y) in [
                (2, 2),
                (w - 3, 2),
                (2, h - 3),
                (w - 3, h - 3),
                (w / 2, h / 2),
            ] {
                let px = img.get_pixel(x, y).0;
                assert!(is_yellow(px), "{url} at ({x}, {y}): {px:?}");
            }
        }
    }

    // "Reset to focal point": the aspect goes back to the centre's crop.
    let r = editor
        .post(&uri, &[("aspect", "16x9"), ("action", "reset")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(r.location().contains("done=crop-reset"));
    assert!(app.store().photo_crops(id).await.unwrap().is_empty());
    assert_eq!(run_pending_now(&app.state).await.unwrap(), 1);
    let html = public_page(&app, &path).await;
    for (_, entries) in hero_sources(&html) {
        assert!(
            entries.iter().all(|(u, _)| u.contains("/c16x9-w")),
            "{entries:?}"
        );
    }
}

#[tokio::test]
async fn only_those_who_may_change_the_photo_crop_it() {
    let app = TestApp::new().await;
    let theirs = photo_fixture(&app, 1).await;
    let uri = format!("/admin/media/{theirs}/crops");
    let fields = [
        ("aspect", "1x1"),
        ("x", "0"),
        ("y", "0"),
        ("width", "48"),
        ("height", "48"),
    ];
    for role in [Role::Contributor, Role::Author, Role::Moderator] {
        let mut client = app.client_as(role).await;
        let r = client.post(&uri, &fields).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{role}: {}", r.body);
        // Even with a form that is wrong: who may not, learns only that.
        let r = client.post(&uri, &[("aspect", "5x4")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{role}: {}", r.body);
    }
    assert!(app.store().photo_crops(theirs).await.unwrap().is_empty());
    assert_eq!(
        run_pending_now(&app.state).await.unwrap(),
        0,
        "no crops remade"
    );
    let mut editor = app.client_as(Role::Editor).await;
    let r = editor.post(&uri, &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(app.store().photo_crops(theirs).await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_admin_api_replaces_the_crops_and_explains_refusals() {
    let app = TestApp::new().await;
    let (_, auth) = bearer(&app, Role::Editor).await;
    let id = photo(&app, &auth).await;
    let uri = format!("/api/v1/admin/photos/{id}/crops");
    let body = json!({"crops": [
        {"aspect": "1x1", "x": 900, "y": 650, "width": 500, "height": 501},
        {"aspect": "16x9", "x": 0, "y": 0, "width": 800, "height": 450},
    ]});
    let r = call(&app, Method::PUT, &uri, &auth, Some(&body)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // Snapped, and listed in the aspects' order.
    assert_eq!(
        r.json()["crops"],
        json!([
            {"aspect": "16x9", "x": 0, "y": 0, "width": 800, "height": 450},
            {"aspect": "1x1", "x": 900, "y": 650, "width": 500, "height": 500},
        ])
    );
    let got = call(
        &app,
        Method::GET,
        &format!("/api/v1/admin/photos/{id}"),
        &auth,
        None,
    )
    .await;
    assert_eq!(got.json()["crops"], r.json()["crops"]);
    let listed = call(&app, Method::GET, "/api/v1/admin/photos", &auth, None).await;
    assert_eq!(listed.json()["items"][0]["crops"], r.json()["crops"]);

    // Refused whole, with the aspect and the problem named; nothing changes.
    for (bad, reason) in [
        (
            json!({"crops": [
                {"aspect": "1x1", "x": 0, "y": 0, "width": 500, "height": 500},
                {"aspect": "4x3", "x": 1000, "y": 0, "width": 800, "height": 600},
            ]}),
            "the 4:3 crop reaches past the right edge",
        ),
        (
            json!({"crops": [
                {"aspect": "1x1", "x": 0, "y": 0, "width": 500, "height": 500},
                {"aspect": "1x1", "x": 10, "y": 0, "width": 500, "height": 500},
            ]}),
            "1x1 is listed twice",
        ),
    ] {
        let r = call(&app, Method::PUT, &uri, &auth, Some(&bad)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        let error = &r.json()["error"];
        assert_eq!(error["fields"][0]["field"], "crops", "{error}");
        assert!(
            error["fields"][0]["message"]
                .as_str()
                .unwrap()
                .contains(reason),
            "{error}"
        );
    }
    assert_eq!(app.store().photo_crops(id).await.unwrap().len(), 2);

    // An empty list: every aspect back to the focal point.
    let r = call(&app, Method::PUT, &uri, &auth, Some(&json!({"crops": []}))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["crops"], json!([]));
    assert!(app.store().photo_crops(id).await.unwrap().is_empty());
}
