//! The job that turns a stored upload into renditions and crops.

use std::time::Duration;

use bytes::Bytes;
use newsdesk_core::Rendition;

use crate::budget::{DecodeBudget, Stage};
use crate::crop::Framing;
use crate::error::MediaError;
use crate::focus::Focus;
use crate::inspect::{Inspected, Limits, decode_rgb};
use crate::keys;
use crate::rendition::{
    CROP_ASPECTS, EncodedRendition, HERO_FRAME, WIDTH_LADDER, crop_of, frame_ladder_of,
    needs_frame_ladder_framed, renditions_of,
};
use crate::store::MediaStore;

/// Width of the JSON-LD crops: Google asks for images at least 1200 px wide.
pub const CROP_WIDTH: u32 = 1200;

/// Store an inspected upload as the photo's original; returns its key.
pub async fn store_original(
    store: &MediaStore,
    photo_id: i64,
    bytes: &[u8],
    inspected: &Inspected,
) -> Result<String, MediaError> {
    let key = keys::original_key(photo_id, inspected.kind.extension());
    store
        .put(&key, bytes.to_vec(), inspected.content_type)
        .await?;
    Ok(key)
}

/// Make and store every rendition (WebP and JPEG along [`WIDTH_LADDER`]), the 16:9, 4:3
/// and 1:1 crops, and (unless the photo is already 16:9) the hero frame's 16:9 crop ladder
/// (WebP and JPEG along [`WIDTH_LADDER`]) of a photo, crops around its centre; return their
/// records, renditions first, crops last (crops are recognised by [`keys::crop_aspect`]).
/// Decoding and encoding run on the blocking pool: a 24-megapixel photo takes seconds of
/// CPU. Safe to run again: keys are overwritten with the same bytes.
pub async fn process_upload(
    store: &MediaStore,
    photo_id: i64,
    original: &[u8],
) -> Result<Vec<Rendition>, MediaError> {
    process_upload_with(
        store,
        photo_id,
        Bytes::copy_from_slice(original),
        &Limits::default(),
        &DecodeBudget::default(),
        Duration::from_secs(600),
    )
    .await
}

/// [`process_upload`] with the limits the upload was inspected under, decoding within
/// `budget` (waiting up to `wait` for room, then [`MediaError::Busy`]).
pub async fn process_upload_with(
    store: &MediaStore,
    photo_id: i64,
    original: Bytes,
    limits: &Limits,
    budget: &DecodeBudget,
    wait: Duration,
) -> Result<Vec<Rendition>, MediaError> {
    process_photo_with(
        store,
        photo_id,
        original,
        Focus::CENTRE,
        limits,
        budget,
        wait,
    )
    .await
}

/// [`process_upload_with`] with every crop cut as `framing` says: to the rectangle an
/// editor drew for its aspect, else around the photo's focal point (a [`Focus`] alone
/// converts into a framing without rectangles).
pub async fn process_photo_with(
    store: &MediaStore,
    photo_id: i64,
    original: Bytes,
    framing: impl Into<Framing>,
    limits: &Limits,
    budget: &DecodeBudget,
    wait: Duration,
) -> Result<Vec<Rendition>, MediaError> {
    let limits = *limits;
    let framing = framing.into();
    let encoded = budget
        .run(original, limits, Stage::Render, wait, move |bytes| {
            encode_all(photo_id, bytes, &limits, &framing)
        })
        .await?;

    let mut records = Vec::with_capacity(encoded.len());
    for (key, rendition) in encoded {
        store
            .put(&key, rendition.bytes, rendition.content_type)
            .await?;
        records.push(Rendition {
            width: rendition.width,
            height: rendition.height,
            content_type: rendition.content_type.to_owned(),
            key,
        });
    }
    tracing::debug!(photo_id, count = records.len(), "stored renditions");
    Ok(records)
}

