//! The upload pipeline, shared by the library page and the Admin API:
//! size limit → content validation (magic bytes, declared pixel count, then a full decode
//! under memory limits) → embedded IPTC/XMP/EXIF metadata → original into media storage →
//! photo row → rendition job. Renditions are made later by [`crate::jobs::renditions`], off the
//! request path.
//!
//! A refused upload leaves nothing behind: everything that can refuse runs before the
//! first write, and a failure after it undoes what was written.

use crate::{App, Error};
use bytes::Bytes;
use newsdesk_core::media::validate_photo_text;
use newsdesk_core::{Credit, Photo, PhotoId, ValidationError};
use newsdesk_media::{
    Inspected, Limits, MediaError, PhotoMetadata, Stage, inspect, read_metadata, suggested_credit,
};
use newsdesk_store::NewPhoto;

use crate::actor::Actor;
use crate::policy::{Action, Resource, can};

/// What the uploader typed beside the file; a non-empty value wins over what the photo's
/// own metadata says.
#[derive(Debug, Clone, Default)]
pub struct UploadText {
    pub caption: Option<String>,
    pub alt_text: Option<String>,
    pub credit_agency: Option<String>,
    pub credit_creator: Option<String>,
}

/// How long an upload waits for other decodes to free memory before it is answered 503;
/// well inside the request timeout.
const DECODE_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// The limits uploads are checked against, from the configuration.
pub fn limits(state: &App) -> Limits {
    let config = state.config();
    Limits {
        max_bytes: config.max_upload_bytes,
        max_pixels: config.max_image_pixels,
    }
}

/// A media-crate error as the HTTP answer: the uploader's mistakes keep their message
/// (written for them) with a 4xx; storage and encoding failures are a logged 500.
pub fn media_error(err: MediaError) -> Error {
    let message = err.to_string();
    match err {
        MediaError::TooLarge { .. } | MediaError::OverBudget { .. } => {
            Error::PayloadTooLarge(message)
        }
        MediaError::Busy => Error::Unavailable(message),
        MediaError::UnsupportedFormat | MediaError::NotSupportedYet { .. } => {
            Error::UnsupportedMedia(message)
        }
        MediaError::Empty
        | MediaError::TooManyPixels { .. }
        | MediaError::ZeroSize { .. }
        | MediaError::Corrupt { .. } => ValidationError::single("file", message).into(),
        other => Error::internal(other),
    }
}

/// Checks, stores and registers an upload; returns the new photo (without renditions yet).
pub async fn upload(
    state: &App,
    actor: &Actor,
    bytes: Bytes,
    text: UploadText,
) -> Result<Photo, Error> {
    can(actor, Action::UploadMedia, Resource::None)?;
    let limits = limits(state);
    if bytes.len() > limits.max_bytes {
        return Err(media_error(MediaError::TooLarge {
            size: bytes.len(),
            max: limits.max_bytes,
        }));
    }
    // The full decode takes seconds of CPU for a large photo, and memory by the pixel: it
    // runs on the blocking pool within the instance's decode budget. An image whose
    // rendition decode could never fit the budget is refused here, not by a job later.
    let (inspected, meta) = state
        .decode_budget()
        .run(
            bytes.clone(),
            limits,
            Stage::Inspect,
            DECODE_WAIT,
            move |checked| -> Result<(Inspected, PhotoMetadata), MediaError> {
                let inspected = inspect(checked, &limits)?;
                Ok((inspected, read_metadata(checked)))
            },
        )
        .await
        .map_err(media_error)?;

    let new = new_photo(&inspected, &meta, text, actor.account_id)?;
    let key = format!("originals/{}.{}", hex_token(), inspected.kind.extension());
    state
        .media()
        .put(&key, bytes, inspected.content_type)
        .await
        .map_err(media_error)?;
    let photo = match state
        .store()
        .create_photo(&NewPhoto {
            key: key.clone(),
            ..new
        })
        .await
    {
        Ok(photo) => photo,
        Err(err) => {
            discard_original(state, &key).await;
            return Err(err.into());
        }
    };
    if let Err(err) = crate::jobs::enqueue(
        state,
        &crate::jobs::renditions::Renditions {
            photo_id: PhotoId(photo.id),
        },
    )
    .await
    {
        // A photo that never gets renditions would show its full-size original everywhere.
        if let Err(undo) = state.store().delete_photo(photo.id).await {
            tracing::error!(%undo, photo = photo.id, "could not undo a photo whose rendition job failed to queue");
        }
        discard_original(state, &key).await;
        return Err(err);
    }
    tracing::info!(photo = photo.id, bytes = photo.byte_size, by = %actor.name, "photo uploaded");
    Ok(photo)
}

