//! The messages as a reader's mail client gets them, built from a real store.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, TimeZone, Utc};
use newsdesk_app::AppConfig;
use newsdesk_bus::Bus;
use newsdesk_core::{ArticleDraft, Credit, Direction, Edition, NewsItemDraft, Photo, Rendition};
use newsdesk_media::MediaStore;
use newsdesk_store::{BulkArticle, NewAuthor, NewPhoto, NewSection, PhotoId, Store};

use super::*;

/// A store in a directory of its own, removed when the test ends.
struct Newsroom {
    state: AppState,
    dir: PathBuf,
    author: i64,
    photo: i64,
    world: i64,
    ar_world: i64,
}

impl Drop for Newsroom {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn at(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, day, hour, minute, 0)
        .single()
        .unwrap()
}

impl Newsroom {
    async fn new() -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "newsdesk-compose-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let store = Store::open_sqlite(&dir.join("newsdesk.db")).await.unwrap();
        store.migrate().await.unwrap();
        let mut config = AppConfig::for_tests(dir.clone());
        config.base_url = "https://news.example".to_owned();
        config.site_name = "The Example Times".to_owned();
        let state = AppState::new(store, Bus::in_process(), MediaStore::memory(), config).unwrap();
        let store = state.store();
        for (code, name, tz) in [
            ("en", "English", "Europe/London"),
            ("ru", "Русский", "Europe/Moscow"),
            ("ar", "العربية", "Asia/Dubai"),
        ] {
            store
                .upsert_edition(&Edition {
                    code: code.into(),
                    name: name.into(),
                    direction: Direction::for_language(code),
                    time_zone: tz.into(),
                    is_default: code == "en",
                })
                .await
                .unwrap();
        }
        let section = |edition: &str, slug: &str, name: &str| NewSection {
            edition: edition.into(),
            slug: slug.into(),
            name: name.into(),
            position: 0,
        };
        let world = store
            .create_section(&section("en", "world", "World"))
            .await
            .unwrap()
            .id;
        let ar_world = store
            .create_section(&section("ar", "world", "العالم"))
            .await
            .unwrap()
            .id;
        let author = store
            .create_author(&NewAuthor {
                slug: "news-desk".into(),
                name: "News Desk".into(),
                bio: String::new(),
                photo_id: None,
                account_id: None,
            })
            .await
            .unwrap()
            .id;
        let photo = store
            .create_photo(&NewPhoto {
                key: "photos/1/original.jpg".into(),
                content_type: "image/jpeg".into(),
                width: 3000,
                height: 2000,
                byte_size: 1000,
                caption: "Voters queue outside a polling station".into(),
                alt_text: "A long line of people with umbrellas outside a brick school".into(),
                credit: Credit::default(),
                copyright_notice: String::new(),
                copyright_year: None,
                uploaded_by: None,
            })
            .await
            .unwrap()
            .id;
        let rendition = |key: String, width: u32, height: u32| Rendition {
            width,
            height,
            content_type: "image/jpeg".into(),
            key,
        };
        store
            .set_photo_renditions(
                PhotoId(photo),
                &[
                    rendition(format!("photos/{photo}/w640.jpg"), 640, 427),
                    rendition(format!("photos/{photo}/w1920.jpg"), 1920, 1280),
                    rendition(format!("photos/{photo}/c16x9-w1200.jpg"), 1200, 675),
                    rendition(format!("photos/{photo}/c1x1-w1200.jpg"), 1200, 1200),
                ],
            )
            .await
            .unwrap();
        Self {
            state,
            dir,
            author,
            photo,
            world,
            ar_world,
        }
    }

    /// Publishes `(headline, published at, important, with the photo)` in `edition`.
    async fn publish(
        &self,
        edition: &str,
        section: i64,
        stories: &[(&str, DateTime<Utc>, bool, bool)],
    ) -> Vec<i64> {
        let items: Vec<BulkArticle> = stories
            .iter()
            .map(|(headline, published_at, important, photo)| BulkArticle {
                draft: ArticleDraft {
                    edition: edition.into(),
                    slug: String::new(),
                    headline: (*headline).into(),
                    lead: format!("What happened: {headline}."),
                    body: "The full story.".into(),
                    hero_photo_id: photo.then_some(self.photo),
                    section_id: Some(section),
                    tag_ids: Vec::new(),
                    author_ids: vec![self.author],
                    in_newsfeed: true,
                    breaking: false,
                    important: *important,
                    ..ArticleDraft::default()
                },
                published_at: *published_at,
                created_by: None,
                translation_group: None,
            })
            .collect();
        self.state
            .store()
            .insert_published_articles(&items)
            .await
            .unwrap()
    }

    async fn ctx(&self, code: &str) -> EditionCtx {
        EditionCtx::load(&self.state, code).await.unwrap()
    }
}

