//! Photo focal points: stored per photo (centre by default), checked, refused to
//! contributors once readers see the photo; and the upgrade that queues the hero frame's
//! crops for photos processed before it existed.

use std::borrow::Cow;
use std::path::Path;

use chrono::Duration;
use newsdesk_core::{Change, Credit, Rendition};
use newsdesk_store::{NewPhoto, PhotoFocus, PhotoId, Store, StoreError};
use serde_json::json;
use sqlx::migrate::Migrator;

use crate::fixtures::{days_ago, draft, edition, published, ready};
use crate::harness::{PgSchema, Raw};

fn photo(key: &str, width: u32, height: u32) -> NewPhoto {
    NewPhoto {
        key: key.into(),
        content_type: "image/jpeg".into(),
        width,
        height,
        byte_size: 1_000_000,
        caption: "A speaker at the lectern".into(),
        alt_text: "A woman in a grey suit speaking into two microphones".into(),
        credit: Credit {
            agency: "AFP".into(),
            creator: "Jane Doe".into(),
        },
        copyright_notice: String::new(),
        copyright_year: None,
        uploaded_by: None,
    }
}

store_test!(a_photo_keeps_its_focal_point, |store| {
    let p = store.create_photo(&photo("a.jpg", 1067, 1600)).await?;
    assert_eq!(store.photo_focus(p.id).await?, PhotoFocus::CENTRE);

    let seq = store.latest_event_seq().await?;
    let set = store
        .set_photo_focus(p.id, PhotoFocus { x: 0.4, y: 0.2504 })
        .await?;
    // Kept to thousandths: what crops are cut around and what the form shows again.
    assert_eq!(set, PhotoFocus { x: 0.4, y: 0.25 });
    assert_eq!(store.photo_focus(p.id).await?, set);
    let events = store.events_after(seq, 10).await?;
    assert_eq!(
        events.iter().map(|e| e.change.clone()).collect::<Vec<_>>(),
        [Change::Photo { id: p.id }]
    );
    // The edges are points too.
    for edge in [PhotoFocus { x: 0.0, y: 1.0 }, PhotoFocus { x: 1.0, y: 0.0 }] {
        assert_eq!(store.set_photo_focus(p.id, edge).await?, edge);
    }

    // Outside the photo, or not a number: refused, naming the field; nothing changes.
    let before = store.photo_focus(p.id).await?;
    for (bad, field) in [
        (PhotoFocus { x: 1.2, y: 0.5 }, "focus_x"),
        (PhotoFocus { x: 0.5, y: -0.1 }, "focus_y"),
        (
            PhotoFocus {
                x: f64::NAN,
                y: 0.5,
            },
            "focus_x",
        ),
    ] {
        match store.set_photo_focus(p.id, bad).await {
            Err(StoreError::Invalid(v)) => assert_eq!(v.errors[0].field, field),
            other => anyhow::bail!("{bad:?}: expected Invalid, got {other:?}"),
        }
    }
    assert_eq!(store.photo_focus(p.id).await?, before);

    // Other photos keep theirs, text edits keep it, and an absent photo is NotFound.
    let q = store.create_photo(&photo("b.jpg", 1600, 1600)).await?;
    assert_eq!(store.photo_focus(q.id).await?, PhotoFocus::CENTRE);
    assert!(matches!(
        store.photo_focus(q.id + 100).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.set_photo_focus(q.id + 100, PhotoFocus::CENTRE).await,
        Err(StoreError::NotFound)
    ));
    store.set_photo_renditions(PhotoId(p.id), &[]).await?;
    assert_eq!(store.photo_focus(p.id).await?, before);
    Ok(())
});

store_test!(
    a_contributor_cannot_move_the_point_of_a_photo_readers_see,
    |store| {
        edition(&store, "en").await?;
        let p = store.create_photo(&photo("a.jpg", 1067, 1600)).await?;
        let point = PhotoFocus { x: 0.5, y: 0.3 };
        // Unpublished: allowed either way.
        assert_eq!(store.set_photo_focus_with(p.id, point, true).await?, point);
        let mut d = ready(&store, draft("en", "Portrait of a minister")).await?;
        d.hero_photo_id = Some(p.id);
        let a = published(&store, &d, days_ago(0)).await?;
        match store
            .set_photo_focus_with(p.id, PhotoFocus::CENTRE, true)
            .await
        {
            Err(StoreError::InUse { what, used_by }) => {
                assert_eq!(what, format!("photo {}", p.id));
                assert_eq!(used_by, vec![(a.id, "Portrait of a minister".to_owned())]);
            }
            other => anyhow::bail!("expected InUse, got {other:?}"),
        }
        assert_eq!(store.photo_focus(p.id).await?, point, "rolled back");
        // An editor's change (no restriction) goes through.
        store.set_photo_focus(p.id, PhotoFocus::CENTRE).await?;
        assert_eq!(store.photo_focus(p.id).await?, PhotoFocus::CENTRE);
        Ok(())
    }
);

