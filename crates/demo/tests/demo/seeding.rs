//! `serve --demo` from several instances at once, and after one was killed half-way: one
//! newsroom, whole, every time. On SQLite and, when `NEWSDESK_TEST_DATABASE_URL` is set,
//! on PostgreSQL (a schema of its own per test).

use std::str::FromStr;

use chrono::Utc;
use newsdesk_core::{Credit, Direction, Edition};
use newsdesk_demo::{DEMO_SEED, DemoOptions, Seeded, generate, seed_if_needed};
use newsdesk_media::MediaStore;
use newsdesk_store::{ArticleQuery, NewPhoto, SeedState, Store};
use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection};
use tempfile::TempDir;

use crate::support::options;

const ARTICLES: usize = 10;

/// One database, opened twice as two instances would, with a media folder each would
/// share.
struct Site {
    a: Store,
    b: Store,
    media: MediaStore,
    _dir: TempDir,
    pg: Option<(PgConnection, String)>,
}

impl Site {
    async fn sqlite() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("newsdesk.db");
        let a = Store::open_sqlite(&path).await.unwrap();
        a.migrate().await.unwrap();
        let b = Store::open_sqlite(&path).await.unwrap();
        let media = MediaStore::local(&dir.path().join("media")).unwrap();
        Site {
            a,
            b,
            media,
            _dir: dir,
            pg: None,
        }
    }

    /// `None` when PostgreSQL is not configured outside CI (in CI a missing URL fails).
    async fn postgres(name: &str) -> Option<Site> {
        let url = match std::env::var("NEWSDESK_TEST_DATABASE_URL") {
            Ok(url) if !url.is_empty() => url,
            _ => {
                let ci = std::env::var("CI").is_ok_and(|v| v == "true");
                assert!(!ci, "NEWSDESK_TEST_DATABASE_URL must be set when CI=true");
                eprintln!("notice: NEWSDESK_TEST_DATABASE_URL is not set; skipping {name}");
                return None;
            }
        };
        let schema = format!("t_seed_{name}_{}", rand_suffix());
        let mut admin = PgConnection::connect(&url).await.unwrap();
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA \"{schema}\"")))
            .execute(&mut admin)
            .await
            .unwrap();
        let options = PgConnectOptions::from_str(&url)
            .unwrap()
            .options([("search_path", &schema)]);
        let a = Store::open_postgres(options.clone()).await.unwrap();
        a.migrate().await.unwrap();
        let b = Store::open_postgres(options).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let media = MediaStore::local(&dir.path().join("media")).unwrap();
        Some(Site {
            a,
            b,
            media,
            _dir: dir,
            pg: Some((admin, schema)),
        })
    }

    async fn articles(&self) -> i64 {
        self.a
            .count_articles(&ArticleQuery {
                any_status: true,
                ..ArticleQuery::default()
            })
            .await
            .unwrap()
    }

    async fn photos(&self) -> usize {
        self.a.list_photos(None, 1000, 0).await.unwrap().len()
    }

    async fn close(self) {
        self.a.close().await;
        self.b.close().await;
        if let Some((mut admin, schema)) = self.pg {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP SCHEMA \"{schema}\" CASCADE"
            )))
            .execute(&mut admin)
            .await
            .unwrap();
        }
    }
}

fn rand_suffix() -> String {
    format!(
        "{}_{}",
        std::process::id(),
        Utc::now().timestamp_nanos_opt().unwrap_or_default() % 1_000_000_000
    )
}

fn tiny() -> DemoOptions {
    DemoOptions {
        photos: 3,
        photo_long_edge: 320,
        ..options(ARTICLES, 7)
    }
}

/// Two instances start on an empty database together: one makes the newsroom, the other
/// waits for it and skips; every story exists once.
async fn two_at_once(site: Site) {
    let opts = tiny();
    let (first, second) = tokio::join!(
        seed_if_needed(&site.a, &site.media, &opts),
        seed_if_needed(&site.b, &site.media, &opts)
    );
    let outcomes = [first.unwrap(), second.unwrap()];
    let made = outcomes
        .iter()
        .filter(|o| matches!(o, Seeded::Made(_)))
        .count();
    assert_eq!(made, 1, "{outcomes:?}");
    assert!(outcomes.contains(&Seeded::Skipped), "{outcomes:?}");
    assert_eq!(site.articles().await, ARTICLES as i64);
    let made = outcomes.iter().find_map(|o| match o {
        Seeded::Made(report) => Some(report.photos),
        _ => None,
    });
    assert_eq!(Some(site.photos().await), made);
    assert_eq!(
        site.a.seed_state(DEMO_SEED).await.unwrap(),
        Some(SeedState::Complete)
    );
    // A third start later skips too.
    let again = seed_if_needed(&site.b, &site.media, &opts).await.unwrap();
    assert_eq!(again, Seeded::Skipped);
    assert_eq!(site.articles().await, ARTICLES as i64);
    site.close().await;
}

