//! The photo pool: real JPEGs of the scenes [`crate::shots`] planned, from
//! `newsdesk_media`'s demo generator, stored with renditions like an upload. Each picture
//! is stored once per edition that uses it, with a caption (naming its place) and alt
//! text in that edition's language and a (fictitious) agency credit; its renditions are
//! made once and copied for the other editions.

use std::collections::BTreeMap;

use chrono::Datelike;
use futures::StreamExt;
use newsdesk_core::{Credit, PhotoId, Rendition};
use newsdesk_media::demo_photo::{DEMO_ASPECTS, DemoScene, demo_dimensions, generate_demo_scene};
use newsdesk_media::keys::photo_prefix;
use newsdesk_media::{DemoPalette, MediaStore, process_upload};
use newsdesk_store::{NewPhoto, Store};
use rand::{Rng, RngCore};
use rand_chacha::ChaCha8Rng;

use crate::banks::common::{AGENCIES, PLACES};
use crate::banks::photo_text::{ALT, SHOTS, SKY, TIME_OF_DAY};
use crate::lang::Lang;
use crate::options::{DemoError, DemoOptions};
use crate::shots::ShotPlan;

/// Stored photos by (shot, edition), and the light each shot was taken in.
#[derive(Debug, Clone, Default)]
pub struct Pool {
    photos: BTreeMap<(u16, Lang), i64>,
    kinds: Vec<(usize, usize)>,
}

impl Pool {
    pub fn len(&self) -> usize {
        self.photos.len()
    }

    pub fn photo(&self, shot: u16, lang: Lang) -> Option<i64> {
        self.photos.get(&(shot, lang)).copied()
    }

    /// The caption of `shot` in `lang`, set in `place` (a story's own place when the
    /// photo illustrates it in the body).
    pub fn caption(&self, shot: u16, lang: Lang, place: usize) -> String {
        let (kind, palette) = self.kinds.get(usize::from(shot)).copied().unwrap_or((0, 0));
        caption(kind, palette, lang, place)
    }
}

/// Renditions are CPU-bound; two at a time keeps both cores of a small machine busy.
const PARALLEL: usize = 2;

