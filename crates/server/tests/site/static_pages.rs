//! Static pages on the reading site: the footer of every edition links its pages, each
//! answers in its edition's language and direction with its title, canonical link and
//! alternates, unknown slugs answer 404, and a change reaches cached pages at once.
#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use axum::http::StatusCode;
use newsdesk_store::static_pages::{PageInput, STANDARD_SLUGS};

use crate::support::TestApp;

const BASE: &str = "http://127.0.0.1:8080";

/// The `href`s of the footer's list of pages, in order; `None` when there is no list.
fn footer_pages(html: &str) -> Option<Vec<String>> {
    let start = html.find("<nav class=\"site-footer__pages\"")?;
    let nav = &html[start..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    Some(
        nav.split("href=\"")
            .skip(1)
            .map(|part| part.split('"').next().unwrap().to_owned())
            .collect(),
    )
}

#[tokio::test]
async fn every_edition_links_its_six_pages_in_the_footer_and_each_answers_with_its_title() {
    let app = TestApp::new().await;
    assert_eq!(app.store().add_default_static_pages().await.unwrap(), 18);
    for (code, dir) in [("en", "ltr"), ("ru", "ltr"), ("ar", "rtl")] {
        let front = app.get(&format!("/{code}")).await;
        assert_eq!(front.status, StatusCode::OK);
        let links = footer_pages(&front.text()).unwrap_or_else(|| panic!("{code}: no footer list"));
        let expected: Vec<String> = STANDARD_SLUGS
            .iter()
            .map(|slug| format!("/{code}/pages/{slug}"))
            .collect();
        assert_eq!(links, expected, "{code}");
        for slug in STANDARD_SLUGS {
            let page = app.store().static_page(code, slug).await.unwrap();
            let path = format!("/{code}/pages/{slug}");
            let response = app.get(&path).await;
            assert_eq!(response.status, StatusCode::OK, "{path}");
            let html = response.text();
            assert!(
                html.contains(&format!(
                    "<h1 class=\"static-page__title\">{}</h1>",
                    page.title
                )),
                "{path}: heading"
            );
            assert!(
                html.contains(&format!("<title>{} | ", page.title)),
                "{path}: <title>"
            );
            assert!(
                html.contains(&format!("<html lang=\"{code}\" dir=\"{dir}\">")),
                "{path}: language and direction"
            );
            assert!(
                html.contains(&format!("<link rel=\"canonical\" href=\"{BASE}{path}\">")),
                "{path}: canonical"
            );
            assert!(
                html.contains("<meta name=\"description\" content=\""),
                "{path}: description"
            );
            // The same page in the other editions, for search engines.
            for other in ["en", "ru", "ar"] {
                assert!(
                    html.contains(&format!(
                        "href=\"{BASE}/{other}/pages/{slug}\" hreflang=\"{other}\""
                    )),
                    "{path}: alternate {other}"
                );
            }
            // The footer marks the page the reader is on.
            assert!(
                html.contains(&format!("<a href=\"{path}\" aria-current=\"page\">")),
                "{path}: current page in the footer"
            );
            // The body went through the article renderer: Markdown became HTML.
            assert!(html.contains("<h2>"), "{path}: subheadings");
            assert!(!html.contains("## "), "{path}: raw Markdown");
        }
    }
}

#[tokio::test]
async fn without_pages_the_footer_has_no_list_and_unknown_pages_answer_404() {
    let app = TestApp::new().await;
    let front = app.get("/en").await;
    assert_eq!(front.status, StatusCode::OK);
    assert_eq!(footer_pages(&front.text()), None, "no empty list");
    for path in [
        "/en/pages/about",
        "/en/pages/About",
        "/en/pages/no--such",
        "/xx/pages/about",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status, StatusCode::NOT_FOUND, "{path}");
    }
    // A page in one edition is not a page of another.
    let input = PageInput {
        edition: "ru".into(),
        slug: "about".into(),
        title: "О нас".into(),
        body: "Текст.".into(),
    };
    let (_, event) = app.store().create_static_page(&input, None).await.unwrap();
    app.written(event).await;
    assert_eq!(app.get("/ru/pages/about").await.status, StatusCode::OK);
    assert_eq!(
        app.get("/en/pages/about").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(footer_pages(&app.get("/en").await.text()), None);
    let ru = app.get("/ru/pages/about").await.text();
    assert!(
        !ru.contains(&format!("href=\"{BASE}/ru/pages/about\" hreflang=")),
        "no alternates for a page of one edition"
    );
}

#[tokio::test]
async fn a_saved_page_reaches_cached_pages_at_once() {
    let app = TestApp::new().await;
    let input = PageInput {
        edition: "en".into(),
        slug: "about".into(),
        title: "About us".into(),
        body: format!(
            "We are a newsroom.\n\n::photo[{}]\n\n<script>alert(1)</script>",
            app.fx.photo
        ),
    };
    let (page, event) = app.store().create_static_page(&input, None).await.unwrap();
    app.written(event).await;
    let about = app.get("/en/pages/about").await;
    let html = about.text();
    assert!(html.contains("<picture>"), "embedded photo");
    assert!(!html.contains("alert(1)"), "raw HTML is sanitised");
    let surrogate = about.header("surrogate-key").to_owned();
    for key in ["edition:en", "edition:ru", "edition:ar"] {
        assert!(
            surrogate.split(' ').any(|k| k == key),
            "{key} in {surrogate}"
        );
    }
    assert!(
        surrogate
            .split(' ')
            .any(|k| k == format!("photo:{}", app.fx.photo)),
        "{surrogate}"
    );
    assert!(app.get("/en").await.text().contains(">About us</a>"));

    let changed = PageInput {
        title: "Who we are".into(),
        body: "We are a newsroom of forty people.".into(),
        ..input
    };
    let (_, event) = app
        .store()
        .update_static_page(&changed, page.version, None)
        .await
        .unwrap();
    // Written but not yet announced: both pages still come from the cache.
    assert!(app.get("/en/pages/about").await.text().contains("About us"));
    assert!(app.get("/en").await.text().contains(">About us</a>"));
    app.written(event).await;
    let about = app.get("/en/pages/about").await.text();
    assert!(about.contains("Who we are") && about.contains("forty people"));
    let front = app.get("/en").await.text();
    assert!(front.contains(">Who we are</a>") && !front.contains(">About us</a>"));
    // Every page of the edition has the footer: an article page too.
    assert!(
        app.get(&app.fx.lead.path())
            .await
            .text()
            .contains(">Who we are</a>")
    );

    let event = app.store().delete_static_page("en", "about").await.unwrap();
    app.written(event).await;
    assert_eq!(
        app.get("/en/pages/about").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(footer_pages(&app.get("/en").await.text()), None);
}
