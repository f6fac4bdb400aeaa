//! The rendition worker: claims `renditions` jobs, makes WebP and JPEG renditions (widths
//! up to 1920 px), the 16:9, 4:3 and 1:1 crops and the hero frame's 16:9 crop ladder with
//! the media crate, every crop to the rectangle an editor drew for its aspect or else
//! around the photo's focal point, records them on the photo and announces the change;
//! setting a focal point or a crop queues this job again. Re-encoding
//! drops every embedded metadata block, so renditions carry no location data even when
//! the original does.
//!
//! A typed job ([`Renditions`]) in the durable queue, so an upload whose renditions were
//! not made before a restart is processed after it; several instances may run workers
//! side by side.

use std::time::Duration;

use newsdesk_core::PhotoId;
use newsdesk_media::{CropRect, Focus, Framing, MediaError, keys, process_photo_with};
use newsdesk_store::{PhotoCrop, PhotoFocus, Store, StoreError};
use serde::{Deserialize, Serialize};

use super::{Job, JobError};
use crate::App;
use crate::actions::upload::limits;
use crate::actions::{announce_since, outbox_position};

/// A worker waits this long for uploads and other jobs to free decoding memory, then
/// gives the job back to be retried later.
const DECODE_WAIT: Duration = Duration::from_secs(300);

/// Make the renditions and crops of one photo.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Renditions {
    pub photo_id: PhotoId,
}

impl Job for Renditions {
    const NAME: &'static str = "renditions";

    async fn run(self, app: &App) -> Result<(), JobError> {
        make_renditions(app, self.photo_id)
            .await
            .map_err(JobError::Retry)
    }
}

async fn make_renditions(state: &App, id: PhotoId) -> Result<(), String> {
    let photo_id = id.0;
    let store = state.store();
    let photo = match store.get_photo(photo_id).await {
        Ok(photo) => photo,
        // Deleted before its turn came: nothing to do.
        Err(StoreError::NotFound) => return Ok(()),
        Err(err) => return Err(err.to_string()),
    };
    let framing = match framing_of(store, photo_id).await {
        Ok(framing) => framing,
        Err(StoreError::NotFound) => return Ok(()),
        Err(err) => return Err(err.to_string()),
    };
    let original = state
        .media()
        .get(&photo.key)
        .await
        .map_err(|e| e.to_string())?;
    let renditions = process_photo_with(
        state.media(),
        photo_id,
        original,
        framing.clone(),
        &limits(state),
        state.decode_budget(),
        DECODE_WAIT,
    )
    .await
    .map_err(|e: MediaError| e.to_string())?;
    // The point or a crop moved while we worked: the job its change queued records the
    // right crops, and must not be overwritten by these if it finished first.
    match framing_of(store, photo_id).await {
        Ok(now) if now != framing => return Ok(()),
        _ => {}
    }
    let seq = outbox_position(state).await.map_err(|e| e.to_string())?;
    match store.set_photo_renditions(id, &renditions).await {
        Ok(()) => {}
        Err(StoreError::NotFound) => {
            // Deleted while we worked: remove what we just wrote.
            state
                .media()
                .delete_prefix(&keys::photo_prefix(photo_id))
                .await
                .map_err(|e| e.to_string())?;
            return Ok(());
        }
        Err(err) => return Err(err.to_string()),
    }
    announce_since(state, seq).await;
    tracing::info!(
        photo = photo_id,
        count = renditions.len(),
        "renditions made"
    );
    Ok(())
}

/// How photo `id` is to be cropped: its focal point and the rectangles drawn for it.
/// `NotFound` when there is no such photo.
async fn framing_of(store: &Store, id: i64) -> Result<Framing, StoreError> {
    let focus = store.photo_focus(id).await?;
    let crops = store.photo_crops(id).await?;
    Ok(framing(focus, &crops))
}

/// The framing a photo's stored focal point and drawn crops give: what the rendition job
/// cuts, and what the photo page compares the recorded crops with.
pub fn framing(focus: PhotoFocus, crops: &[PhotoCrop]) -> Framing {
    crops
        .iter()
        .fold(Framing::new(Focus::new(focus.x, focus.y)), |framing, c| {
            framing.with_crop(
                c.aspect,
                CropRect {
                    x: c.x,
                    y: c.y,
                    width: c.width,
                    height: c.height,
                },
            )
        })
}
