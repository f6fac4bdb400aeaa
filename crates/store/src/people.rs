//! Authors: the public profiles bylines link to.

use newsdesk_core::{Author, Change};

use crate::Store;
use crate::error::Result;
use crate::rows::AuthorRow;
use crate::types::NewAuthor;

impl Store {
    /// By name.
    pub async fn list_authors(&self) -> Result<Vec<Author>> {
        let rows: Vec<AuthorRow> = read!(self, |db| sqlx::query_as(
            "SELECT id, slug, name, bio, photo_id, account_id FROM authors ORDER BY name, id"
        )
        .fetch_all(db)
        .await)?;
        Ok(rows.into_iter().map(Author::from).collect())
    }

    pub async fn get_author(&self, id: i64) -> Result<Author> {
        let row: AuthorRow = read!(self, |db| sqlx::query_as(
            "SELECT id, slug, name, bio, photo_id, account_id FROM authors WHERE id = $1"
        )
        .bind(id)
        .fetch_one(db)
        .await)?;
        Ok(row.into())
    }

    /// The authors that exist among `ids`, in the order of `ids` (byline order).
    pub async fn get_authors(&self, ids: &[i64]) -> Result<Vec<Author>> {
        let ids = crate::sql::dedup(ids);
        let mut found = std::collections::HashMap::new();
        for chunk in ids.chunks(crate::sql::CHUNK) {
            let chunk = &crate::sql::padded(chunk);
            let sql = format!(
                "SELECT id, slug, name, bio, photo_id, account_id FROM authors WHERE id IN ({})",
                crate::sql::placeholders(1, chunk.len())
            );
            let rows: Vec<AuthorRow> = read!(self, |db| {
                let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()));
                for id in chunk {
                    q = q.bind(*id);
                }
                q.fetch_all(db).await
            })?;
            found.extend(rows.into_iter().map(|r| (r.id, Author::from(r))));
        }
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
    }

    pub async fn author_by_slug(&self, slug: &str) -> Result<Author> {
        let row: AuthorRow = read!(self, |db| sqlx::query_as(
            "SELECT id, slug, name, bio, photo_id, account_id FROM authors WHERE slug = $1"
        )
        .bind(slug)
        .fetch_one(db)
        .await)?;
        Ok(row.into())
    }

    pub async fn create_author(&self, a: &NewAuthor) -> Result<Author> {
        Author {
            id: 0,
            slug: a.slug.clone(),
            name: a.name.clone(),
            bio: a.bio.clone(),
            photo_id: a.photo_id,
            account_id: a.account_id,
        }
        .validate()?;
        let author = transaction!(self, |conn| {
            let row: AuthorRow = sqlx::query_as(
                "INSERT INTO authors (slug, name, bio, photo_id, account_id) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING id, slug, name, bio, photo_id, account_id",
            )
            .bind(&a.slug)
            .bind(a.name.trim())
            .bind(&a.bio)
            .bind(a.photo_id)
            .bind(a.account_id)
            .fetch_one(&mut *conn)
            .await?;
            insert_event!(conn, Change::Taxonomy { edition: None })?;
            Author::from(row)
        });
        Ok(author)
    }

    pub async fn update_author(&self, a: &Author) -> Result<Author> {
        a.validate()?;
        let author = transaction!(self, |conn| {
            let row: AuthorRow = sqlx::query_as(
                "UPDATE authors SET slug = $2, name = $3, bio = $4, photo_id = $5, account_id = $6 \
                 WHERE id = $1 RETURNING id, slug, name, bio, photo_id, account_id",
            )
            .bind(a.id)
            .bind(&a.slug)
            .bind(a.name.trim())
            .bind(&a.bio)
            .bind(a.photo_id)
            .bind(a.account_id)
            .fetch_one(&mut *conn)
            .await?;
            insert_event!(conn, Change::Taxonomy { edition: None })?;
            Author::from(row)
        });
        Ok(author)
    }
}
