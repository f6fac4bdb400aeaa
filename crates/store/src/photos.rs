//! Photos: metadata and renditions (the bytes live in media storage).

use newsdesk_core::media::validate_photo_text;
use newsdesk_core::{Change, Credit, Photo, PhotoId, Rendition};
use sqlx::types::Json;

use crate::Store;
use crate::articles::article_change;
use crate::columns::{INSERT_PHOTO, PhotoFile, UPDATE_PHOTO_TEXT};
use crate::error::{Result, StoreError};
use crate::rows::PhotoRow;
use crate::sql::{contains_pattern, fold, now};
use crate::types::{NewPhoto, PhotoText};

pub(crate) fn search_text(caption: &str, credit: &Credit, notice: &str) -> String {
    fold(&format!(
        "{caption}\n{}\n{}\n{notice}",
        credit.agency, credit.creator
    ))
}

pub use newsdesk_core::media::is_blank;

/// See [`Store::photo_usage`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoUsage {
    pub uploaded_by: Option<i64>,
    /// `(article id, headline)` of the published or scheduled articles that show it.
    pub shown_by: Vec<(i64, String)>,
}

/// Where a photo's subject is: fractions of its width and height from the top-left corner,
/// each in `0..=1`, kept to thousandths (what crops are made at; see `newsdesk_media::Focus`).
/// Every crop of the photo is centred on it as nearly as the photo's edges allow.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhotoFocus {
    pub x: f64,
    pub y: f64,
}

impl PhotoFocus {
    /// Every photo's point until an editor sets one.
    pub const CENTRE: PhotoFocus = PhotoFocus { x: 0.5, y: 0.5 };

    /// Refused (`Invalid`, naming `focus_x` or `focus_y`) outside `0..=1`; rounded to
    /// thousandths, so what is stored is what crops use and what the form shows again.
    fn checked(self) -> Result<Self> {
        let axis = |v: f64, field: &'static str| {
            if (0.0..=1.0).contains(&v) {
                Ok((v * 1000.0).round() / 1000.0)
            } else {
                Err(StoreError::invalid(field, "must be between 0 and 1"))
            }
        };
        Ok(PhotoFocus {
            x: axis(self.x, "focus_x")?,
            y: axis(self.y, "focus_y")?,
        })
    }
}

impl Default for PhotoFocus {
    fn default() -> Self {
        PhotoFocus::CENTRE
    }
}

/// Pixel sizes are u32 in the model and INTEGER (i32) in both databases.
pub(crate) fn pixels(n: u32, field: &'static str) -> Result<i32> {
    i32::try_from(n).map_err(|_| StoreError::invalid(field, "is too large"))
}

impl Store {
    pub async fn create_photo(&self, p: &NewPhoto) -> Result<Photo> {
        validate_photo_text(&p.caption, &p.alt_text, &p.credit)?;
        let file = PhotoFile::of(p, now())?;
        let row: PhotoRow = exec!(self, |db| {
            let q = bind_photo_file!(sqlx::query_as(INSERT_PHOTO.as_str()), file);
            bind_photo_text!(q, p).fetch_one(db).await
        })?;
        Ok(row.into())
    }

    pub async fn get_photo(&self, id: i64) -> Result<Photo> {
        let row: PhotoRow = read!(self, |db| sqlx::query_as(concat!(
            "SELECT ",
            photo_cols!(),
            " FROM photos WHERE id = $1"
        ))
        .bind(id)
        .fetch_one(db)
        .await)?;
        Ok(row.into())
    }

