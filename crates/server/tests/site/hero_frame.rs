//! The article hero in the page's 16:9 frame (issue 17): a portrait lead photo is served as
//! the crop ladder cut around its focal point — every `srcset` image loads and is 16:9 —
//! while the same photo in the body stays whole; a photo processed before ladders existed
//! still shows, from its whole-image renditions.
#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use newsdesk_app::jobs::{self, renditions::Renditions};
use newsdesk_core::{Credit, PhotoId, Rendition};
use newsdesk_media::DemoPalette;
use newsdesk_store::{NewPhoto, PhotoFocus};
use regex::Regex;

use crate::support::{ArticleBuilder, TestApp};

fn unescape(html: &str) -> String {
    html.replace("&#x2f;", "/")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

async fn portrait_photo(app: &TestApp, key: &str) -> i64 {
    app.store()
        .create_photo(&NewPhoto {
            key: key.into(),
            content_type: "image/jpeg".into(),
            width: 800,
            height: 1200,
            byte_size: 1,
            caption: "The minister arrives for the vote".into(),
            alt_text: "A woman in a grey coat walking up the steps of parliament".into(),
            credit: Credit {
                agency: "AFP".into(),
                creator: "Jane Doe".into(),
            },
            copyright_notice: String::new(),
            copyright_year: None,
            uploaded_by: None,
        })
        .await
        .unwrap()
        .id
}

/// `<figure class="{class}">…</figure>` of the page.
fn figure<'a>(html: &'a str, class: &str) -> &'a str {
    let start = html
        .find(&format!("<figure class=\"{class}\">"))
        .unwrap_or_else(|| panic!("no {class} figure in {html}"));
    let end = html[start..].find("</figure>").unwrap() + start;
    &html[start..end]
}

/// `(type, [(url, width)])` of each `<source>`, and `(src, width, height)` of the `<img>`.
type Picture = (Vec<(String, Vec<(String, u32)>)>, (String, u32, u32));