/// Every `href` of an HTML part, unescaped as a mail client reads it.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|h| h.replace("&amp;", "&"))
        .collect()
}

fn assert_mail_safe(html: &str) {
    let lower = html.to_lowercase();
    for banned in [
        "<script",
        "<link",
        "<style",
        "javascript:",
        " onload=",
        " onclick=",
    ] {
        assert!(!lower.contains(banned), "{banned} in {html}");
    }
    for img in html.split("<img ").skip(1) {
        let tag = img.split('>').next().unwrap_or_default();
        for attr in ["src=\"https://", "width=\"", "height=\"", "alt=\""] {
            assert!(tag.contains(attr), "<img {tag}> lacks {attr}");
        }
        assert!(!tag.contains("alt=\"\""), "empty alt: <img {tag}>");
    }
}

#[tokio::test]
async fn english_digest_links_every_story_ranks_marked_ones_first_and_can_be_left() {
    let room = Newsroom::new().await;
    let ids = room
        .publish(
            "en",
            room.world,
            &[
                ("Markets & <b>bonds</b> rally", at(6, 8, 0), true, false),
                ("Parliament passes the budget", at(6, 12, 0), false, true),
                ("Storm closes the coast road", at(6, 15, 30), false, false),
                ("Yesterday's news", at(5, 20, 0), true, true),
            ],
        )
        .await;
    let entries = digest_entries(&room.state, "en", at(6, 0, 0), at(7, 0, 0), 10)
        .await
        .unwrap();
    let headlines: Vec<&str> = entries.iter().map(|e| e.headline.as_str()).collect();
    assert_eq!(
        headlines,
        [
            "Markets & <b>bonds</b> rally",
            "Storm closes the coast road",
            "Parliament passes the budget"
        ],
        "the important story first, then the newest; yesterday's is left out"
    );
    let budget = &entries[2];
    assert!(
        budget
            .url
            .starts_with("https://news.example/en/2026/12/06/")
            && budget.url.ends_with(&format!("-{}", ids[1])),
        "{}",
        budget.url
    );
    let image = budget.image.as_ref().unwrap();
    assert_eq!(
        image.url,
        format!(
            "https://news.example/media/photos/{}/c16x9-w1200.jpg",
            room.photo
        )
    );
    assert_eq!((image.width, image.height), (600, 338));
    assert_eq!(budget.section.as_deref(), Some("World"));

    let ctx = room.ctx("en").await;
    let date = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    let mail = digest(&room.state, &ctx, date, &entries).unwrap();
    assert_eq!(
        mail.subject,
        "The Example Times — your briefing for Sunday 6 December"
    );
    assert_mail_safe(&mail.html);
    assert!(mail.html.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(
        mail.html
            .contains(r#"lang="en" dir="ltr" style="width:100%"#)
    );
    assert!(mail.html.contains("&lt;b&gt;bonds&lt;/b&gt;") && !mail.html.contains("<b>bonds"));
    let links = hrefs(&mail.html);
    for entry in &entries {
        assert!(links.contains(&entry.url), "{} is not linked", entry.url);
        let linked = format!(
            r#"<a href="{}" style="color:#1a1a1a;text-decoration:none;">{}</a>"#,
            entry.url,
            crate::templates::escape_html(&entry.headline)
        );
        assert!(mail.html.contains(&linked), "headline not linked: {linked}");
        let lines: Vec<&str> = mail.text.lines().collect();
        assert!(
            lines.contains(&entry.url.as_str()),
            "{} not on its own line",
            entry.url
        );
        assert!(lines.contains(&entry.headline.as_str()));
        assert!(lines.contains(&entry.lead.as_str()));
    }
    assert!(mail.html.contains(&format!(
        r#"alt="{}""#,
        crate::templates::escape_html(&image.alt)
    )));
    assert!(mail.text.contains("World · 12:00"), "{}", mail.text);
    assert!(mail.html.contains(">15:30<"), "times are London's");
    // Every reader gets their own link in place of the placeholder, in both parts.
    assert!(links.contains(&UNSUBSCRIBE_PLACEHOLDER.to_owned()));
    assert!(mail.text.lines().any(|l| l == UNSUBSCRIBE_PLACEHOLDER));
    let why = "You receive this because you subscribed to Daily digest at The Example Times.";
    assert!(mail.html.contains(why) && mail.text.contains(why));
    assert!(mail.html.contains(">Unsubscribe</a>"));
    assert!(
        mail.html
            .contains("Markets &amp; &lt;b&gt;bonds&lt;/b&gt; rally · Storm")
    );

    let two = digest_entries(&room.state, "en", at(6, 0, 0), at(7, 0, 0), 2)
        .await
        .unwrap();
    assert_eq!(two.len(), 2);
    let business = room
        .state
        .store()
        .create_section(&NewSection {
            edition: "en".into(),
            slug: "business".into(),
            name: "Business".into(),
            position: 1,
        })
        .await
        .unwrap()
        .id;
    room.publish(
        "en",
        business,
        &[("Shares slip", at(6, 9, 0), false, false)],
    )
    .await;
    let in_business = section_digest_entries(
        &room.state,
        "en",
        Some(business),
        at(6, 0, 0),
        at(7, 0, 0),
        10,
    )
    .await
    .unwrap();
    let headlines: Vec<&str> = in_business.iter().map(|e| e.headline.as_str()).collect();
    assert_eq!(headlines, ["Shares slip"]);
}

#[tokio::test]
async fn arabic_digest_reads_right_to_left_in_arabic() {
    let room = Newsroom::new().await;
    room.publish(
        "ar",
        room.ar_world,
        &[("البرلمان يقر الميزانية", at(6, 9, 0), false, true)],
    )
    .await;
    let entries = digest_entries(&room.state, "ar", at(6, 0, 0), at(7, 0, 0), 10)
        .await
        .unwrap();
    assert_eq!(entries.len(), 1);
    let ctx = room.ctx("ar").await;
    let date = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    let mail = digest(&room.state, &ctx, date, &entries).unwrap();
    assert_eq!(mail.subject, "The Example Times — موجزك ليوم الأحد 6 ديسمبر");
    assert_mail_safe(&mail.html);
    assert!(mail.html.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(
        mail.html
            .contains(r#"lang="ar" dir="rtl" style="width:100%"#)
    );
    assert!(mail.html.contains("text-align:right"));
    assert!(mail.html.contains(r#"align="right""#));
    assert!(!mail.html.contains(r#"align="left""#));
    assert!(mail.html.contains(">العالم<"));
    // 09:00 UTC is 13:00 in Dubai.
    assert!(mail.html.contains(">13:00<"));
    for part in [&mail.html, &mail.text] {
        assert!(part.contains("تصلك هذه الرسالة لأنك اشتركت في «الموجز اليومي»"));
        assert!(part.contains("إلغاء الاشتراك"));
        assert!(part.contains(UNSUBSCRIBE_PLACEHOLDER));
        assert!(part.contains(&entries[0].url));
        assert!(!part.contains("You receive"));
    }
}

#[tokio::test]
async fn breaking_alerts_name_the_story_and_never_a_draft() {
    let room = Newsroom::new().await;
    let ids = room
        .publish(
            "en",
            room.world,
            &[("Earthquake hits the capital", at(6, 10, 5), false, true)],
        )
        .await;
    let entry = article_entry(&room.state, ids[0]).await.unwrap();
    assert!(entry.image.is_some());
    let ctx = room.ctx("en").await;
    let mail = breaking(&room.state, &ctx, &entry).unwrap();
    assert_eq!(mail.subject, "Breaking: Earthquake hits the capital");
    assert_mail_safe(&mail.html);
    assert!(hrefs(&mail.html).contains(&entry.url));
    assert!(mail.html.contains(">Breaking news<"));
    assert!(mail.text.lines().any(|l| l == entry.url));
    assert!(
        mail.text.contains("6 December 2026, 10:05 GMT"),
        "{}",
        mail.text
    );
    let why = "You receive this because you subscribed to Breaking news at The Example Times.";
    for part in [&mail.html, &mail.text] {
        assert!(part.contains(why));
        assert!(part.contains(UNSUBSCRIBE_PLACEHOLDER));
    }

    room.state
        .store()
        .unpublish_article(ids[0], None)
        .await
        .unwrap();
    assert!(matches!(
        article_entry(&room.state, ids[0]).await,
        Err(HttpError::NotFound)
    ));
}

#[tokio::test]
async fn newsfeed_items_link_where_the_column_does() {
    let room = Newsroom::new().await;
    let item = |headline: &str, link: &str| NewsItemDraft {
        edition: "en".into(),
        headline: headline.into(),
        body: "Trains are stopped in both directions.".into(),
        link: link.into(),
        important: false,
        breaking: true,
    };
    let store = room.state.store();
    let (bare, _) = store
        .create_news_item(&item("Bridge closed", ""), true, None)
        .await
        .unwrap();
    let (linked, _) = store
        .create_news_item(&item("Bridge reopens", "/en/world"), true, None)
        .await
        .unwrap();
    let (draft, _) = store
        .create_news_item(&item("Not yet", ""), false, None)
        .await
        .unwrap();

    let entry = news_item_entry(&room.state, bare.id).await.unwrap();
    assert_eq!(
        entry.url,
        format!("https://news.example/en/newsfeed#n{}", bare.id)
    );
    assert_eq!(entry.lead, "Trains are stopped in both directions.");
    assert_eq!(entry.image, None);
    let entry = news_item_entry(&room.state, linked.id).await.unwrap();
    assert_eq!(entry.url, "https://news.example/en/world");
    assert!(matches!(
        news_item_entry(&room.state, draft.id).await,
        Err(HttpError::NotFound)
    ));

    let mail = breaking(&room.state, &room.ctx("en").await, &entry).unwrap();
    assert!(!mail.html.contains("<img"));
    assert!(
        mail.text
            .contains("Trains are stopped in both directions.\nhttps://news.example/en/world\n")
    );
}

#[tokio::test]
async fn confirmation_says_what_was_asked_and_that_nothing_comes_without_it() {
    let room = Newsroom::new().await;
    let url = "https://news.example/en/newsletters/confirm/abc123";
    let lists = ["digest", "breaking", "section:world"].map(String::from);
    let ctx = room.ctx("en").await;
    let mail = confirm(&room.state, &ctx, url, &lists).unwrap();
    assert_eq!(
        mail.subject,
        "Confirm your subscription to The Example Times"
    );
    assert_mail_safe(&mail.html);
    assert!(hrefs(&mail.html).contains(&url.to_owned()));
    assert!(mail.text.lines().any(|l| l == url));
    for part in [&mail.html, &mail.text] {
        for name in ["Daily digest", "Breaking news", "Section: World"] {
            assert!(part.contains(name), "{name} missing");
        }
        assert!(part.contains("expires in 7 days"));
        assert!(part.contains("ignoring this message is enough"));
    }
    assert_eq!(
        list_names(&room.state, &ctx, &lists),
        "Daily digest, Breaking news, Section: World"
    );

    let ar = room.ctx("ar").await;
    let mail = confirm(&room.state, &ar, url, &lists).unwrap();
    assert!(mail.html.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(mail.html.contains("padding-right:22px"));
    assert!(mail.text.contains("- قسم العالم"));
    assert_eq!(
        list_names(&room.state, &ar, &lists[..2]),
        "الموجز اليومي، الأخبار العاجلة"
    );
    let ru = room.ctx("ru").await;
    let mail = confirm(&room.state, &ru, url, &lists[..1]).unwrap();
    assert!(mail.text.contains("- Ежедневный дайджест"), "{}", mail.text);
    // A section the edition does not have (any more) still reads as a section.
    assert_eq!(list_name(&room.state, &ru, "section:mir"), "Раздел «mir»");
}

fn photo(renditions: Vec<Rendition>, alt: &str) -> Photo {
    Photo {
        id: 9,
        key: "photos/9/original.jpg".into(),
        content_type: "image/jpeg".into(),
        width: 2000,
        height: 3000,
        byte_size: 1,
        caption: String::new(),
        alt_text: alt.into(),
        credit: Credit::default(),
        copyright_notice: String::new(),
        copyright_year: None,
        created_at: Utc::now(),
        renditions,
    }
}

fn jpeg(key: &str, width: u32, height: u32) -> Rendition {
    Rendition {
        width,
        height,
        content_type: "image/jpeg".into(),
        key: key.into(),
    }
}

#[test]
fn images_are_landscape_jpegs_shown_at_newsletter_width() {
    let site = Site::new("https://n.example", "N");
    // No crop: the landscape rendition at least twice the display width, shown at 600.
    let landscape = photo(
        vec![
            jpeg("photos/9/w960.jpg", 960, 640),
            jpeg("photos/9/w1280.jpg", 1280, 853),
            jpeg("photos/9/w1920.jpg", 1920, 1280),
            Rendition {
                content_type: "image/webp".into(),
                ..jpeg("photos/9/w1280.webp", 1280, 853)
            },
        ],
        "",
    );
    let image = entry_image(&site, &landscape, "Headline").unwrap();
    assert_eq!(image.url, "https://n.example/media/photos/9/w1280.jpg");
    assert_eq!((image.width, image.height), (600, 400));
    assert_eq!(image.alt, "Headline", "an image link needs a name");
    // A small photo is never blown up.
    let small = photo(vec![jpeg("photos/9/w480.jpg", 480, 320)], "Rain");
    let image = entry_image(&site, &small, "H").unwrap();
    assert_eq!(
        (image.width, image.height, image.alt.as_str()),
        (480, 320, "Rain")
    );
    // Portrait, no crop: no image rather than a column-high one.
    let portrait = photo(vec![jpeg("photos/9/w640.jpg", 640, 960)], "A");
    assert_eq!(entry_image(&site, &portrait, "H"), None);
    assert_eq!(entry_image(&site, &photo(Vec::new(), "A"), "H"), None);
}