/// The migrations of one backend up to and including `last`.
async fn migrations_until(backend: &str, last: i64) -> anyhow::Result<Migrator> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    let mut migrator = Migrator::new(dir).await?;
    let kept: Vec<_> = migrator
        .migrations
        .iter()
        .filter(|m| m.version <= last)
        .cloned()
        .collect();
    migrator.migrations = Cow::Owned(kept);
    Ok(migrator)
}

fn rendition(key: &str) -> Rendition {
    Rendition {
        width: 320,
        height: 213,
        content_type: "image/jpeg".into(),
        key: key.into(),
    }
}

/// Photos as the previous release left them: a portrait and a square with renditions, a
/// 16:9 photo with renditions, a portrait whose renditions were never made. Returns the ids
/// of the two whose hero crops are missing.
async fn old_photos(store: &Store) -> anyhow::Result<Vec<i64>> {
    let mut needing = Vec::new();
    for (key, w, h, made) in [
        ("portrait.jpg", 1067, 1600, true),
        ("landscape.jpg", 1600, 900, true),
        ("pending.jpg", 1067, 1600, false),
        ("square.jpg", 1600, 1600, true),
    ] {
        let p = store.create_photo(&photo(key, w, h)).await?;
        if made {
            let r = rendition(&format!("photos/{}/w320.jpg", p.id));
            store.set_photo_renditions(PhotoId(p.id), &[r]).await?;
            if w != 1600 || h != 900 {
                needing.push(p.id);
            }
        }
    }
    Ok(needing)
}

/// After the upgrade, exactly the photos that lack the hero crops have a rendition job,
/// which a worker can claim at once (the SQL migration writes times as sqlx does).
async fn assert_queued(store: &Store, needing: &[i64]) -> anyhow::Result<()> {
    let mut queued = Vec::new();
    while let Some(job) = store
        .claim_job(&["renditions"], Duration::minutes(5))
        .await?
    {
        queued.push(job.payload);
    }
    let wanted: Vec<_> = needing.iter().map(|id| json!({ "photo_id": id })).collect();
    assert_eq!(queued, wanted);
    for id in needing {
        assert_eq!(store.photo_focus(*id).await?, PhotoFocus::CENTRE);
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_upgrade_queues_the_hero_crops_of_photos_without_them() -> anyhow::Result<()> {
    // SQLite: migrate a fresh file to 0020, add photos through the store (it reads and
    // writes only columns that existed then), then let `migrate` apply 0021.
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("upgrade.db");
    let url = format!("sqlite://{}?mode=rwc", path.display());
    let pool = sqlx::SqlitePool::connect(&url).await?;
    migrations_until("sqlite", 20).await?.run(&pool).await?;
    pool.close().await;
    let store = Store::open_sqlite(&path).await?;
    // The store's photo statements name only columns older than 0021.
    let needing = old_photos(&store).await?;
    store.migrate().await?;
    assert_queued(&store, &needing)
        .await
        .map_err(|e| e.context("on SQLite"))?;
    store.close().await;

    let Some(schema) = PgSchema::create("focus_upgrade").await? else {
        eprintln!("focus upgrade: PostgreSQL half skipped (no test server configured)");
        return Ok(());
    };
    let result = async {
        let pg = match schema.raw() {
            Raw::Pg(options) => *options,
            Raw::Sqlite(_) => anyhow::bail!("not PostgreSQL"),
        };
        let pool = sqlx::PgPool::connect_with(pg.clone()).await?;
        migrations_until("postgres", 20).await?.run(&pool).await?;
        pool.close().await;
        let store = Store::open_postgres(pg).await?;
        let needing = old_photos(&store).await?;
        store.migrate().await?;
        let outcome = assert_queued(&store, &needing).await;
        store.close().await;
        outcome
    }
    .await;
    schema.drop().await?;
    result.map_err(|e| e.context("on PostgreSQL"))
}
