//! Article sitemaps at 100,000 published articles in two editions, read through the real
//! router as a crawler reads them: every published article is in exactly one file, and
//! publishing changes only the file of the new article's id. A binary of its own: the
//! archive is built once, by the store's bulk insert.
#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use std::collections::{BTreeMap, BTreeSet};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{DateTime, Duration, Utc};
use http_body_util::BodyExt;
use newsdesk_bus::Bus;
use newsdesk_core::{ArticleDraft, Direction, Edition};
use newsdesk_media::MediaStore;
use newsdesk_site::{AppConfig, AppState};
use newsdesk_store::{BulkArticle, NewAuthor, NewSection, Store};
use tower::ServiceExt;

const ARTICLES: usize = 100_000;
const BATCH: usize = 5_000;
/// Articles published in the last 48 hours (one a minute), the rest three days and more
/// ago: well clear of the News window's edge while the test runs.
const RECENT: usize = 2_400;

struct App {
    state: AppState,
    router: Router,
    _dir: tempfile::TempDir,
}

impl App {
    async fn new() -> App {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_sqlite(&dir.path().join("newsdesk.db"))
            .await
            .unwrap();
        store.migrate().await.unwrap();
        let state = AppState::new(
            store,
            Bus::in_process(),
            MediaStore::memory(),
            AppConfig::for_tests(dir.path().to_path_buf()),
        )
        .unwrap();
        let router = newsdesk_server::router(state.clone());
        App {
            state,
            router,
            _dir: dir,
        }
    }

    fn store(&self) -> &Store {
        self.state.store()
    }

    async fn get(&self, uri: &str) -> (StatusCode, String) {
        let response = self
            .router
            .clone()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, String::from_utf8(bytes.to_vec()).unwrap())
    }

    /// Every article sitemap file the index lists: path → body.
    async fn article_files(&self) -> BTreeMap<String, String> {
        let (status, index) = self.get("/sitemap.xml").await;
        assert_eq!(status, StatusCode::OK);
        let mut files = BTreeMap::new();
        for loc in locs(&index) {
            let path = loc.trim_start_matches("http://127.0.0.1:8080");
            if !path.contains("-articles-") {
                continue;
            }
            let (status, body) = self.get(path).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            assert!(
                files.insert(path.to_owned(), body).is_none(),
                "{path} listed twice"
            );
        }
        files
    }
}

/// The `<loc>`s of a sitemap or an index (hreflang alternates are `href`s, not `loc`s).
fn locs(doc: &str) -> Vec<&str> {
    doc.split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .collect()
}

/// The id at the end of an article URL (`…/{slug}-{id}`).
fn id_of(url: &str) -> i64 {
    url.rsplit('-').next().unwrap().parse().unwrap()
}

fn edition(code: &str, default: bool) -> Edition {
    Edition {
        code: code.into(),
        name: code.to_uppercase(),
        direction: Direction::for_language(code),
        time_zone: "UTC".into(),
        is_default: default,
    }
}

/// A publishable draft template per edition (a section and a byline).
async fn templates(store: &Store) -> [ArticleDraft; 2] {
    let author = store
        .create_author(&NewAuthor {
            slug: "desk".into(),
            name: "Desk".into(),
            ..NewAuthor::default()
        })
        .await
        .unwrap()
        .id;
    let mut out = Vec::new();
    for code in ["en", "ru"] {
        store
            .upsert_edition(&edition(code, code == "en"))
            .await
            .unwrap();
        let section = store
            .create_section(&NewSection {
                edition: code.into(),
                slug: "news".into(),
                name: "News".into(),
                position: 0,
            })
            .await
            .unwrap()
            .id;
        out.push(ArticleDraft {
            edition: code.into(),
            headline: "template".into(),
            lead: "A lead.".into(),
            body: "A body.".into(),
            section_id: Some(section),
            author_ids: vec![author],
            in_newsfeed: true,
            ..ArticleDraft::default()
        });
    }
    out.try_into().unwrap()
}