fn encode_all(
    photo_id: i64,
    bytes: &[u8],
    limits: &Limits,
    framing: &Framing,
) -> Result<Vec<(String, EncodedRendition)>, MediaError> {
    let image = decode_rgb(bytes, limits)?;
    let mut out = Vec::new();
    for r in renditions_of(&image, &WIDTH_LADDER)? {
        out.push((keys::rendition_key(photo_id, r.width, r.extension()), r));
    }
    for aspect in CROP_ASPECTS {
        let frame = framing.frame(aspect);
        let crop = crop_of(&image, aspect, CROP_WIDTH, frame)?;
        let key = keys::crop_key_framed(photo_id, aspect, frame, crop.width, crop.extension());
        out.push((key, crop));
    }
    let (width, height) = image.dimensions();
    let hero = framing.frame(HERO_FRAME);
    if needs_frame_ladder_framed(width, height, hero) {
        for r in frame_ladder_of(&image, HERO_FRAME, hero, &WIDTH_LADDER)? {
            let key = keys::crop_key_framed(photo_id, HERO_FRAME, hero, r.width, r.extension());
            // The JSON-LD crop of the same aspect lands on a ladder width when the crop is
            // narrower than 1200 px: the same bytes, recorded once.
            if !out.iter().any(|(k, _)| *k == key) {
                out.push((key, r));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn portrait() -> Vec<u8> {
        crate::generate_demo_photo(3, 1067, 1600, crate::DemoPalette::Noon).unwrap()
    }

    async fn records(bytes: &[u8], focus: impl Into<Framing>) -> Vec<Rendition> {
        process_photo_with(
            &MediaStore::memory(),
            9,
            Bytes::copy_from_slice(bytes),
            focus,
            &Limits::default(),
            &DecodeBudget::default(),
            Duration::from_secs(60),
        )
        .await
        .unwrap()
    }

    #[tokio::test]
    async fn a_portrait_gets_a_sixteen_by_nine_ladder_around_its_focal_point() {
        let focus = Focus::new(0.5, 0.25);
        let made = records(&portrait(), focus).await;
        let frame: Vec<&Rendition> = made
            .iter()
            .filter(|r| keys::crop_aspect(&r.key) == Some(HERO_FRAME))
            .collect();
        // First the JSON-LD crop (JPEG, as wide as the photo), then the ladder.
        assert_eq!(frame[0].key, "photos/9/c16x9-f500x250-w1067.jpg");
        assert_eq!((frame[0].width, frame[0].height), (1067, 600));
        let ladder = &frame[1..];
        // The crop is 1067 px wide: the ladder stops below it, in both formats.
        let sizes: Vec<(u32, u32, &str)> = ladder
            .iter()
            .map(|r| (r.width, r.height, r.content_type.as_str()))
            .collect();
        assert_eq!(
            sizes,
            [
                (320, 180, "image/webp"),
                (320, 180, "image/jpeg"),
                (480, 270, "image/webp"),
                (480, 270, "image/jpeg"),
                (640, 360, "image/webp"),
                (640, 360, "image/jpeg"),
                (960, 540, "image/webp"),
                (960, 540, "image/jpeg"),
            ]
        );
        assert_eq!(ladder[0].key, "photos/9/c16x9-f500x250-w320.webp");
        assert_eq!(ladder[7].key, "photos/9/c16x9-f500x250-w960.jpg");
        // The other JSON-LD crops follow the point too, and the whole renditions stay.
        assert!(
            made.iter()
                .any(|r| r.key == "photos/9/c1x1-f500x250-w1067.jpg")
        );
        assert!(made.iter().any(|r| r.key == "photos/9/w960.webp"));
        // Renditions first, crops last.
        let first_crop = made
            .iter()
            .position(|r| keys::crop_aspect(&r.key).is_some())
            .unwrap_or(made.len());
        assert!(
            made[first_crop..]
                .iter()
                .all(|r| keys::crop_aspect(&r.key).is_some())
        );
    }

    #[tokio::test]
    async fn a_sixteen_by_nine_photo_needs_no_ladder() {
        let bytes = crate::generate_demo_photo(4, 960, 540, crate::DemoPalette::Noon).unwrap();
        let made = records(&bytes, Focus::CENTRE).await;
        // No WebP crop: its renditions fill the frame.
        assert!(
            !made
                .iter()
                .any(|r| keys::crop_aspect(&r.key).is_some() && r.content_type == "image/webp")
        );
        let crops: Vec<&str> = made
            .iter()
            .filter(|r| keys::crop_aspect(&r.key).is_some())
            .map(|r| r.key.as_str())
            .collect();
        assert_eq!(
            crops,
            [
                "photos/9/c16x9-w960.jpg",
                "photos/9/c4x3-w720.jpg",
                "photos/9/c1x1-w540.jpg"
            ]
        );
    }

    #[tokio::test]
    async fn drawn_rectangles_replace_the_point_for_their_aspects_only() {
        use crate::crop::{CropRect, Frame};
        let bytes = crate::generate_demo_photo(4, 960, 540, crate::DemoPalette::Noon).unwrap();
        let wide = CropRect {
            x: 100,
            y: 40,
            width: 640,
            height: 360,
        };
        let framing = Framing::new(Focus::new(0.3, 0.5)).with_crop(HERO_FRAME, wide);
        let made = records(&bytes, framing).await;
        let crops: Vec<(&str, u32, u32)> = made
            .iter()
            .filter(|r| keys::crop_aspect(&r.key).is_some())
            .map(|r| (r.key.as_str(), r.width, r.height))
            .collect();
        // A 16:9 photo needs no ladder, but a drawn 16:9 rectangle does: it keeps less.
        assert_eq!(
            crops,
            [
                ("photos/9/c16x9-r100x40x640x360-w640.jpg", 640, 360),
                ("photos/9/c4x3-f300x500-w720.jpg", 720, 540),
                ("photos/9/c1x1-f300x500-w540.jpg", 540, 540),
                ("photos/9/c16x9-r100x40x640x360-w320.webp", 320, 180),
                ("photos/9/c16x9-r100x40x640x360-w320.jpg", 320, 180),
                ("photos/9/c16x9-r100x40x640x360-w480.webp", 480, 270),
                ("photos/9/c16x9-r100x40x640x360-w480.jpg", 480, 270),
                ("photos/9/c16x9-r100x40x640x360-w640.webp", 640, 360),
            ]
        );
        for r in made.iter().filter(|r| keys::crop_aspect(&r.key).is_some()) {
            let frame = keys::crop_frame(&r.key).unwrap();
            let aspect = keys::crop_aspect(&r.key).unwrap();
            assert_eq!(
                frame == Frame::Rect(wide),
                aspect == HERO_FRAME,
                "{}",
                r.key
            );
        }
    }
}