pub async fn pool(
    store: &Store,
    media: &MediaStore,
    rng: &mut ChaCha8Rng,
    opts: &DemoOptions,
    plan: &ShotPlan,
) -> Result<Pool, DemoError> {
    let mut pool = Pool::default();
    let mut pictures = Vec::new();
    for (i, shot) in plan.shots.iter().enumerate() {
        // Drawn for every shot, used or not, so one shot's light never moves another's.
        let seed = rng.next_u64();
        let palette = rng.random_range(0..DemoPalette::ALL.len());
        let (agency, staff) = AGENCIES[rng.random_range(0..AGENCIES.len())];
        let creator = staff[rng.random_range(0..staff.len())];
        let year = opts.now.year() - rng.random_range(0..=1);
        pool.kinds.push((shot.kind, palette));
        let Ok(no) = u16::try_from(i) else {
            break;
        };
        let langs: Vec<Lang> = Lang::ALL
            .into_iter()
            .filter(|l| plan.uses.contains(&(no, *l)))
            .collect();
        if !langs.is_empty() {
            let aspect = DEMO_ASPECTS[i % DEMO_ASPECTS.len()];
            let size = demo_dimensions(aspect, opts.photo_long_edge.clamp(320, 4000));
            let credit = (agency, creator, year);
            pictures.push((no, *shot, seed, palette, size, credit, langs));
        }
    }
    // Drawing is CPU-bound too: two at a time, kept in order so photo ids are the same
    // on every run.
    // The futures are collected first: a stream over a borrowing iterator would make the
    // whole demo future not `Send` (the compiler cannot prove it for every lifetime).
    let drawing: Vec<_> = pictures
        .iter()
        .map(
            |&(_, shot, seed, palette, (width, height), _, _)| async move {
                let scene = SHOTS[shot.kind].scene;
                let light = DemoPalette::ALL[palette];
                tokio::task::spawn_blocking(move || {
                    generate_demo_scene(seed, width, height, light, scene)
                })
                .await
                .map_err(|e| DemoError::Task(e.to_string()))?
                .map_err(DemoError::from)
            },
        )
        .collect();
    let images: Vec<Result<Vec<u8>, DemoError>> = futures::stream::iter(drawing)
        .buffered(PARALLEL)
        .collect()
        .await;
    let mut jobs = Vec::with_capacity(pictures.len());
    for ((no, shot, seed, palette, (width, height), credit, langs), bytes) in
        pictures.into_iter().zip(images)
    {
        let bytes = bytes?;
        let scene = SHOTS[shot.kind].scene;
        let (agency, creator, year) = credit;
        let mut ids = Vec::with_capacity(langs.len());
        for lang in langs {
            let key = format!("demo/{}/{seed:016x}-{}.jpg", scene.name(), lang.code());
            media.put(&key, bytes.clone(), "image/jpeg").await?;
            let photo = store
                .create_photo(&NewPhoto {
                    key,
                    content_type: "image/jpeg".to_owned(),
                    width,
                    height,
                    byte_size: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
                    caption: caption(shot.kind, palette, lang, shot.place),
                    alt_text: alt(scene, palette, lang),
                    credit: Credit {
                        agency: agency.to_owned(),
                        creator: creator.to_owned(),
                    },
                    copyright_notice: format!("© {agency} {year}"),
                    copyright_year: Some(year),
                    uploaded_by: None,
                })
                .await?;
            pool.photos.insert((no, lang), photo.id);
            ids.push(photo.id);
        }
        jobs.push((ids, bytes));
    }
    let mut renditions = futures::stream::iter(jobs)
        .map(|(ids, bytes)| async move { renditions(store, media, &ids, &bytes).await })
        .buffer_unordered(PARALLEL);
    while let Some(done) = renditions.next().await {
        done?;
    }
    tracing::info!(photos = pool.len(), "demo photos ready");
    Ok(pool)
}

/// Renditions for the first of `ids`, copied for the others (the same picture in other
/// editions): one photo's files are its own, so deleting it leaves the others whole.
async fn renditions(
    store: &Store,
    media: &MediaStore,
    ids: &[i64],
    original: &[u8],
) -> Result<(), DemoError> {
    let Some((&first, others)) = ids.split_first() else {
        return Ok(());
    };
    let made = process_upload(media, first, original).await?;
    store.set_photo_renditions(PhotoId(first), &made).await?;
    for &id in others {
        let mut copied: Vec<Rendition> = Vec::with_capacity(made.len());
        for r in &made {
            let key = r.key.replacen(&photo_prefix(first), &photo_prefix(id), 1);
            let bytes = media.get(&r.key).await?;
            media.put(&key, bytes, r.content_type.as_str()).await?;
            copied.push(Rendition { key, ..r.clone() });
        }
        store.set_photo_renditions(PhotoId(id), &copied).await?;
    }
    Ok(())
}

fn caption(kind: usize, palette: usize, lang: Lang, place: usize) -> String {
    let place = &PLACES[place % PLACES.len()];
    let city = match lang {
        Lang::En => place.en,
        Lang::Ru => place.ru,
        Lang::Ar => place.ar,
    };
    SHOTS[kind % SHOTS.len()]
        .caption
        .get(lang)
        .replace("{place_loc}", place.ru_loc)
        .replace("{place_gen}", place.ru_gen)
        .replace("{place}", city)
        .replace("{tod}", TIME_OF_DAY[palette % TIME_OF_DAY.len()].get(lang))
}

fn alt(scene: DemoScene, palette: usize, lang: Lang) -> String {
    let i = DemoScene::ALL.iter().position(|s| *s == scene).unwrap_or(0);
    ALT[i % ALT.len()]
        .get(lang)
        .replace("{sky}", SKY[palette % SKY.len()].get(lang))
}