    /// The photos that exist among `ids`, in the order of `ids`.
    pub async fn get_photos(&self, ids: &[i64]) -> Result<Vec<Photo>> {
        let ids = crate::sql::dedup(ids);
        let mut found = std::collections::HashMap::new();
        for chunk in ids.chunks(crate::sql::CHUNK) {
            let chunk = &crate::sql::padded(chunk);
            let sql = format!(
                concat!("SELECT ", photo_cols!(), " FROM photos WHERE id IN ({})"),
                crate::sql::placeholders(1, chunk.len())
            );
            let rows: Vec<PhotoRow> = read!(self, |db| {
                let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()));
                for id in chunk {
                    q = q.bind(*id);
                }
                q.fetch_all(db).await
            })?;
            found.extend(rows.into_iter().map(|r| (r.id, Photo::from(r))));
        }
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
    }

    /// Which of `keys` are the stored original of some photo (`photos.key`): what the
    /// orphan sweep asks about each old file in media storage.
    pub async fn photo_keys_among(
        &self,
        keys: &[String],
    ) -> Result<std::collections::HashSet<String>> {
        let mut found = std::collections::HashSet::new();
        for chunk in keys.chunks(crate::sql::CHUNK) {
            let sql = format!(
                "SELECT key FROM photos WHERE key IN ({})",
                crate::sql::placeholders(1, chunk.len())
            );
            let rows: Vec<String> = read!(self, |db| {
                let mut q = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.clone()));
                for key in chunk {
                    q = q.bind(key);
                }
                q.fetch_all(db).await
            })?;
            found.extend(rows);
        }
        Ok(found)
    }

    /// Newest first; `search` matches caption, credit and copyright notice in any case.
    pub async fn list_photos(
        &self,
        search: Option<&str>,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<Photo>> {
        crate::sql::check_search(search)?;
        let pattern = contains_pattern(search.unwrap_or(""));
        let rows: Vec<PhotoRow> = read!(self, |db| sqlx::query_as(concat!(
            "SELECT ",
            photo_cols!(),
            " FROM photos WHERE search_text LIKE $1 ESCAPE '\\' \
             ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3"
        ))
        .bind(&pattern)
        .bind(limit.clamp(0, 1000))
        .bind(offset.max(0))
        .fetch_all(db)
        .await)?;
        Ok(rows.into_iter().map(Photo::from).collect())
    }

    /// Who uploaded photo `id` (`None` for photos from before uploads were recorded, the
    /// demo and imports) and the published or scheduled articles that show it: what decides
    /// who may change its text (see `app::policy`). `NotFound` when there is no such photo.
    pub async fn photo_usage(&self, id: i64) -> Result<PhotoUsage> {
        let (uploaded_by, shown_by) = transaction!(self, |conn| {
            let uploaded_by: Option<i64> =
                sqlx::query_scalar("SELECT uploaded_by FROM photos WHERE id = $1")
                    .bind(id)
                    .fetch_one(&mut *conn)
                    .await?;
            let shown_by = public_users!(conn, crate::refs::PHOTO, id, 0i64)?;
            (uploaded_by, shown_by)
        });
        Ok(PhotoUsage {
            uploaded_by,
            shown_by,
        })
    }

    /// [`Store::update_photo_text_with`], whoever the photo is shown to.
    pub async fn update_photo_text(&self, id: i64, t: &PhotoText) -> Result<Photo> {
        self.update_photo_text_with(id, t, false).await
    }

    /// Refused with `InUse` (`what` = "the alt text of photo N") when it would remove the
    /// alt text of a photo that published or scheduled articles show: readers must never
    /// get an image without a description. With `only_if_unpublished`, any change to a
    /// photo such articles show is refused with `InUse` (`what` = "photo N"): the caller
    /// may not change what readers see. Both are judged with the photo's row held, so an
    /// article being published with it meanwhile is seen.
    pub async fn update_photo_text_with(
        &self,
        id: i64,
        t: &PhotoText,
        only_if_unpublished: bool,
    ) -> Result<Photo> {
        validate_photo_text(&t.caption, &t.alt_text, &t.credit)?;
        let photo = transaction!(self, |conn| {
            let q = sqlx::query_as(UPDATE_PHOTO_TEXT.as_str()).bind(id);
            let row: PhotoRow = bind_photo_text!(q, t).fetch_one(&mut *conn).await?;
            // Asked after the UPDATE, which holds the row: an article being published with
            // this photo has either committed (and is seen) or waits and sees the new text.
            let blank = is_blank(&t.alt_text);
            if blank || only_if_unpublished {
                let used_by = public_users!(conn, crate::refs::PHOTO, id, 0i64)?;
                if !used_by.is_empty() {
                    let what = if only_if_unpublished {
                        format!("photo {id}")
                    } else {
                        format!("the alt text of photo {id}")
                    };
                    return Err(StoreError::InUse { what, used_by });
                }
            }
            insert_event!(conn, Change::Photo { id })?;
            Photo::from(row)
        });
        Ok(photo)
    }

    /// The focal point of photo `id`; `NotFound` when there is no such photo.
    pub async fn photo_focus(&self, id: i64) -> Result<PhotoFocus> {
        let (x, y): (f64, f64) = read!(self, |db| sqlx::query_as(
            "SELECT focus_x, focus_y FROM photos WHERE id = $1"
        )
        .bind(id)
        .fetch_one(db)
        .await)?;
        Ok(PhotoFocus { x, y })
    }

    /// [`Store::set_photo_focus_with`], whoever the photo is shown to.
    pub async fn set_photo_focus(&self, id: i64, focus: PhotoFocus) -> Result<PhotoFocus> {
        self.set_photo_focus_with(id, focus, false).await
    }

    /// Sets the focal point of photo `id` and returns it as stored (see
    /// [`PhotoFocus`]). The crops are not remade here: the caller queues the photo's
    /// rendition job, which reads the point. With `only_if_unpublished`, refused with
    /// `InUse` (`what` = "photo N") while published or scheduled articles show the photo,
    /// judged with its row held, as [`Store::update_photo_text_with`] does: the point
    /// decides what readers see of it.
    pub async fn set_photo_focus_with(
        &self,
        id: i64,
        focus: PhotoFocus,
        only_if_unpublished: bool,
    ) -> Result<PhotoFocus> {
        let focus = focus.checked()?;
        transaction!(self, |conn| {
            let done = sqlx::query("UPDATE photos SET focus_x = $2, focus_y = $3 WHERE id = $1")
                .bind(id)
                .bind(focus.x)
                .bind(focus.y)
                .execute(&mut *conn)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            if only_if_unpublished {
                refuse_if_shown!(conn, id);
            }
            insert_event!(conn, Change::Photo { id })?;
        });
        Ok(focus)
    }

    pub async fn set_photo_renditions(&self, id: PhotoId, r: &[Rendition]) -> Result<()> {
        let id = id.0;
        transaction!(self, |conn| {
            let done = sqlx::query("UPDATE photos SET renditions = $2 WHERE id = $1")
                .bind(id)
                .bind(Json(r))
                .execute(&mut *conn)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            insert_event!(conn, Change::Photo { id })?;
        });
        Ok(())
    }

    /// Refused with `InUse`, listing them, while published or scheduled articles show the
    /// photo (as hero or in the body). Drafts and taken-down articles do not hold it: their
    /// hero photo is cleared, and a body embed of it stays in the text, to be refused on the
    /// next save ("photo N in the body does not exist") until the author removes it.
    /// Authors using it as their portrait simply lose the portrait.
    pub async fn delete_photo(&self, id: i64) -> Result<()> {
        transaction!(self, |conn| {
            // Holds the row first, so the usage below cannot miss an article being published
            // with this photo right now (it either committed or waits for this to finish).
            sqlx::query_scalar::<_, i64>(
                "UPDATE photos SET alt_text = alt_text WHERE id = $1 RETURNING id",
            )
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
            refuse_if_shown!(conn, id);
            let detached: Vec<i64> = sqlx::query_scalar(
                "UPDATE articles SET hero_photo_id = NULL \
                 WHERE hero_photo_id = $1 AND status IN ('draft', 'unpublished') RETURNING id",
            )
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
            // Only a published or scheduled article can still hold it as hero now, and
            // article_refs would have named it above; were the two ever to disagree, the
            // foreign key (RESTRICT) still refuses the delete.
            sqlx::query("DELETE FROM photos WHERE id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?;
            insert_event!(conn, Change::Photo { id })?;
            for article in load_articles!(&mut *conn, &detached)? {
                insert_event!(conn, article_change(None, Some(&article)))?;
            }
        });
        Ok(())
    }
}
