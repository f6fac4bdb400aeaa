//! Each page type answers with the semantic elements readers and machines rely on.

use axum::http::StatusCode;
use newsdesk_store::ArticleId;

use crate::support::TestApp;

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[tokio::test]
async fn root_sends_readers_to_their_language_or_the_default_edition() {
    let app = TestApp::new().await;
    let ru = app
        .get_with("/", &[("accept-language", "ru-RU,ru;q=0.9,en;q=0.5")])
        .await;
    assert_eq!(ru.status, StatusCode::FOUND);
    assert_eq!(ru.header("location"), "/ru");
    assert!(ru.header("vary").contains("Accept-Language"));
    let slash = app.get("/ru/").await;
    assert_eq!(
        (slash.status, slash.header("location")),
        (StatusCode::MOVED_PERMANENTLY, "/ru")
    );
    let other = app.get_with("/", &[("accept-language", "de-DE")]).await;
    assert_eq!(other.header("location"), "/en");
    let picked = app
        .get_with(
            "/",
            &[("accept-language", "en"), ("cookie", "nd_edition=ar")],
        )
        .await;
    assert_eq!(picked.header("location"), "/ar");
}

#[tokio::test]
async fn front_page_has_lead_story_sections_and_newsfeed() {
    let app = TestApp::new().await;
    // Enough World stories that some are left for the section block below the top stories.
    for i in 0..6 {
        crate::support::ArticleBuilder::new("en", &format!("World brief {i}"))
            .section(app.fx.world)
            .authors(&[app.fx.desk])
            .published_at(crate::support::at(22, i))
            .publish(app.store())
            .await;
    }
    let page = app.get("/en").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.starts_with("<!doctype html>\n<html lang=\"en\" dir=\"ltr\">"));
    assert!(html.contains("card--lead"), "lead story card");
    assert!(html.contains("Parliament passes the budget"));
    assert!(html.contains("class=\"newsfeed\""));
    // Newsfeed items from before the newest item's day carry their day.
    assert!(html.contains(">09:00<small>25/11</small></time>"), "{html}");
    assert!(html.contains(">14:00</time>"));
    assert!(html.contains("<nav class=\"sections\""));
    assert!(html.contains("href=\"/en/section/world\""));
    assert!(
        html.contains("aria-labelledby=\"block-world\""),
        "a section block for World"
    );
    assert!(!html.contains("Secret draft"), "drafts never show");
    assert!(
        !html.contains("A story taken down"),
        "unpublished stories never show"
    );
    assert!(html.contains("hreflang=\"ru\""), "edition switcher");
    assert!(
        html.contains("type=\"application/rss+xml\""),
        "feed link in head"
    );
}

