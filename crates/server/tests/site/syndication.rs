//! Feeds, sitemaps, robots.txt and the structured data of article pages, through the real
//! router: what feed readers, crawlers and link previews get.

use axum::http::StatusCode;
use chrono::{DateTime, Duration, Utc};
use newsdesk_store::ArticleId;
use serde_json::Value;

use crate::support::{ArticleBuilder, TestApp};

const BASE: &str = "http://127.0.0.1:8080";

/// The `<script type="application/ld+json">` documents of a page.
fn jsonld(html: &str) -> Vec<Value> {
    let open = "<script type=\"application/ld+json\">";
    html.split(open)
        .skip(1)
        .filter_map(|rest| rest.split("</script>").next())
        .map(|text| {
            serde_json::from_str(text).unwrap_or_else(|e| panic!("JSON-LD does not parse: {e}"))
        })
        .collect()
}

/// `(hreflang, href)` of the page's `<link rel="alternate" hreflang>` elements.
fn hreflangs(html: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = html
        .split("<link ")
        .skip(1)
        .filter_map(|tag| {
            let tag = tag.split('>').next()?;
            let attr = |name: &str| {
                let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
                Some(tag[start..].split('"').next()?.to_owned())
            };
            Some((attr("hreflang")?, attr("href")?))
        })
        .collect();
    out.sort();
    out
}

fn meta<'a>(html: &'a str, key: &str) -> Vec<&'a str> {
    let needle = format!("=\"{key}\" content=\"");
    html.match_indices(&needle)
        .filter_map(|(i, _)| html[i + needle.len()..].split('"').next())
        .collect()
}

