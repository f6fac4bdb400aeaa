//! Every link of an article page leads somewhere: one article per edition, every `href`
//! and `src` on it (navigation, section, tags, authors, the discussion's log-in and
//! register links, feeds, photos, scripts, the edition switcher, the next article) is
//! requested through the same router, and none may answer 404 or fail.
#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use std::collections::BTreeSet;

use http::StatusCode;
use regex::Regex;

use crate::support::TestApp;

/// Same-site addresses in `href`, `src` and `srcset` attributes, without fragments, as
/// paths (absolute links to the site's own base URL included).
fn links(html: &str, base: &str) -> BTreeSet<String> {
    let attr = Regex::new(r#"(?:href|src|srcset)="([^"]+)""#).unwrap();
    let mut out = BTreeSet::new();
    for cap in attr.captures_iter(html) {
        let value = cap[1].replace("&amp;", "&");
        // srcset holds "url width, url width".
        for candidate in value.split(", ") {
            let url = candidate.split_whitespace().next().unwrap_or_default();
            let path = if let Some(rest) = url.strip_prefix(base) {
                rest.to_owned()
            } else if url.starts_with('/') && !url.starts_with("//") {
                url.to_owned()
            } else {
                continue;
            };
            let path = path.split('#').next().unwrap_or_default().to_owned();
            if !path.is_empty() {
                out.insert(path);
            }
        }
    }
    out
}

/// The fixture photo's rendition rows point at files the rendition job would have
/// written; write them (small, but real JPEG and WebP files).
async fn write_renditions(app: &TestApp) {
    let photo = app.store().get_photo(app.fx.photo).await.unwrap();
    let image = image::RgbImage::from_pixel(48, 32, image::Rgb([120, 140, 160]));
    for r in &photo.renditions {
        let bytes = if r.content_type == "image/webp" {
            newsdesk_media::encode_webp_lossless(&image).unwrap()
        } else {
            let mut out = std::io::Cursor::new(Vec::new());
            image.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
            out.into_inner()
        };
        app.state
            .media()
            .put(&r.key, bytes, &r.content_type)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn no_link_on_an_article_page_answers_404_in_any_edition() {
    let app = TestApp::new().await;
    write_renditions(&app).await;
    let base = app.state.config().base_url.clone();
    for article in [&app.fx.lead, &app.fx.russian, &app.fx.arabic] {
        let page = app.get(&article.path()).await;
        assert_eq!(page.status, StatusCode::OK, "{}", article.path());
        let found = links(&page.text(), &base);
        assert!(
            found.len() > 15,
            "{}: too few links to be the whole page: {found:?}",
            article.path()
        );
        for wanted in [
            format!("/{}/account/login?next=", article.edition),
            format!("/{}/account/register?next=", article.edition),
        ] {
            assert!(
                found.iter().any(|l| l.starts_with(&wanted)),
                "{wanted} on {}",
                article.path()
            );
        }
        let mut broken = Vec::new();
        for link in &found {
            let r = app.get(link).await;
            // 410 is a page too (an unpublished article says so); redirects are followed by
            // browsers and land on one of the pages checked here.
            if r.status == StatusCode::NOT_FOUND || r.status.is_server_error() {
                broken.push(format!("{link}: {}", r.status));
            }
        }
        assert!(
            broken.is_empty(),
            "{}: broken links:\n{}",
            article.path(),
            broken.join("\n")
        );
    }
}
