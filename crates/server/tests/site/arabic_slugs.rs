//! Arabic headlines keep their script in the address (#18): the slug is Arabic, every URL
//! the site prints carries it percent-encoded (ASCII, valid in `Location`, feeds and
//! sitemaps), and the page answers there; other spellings of it redirect there.
#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use axum::http::StatusCode;

use crate::support::{ArticleBuilder, TestApp};

const BASE: &str = "http://127.0.0.1:8080";
const HEADLINE: &str = "افتتاح جسر الميناء بعد عامين من الإصلاح";
const SLUG: &str = "افتتاح-جسر-الميناء-بعد-عامين-من-الإصلاح";

async fn arabic_story(app: &TestApp) -> newsdesk_core::Article {
    let section = app
        .store()
        .list_sections("ar")
        .await
        .unwrap()
        .first()
        .unwrap()
        .id;
    ArticleBuilder::new("ar", HEADLINE)
        .section(section)
        .authors(&[app.fx.desk])
        .publish(app.store())
        .await
}

#[tokio::test]
async fn an_arabic_headline_makes_an_arabic_slug_reachable_at_its_encoded_url() {
    let app = TestApp::new().await;
    let article = arabic_story(&app).await;
    assert_eq!(article.slug, SLUG, "the slug keeps the headline's words");

    let path = article.path();
    assert!(path.is_ascii(), "{path}");
    let encoded = newsdesk_core::slug::url_segment(SLUG);
    assert!(encoded.starts_with("%D8%A7%D9%81"), "{encoded}");
    assert!(
        path.ends_with(&format!("/{encoded}-{}", article.id)),
        "{path}"
    );

    let page = app.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "{path}");
    let html = page.text().replace("&#x2f;", "/");
    assert!(html.contains(HEADLINE));
    // Its canonical link is the same encoded URL.
    assert!(
        html.contains(&format!("<link rel=\"canonical\" href=\"{BASE}{path}\">")),
        "no canonical {path}"
    );

    // Lowercase hex is the same address: served, not redirected in a loop.
    let lower = path.replace(&encoded, &encoded.to_lowercase());
    assert_eq!(app.get(&lower).await.status, StatusCode::OK, "{lower}");

    // A wrong slug before the id redirects to the encoded canonical URL.
    let wrong = format!(
        "/ar/{}/wrong-{}",
        article.published_at.unwrap().format("%Y/%m/%d"),
        article.id
    );
    let moved = app.get(&wrong).await;
    assert_eq!(moved.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(moved.header("location"), path);
}

#[tokio::test]
async fn sitemaps_and_feeds_list_the_arabic_slug_as_a_valid_url() {
    let app = TestApp::new().await;
    let article = arabic_story(&app).await;
    let loc = format!("<loc>{BASE}{}</loc>", article.path());

    let sitemap = app.get("/sitemaps/ar-articles-0-9999.xml").await;
    assert_eq!(sitemap.status, StatusCode::OK);
    let sitemap = sitemap.text();
    assert!(sitemap.contains(&loc), "{loc} not in {sitemap}");
    // Every <loc> is a URL as RFC 3986 writes it: ASCII, no raw Arabic letters.
    for entry in sitemap.split("<loc>").skip(1) {
        let url = entry.split("</loc>").next().unwrap();
        assert!(url.is_ascii() && !url.contains(' '), "{url}");
        assert!(url::Url::parse(url).is_ok(), "{url}");
    }

    let news = app.get("/ar/news-sitemap.xml").await.text();
    assert!(news.contains(&loc), "{loc} not in the News sitemap: {news}");

    let feed = app.get("/ar/feed.rss").await;
    assert_eq!(feed.status, StatusCode::OK);
    let feed = feed.text();
    assert!(
        feed.contains(&format!("{BASE}{}", article.path())),
        "{feed}"
    );
    assert!(
        !feed.contains(&format!("/{SLUG}-")),
        "raw Arabic in a feed URL"
    );
}
