//! The search and social fields through the Admin API: accepted, returned, documented,
//! and refused past their lengths with the field named.

use http::{Method, StatusCode};
use newsdesk_core::Role;
use newsdesk_store::NewPhoto;
use serde_json::{Value, json};

use crate::api_support::{assert_documented, bearer, call, served_document};
use crate::support::TestApp;

const ARTICLES: &str = "/api/v1/admin/articles";

fn fields(body: &Value) -> Vec<&str> {
    body["error"]["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["field"].as_str())
        .collect()
}

#[tokio::test]
async fn the_api_takes_returns_and_checks_the_search_and_social_fields() {
    let app = TestApp::new().await;
    let doc = served_document(&app).await;
    let (_, editor) = bearer(&app, Role::Editor).await;
    let photo = app
        .store()
        .create_photo(&NewPhoto {
            key: "originals/social.jpg".into(),
            content_type: "image/jpeg".into(),
            width: 1600,
            height: 900,
            byte_size: 1000,
            alt_text: "A steel bridge at sunrise".into(),
            ..NewPhoto::default()
        })
        .await
        .unwrap()
        .id;

    let created = call(
        &app,
        Method::POST,
        ARTICLES,
        &editor,
        Some(&json!({
            "edition": "en",
            "headline": "After two years of repairs the harbour bridge reopens",
            "seo_title": "Harbour bridge reopens",
            "meta_description": "Traffic flows again across the harbour bridge.",
            "social_photo_id": photo,
        })),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_documented(&doc, "post", ARTICLES, &created);
    let article = created.json();
    assert_eq!(article["seo_title"], "Harbour bridge reopens");
    assert_eq!(
        article["meta_description"],
        "Traffic flows again across the harbour bridge."
    );
    assert_eq!(article["social_photo_id"], photo);
    let one = format!("{ARTICLES}/{}", article["id"]);
    let fetched = call(&app, Method::GET, &one, &editor, None).await;
    assert_eq!(fetched.json()["seo_title"], "Harbour bridge reopens");

    // The document names the limits.
    let schema = &doc["components"]["schemas"]["SaveArticle"]["properties"];
    assert_eq!(schema["seo_title"]["maxLength"], 70);
    assert_eq!(schema["meta_description"]["maxLength"], 160);

    // Past them (counted in characters, so 70 Cyrillic letters are fine): 422 naming each.
    let save = |seo: String, description: String, social: Value| {
        json!({
            "version": 1,
            "headline": "After two years of repairs the harbour bridge reopens",
            "seo_title": seo,
            "meta_description": description,
            "social_photo_id": social,
        })
    };
    let refused = call(
        &app,
        Method::PUT,
        &one,
        &editor,
        Some(&save("t".repeat(71), "d".repeat(161), json!(photo))),
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert_documented(&doc, "put", "/api/v1/admin/articles/{id}", &refused);
    assert_eq!(fields(&refused.json()), ["seo_title", "meta_description"]);
    let missing = call(
        &app,
        Method::PUT,
        &one,
        &editor,
        Some(&save(String::new(), String::new(), json!(photo + 1000))),
    )
    .await;
    assert_eq!(
        missing.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        missing.body
    );
    assert_eq!(fields(&missing.json()), ["social_photo_id"]);

    let saved = call(
        &app,
        Method::PUT,
        &one,
        &editor,
        Some(&save("ж".repeat(70), "ب".repeat(160), Value::Null)),
    )
    .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let saved = saved.json();
    assert_eq!(saved["seo_title"], "ж".repeat(70));
    assert_eq!(saved["social_photo_id"], Value::Null);
}