#[tokio::test]
async fn article_page_has_every_element() {
    let app = TestApp::new().await;
    let lead = &app.fx.lead;
    let page = app.get(&lead.path()).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert_eq!(count(&html, "<h1"), 1);
    assert!(html.contains("<h1 class=\"story__headline\">Parliament passes the budget</h1>"));
    assert!(html.contains("class=\"story__lead\">The vote ends months of negotiation.</p>"));
    assert!(html.contains("rel=\"author\" href=\"/en/author/jane-reporter\">Jane Reporter</a>"));
    // 26 November 14:00 UTC is 14:00 GMT in London.
    assert!(html.contains("<time datetime=\"2026-11-26T14:00:00+00:00\" class=\"published\">26 November 2026, 14:00 GMT</time>"), "{html}");
    assert!(html.contains("class=\"kicker\" href=\"/en/section/world\">World</a>"));
    assert!(html.contains("rel=\"tag\" href=\"/en/tag/elections\">Elections</a>"));
    // Hero photo: figure, picture with webp and jpeg up to 1920, size, alt, caption, credit.
    assert!(html.contains("<figure class=\"story__hero\">"));
    assert!(html.contains("type=\"image/webp\" srcset=\"/media/photos/"));
    assert!(html.contains("1920w"));
    assert!(html.contains("width=\"960\" height=\"640\" alt=\"A long line of people with umbrellas outside a brick school\""));
    assert!(html.contains(
        "<span class=\"caption\">Voters queue outside a polling station in Leeds</span>"
    ));
    assert!(html.contains("© Reuters 2026 / Jane Doe"));
    // Body with the related card and the entity note.
    assert!(html.contains("class=\"related\""), "related card rendered");
    assert!(html.contains(&format!("href=\"{}\"", app.fx.older.path())));
    assert!(html.contains("class=\"entity-mark\""));
    assert!(html.contains("Acme Holdings is under investigation by the regulator."));
    // Newsfeed, discussion, chat, subscribe, next article.
    assert!(html.contains("class=\"newsfeed\""));
    assert!(html.contains("No comments yet"));
    assert!(html.contains("href=\"/en/account/login?next="));
    assert!(html.contains("href=\"/en/account/register?next="));
    // The chat link comes with the chat (issue 15); until then no link leads nowhere.
    assert!(!html.contains(&format!("href=\"{}/chat\"", lead.path())));
    assert!(html.contains("class=\"subscribe\""));
    assert!(html.contains("href=\"/en/feed.rss\""));
    assert!(html.contains("rel=\"next\""), "plain next-article link");
    assert!(html.contains(&format!(
        "data-next-fragment=\"{}?fragment=1\"",
        app.fx.older.path()
    )));
    assert!(html.contains("<link rel=\"canonical\" href=\"http://127.0.0.1:8080/en/2026/11/26/parliament-passes-the-budget-"));
    assert!(
        html.contains("src=\"/static/infinite-scroll."),
        "the loader is a fingerprinted module"
    );
    assert!(!html.contains("<script>"), "no inline scripts");
    // The syndication builders fill the head through the page's hook.
    assert!(html.contains("<script type=\"application/ld+json\">"));
    assert!(html.contains("\"NewsArticle\""));
    assert!(
        html.contains("property=\"og:type\" content=\"article\""),
        "{html}"
    );
}

#[tokio::test]
async fn corrections_show_dated_at_the_end() {
    let app = TestApp::new().await;
    let (_, event) = app
        .store()
        .add_correction(
            app.fx.lead.id,
            "An earlier version misstated the vote count.",
            None,
        )
        .await
        .unwrap();
    app.written(event).await;
    let html = app.get(&app.fx.lead.path()).await.text();
    let corrections = html
        .find("class=\"story__corrections\"")
        .expect("corrections block");
    assert!(html[corrections..].contains("An earlier version misstated the vote count."));
    assert!(html[corrections..].contains("Correction of "));
    assert!(corrections > html.find("class=\"story__body\"").unwrap());
}

#[tokio::test]
async fn the_fragment_is_just_the_article_with_the_next_link() {
    let app = TestApp::new().await;
    let fragment = app.get(&format!("{}?fragment=1", app.fx.lead.path())).await;
    assert_eq!(fragment.status, StatusCode::OK);
    let html = fragment.text();
    assert!(
        html.trim_start().starts_with("<article class=\"story\""),
        "{html}"
    );
    assert!(!html.contains("<html"));
    assert!(html.contains("data-title=\"Parliament passes the budget | Newsdesk\""));
    assert!(html.contains("data-next-url="));
}