fn picture(figure: &str) -> Picture {
    let source = Regex::new(r#"<source type="([^"]+)" srcset="([^"]+)""#).unwrap();
    let sources = source
        .captures_iter(figure)
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
        .collect();
    let tag = Regex::new(r"<img [^>]*>")
        .unwrap()
        .find(figure)
        .unwrap_or_else(|| panic!("no <img> in {figure}"))
        .as_str();
    let attr = |name: &str| {
        Regex::new(&format!(r#" {name}="([^"]*)""#))
            .unwrap()
            .captures(tag)
            .unwrap_or_else(|| panic!("no {name} in {tag}"))[1]
            .to_owned()
    };
    (
        sources,
        (
            attr("src"),
            attr("width").parse().unwrap(),
            attr("height").parse().unwrap(),
        ),
    )
}

/// Within 1 %, as the standards tests judge "16:9".
fn is_sixteen_by_nine(width: u32, height: u32) -> bool {
    let ratio = f64::from(width) / f64::from(height);
    (ratio / (16.0 / 9.0) - 1.0).abs() <= 0.01
}

#[tokio::test]
async fn a_portrait_hero_is_framed_from_its_crop_ladder() {
    let app = TestApp::new().await;
    let original = newsdesk_media::generate_demo_photo(11, 800, 1200, DemoPalette::Noon).unwrap();
    let key = "originals/portrait-minister.jpg";
    app.state
        .media()
        .put(key, original, "image/jpeg")
        .await
        .unwrap();
    let photo = portrait_photo(&app, key).await;
    // The editor put the point on the face, near the top; the job cuts around it.
    app.store()
        .set_photo_focus(photo, PhotoFocus { x: 0.5, y: 0.3 })
        .await
        .unwrap();
    jobs::enqueue(
        app.state.app(),
        &Renditions {
            photo_id: PhotoId(photo),
        },
    )
    .await
    .unwrap();
    let ran = newsdesk_server::registry()
        .run_pending(app.state.app())
        .await
        .unwrap();
    assert_eq!(ran, 1);

    let article = ArticleBuilder::new("en", "The minister arrives")
        .section(app.fx.world)
        .authors(&[app.fx.desk])
        .hero(photo)
        .body(&format!(
            "The first paragraph.\n\n::photo[{photo}]\n\nThe last paragraph."
        ))
        .publish(app.store())
        .await;
    let page = app.get(&article.path()).await;
    assert_eq!(page.status, 200);
    let html = unescape(&page.text());

    let (sources, (src, width, height)) = picture(figure(&html, "story__hero"));
    let types: Vec<&str> = sources.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(types, ["image/webp", "image/jpeg"]);
    // The crop (800 × 450) allows 320, 480 and 640 px: a real srcset, in both formats; the
    // JPEGs also offer the JSON-LD crop, the same picture 800 px wide.
    for (mime, entries) in &sources {
        let widths: Vec<u32> = entries.iter().map(|(_, w)| *w).collect();
        let wanted: &[u32] = if mime == "image/webp" {
            &[320, 480, 640]
        } else {
            &[320, 480, 640, 800]
        };
        assert_eq!(widths, wanted, "{mime}");
        for (url, w) in entries {
            assert!(url.contains("/c16x9-f500x300-w"), "{url}");
            let served = app.get(url).await;
            assert_eq!(served.status, 200, "{url}");
            assert_eq!(served.header("content-type"), mime.as_str(), "{url}");
            let img = image::load_from_memory(&served.bytes).unwrap();
            assert_eq!(img.width(), *w, "{url}");
            assert!(
                is_sixteen_by_nine(img.width(), img.height()),
                "{url}: {img:?}"
            );
        }
    }
    // The fallback <img> is a crop too, and its attributes are its real size: the browser
    // reserves the frame before the image arrives.
    assert!(is_sixteen_by_nine(width, height), "{width}×{height}");
    let served = app.get(&src).await;
    assert_eq!(served.status, 200, "{src}");
    assert_eq!(served.header("content-type"), "image/jpeg");
    let img = image::load_from_memory(&served.bytes).unwrap();
    assert_eq!((img.width(), img.height()), (width, height), "{src}");

    // The same photo in the body is the whole portrait.
    let (body_sources, (_, width, height)) = picture(figure(&html, "photo"));
    assert!(body_sources[0].1.iter().all(|(url, _)| url.contains("/w")));
    assert_eq!(height * 2, width * 3, "the body photo keeps its 2:3 shape");
}

#[tokio::test]
async fn a_hero_without_a_crop_ladder_falls_back_to_the_whole_photo() {
    let app = TestApp::new().await;
    let photo = portrait_photo(&app, "originals/old-portrait.jpg").await;
    // Made by the previous release: whole-image renditions and the JSON-LD crops only.
    let mut renditions = Vec::new();
    for width in [320u32, 640] {
        for (mime, ext) in [("image/webp", "webp"), ("image/jpeg", "jpg")] {
            renditions.push(Rendition {
                width,
                height: width * 3 / 2,
                content_type: mime.into(),
                key: format!("photos/{photo}/w{width}.{ext}"),
            });
        }
    }
    renditions.push(Rendition {
        width: 800,
        height: 450,
        content_type: "image/jpeg".into(),
        key: format!("photos/{photo}/c16x9-w800.jpg"),
    });
    app.store()
        .set_photo_renditions(PhotoId(photo), &renditions)
        .await
        .unwrap();
    let article = ArticleBuilder::new("en", "An older portrait")
        .section(app.fx.world)
        .authors(&[app.fx.desk])
        .hero(photo)
        .publish(app.store())
        .await;
    let page = app.get(&article.path()).await;
    assert_eq!(page.status, 200);
    let html = unescape(&page.text());
    let (sources, (src, width, height)) = picture(figure(&html, "story__hero"));
    assert_eq!(
        sources[0].1,
        [
            (format!("/media/photos/{photo}/w320.webp"), 320),
            (format!("/media/photos/{photo}/w640.webp"), 640)
        ]
    );
    assert_eq!(
        (src.as_str(), width, height),
        (format!("/media/photos/{photo}/w640.jpg").as_str(), 640, 960)
    );
}
