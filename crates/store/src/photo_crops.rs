//! Crops an editor draws per aspect ratio (`photo_crops`): rectangles of the original in
//! pixels. The rendition job reads them with the focal point and cuts each aspect's crops
//! to its rectangle, the others around the point (see `newsdesk_media::Framing`).

use std::collections::HashMap;

use newsdesk_core::Change;

use crate::Store;
use crate::error::{Result, StoreError};

/// The crop of one photo at one aspect ratio: a rectangle of the original, in pixels from
/// its top-left corner. Checked and snapped to the aspect by `newsdesk_media::fit_crop`
/// before it gets here; the store checks only what keeps the rows sound (inside the photo,
/// the aspect within a pixel).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhotoCrop {
    pub aspect: (u32, u32),
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// `16x9`, as crop keys and the `aspect` column write it.
pub fn aspect_name((a, b): (u32, u32)) -> String {
    format!("{a}x{b}")
}

/// `(16, 9)` from `16x9`; `None` for anything else.
pub fn parse_aspect(name: &str) -> Option<(u32, u32)> {
    let (a, b) = name.split_once('x')?;
    let (a, b) = (a.parse().ok()?, b.parse().ok()?);
    (a > 0 && b > 0).then_some((a, b))
}

type CropRow = (i64, String, i32, i32, i32, i32);

fn from_row((_, aspect, x, y, width, height): CropRow) -> Result<PhotoCrop> {
    let n = |v: i32| u32::try_from(v).map_err(|_| StoreError::corrupt("crop size", &v.to_string()));
    Ok(PhotoCrop {
        aspect: parse_aspect(&aspect).ok_or_else(|| StoreError::corrupt("crop aspect", &aspect))?,
        x: n(x)?,
        y: n(y)?,
        width: n(width)?,
        height: n(height)?,
    })
}

/// Refused (`Invalid`, naming the field) unless inside a `photo_width`×`photo_height`
/// photo, not empty, and within a pixel of its aspect; as the columns take it.
fn checked(c: &PhotoCrop, photo_width: i32, photo_height: i32) -> Result<[i32; 4]> {
    let (a, b) = (i64::from(c.aspect.0), i64::from(c.aspect.1));
    if a == 0 || b == 0 {
        return Err(StoreError::invalid(
            "aspect",
            "must be a ratio such as 16x9",
        ));
    }
    let (x, y, w, h) = (
        i64::from(c.x),
        i64::from(c.y),
        i64::from(c.width),
        i64::from(c.height),
    );
    if w == 0 || h == 0 {
        return Err(StoreError::invalid("width", "the crop is empty"));
    }
    if x + w > i64::from(photo_width) {
        return Err(StoreError::invalid(
            "width",
            "reaches past the photo's right edge",
        ));
    }
    if y + h > i64::from(photo_height) {
        return Err(StoreError::invalid(
            "height",
            "reaches past the photo's bottom edge",
        ));
    }
    // |h − w·b/a| ≤ 1, in integers.
    if (h * a - w * b).abs() > a {
        return Err(StoreError::invalid(
            "height",
            format!("is not {a}:{b} of the width"),
        ));
    }
    // Inside a photo whose sides are i32: each fits.
    let v = |n: i64| i32::try_from(n).unwrap_or(i32::MAX);
    Ok([v(x), v(y), v(w), v(h)])
}

impl Store {
    /// The crops drawn for photo `id`, by aspect name; empty for a photo without any (or
    /// no such photo).
    pub async fn photo_crops(&self, id: i64) -> Result<Vec<PhotoCrop>> {
        Ok(self
            .photo_crops_of(&[id])
            .await?
            .remove(&id)
            .unwrap_or_default())
    }

    /// The crops of each of `ids` that has any.
    pub async fn photo_crops_of(&self, ids: &[i64]) -> Result<HashMap<i64, Vec<PhotoCrop>>> {
        let ids = crate::sql::dedup(ids);
        let mut found: HashMap<i64, Vec<PhotoCrop>> = HashMap::new();
        for chunk in ids.chunks(crate::sql::CHUNK) {
            let chunk = &crate::sql::padded(chunk);
            let sql = format!(
                "SELECT photo_id, aspect, x, y, width, height FROM photo_crops \
                 WHERE photo_id IN ({}) ORDER BY photo_id, aspect",
                crate::sql::placeholders(1, chunk.len())
            );
            let rows: Vec<CropRow> = read!(self, |db| {
                let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()));
                for id in chunk {
                    q = q.bind(*id);
                }
                q.fetch_all(db).await
            })?;
            for row in rows {
                let photo = row.0;
                found.entry(photo).or_default().push(from_row(row)?);
            }
        }
        Ok(found)
    }

    /// [`Store::set_photo_crops_with`] setting one crop, whoever the photo is shown to.
    pub async fn set_photo_crop(&self, id: i64, crop: PhotoCrop) -> Result<Vec<PhotoCrop>> {
        self.set_photo_crops_with(id, &[crop], &[], false).await
    }

    /// [`Store::set_photo_crops_with`] removing the crop of one aspect, whoever the photo
    /// is shown to.
    pub async fn reset_photo_crop(&self, id: i64, aspect: (u32, u32)) -> Result<Vec<PhotoCrop>> {
        self.set_photo_crops_with(id, &[], &[aspect], false).await
    }

    /// Sets the crops of `set` (replacing those of their aspects) and removes those of
    /// `reset` (back to the focal point) on photo `id`, all or nothing; returns every crop
    /// the photo then has. Announces the photo's change, as its focal point does, so pages
    /// showing it are refreshed; the crops themselves are remade by the rendition job the
    /// caller queues. With `only_if_unpublished`, refused with `InUse` (`what` = "photo N")
    /// while published or scheduled articles show the photo, judged with its row held.
    pub async fn set_photo_crops_with(
        &self,
        id: i64,
        set: &[PhotoCrop],
        reset: &[(u32, u32)],
        only_if_unpublished: bool,
    ) -> Result<Vec<PhotoCrop>> {
        transaction!(self, |conn| {
            // Holds the row (PostgreSQL; SQLite's write lock is already held) so the usage
            // below cannot miss an article being published with this photo right now.
            let (width, height): (i32, i32) = sqlx::query_as(
                "UPDATE photos SET alt_text = alt_text WHERE id = $1 RETURNING width, height",
            )
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
            for aspect in reset {
                sqlx::query("DELETE FROM photo_crops WHERE photo_id = $1 AND aspect = $2")
                    .bind(id)
                    .bind(aspect_name(*aspect))
                    .execute(&mut *conn)
                    .await?;
            }
            for crop in set {
                let [x, y, w, h] = checked(crop, width, height)?;
                sqlx::query(
                    "INSERT INTO photo_crops (photo_id, aspect, x, y, width, height) \
                     VALUES ($1, $2, $3, $4, $5, $6) \
                     ON CONFLICT (photo_id, aspect) DO UPDATE SET x = excluded.x, \
                     y = excluded.y, width = excluded.width, height = excluded.height",
                )
                .bind(id)
                .bind(aspect_name(crop.aspect))
                .bind(x)
                .bind(y)
                .bind(w)
                .bind(h)
                .execute(&mut *conn)
                .await?;
            }
            if only_if_unpublished {
                refuse_if_shown!(conn, id);
            }
            insert_event!(conn, Change::Photo { id })?;
        });
        self.photo_crops(id).await
    }
}