#[tokio::test]
async fn section_tag_author_latest_and_archive_pages_list_their_articles() {
    let app = TestApp::new().await;
    for (path, heading) in [
        ("/en/section/world", "World"),
        ("/en/tag/elections", "Elections"),
        ("/en/author/jane-reporter", "Jane Reporter"),
        ("/en/latest", "All news"),
        ("/en/archive/2026/11/26", "Published on 26 November 2026"),
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let html = page.text();
        assert!(
            html.contains(&format!("<h1 class=\"list-header__title\">{heading}</h1>")),
            "{path}: {html}"
        );
        assert!(html.contains("Parliament passes the budget"), "{path}");
    }
    let other_day = app.get("/en/archive/2026/11/25").await.text();
    // The list, not the newsfeed column beside it.
    let list = &other_day[..other_day.find("front-layout__rail").unwrap()];
    assert!(list.contains("Turnout expected to be high"));
    assert!(!list.contains("Parliament passes the budget"));
    assert_eq!(
        app.get("/en/archive/2026/02/30").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn lists_paginate() {
    let app = TestApp::new().await;
    for i in 0..25 {
        crate::support::ArticleBuilder::new("en", &format!("Market report number {i}"))
            .section(app.fx.business)
            .authors(&[app.fx.desk])
            .published_at(crate::support::at(20, 0) + chrono::Duration::minutes(i))
            .publish(app.store())
            .await;
    }
    let first = app.get("/en/section/business").await.text();
    assert!(first.contains("href=\"/en/section/business?page=2\""));
    assert!(first.contains("Page 1<"));
    let second = app.get("/en/section/business?page=2").await;
    assert_eq!(second.status, StatusCode::OK);
    let second = second.text();
    assert!(second.contains("Market report number 0"));
    assert!(second.contains("rel=\"prev\" href=\"/en/section/business\""));
    assert!(
        !second.contains("rel=\"next\""),
        "the last page links to no older one"
    );
    assert_eq!(
        app.get("/en/section/business?page=3").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/en/section/business?page=x").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn rtl_edition_is_marked_and_in_arabic() {
    let app = TestApp::new().await;
    let front = app.get("/ar").await.text();
    assert!(front.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(front.contains("شريط الأخبار"), "newsfeed heading in Arabic");
    let article = app.get(&app.fx.arabic.path()).await.text();
    assert!(article.contains("<html lang=\"ar\" dir=\"rtl\">"));
    // 11:00 UTC is 15:00 in Dubai; Latin digits, Arabic month name.
    assert!(
        article.contains("datetime=\"2026-11-26T15:00:00+04:00\""),
        "{article}"
    );
    assert!(article.contains("26 نوفمبر 2026"));
}

#[tokio::test]
async fn russian_article_uses_moscow_time_and_genitive_months() {
    let app = TestApp::new().await;
    let html = app.get(&app.fx.russian.path()).await.text();
    assert!(html.contains("<html lang=\"ru\" dir=\"ltr\">"));
    // 12:00 UTC is 15:00 in Moscow.
    assert!(
        html.contains("datetime=\"2026-11-26T15:00:00+03:00\""),
        "{html}"
    );
    assert!(html.contains("26 ноября 2026"));
    assert!(html.contains("Лента новостей"));
}

#[tokio::test]
async fn not_found_page_speaks_the_editions_language() {
    let app = TestApp::new().await;
    let ru = app.get("/ru/no/such/page/here/at-all").await;
    assert_eq!(ru.status, StatusCode::NOT_FOUND);
    assert!(ru.text().contains("Страница не найдена"));
    assert!(ru.text().contains("<html lang=\"ru\" dir=\"ltr\">"));
    let en = app.get("/nowhere").await;
    assert_eq!(en.status, StatusCode::NOT_FOUND);
    assert!(en.text().contains("Page not found"));
    let missing_article = app.get("/ar/2026/11/26/nothing-99999").await;
    assert_eq!(missing_article.status, StatusCode::NOT_FOUND);
    assert!(missing_article.text().contains("الصفحة غير موجودة"));
}

#[tokio::test]
async fn drafts_are_hidden_and_unpublished_articles_are_gone() {
    let app = TestApp::new().await;
    assert_eq!(
        app.get(&app.fx.draft.path()).await.status,
        StatusCode::NOT_FOUND
    );
    let gone = app.get(&app.fx.unpublished.path()).await;
    assert_eq!(gone.status, StatusCode::GONE);
    assert!(gone.text().contains("This article has been removed"));
}

#[tokio::test]
async fn old_slugs_and_wrong_dates_redirect_permanently() {
    let app = TestApp::new().await;
    let old_path = app.fx.older.path();
    let mut draft = app.fx.older.draft();
    draft.slug = "turnout-record".into();
    let (renamed, event) = app
        .store()
        .update_article(
            ArticleId(app.fx.older.id),
            app.fx.older.version,
            &draft,
            None,
        )
        .await
        .unwrap();
    app.written(event).await;
    let moved = app.get(&old_path).await;
    assert_eq!(moved.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(moved.header("location"), renamed.path());
    let by_old_slug = app
        .get(&format!("/en/2026/11/25/{}", app.fx.older.slug))
        .await;
    assert_eq!(by_old_slug.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(by_old_slug.header("location"), renamed.path());
    let wrong_date = app.get(&format!("/en/2020/01/01/x-{}", renamed.id)).await;
    assert_eq!(wrong_date.header("location"), renamed.path());
    assert_eq!(app.get(&renamed.path()).await.status, StatusCode::OK);
}

#[tokio::test]
async fn health_media_and_static_files() {
    let app = TestApp::new().await;
    let health = app.get("/healthz").await;
    assert_eq!(
        (health.status, health.text().as_str()),
        (StatusCode::OK, "ok")
    );

    let key = format!("photos/{}/w480.webp", app.fx.photo);
    app.state
        .media()
        .put(&key, b"RIFF....WEBPVP8 ".to_vec(), "image/webp")
        .await
        .unwrap();
    let media = app.get(&format!("/media/{key}")).await;
    assert_eq!(media.status, StatusCode::OK);
    assert_eq!(media.header("content-type"), "image/webp");
    assert!(media.header("cache-control").contains("max-age=31536000"));
    assert_eq!(
        app.get("/media/photos/1/w9999.jpg").await.status,
        StatusCode::NOT_FOUND
    );

    let css_url = app.state.assets().url("site.css");
    let css = app.get(&css_url).await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.header("content-type"), "text/css; charset=utf-8");
    assert_eq!(
        css.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert!(css.text().contains("margin-inline"));
    assert_eq!(
        app.get("/static/site.0000000000.css").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn security_headers_on_every_response() {
    let app = TestApp::new().await;
    for path in ["/en", "/nowhere", "/healthz"] {
        let r = app.get(path).await;
        assert!(
            r.header("content-security-policy")
                .contains("script-src 'self'"),
            "{path}"
        );
        assert!(
            !r.header("content-security-policy")
                .contains("unsafe-inline"),
            "{path}"
        );
        assert!(
            r.header("content-security-policy")
                .contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(r.header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(
            r.header("referrer-policy"),
            "strict-origin-when-cross-origin",
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_newsroom_preview_renders_a_draft_with_a_banner() {
    let app = TestApp::new().await;
    let html = newsdesk_site::public::render_article_html(&app.state, &app.fx.draft, true)
        .await
        .unwrap();
    assert!(html.contains("Secret draft about the budget"));
    assert!(html.contains("class=\"preview-banner\""));
    assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
}

/// `/en/` redirects to `/en`; a first segment that cannot be an edition is not echoed into
/// a `Location` (browsers read `/\evil.com` as `//evil.com`, another host).
#[tokio::test]
async fn the_trailing_slash_redirect_never_points_at_another_host() {
    let app = TestApp::new().await;
    let en = app.get("/en/").await;
    assert_eq!(en.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(en.headers.get("location").unwrap(), "/en");
    for evil in ["/%5Cevil.com/", "/%2F%2Fevil.com/", "/evil.com%5C/"] {
        let r = app.get(evil).await;
        let location = r
            .headers
            .get("location")
            .map(|v| v.to_str().unwrap_or_default().to_owned())
            .unwrap_or_default();
        assert!(
            !location.contains("evil.com"),
            "{evil} redirected to {location:?}"
        );
    }
}
