//! The job that turns a stored upload into renditions and crops.

use std::time::Duration;

use bytes::Bytes;
use newsdesk_core::Rendition;

use crate::budget::{DecodeBudget, Stage};
use crate::error::MediaError;
use crate::inspect::{Inspected, Limits, decode_rgb};
use crate::keys;
use crate::rendition::{CROP_ASPECTS, EncodedRendition, WIDTH_LADDER, crop_of, renditions_of};
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

/// Make and store every rendition (WebP and JPEG along [`WIDTH_LADDER`]) and the 16:9, 4:3
/// and 1:1 crops of a photo; return their records, renditions first, crops last (crops are
/// recognised by [`keys::crop_aspect`]). Decoding and encoding run on the blocking pool:
/// a 24-megapixel photo takes seconds of CPU. Safe to run again: keys are overwritten.
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
    let limits = *limits;
    let encoded = budget
        .run(original, limits, Stage::Render, wait, move |bytes| {
            encode_all(photo_id, bytes, &limits)
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
) -> Result<Vec<(String, EncodedRendition)>, MediaError> {
    let image = decode_rgb(bytes, limits)?;
    let mut out = Vec::new();
    for r in renditions_of(&image, &WIDTH_LADDER)? {
        out.push((keys::rendition_key(photo_id, r.width, r.extension()), r));
    }
    for aspect in CROP_ASPECTS {
        let crop = crop_of(&image, aspect, CROP_WIDTH)?;
        out.push((keys::crop_key(photo_id, aspect, crop.width), crop));
    }
    Ok(out)
}