async fn discard_original(state: &App, key: &str) {
    if let Err(err) = state.media().delete(key).await {
        tracing::error!(%err, key, "could not remove the original of a refused upload");
    }
}

/// Originals are not named after the photo id (the row does not exist yet when the file
/// is written) but after 128 random bits, which also keeps them unguessable: originals
/// keep their location metadata, renditions do not.
fn hex_token() -> String {
    use rand::RngCore;
    let mut raw = [0u8; 16];
    rand::rng().fill_bytes(&mut raw);
    hex::encode(raw)
}

/// The photo row: the uploader's text where given, else the embedded metadata, cut to
/// the lengths the library accepts (agency captions can run long).
fn new_photo(
    inspected: &Inspected,
    meta: &PhotoMetadata,
    text: UploadText,
    uploaded_by: Option<i64>,
) -> Result<NewPhoto, Error> {
    let typed = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    let (suggested, year) = suggested_credit(meta);
    let caption = typed(text.caption).unwrap_or_else(|| clip(&meta.caption, 2000));
    let credit = Credit {
        agency: typed(text.credit_agency).unwrap_or_else(|| clip(&suggested.agency, 120)),
        creator: typed(text.credit_creator).unwrap_or_else(|| clip(&suggested.creator, 120)),
    };
    let alt_text = match typed(text.alt_text) {
        Some(alt) => alt,
        None => {
            // Embedded alt text is a suggestion: if it merely repeats the caption (or names
            // a file), staff must write a real one rather than have the upload refused.
            let embedded = clip(&meta.alt_text, 500);
            if validate_photo_text(&caption, &embedded, &credit).is_ok() {
                embedded
            } else {
                String::new()
            }
        }
    };
    validate_photo_text(&caption, &alt_text, &credit)?;
    Ok(NewPhoto {
        key: String::new(),
        content_type: inspected.content_type.to_owned(),
        width: inspected.width,
        height: inspected.height,
        byte_size: i64::try_from(inspected.byte_size).unwrap_or(i64::MAX),
        caption,
        alt_text,
        credit,
        copyright_notice: clip(&meta.copyright_notice, 500),
        copyright_year: year,
        uploaded_by,
    })
}

fn clip(s: &str, max: usize) -> String {
    s.trim()
        .chars()
        .take(max)
        .collect::<String>()
        .trim_end()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clips_by_characters_not_bytes() {
        assert_eq!(clip("  Привет мир  ", 6), "Привет");
        assert_eq!(clip("abc", 10), "abc");
    }

    #[test]
    fn media_errors_keep_the_uploaders_message_and_kind() {
        let e = media_error(MediaError::UnsupportedFormat);
        assert!(matches!(e, Error::UnsupportedMedia(_)));
        assert!(e.to_string().contains("JPEG, PNG or WebP"));
        let e = media_error(MediaError::TooManyPixels {
            width: 20_000,
            height: 20_000,
            pixels: 400_000_000,
            max: 100,
        });
        assert!(matches!(e, Error::Invalid(_)));
        assert!(e.to_string().contains("20000×20000"));
        let e = media_error(MediaError::TooLarge { size: 10, max: 5 });
        assert!(matches!(e, Error::PayloadTooLarge(_)));
    }
}