#[tokio::test]
async fn edition_feeds_list_published_articles_in_three_formats() {
    let app = TestApp::new().await;
    let fx = &app.fx;

    let rss = app.get("/en/feed.rss").await;
    assert_eq!(rss.status, StatusCode::OK);
    assert_eq!(
        rss.header("content-type"),
        "application/rss+xml; charset=utf-8"
    );
    let channel = rss::Channel::read_from(rss.bytes.as_slice()).unwrap();
    let titles: Vec<&str> = channel
        .items
        .iter()
        .filter_map(|i| i.title.as_deref())
        .collect();
    assert_eq!(
        titles,
        [
            "Parliament passes the budget",
            "Turnout expected to be high"
        ]
    );
    let self_link = &channel.extensions["atom"]["link"][0];
    assert_eq!(self_link.attrs["href"], format!("{BASE}/en/feed.rss"));
    let lead = &channel.items[0];
    assert!(lead.content.as_deref().unwrap().contains("Acme Holdings"));
    assert_eq!(lead.guid.as_ref().map(|g| g.permalink), Some(false));
    let media = &lead.extensions["media"]["content"][0];
    assert_eq!(
        media.attrs["url"],
        format!("{BASE}/media/photos/{}/w1920.jpg", fx.photo)
    );
    assert_eq!(
        (
            media.attrs["width"].as_str(),
            media.attrs["height"].as_str()
        ),
        ("1920", "1280")
    );
    assert_eq!(
        media.children["credit"][0].value.as_deref(),
        Some("© Reuters 2026 / Jane Doe")
    );
    assert_eq!(
        media.children["description"][0].value.as_deref(),
        Some("Voters queue outside a polling station in Leeds")
    );
    assert_eq!(lead.dublin_core_ext().unwrap().creators, ["Jane Reporter"]);

    let atom = app.get("/en/feed.atom").await;
    assert_eq!(
        atom.header("content-type"),
        "application/atom+xml; charset=utf-8"
    );
    let feed: atom_syndication::Feed = atom.text().parse().unwrap();
    assert_eq!(feed.entries.len(), 2);
    assert!(
        feed.links
            .iter()
            .any(|l| l.rel == "self" && l.href == format!("{BASE}/en/feed.atom"))
    );
    assert!(feed.entries.iter().all(|e| e.updated <= feed.updated));

    let json = app.get("/en/feed.json").await;
    assert_eq!(
        json.header("content-type"),
        "application/feed+json; charset=utf-8"
    );
    let doc: Value = serde_json::from_slice(&json.bytes).unwrap();
    assert_eq!(doc["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(doc["items"].as_array().unwrap().len(), 2);
    assert_eq!(doc["items"][0]["url"], format!("{BASE}{}", fx.lead.path()));

    // Drafts and taken-down stories never reach a feed; other editions have their own.
    for text in [rss.text(), atom.text(), json.text()] {
        assert!(!text.contains("Secret draft"));
        assert!(!text.contains("A story taken down"));
        assert!(!text.contains("Парламент"));
    }
}

#[tokio::test]
async fn section_tag_and_author_feeds_follow_their_pages() {
    let app = TestApp::new().await;
    for path in [
        "/en/section/world/feed.rss",
        "/en/tag/elections/feed.atom",
        "/en/author/jane-reporter/feed.json",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status, StatusCode::OK, "{path}");
        assert!(
            res.text().contains("Parliament passes the budget"),
            "{path}"
        );
    }
    // Only the tagged story is in the tag's feed.
    let tag = app.get("/en/tag/elections/feed.rss").await.text();
    assert!(!tag.contains("Turnout expected"));
    assert_eq!(
        app.get("/en/section/nowhere/feed.rss").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.get("/xx/feed.rss").await.status, StatusCode::NOT_FOUND);
    // The page heads link the feeds they follow.
    let section_page = app.get("/en/section/world").await.text();
    assert!(section_page.contains("href=\"/en/section/world/feed.rss\""));
}

#[tokio::test]
async fn a_feed_shows_a_new_article_at_once_despite_the_cache() {
    let app = TestApp::new().await;
    let before = app.get("/en/feed.rss").await;
    assert!(
        before
            .header("surrogate-key")
            .split(' ')
            .any(|k| k == "feed:en")
    );
    let etag = before.header("etag").to_owned();
    assert_eq!(
        app.get_with("/en/feed.rss", &[("if-none-match", &etag)])
            .await
            .status,
        StatusCode::NOT_MODIFIED
    );

    let article = ArticleBuilder::new("en", "Breaking: storm reaches the coast")
        .section(app.fx.world)
        .authors(&[app.fx.desk])
        .publish(app.store())
        .await;
    let event = app
        .store()
        .events_after(0, 1000)
        .await
        .unwrap()
        .into_iter()
        .rev()
        .find(
            |e| matches!(&e.change, newsdesk_core::Change::Article { id, .. } if *id == article.id),
        );
    app.written(event.unwrap()).await;
    let after = app.get("/en/feed.rss").await;
    assert!(after.text().contains("Breaking: storm reaches the coast"));
    assert_ne!(after.header("etag"), etag);
}

#[tokio::test]
async fn article_page_carries_news_article_breadcrumbs_and_social_tags() {
    let app = TestApp::new().await;
    let fx = &app.fx;
    let url = format!("{BASE}{}", fx.lead.path());
    let html = app.get(&fx.lead.path()).await.text();
    let docs = jsonld(&html);
    let article = docs.iter().find(|d| d["@type"] == "NewsArticle").unwrap();
    assert_eq!(article["headline"], "Parliament passes the budget");
    assert_eq!(article["mainEntityOfPage"]["@id"], url.as_str());
    assert_eq!(article["inLanguage"], "en");
    assert_eq!(article["articleSection"], "World");
    assert_eq!(
        article["author"][0]["url"],
        format!("{BASE}/en/author/jane-reporter")
    );
    assert_eq!(
        article["publisher"]["logo"]["url"],
        format!("{BASE}/publisher-logo.png")
    );
    let images: Vec<&str> = article["image"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(images.len(), 3);
    assert!(images[0].ends_with("/c16x9-w1200.jpg") && images[2].ends_with("/c1x1-w1200.jpg"));
    // London in November is UTC+0, and the offset is written out.
    assert_eq!(article["datePublished"], "2026-11-26T14:00:00+00:00");
    let published =
        DateTime::parse_from_rfc3339(article["datePublished"].as_str().unwrap()).unwrap();
    let modified = DateTime::parse_from_rfc3339(article["dateModified"].as_str().unwrap()).unwrap();
    assert!(modified >= published);

    let crumbs = docs
        .iter()
        .find(|d| d["@type"] == "BreadcrumbList")
        .unwrap();
    let positions: Vec<i64> = crumbs["itemListElement"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["position"].as_i64().unwrap())
        .collect();
    assert_eq!(positions, [1, 2, 3]);

    assert_eq!(meta(&html, "og:type"), ["article"]);
    assert_eq!(meta(&html, "og:url"), [url.as_str()]);
    assert_eq!(meta(&html, "article:section"), ["World"]);
    assert_eq!(meta(&html, "article:tag"), ["Elections"]);
    assert_eq!(meta(&html, "twitter:card"), ["summary_large_image"]);
    assert_eq!(
        meta(&html, "article:modified_time"),
        [article["dateModified"].as_str().unwrap()]
    );
    assert!(html.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")));

    let logo = app.get("/publisher-logo.png").await;
    assert_eq!(logo.header("content-type"), "image/png");
    assert_eq!(&logo.bytes[1..4], b"PNG");
}

#[tokio::test]
async fn translations_point_at_each_other_in_pages_and_sitemaps() {
    let app = TestApp::new().await;
    let fx = &app.fx;
    let event = app
        .store()
        .link_translation(ArticleId(fx.lead.id), ArticleId(fx.russian.id))
        .await
        .unwrap();
    app.written(event).await;
    let en = format!("{BASE}{}", fx.lead.path());
    let ru = format!("{BASE}{}", fx.russian.path());
    let expected = vec![
        ("en".to_owned(), en.clone()),
        ("ru".to_owned(), ru.clone()),
        ("x-default".to_owned(), en.clone()),
    ];
    assert_eq!(hreflangs(&app.get(&fx.lead.path()).await.text()), expected);
    assert_eq!(
        hreflangs(&app.get(&fx.russian.path()).await.text()),
        expected
    );
    // An article with no translation carries no hreflang.
    assert!(hreflangs(&app.get(&fx.older.path()).await.text()).is_empty());

    let sitemap = app.get("/sitemaps/ru-articles-0-9999.xml").await.text();
    assert!(sitemap.contains(&format!(
        "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{en}\"/>"
    )));
    assert!(sitemap.contains(&format!(
        "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{en}\"/>"
    )));
}

#[tokio::test]
async fn sitemaps_list_every_published_article_with_its_modified_time() {
    let app = TestApp::new().await;
    let fx = &app.fx;
    let robots = app.get("/robots.txt").await.text();
    assert!(robots.contains("Disallow: /admin\n") && robots.contains("Disallow: /api\n"));
    assert!(robots.contains(&format!("Sitemap: {BASE}/sitemap.xml\n")));
    assert!(robots.contains(&format!("Sitemap: {BASE}/ar/news-sitemap.xml\n")));

    let index = app.get("/sitemap.xml").await;
    assert_eq!(
        index.header("content-type"),
        "application/xml; charset=utf-8"
    );
    let index = index.text();
    for file in [
        "en-articles-0-9999.xml",
        "ru-articles-0-9999.xml",
        "ar-articles-0-9999.xml",
        "pages.xml",
    ] {
        assert!(
            index.contains(&format!("<loc>{BASE}/sitemaps/{file}</loc>")),
            "{file}"
        );
    }
    assert!(!index.contains("en-articles-10000-19999.xml"));

    let en = app.get("/sitemaps/en-articles-0-9999.xml").await.text();
    assert_eq!(en.matches("<url>").count(), 2);
    assert!(!en.contains("secret-draft") && !en.contains("a-story-taken-down"));
    let html = app.get(&fx.lead.path()).await.text();
    let modified = jsonld(&html)
        .into_iter()
        .find(|d| d["@type"] == "NewsArticle")
        .unwrap()["dateModified"]
        .clone();
    let entry = format!(
        "<loc>{BASE}{}</loc><lastmod>{}</lastmod>",
        fx.lead.path(),
        modified.as_str().unwrap()
    );
    assert!(en.contains(&entry), "{entry} not in {en}");

    let pages = app.get("/sitemaps/pages.xml").await.text();
    for loc in [
        "/en",
        "/en/section/world",
        "/en/tag/elections",
        "/en/author/jane-reporter",
    ] {
        assert!(pages.contains(&format!("<loc>{BASE}{loc}</loc>")), "{loc}");
    }
    // A new edition shows at once, although its change names only itself.
    let french = newsdesk_core::Edition {
        code: "fr".into(),
        name: "Français".into(),
        direction: newsdesk_core::Direction::Ltr,
        time_zone: "Europe/Paris".into(),
        is_default: false,
    };
    app.store().upsert_edition(&french).await.unwrap();
    assert!(
        app.get("/robots.txt")
            .await
            .text()
            .contains("/fr/news-sitemap.xml")
    );

    assert_eq!(
        app.get("/sitemaps/en-articles-10000-19999.xml")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/sitemaps/../etc/passwd").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn an_article_sitemap_holds_its_whole_range_not_one_store_page() {
    // With three editions a file holds 26,214 URLs, but the store lists at most 1,000 a
    // query: the file used to stop at 1,000 and the rest of the archive was in no sitemap.
    let app = TestApp::new().await;
    let published = newsdesk_store::ArticleQuery {
        edition: Some("en".into()),
        ..Default::default()
    };
    let already = usize::try_from(app.store().count_articles(&published).await.unwrap()).unwrap();
    let extra = 1_200;
    for n in 0..extra {
        ArticleBuilder::new("en", &format!("Archive story number {n}"))
            .section(app.fx.world)
            .authors(&[app.fx.desk])
            .published_at(Utc::now() - Duration::minutes(n + 10))
            .publish(app.store())
            .await;
    }
    let index = app.get("/sitemap.xml").await.text();
    assert!(
        !index.contains("en-articles-10000-19999.xml"),
        "one file is enough"
    );
    let en = app.get("/sitemaps/en-articles-0-9999.xml").await.text();
    let urls = en.matches("<url>").count();
    assert_eq!(urls, already + usize::try_from(extra).unwrap());
    // Each article once, the oldest of the new ones included.
    let locs: Vec<&str> = en
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .collect();
    let unique: std::collections::HashSet<&str> = locs.iter().copied().collect();
    assert_eq!(unique.len(), locs.len(), "an article listed twice");
    assert_eq!(
        locs.iter()
            .filter(|l| l.contains("archive-story-number-1199"))
            .count(),
        1
    );
}

#[tokio::test]
async fn news_sitemap_holds_the_last_two_days_only() {
    let app = TestApp::new().await;
    let now = Utc::now();
    ArticleBuilder::new("en", "Fresh story from this morning")
        .section(app.fx.world)
        .authors(&[app.fx.desk])
        .published_at(now - Duration::hours(3))
        .publish(app.store())
        .await;
    ArticleBuilder::new("en", "Story from three days ago")
        .section(app.fx.world)
        .authors(&[app.fx.desk])
        .published_at(now - Duration::days(3))
        .publish(app.store())
        .await;
    let res = app.get("/en/news-sitemap.xml").await;
    assert_eq!(res.status, StatusCode::OK);
    let text = res.text();
    assert!(text.contains("<news:title>Fresh story from this morning</news:title>"));
    assert!(!text.contains("Story from three days ago"));
    assert!(text.contains("<news:name>Newsdesk</news:name><news:language>en</news:language>"));
    let etag = res.header("etag").to_owned();
    assert_eq!(
        app.get_with("/en/news-sitemap.xml", &[("if-none-match", &etag)])
            .await
            .status,
        StatusCode::NOT_MODIFIED
    );
}
