//! Photos: metadata and renditions (the bytes live in media storage).

use newsdesk_core::media::validate_photo_text;
use newsdesk_core::{Change, Credit, Photo, Rendition};
use sqlx::types::Json;

use crate::Store;
use crate::error::{Result, StoreError};
use crate::rows::PhotoRow;
use crate::sql::{contains_pattern, fold, now};
use crate::types::{NewPhoto, PhotoText};

fn search_text(caption: &str, credit: &Credit, notice: &str) -> String {
    fold(&format!(
        "{caption}\n{}\n{}\n{notice}",
        credit.agency, credit.creator
    ))
}

/// Pixel sizes are u32 in the model and INTEGER (i32) in both databases.
fn pixels(n: u32, field: &'static str) -> Result<i32> {
    i32::try_from(n).map_err(|_| StoreError::invalid(field, "is too large"))
}

impl Store {
    pub async fn create_photo(&self, p: &NewPhoto) -> Result<Photo> {
        validate_photo_text(&p.caption, &p.alt_text, &p.credit)?;
        let row: PhotoRow = exec!(self, |db| {
            sqlx::query_as(concat!(
            "INSERT INTO photos (key, content_type, width, height, byte_size, caption, alt_text, \
             credit_agency, credit_creator, copyright_notice, copyright_year, uploaded_by, \
             search_text, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING ",
            photo_cols!()
        ))
        .bind(&p.key)
        .bind(&p.content_type)
        .bind(pixels(p.width, "width")?)
        .bind(pixels(p.height, "height")?)
        .bind(p.byte_size)
        .bind(&p.caption)
        .bind(p.alt_text.trim())
        .bind(&p.credit.agency)
        .bind(&p.credit.creator)
        .bind(&p.copyright_notice)
        .bind(p.copyright_year)
        .bind(p.uploaded_by)
        .bind(search_text(&p.caption, &p.credit, &p.copyright_notice))
        .bind(now())
        .fetch_one(db)
        .await
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

    /// Newest first; `search` matches caption, credit and copyright notice in any case.
    pub async fn list_photos(
        &self,
        search: Option<&str>,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<Photo>> {
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

    pub async fn update_photo_text(&self, id: i64, t: &PhotoText) -> Result<Photo> {
        validate_photo_text(&t.caption, &t.alt_text, &t.credit)?;
        let photo = transaction!(self, |conn| {
            let row: PhotoRow = sqlx::query_as(concat!(
                "UPDATE photos SET caption = $2, alt_text = $3, credit_agency = $4, \
                 credit_creator = $5, copyright_notice = $6, copyright_year = $7, \
                 search_text = $8 WHERE id = $1 RETURNING ",
                photo_cols!()
            ))
            .bind(id)
            .bind(&t.caption)
            .bind(t.alt_text.trim())
            .bind(&t.credit.agency)
            .bind(&t.credit.creator)
            .bind(&t.copyright_notice)
            .bind(t.copyright_year)
            .bind(search_text(&t.caption, &t.credit, &t.copyright_notice))
            .fetch_one(&mut *conn)
            .await?;
            insert_event!(conn, Change::Photo { id })?;
            Photo::from(row)
        });
        Ok(photo)
    }

    pub async fn set_photo_renditions(&self, id: i64, r: &[Rendition]) -> Result<()> {
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

    /// Refused with `Conflict{photo_in_use}` while an article shows it as its hero image.
    /// Authors using it as their portrait simply lose the portrait.
    pub async fn delete_photo(&self, id: i64) -> Result<()> {
        transaction!(self, |conn| {
            let used: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM articles WHERE hero_photo_id = $1")
                    .bind(id)
                    .fetch_one(&mut *conn)
                    .await?;
            if used > 0 {
                return Err(StoreError::Conflict {
                    constraint: "photo_in_use".to_owned(),
                });
            }
            let done = sqlx::query("DELETE FROM photos WHERE id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            insert_event!(conn, Change::Photo { id })?;
        });
        Ok(())
    }
}
