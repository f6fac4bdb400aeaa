//! The article page's head with the article's search and social fields: `<title>`, the
//! meta description, Open Graph and Twitter tags and the `NewsArticle` take them when set,
//! and the headline, lead and hero when not.

use axum::http::StatusCode;
use newsdesk_core::ArticleDraft;
use newsdesk_store::NewPhoto;
use serde_json::Value;

use crate::support::TestApp;

fn meta<'a>(html: &'a str, key: &str) -> Option<&'a str> {
    let needle = format!("=\"{key}\" content=\"");
    let start = html.find(&needle)? + needle.len();
    html[start..].split('"').next()
}

fn title(html: &str) -> Option<&str> {
    let start = html.find("<title>")? + "<title>".len();
    html[start..].split("</title>").next()
}

fn news_article(html: &str) -> Option<Value> {
    html.split("<script type=\"application/ld+json\">")
        .skip(1)
        .filter_map(|rest| rest.split("</script>").next())
        .filter_map(|text| serde_json::from_str::<Value>(text).ok())
        .find(|doc| doc["@type"] == "NewsArticle")
}

#[tokio::test]
async fn the_head_uses_the_search_and_social_fields_when_set_and_falls_back_when_not() {
    let app = TestApp::new().await;
    let fx = &app.fx;
    let store = app.store();
    let social = store
        .create_photo(&NewPhoto {
            key: "originals/social.jpg".into(),
            content_type: "image/jpeg".into(),
            width: 1600,
            height: 900,
            byte_size: 1000,
            caption: "The harbour bridge at dawn".into(),
            alt_text: "Cars crossing a steel bridge at sunrise".into(),
            ..NewPhoto::default()
        })
        .await
        .unwrap()
        .id;
    let draft = ArticleDraft {
        edition: "en".into(),
        headline: "After two years of repairs and three delays the harbour bridge reopens".into(),
        lead: "Traffic is flowing again across the harbour.".into(),
        body: "The bridge carries 40,000 cars a day.".into(),
        section_id: Some(fx.world),
        author_ids: vec![fx.desk],
        hero_photo_id: Some(fx.photo),
        seo_title: "Harbour bridge reopens".into(),
        meta_description: "The bridge reopened on Monday after two years of repairs.".into(),
        social_photo_id: Some(social),
        in_newsfeed: true,
        ..ArticleDraft::default()
    };
    let (article, _) = store.create_article(&draft, None).await.unwrap();
    let (article, _) = store
        .publish_article(article.id, chrono::Utc::now(), None)
        .await
        .unwrap();

    let page = app.get(&article.path()).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(
        title(&html)
            .unwrap()
            .starts_with("Harbour bridge reopens | "),
        "{:?}",
        title(&html)
    );
    assert_eq!(
        meta(&html, "description"),
        Some(draft.meta_description.as_str())
    );
    for key in ["og:title", "twitter:title"] {
        assert_eq!(meta(&html, key), Some("Harbour bridge reopens"), "{key}");
    }
    for key in ["og:description", "twitter:description"] {
        assert_eq!(
            meta(&html, key),
            Some(draft.meta_description.as_str()),
            "{key}"
        );
    }
    let image = meta(&html, "og:image").unwrap();
    assert!(image.contains(&format!("/photos/{social}/")), "{image}");
    assert_eq!(
        meta(&html, "og:image:alt"),
        Some("Cars crossing a steel bridge at sunrise")
    );
    let doc = news_article(&html).unwrap();
    assert_eq!(doc["headline"], "Harbour bridge reopens");
    assert_eq!(doc["description"], draft.meta_description.as_str());
    assert!(
        doc["image"][0]
            .as_str()
            .unwrap()
            .contains(&format!("/photos/{social}/"))
    );
    // The page itself still shows the headline.
    assert!(html.contains(&format!(">{}<", draft.headline)));

    // The lead story has none of the fields: headline, lead and hero.
    let lead = app.get(&fx.lead.path()).await.text();
    assert!(
        title(&lead)
            .unwrap()
            .starts_with(&format!("{} | ", fx.lead.headline))
    );
    assert_eq!(meta(&lead, "og:title"), Some(fx.lead.headline.as_str()));
    assert_eq!(meta(&lead, "description"), Some(fx.lead.lead.as_str()));
    let image = meta(&lead, "og:image").unwrap();
    assert!(image.contains(&format!("/photos/{}/", fx.photo)), "{image}");
    assert_eq!(
        news_article(&lead).unwrap()["headline"],
        fx.lead.headline.as_str()
    );
}
