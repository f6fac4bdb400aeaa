//! The orphan sweep: files in media storage that no photo refers to, left by an upload
//! killed between writing its original and committing its row, or by a deletion whose
//! file removal failed.
//!
//! A file is referenced when it is some photo's original (`photos.key`) or lies under the
//! folder of an existing photo (`photos/{id}/…`: renditions and crops, including those a
//! job is writing right now). Only files older than `AppConfig::orphan_grace` are judged
//! at all: an upload writes its original *before* its row commits, so a young file with
//! no row may be one that is being uploaded at this moment. The grace period (24 hours by
//! default) is far longer than the request timeout that bounds that window, and absorbs
//! clock skew between this instance and an S3 service's `Last-Modified`.
//!
//! Only the prefixes the media crate writes (`originals/`, `photos/`, `demo/`) are
//! swept, so a bucket shared with something else keeps its other objects. Safe on
//! several instances at once: removing an absent file is not an error.

use std::collections::HashSet;
use std::time::{Duration, SystemTime};

use super::Periodic;
use crate::{App, Error};

/// Where uploads, renditions and demo photos are written.
const SWEPT_PREFIXES: [&str; 3] = ["originals", "photos", "demo"];

/// Listing a whole bucket is not free: four times a day is plenty for files that only
/// waste space.
pub const SWEEP_ORPHANS: Periodic = Periodic {
    name: "sweep-orphans",
    every: Duration::from_secs(6 * 3600),
    tick: |app| {
        Box::pin(async move {
            let removed = sweep_orphans(&app, SystemTime::now()).await?;
            if removed > 0 {
                tracing::info!(removed, "orphaned media files removed");
            }
            Ok(())
        })
    },
};

/// Removes every file older than the grace period (at `now`) that no photo refers to;
/// returns how many were removed.
pub async fn sweep_orphans(app: &App, now: SystemTime) -> Result<usize, Error> {
    let grace = app.config().orphan_grace;
    let media = app.media();
    let mut removed = 0;
    for prefix in SWEPT_PREFIXES {
        let old: Vec<String> = media
            .list_modified(prefix)
            .await
            .map_err(Error::internal)?
            .into_iter()
            .filter(|(_, modified)| now.duration_since(*modified).is_ok_and(|age| age >= grace))
            .map(|(key, _)| key)
            .collect();
        if old.is_empty() {
            continue;
        }
        let ids: Vec<i64> = old.iter().filter_map(|k| photo_folder(k)).collect();
        let live_ids: HashSet<i64> = app
            .store()
            .get_photos(&ids)
            .await?
            .into_iter()
            .map(|p| p.id)
            .collect();
        let originals = app.store().photo_keys_among(&old).await?;
        for key in old {
            let referenced = originals.contains(&key)
                || match photo_folder(&key) {
                    Some(id) => live_ids.contains(&id),
                    // Under photos/ but not a folder we make: not ours to judge.
                    None => key.starts_with("photos/"),
                };
            if referenced {
                continue;
            }
            media.delete(&key).await.map_err(Error::internal)?;
            tracing::info!(key, "orphaned media file removed");
            removed += 1;
        }
    }
    Ok(removed)
}

/// The photo id of a `photos/{id}/…` key.
fn photo_folder(key: &str) -> Option<i64> {
    let rest = key.strip_prefix("photos/")?;
    let (id, file) = rest.split_once('/')?;
    if file.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    id.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::photo_folder;

    #[test]
    fn photo_folders_are_read_from_keys() {
        assert_eq!(photo_folder("photos/42/w640.jpg"), Some(42));
        assert_eq!(photo_folder("photos/42/original.png"), Some(42));
        assert_eq!(photo_folder("photos/42/"), None);
        assert_eq!(photo_folder("photos/x/w640.jpg"), None);
        assert_eq!(photo_folder("photos/-1/w640.jpg"), None);
        assert_eq!(photo_folder("originals/ab.jpg"), None);
    }
}