fn published_at(now: DateTime<Utc>, i: usize) -> DateTime<Utc> {
    let i = i64::try_from(i).unwrap();
    if i < i64::try_from(RECENT).unwrap() {
        now - Duration::minutes(i + 5)
    } else {
        now - Duration::hours(72) - Duration::seconds(i)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_published_article_is_in_one_sitemap_file_and_publishing_moves_none() {
    let app = App::new().await;
    let store = app.store();
    let [en, ru] = templates(store).await;
    // A draft made before the archive: its id is in the first block when it is published.
    let (old_draft, _) = store.create_article(&en, None).await.unwrap();
    let now = Utc::now();
    let mut published: BTreeMap<i64, String> = BTreeMap::new();
    let mut recent_en = BTreeSet::new();
    let mut ids_in_order: Vec<i64> = Vec::with_capacity(ARTICLES);
    for start in (0..ARTICLES).step_by(BATCH) {
        let items: Vec<BulkArticle> = (start..start + BATCH)
            .map(|i| {
                // Two English stories to one Russian; every tenth Russian one is the
                // translation of the English story before it.
                let mut d = if i % 3 == 2 { ru.clone() } else { en.clone() };
                d.headline = format!("Story {i}");
                let group =
                    (i % 30 == 1 || i % 30 == 2).then(|| i64::try_from(i / 30 + 1).unwrap());
                BulkArticle {
                    draft: d,
                    published_at: published_at(now, i),
                    created_by: None,
                    translation_group: group,
                }
            })
            .collect();
        let ids = store.insert_published_articles(&items).await.unwrap();
        ids_in_order.extend(&ids);
        for (id, item) in ids.iter().zip(&items) {
            published.insert(*id, item.draft.edition.clone());
            if item.draft.edition == "en" && item.published_at > now - Duration::hours(48) {
                recent_en.insert(*id);
            }
        }
    }
    // Withdrawn: in no sitemap.
    let withdrawn = *published.keys().nth(5_000).unwrap();
    let (_, event) = store.unpublish_article(withdrawn, None).await.unwrap();
    app.state.after_write(&event).await;
    published.remove(&withdrawn);

    // (1) The union of the files is the set of published articles, each once, each in its
    // edition's file of its id's block.
    let before = app.article_files().await;
    let mut seen: BTreeMap<i64, String> = BTreeMap::new();
    for (path, body) in &before {
        let urls = body.matches("<url>").count();
        assert!(urls <= 50_000 && body.len() <= 52_428_800, "{path}");
        let code = if path.starts_with("/sitemaps/en-") {
            "en"
        } else {
            "ru"
        };
        for loc in locs(body) {
            let id = id_of(loc);
            assert!(loc.contains(&format!("/{code}/")), "{loc} in {path}");
            assert!(path.ends_with(&format!(
                "-articles-{}-{}.xml",
                id / 10_000 * 10_000,
                id / 10_000 * 10_000 + 9_999
            )));
            assert!(
                seen.insert(id, code.to_owned()).is_none(),
                "{id} listed twice"
            );
        }
    }
    assert_eq!(seen.len(), published.len());
    assert!(
        seen == published,
        "the files list exactly the published articles"
    );
    // Translations carry their alternates, both ways.
    let (en_id, ru_id) = (ids_in_order[31], ids_in_order[32]);
    for (id, other) in [(en_id, ru_id), (ru_id, en_id)] {
        let file = before
            .values()
            .find(|b| b.contains(&format!("-{id}</loc>")))
            .unwrap();
        let entry = file.split(&format!("-{id}</loc>")).nth(1).unwrap();
        let entry = entry.split("</url>").next().unwrap();
        assert!(
            entry.contains(&format!("-{other}\"/>")),
            "hreflang {id} -> {other}"
        );
        assert!(entry.contains("hreflang=\"x-default\""));
    }

    // (2) Publishing the old draft and a brand-new article changes their two files only.
    let (_, event) = store
        .publish_article(old_draft.id, now, None)
        .await
        .unwrap();
    app.state.after_write(&event).await;
    let mut fresh = en.clone();
    fresh.headline = "Breaking: a new story".into();
    let (fresh, _) = store.create_article(&fresh, None).await.unwrap();
    let (fresh, event) = store.publish_article(fresh.id, now, None).await.unwrap();
    app.state.after_write(&event).await;
    let after = app.article_files().await;
    let file_of = |id: i64| {
        let from = id / 10_000 * 10_000;
        format!("/sitemaps/en-articles-{from}-{}.xml", from + 9_999)
    };
    let touched = [file_of(old_draft.id), file_of(fresh.id)];
    for (path, body) in &before {
        if touched.contains(path) {
            assert_ne!(after.get(path), Some(body), "{path} gained an article");
        } else {
            assert_eq!(after.get(path), Some(body), "{path} changed");
        }
    }
    for id in [old_draft.id, fresh.id] {
        assert!(after[&file_of(id)].contains(&format!("-{id}</loc>")));
    }

    // The names of the old scheme are gone for good; no other name is a file.
    assert_eq!(
        app.get("/sitemaps/en-articles-1.xml").await.0,
        StatusCode::GONE
    );
    for missing in [
        "/sitemaps/en-articles-5-10004.xml",
        "/sitemaps/en-articles-990000000-990009999.xml",
        "/sitemaps/xx-articles-0-9999.xml",
    ] {
        assert_eq!(app.get(missing).await.0, StatusCode::NOT_FOUND, "{missing}");
    }

    // The News sitemap: over 1,000 English articles in two days make an index of files
    // of at most 1,000 whose union is exactly those articles.
    let (status, news) = app.get("/en/news-sitemap.xml").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        news.contains("<sitemapindex"),
        "{}",
        &news[..200.min(news.len())]
    );
    let mut in_news = Vec::new();
    for part in locs(&news) {
        let (status, body) = app
            .get(part.trim_start_matches("http://127.0.0.1:8080"))
            .await;
        assert_eq!(status, StatusCode::OK);
        let urls = locs(&body);
        assert!(urls.len() <= 1_000);
        in_news.extend(urls.into_iter().map(id_of));
    }
    recent_en.extend([old_draft.id, fresh.id]);
    let unique: BTreeSet<i64> = in_news.iter().copied().collect();
    assert_eq!(unique.len(), in_news.len(), "an article in two News files");
    assert_eq!(unique, recent_en);
}
