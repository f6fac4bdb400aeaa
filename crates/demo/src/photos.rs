//! The photo pool: real JPEGs from `newsdesk_media`'s demo generator, stored with
//! renditions like an upload, each with a caption and alt text in its edition's language
//! and a (fictitious) agency credit. Articles reuse the pool, so 100,000 articles still
//! cost a few dozen images.

use chrono::{DateTime, Datelike, Utc};
use futures::StreamExt;
use newsdesk_core::{Credit, PhotoId};
use newsdesk_media::demo_photo::{DEMO_ASPECTS, demo_dimensions};
use newsdesk_media::{DemoPalette, MediaStore, generate_demo_photo, process_upload};
use newsdesk_store::{NewPhoto, Store};
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::banks::common::{AGENCIES, PLACES};
use crate::banks::photo_text::{ALT, CAPTIONS, SKY, TIME_OF_DAY};
use crate::lang::Lang;
use crate::options::{DemoError, DemoOptions};

/// Photo ids per language index.
#[derive(Debug, Clone, Default)]
pub struct Pool {
    pub by_lang: [Vec<i64>; 3],
}

impl Pool {
    pub fn len(&self) -> usize {
        self.by_lang.iter().map(Vec::len).sum()
    }
}

/// Renditions are CPU-bound; two at a time keeps both cores of a small machine busy.
const PARALLEL: usize = 2;

pub async fn pool(
    store: &Store,
    media: &MediaStore,
    rng: &mut ChaCha8Rng,
    opts: &DemoOptions,
) -> Result<Pool, DemoError> {
    let mut pool = Pool::default();
    let mut originals = Vec::with_capacity(opts.photos);
    for i in 0..opts.photos {
        let lang = Lang::ALL[i % 3];
        let seed = rng.next_u64();
        let palette = rng.random_range(0..DemoPalette::ALL.len());
        // 3 editions and 5 aspects: every edition's pool gets every aspect.
        let aspect = DEMO_ASPECTS[i % DEMO_ASPECTS.len()];
        let (width, height) = demo_dimensions(aspect, opts.photo_long_edge.clamp(320, 4000));
        let text = describe(rng, lang, seed, palette, opts.now);
        let bytes = tokio::task::spawn_blocking(move || {
            generate_demo_photo(seed, width, height, DemoPalette::ALL[palette])
        })
        .await
        .map_err(|e| DemoError::Task(e.to_string()))??;
        let key = format!("demo/photo-{seed:016x}.jpg");
        media.put(&key, bytes.clone(), "image/jpeg").await?;
        let photo = store
            .create_photo(&NewPhoto {
                key,
                content_type: "image/jpeg".to_owned(),
                width,
                height,
                byte_size: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
                caption: text.caption,
                alt_text: text.alt,
                credit: text.credit,
                copyright_notice: text.notice,
                copyright_year: Some(text.year),
                uploaded_by: None,
            })
            .await?;
        pool.by_lang[lang.index()].push(photo.id);
        originals.push((photo.id, bytes));
    }
    let mut renditions = futures::stream::iter(originals)
        .map(|(id, bytes)| async move { (id, process_upload(media, id, &bytes).await) })
        .buffer_unordered(PARALLEL);
    while let Some((id, made)) = renditions.next().await {
        store.set_photo_renditions(PhotoId(id), &made?).await?;
    }
    Ok(pool)
}

struct PhotoText {
    caption: String,
    alt: String,
    credit: Credit,
    notice: String,
    year: i32,
}

fn describe(
    rng: &mut ChaCha8Rng,
    lang: Lang,
    seed: u64,
    palette: usize,
    now: DateTime<Utc>,
) -> PhotoText {
    let scene = scene_of(seed);
    let place = &PLACES[rng.random_range(0..PLACES.len())];
    let (city, city_loc) = match lang {
        Lang::En => (place.en, place.en),
        Lang::Ru => (place.ru, place.ru_loc),
        Lang::Ar => (place.ar, place.ar),
    };
    let variants = &CAPTIONS[scene];
    let caption = variants[rng.random_range(0..variants.len())]
        .get(lang)
        .replace("{place_loc}", city_loc)
        .replace("{place}", city)
        .replace("{tod}", TIME_OF_DAY[palette % TIME_OF_DAY.len()].get(lang));
    let alt = ALT[scene]
        .get(lang)
        .replace("{sky}", SKY[palette % SKY.len()].get(lang));
    let (agency, staff) = AGENCIES[rng.random_range(0..AGENCIES.len())];
    let creator = staff[rng.random_range(0..staff.len())];
    let year = now.year() - rng.random_range(0..=1);
    PhotoText {
        caption,
        alt,
        credit: Credit {
            agency: agency.to_owned(),
            creator: creator.to_owned(),
        },
        notice: format!("© {agency} {year}"),
        year,
    }
}

/// Which scene `generate_demo_photo` draws for `seed`: 0 skyline, 1 crowd, 2 water.
///
/// The generator does not return its scene, so this repeats its first draws from the same
/// seeded generator (horizon, sun x, sun y, sun radius, then the foreground). Alt text must
/// describe what is in the picture; if media's generator changes its order of draws, this
/// must follow (a media function returning the scene would remove the duplication).
fn scene_of(seed: u64) -> usize {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let _horizon: f32 = rng.random_range(0.50..0.68);
    let _sun_x: f32 = rng.random_range(0.15..0.85);
    let _sun_y: f32 = rng.random_range(0.08..0.35);
    let _sun_r: f32 = rng.random_range(0.03..0.07);
    match rng.random_range(0..3) {
        0 => 0,
        1 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The alt text is only true if `scene_of` agrees with the generator. At noon the
    /// bottom edge of the picture tells the scenes apart: crowd silhouettes are darkest,
    /// the ground under a skyline is mid-dark, water reflects the bright sky.
    #[test]
    fn scene_matches_what_the_generator_draws() {
        let mut bottom: [Vec<f64>; 3] = Default::default();
        for seed in 0..30u64 {
            let jpeg = generate_demo_photo(seed, 240, 160, DemoPalette::Noon).unwrap();
            let img = image::load_from_memory(&jpeg).unwrap().to_rgb8();
            let y = img.height() - 3;
            let sum: f64 = (0..img.width())
                .map(|x| {
                    img.get_pixel(x, y)
                        .0
                        .iter()
                        .map(|c| f64::from(*c))
                        .sum::<f64>()
                        / 3.0
                })
                .sum();
            bottom[scene_of(seed)].push(sum / f64::from(img.width()));
        }
        let max = |v: &[f64]| v.iter().copied().fold(f64::MIN, f64::max);
        let min = |v: &[f64]| v.iter().copied().fold(f64::MAX, f64::min);
        let [skyline, crowd, water] = &bottom;
        assert!(
            !skyline.is_empty() && !crowd.is_empty() && !water.is_empty(),
            "{bottom:?}"
        );
        assert!(max(crowd) < min(skyline), "{bottom:?}");
        assert!(max(skyline) < min(water), "{bottom:?}");
    }
}
