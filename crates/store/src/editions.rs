//! Editions: one per language.

use newsdesk_core::{Change, Edition};

use crate::Store;
use crate::error::Result;
use crate::rows::EditionRow;

impl Store {
    /// The default edition first, then by code.
    pub async fn list_editions(&self) -> Result<Vec<Edition>> {
        let rows: Vec<EditionRow> = read!(self, |db| sqlx::query_as(
            "SELECT code, name, direction, time_zone, is_default FROM editions \
             ORDER BY is_default DESC, code"
        )
        .fetch_all(db)
        .await)?;
        rows.into_iter().map(EditionRow::into_edition).collect()
    }

    pub async fn get_edition(&self, code: &str) -> Result<Edition> {
        let row: EditionRow = read!(self, |db| sqlx::query_as(
            "SELECT code, name, direction, time_zone, is_default FROM editions WHERE code = $1"
        )
        .bind(code)
        .fetch_one(db)
        .await)?;
        row.into_edition()
    }

    /// Creates or replaces an edition. Making it the default takes the flag from the others.
    pub async fn upsert_edition(&self, e: &Edition) -> Result<()> {
        e.validate()?;
        transaction!(self, |conn| {
            if e.is_default {
                sqlx::query("UPDATE editions SET is_default = FALSE WHERE code <> $1")
                    .bind(&e.code)
                    .execute(&mut *conn)
                    .await?;
            }
            sqlx::query(
                "INSERT INTO editions (code, name, direction, time_zone, is_default) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO UPDATE SET \
                 name = excluded.name, direction = excluded.direction, \
                 time_zone = excluded.time_zone, is_default = excluded.is_default",
            )
            .bind(&e.code)
            .bind(&e.name)
            .bind(e.direction.as_str())
            .bind(&e.time_zone)
            .bind(e.is_default)
            .execute(&mut *conn)
            .await?;
            insert_event!(
                conn,
                Change::Taxonomy {
                    edition: Some(e.code.clone())
                }
            )?;
        });
        Ok(())
    }
}