/// A start that finds another instance seeding waits for it, however long, and then
/// skips: it never looks at a database that is still being filled.
async fn waits_for_the_seeder(site: Site) {
    let opts = tiny();
    let lock = site.a.seed_lock(DEMO_SEED).await.unwrap();
    let waiting = {
        let (b, media, opts) = (site.b.clone(), site.media.clone(), opts.clone());
        tokio::spawn(async move { seed_if_needed(&b, &media, &opts).await })
    };
    // The first instance is half-way: marked started, photos and editions in, no articles.
    site.a
        .set_seed_state(DEMO_SEED, SeedState::Started)
        .await
        .unwrap();
    stray_photo(&site, 1).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(!waiting.is_finished(), "the second start did not wait");
    site.a.remove_unfinished_seed().await.unwrap();
    generate(&site.a, &site.media, &opts).await.unwrap();
    site.a
        .set_seed_state(DEMO_SEED, SeedState::Complete)
        .await
        .unwrap();
    lock.release().await.unwrap();
    let outcome = waiting.await.unwrap().unwrap();
    assert_eq!(outcome, Seeded::Skipped);
    assert_eq!(site.articles().await, ARTICLES as i64);
    site.close().await;
}

/// What a kill four seconds into the first seed left: editions and photos, no articles
/// (or some), and the seed marked started. The next start makes the whole newsroom.
async fn half_built(site: Site, with_some_articles: bool) {
    let opts = tiny();
    site.a
        .set_seed_state(DEMO_SEED, SeedState::Started)
        .await
        .unwrap();
    if with_some_articles {
        // The first batches made it; the process died before the rest.
        generate(
            &site.a,
            &site.media,
            &DemoOptions {
                articles: 4,
                ..tiny()
            },
        )
        .await
        .unwrap();
    } else {
        for (code, name) in [("en", "English"), ("ru", "Русский"), ("ar", "العربية")]
        {
            site.a
                .upsert_edition(&Edition {
                    code: code.into(),
                    name: name.into(),
                    direction: Direction::for_language(code),
                    time_zone: "UTC".into(),
                    is_default: code == "en",
                })
                .await
                .unwrap();
        }
        for i in 0..5 {
            stray_photo(&site, i).await;
        }
    }
    assert!(!site.a.is_empty().await.unwrap());

    let outcome = seed_if_needed(&site.b, &site.media, &opts).await.unwrap();
    let Seeded::Redone(report) = outcome else {
        panic!("not redone: {outcome:?}");
    };
    assert_eq!(site.articles().await, ARTICLES as i64);
    assert_eq!(
        site.photos().await,
        report.photos,
        "the half-built seed's photos are gone"
    );
    assert_eq!(
        site.a.seed_state(DEMO_SEED).await.unwrap(),
        Some(SeedState::Complete)
    );
    site.close().await;
}

async fn stray_photo(site: &Site, i: i64) {
    let key = format!("demo/photo-stray-{i}.jpg");
    site.media
        .put(&key, b"not really".as_slice(), "image/jpeg")
        .await
        .unwrap();
    site.a
        .create_photo(&NewPhoto {
            key,
            content_type: "image/jpeg".into(),
            width: 10,
            height: 10,
            byte_size: 10,
            caption: String::new(),
            alt_text: "stray".into(),
            credit: Credit::default(),
            copyright_notice: String::new(),
            copyright_year: None,
            uploaded_by: None,
        })
        .await
        .unwrap();
}

/// A database with a site of its own (no seed record) is never touched.
async fn leaves_a_real_site_alone(site: Site) {
    site.a
        .upsert_edition(&Edition {
            code: "en".into(),
            name: "English".into(),
            direction: Direction::Ltr,
            time_zone: "UTC".into(),
            is_default: true,
        })
        .await
        .unwrap();
    stray_photo(&site, 1).await;
    let outcome = seed_if_needed(&site.a, &site.media, &tiny()).await.unwrap();
    assert_eq!(outcome, Seeded::Skipped);
    assert_eq!(site.photos().await, 1);
    assert_eq!(site.a.seed_state(DEMO_SEED).await.unwrap(), None);
    site.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_seeds_at_once_make_one_newsroom_on_sqlite() {
    two_at_once(Site::sqlite().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_seeds_at_once_make_one_newsroom_on_postgres() {
    if let Some(site) = Site::postgres("twice").await {
        two_at_once(site).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_start_waits_for_the_seeding_one() {
    waits_for_the_seeder(Site::sqlite().await).await;
    if let Some(site) = Site::postgres("wait").await {
        waits_for_the_seeder(site).await;
    }
}

#[tokio::test]
async fn a_seed_cut_short_is_redone_on_sqlite() {
    half_built(Site::sqlite().await, false).await;
    half_built(Site::sqlite().await, true).await;
}

#[tokio::test]
async fn a_seed_cut_short_is_redone_on_postgres() {
    if let Some(site) = Site::postgres("cut").await {
        half_built(site, false).await;
    }
    if let Some(site) = Site::postgres("cutarticles").await {
        half_built(site, true).await;
    }
}

#[tokio::test]
async fn a_database_with_a_site_of_its_own_is_not_seeded() {
    leaves_a_real_site_alone(Site::sqlite().await).await;
    if let Some(site) = Site::postgres("ownsite").await {
        leaves_a_real_site_alone(site).await;
    }
}
