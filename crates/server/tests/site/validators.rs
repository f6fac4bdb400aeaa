//! What the HTML and sitemap validators check, and the typography a reader of each
//! language expects: valid `<time datetime>` values, heading levels that never skip, the
//! time zone in the reader's script, punctuation, and News sitemaps in the index.

use chrono::{Duration, Utc};
use regex::Regex;

use crate::support::{ArticleBuilder, TestApp};

const BASE: &str = "http://127.0.0.1:8080";

/// An article published just now: its stored times carry fractions of a second.
async fn fresh(app: &TestApp, edition: &str, section: i64) -> newsdesk_core::Article {
    ArticleBuilder::new(edition, "Storm reaches the coast")
        .section(section)
        .authors(&[app.fx.desk])
        .published_at(Utc::now() - Duration::minutes(10))
        .publish(app.store())
        .await
}

#[tokio::test]
async fn datetime_attributes_are_valid_html_times_to_the_second() {
    let app = TestApp::new().await;
    let article = fresh(&app, "en", app.fx.world).await;
    // A valid date, or a global date and time with seconds and an offset: no fraction
    // (HTML allows three digits at most; the store keeps six).
    let valid = Regex::new(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$").unwrap();
    let attr = Regex::new(r#"datetime="([^"]*)""#).unwrap();
    let mut seen = 0;
    for path in [
        article.path(),
        format!("{}?fragment=1", article.path()),
        "/en".to_owned(),
        "/en/section/world".to_owned(),
        "/en/latest".to_owned(),
        "/en/newsfeed".to_owned(),
        app.fx.arabic.path(),
    ] {
        let html = app.get(&path).await.text();
        for cap in attr.captures_iter(&html) {
            seen += 1;
            assert!(valid.is_match(&cap[1]), "{path}: datetime=\"{}\"", &cap[1]);
        }
    }
    assert!(seen > 20, "{seen} datetime attributes checked");
}

/// The levels of the page's headings (`heading` matches an opening tag), in order.
fn heading_levels(heading: &Regex, html: &str) -> Vec<u8> {
    heading
        .captures_iter(html)
        .filter_map(|c| c[1].parse().ok())
        .collect()
}

#[tokio::test]
async fn headings_never_skip_a_level() {
    let app = TestApp::new().await;
    let heading = Regex::new(r"<h([1-6])[\s>]").unwrap();
    for path in [
        "/en".to_owned(),
        "/ar".to_owned(),
        "/ru".to_owned(),
        "/en/section/world".to_owned(),
        "/en/tag/elections".to_owned(),
        "/en/author/jane-reporter".to_owned(),
        "/en/latest".to_owned(),
        "/en/newsfeed".to_owned(),
        "/en/archive/2026/11/26".to_owned(),
        app.fx.lead.path(),
        app.fx.arabic.path(),
    ] {
        let levels = heading_levels(&heading, &app.get(&path).await.text());
        assert_eq!(
            levels.first(),
            Some(&1),
            "{path} starts with h1: {levels:?}"
        );
        for pair in levels.windows(2) {
            assert!(
                pair[1] <= pair[0] + 1,
                "{path}: h{} follows h{} ({levels:?})",
                pair[1],
                pair[0]
            );
        }
    }
}

#[tokio::test]
async fn the_discussion_prompt_is_punctuated_in_each_language() {
    let app = TestApp::new().await;
    let fx = &app.fx;
    let ru = app.get(&fx.russian.path()).await.text();
    assert!(
        ru.contains("зарегистрируйтесь</a>, чтобы участвовать.</p>"),
        "a comma before «чтобы»"
    );
    let en = app.get(&fx.lead.path()).await.text();
    assert!(en.contains("register</a> to take part.</p>"));
    let ar = app.get(&fx.arabic.path()).await.text();
    assert!(ar.contains("أنشئ حسابًا</a> للمشاركة.</p>"));
}

#[tokio::test]
async fn times_name_the_zone_in_the_readers_script() {
    let app = TestApp::new().await;
    let fx = &app.fx;
    // 12:00 UTC is 15:00 in Moscow: «МСК», as Russian sites write it.
    let ru = app.get(&fx.russian.path()).await.text();
    assert!(ru.contains("26 ноября 2026, 15:00 МСК</time>"), "{ru}");
    assert!(!ru.contains("MSK"));
    // The fixture's Arabic edition keeps Dubai time: named in Arabic, not "GMT+4".
    let ar = app.get(&fx.arabic.path()).await.text();
    assert!(ar.contains("15:00 بتوقيت الإمارات</time>"), "{ar}");
    assert!(!ar.contains("GMT+4"));
    let en = app.get(&fx.lead.path()).await.text();
    assert!(en.contains("26 November 2026, 14:00 GMT</time>"));
}

#[tokio::test]
async fn the_sitemap_index_lists_the_news_sitemaps_with_articles() {
    let app = TestApp::new().await;
    fresh(&app, "en", app.fx.world).await;
    let index = app.get("/sitemap.xml").await.text();
    assert!(
        index.contains(&format!("<loc>{BASE}/en/news-sitemap.xml</loc>")),
        "{index}"
    );
    // The fixture's Russian and Arabic stories are older than two days: their News
    // sitemaps are empty, which is no valid sitemap, so the index leaves them out…
    assert!(!index.contains("/ru/news-sitemap.xml"));
    assert!(!index.contains("/ar/news-sitemap.xml"));
    // …while robots.txt announces every edition's, for when it fills.
    let robots = app.get("/robots.txt").await.text();
    for code in ["en", "ru", "ar"] {
        assert!(robots.contains(&format!("Sitemap: {BASE}/{code}/news-sitemap.xml\n")));
    }
    let news = app.get("/en/news-sitemap.xml").await.text();
    assert!(news.contains("<news:title>Storm reaches the coast</news:title>"));
}
