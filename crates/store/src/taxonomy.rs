//! Sections and tags of an edition.

use newsdesk_core::taxonomy::validate_named;
use newsdesk_core::{Change, Section, Tag};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::rows::{SectionRow, TagRow};
use crate::types::{NewSection, NewTag};

macro_rules! taxonomy_event {
    ($conn:ident, $edition:expr) => {
        insert_event!(
            $conn,
            Change::Taxonomy {
                edition: Some($edition.to_owned())
            }
        )
    };
}

/// Evaluates to `Result<()>`: Invalid unless the edition exists.
macro_rules! check_edition {
    ($conn:ident, $edition:expr) => {
        async {
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM editions WHERE code = $1")
                .bind($edition)
                .fetch_one(&mut *$conn)
                .await?;
            if n == 0 {
                return Err(StoreError::invalid("edition", "no such edition"));
            }
            Ok(())
        }
        .await
    };
}

impl Store {
    /// In navigation order.
    pub async fn list_sections(&self, edition: &str) -> Result<Vec<Section>> {
        let rows: Vec<SectionRow> = read!(self, |db| sqlx::query_as(
            "SELECT id, edition, slug, name, position FROM sections WHERE edition = $1 \
             ORDER BY position, name"
        )
        .bind(edition)
        .fetch_all(db)
        .await)?;
        Ok(rows.into_iter().map(Section::from).collect())
    }

    pub async fn get_section(&self, id: i64) -> Result<Section> {
        let row: SectionRow = read!(self, |db| sqlx::query_as(
            "SELECT id, edition, slug, name, position FROM sections WHERE id = $1"
        )
        .bind(id)
        .fetch_one(db)
        .await)?;
        Ok(row.into())
    }

    pub async fn section_by_slug(&self, edition: &str, slug: &str) -> Result<Section> {
        let row: SectionRow = read!(self, |db| {
            sqlx::query_as(
            "SELECT id, edition, slug, name, position FROM sections WHERE edition = $1 AND slug = $2"
        )
        .bind(edition)
        .bind(slug)
        .fetch_one(db)
        .await
        })?;
        Ok(row.into())
    }

    pub async fn create_section(&self, s: &NewSection) -> Result<Section> {
        validate_named(&s.name, &s.slug)?;
        let section = transaction!(self, |conn| {
            check_edition!(conn, &s.edition)?;
            let row: SectionRow = sqlx::query_as(
                "INSERT INTO sections (edition, slug, name, position) VALUES ($1, $2, $3, $4) \
                 RETURNING id, edition, slug, name, position",
            )
            .bind(&s.edition)
            .bind(&s.slug)
            .bind(s.name.trim())
            .bind(s.position)
            .fetch_one(&mut *conn)
            .await?;
            taxonomy_event!(conn, &s.edition)?;
            Section::from(row)
        });
        Ok(section)
    }

    /// Renames, re-slugs or moves a section (its edition stays).
    pub async fn update_section(&self, s: &Section) -> Result<Section> {
        s.validate()?;
        let section = transaction!(self, |conn| {
            let row: SectionRow = sqlx::query_as(
                "UPDATE sections SET slug = $2, name = $3, position = $4 WHERE id = $1 \
                 RETURNING id, edition, slug, name, position",
            )
            .bind(s.id)
            .bind(&s.slug)
            .bind(s.name.trim())
            .bind(s.position)
            .fetch_one(&mut *conn)
            .await?;
            taxonomy_event!(conn, &row.edition)?;
            Section::from(row)
        });
        Ok(section)
    }

    /// Its articles stay, without a section.
    pub async fn delete_section(&self, id: i64) -> Result<()> {
        transaction!(self, |conn| {
            let edition: String =
                sqlx::query_scalar("DELETE FROM sections WHERE id = $1 RETURNING edition")
                    .bind(id)
                    .fetch_one(&mut *conn)
                    .await?;
            taxonomy_event!(conn, &edition)?;
        });
        Ok(())
    }

    /// By name.
    pub async fn list_tags(&self, edition: &str) -> Result<Vec<Tag>> {
        let rows: Vec<TagRow> = read!(self, |db| sqlx::query_as(
            "SELECT id, edition, slug, name FROM tags WHERE edition = $1 ORDER BY name, id"
        )
        .bind(edition)
        .fetch_all(db)
        .await)?;
        Ok(rows.into_iter().map(Tag::from).collect())
    }

    /// The tags that exist among `ids`, in the order of `ids`.
    pub async fn get_tags(&self, ids: &[i64]) -> Result<Vec<Tag>> {
        let ids = crate::sql::dedup(ids);
        let mut found = std::collections::HashMap::new();
        for chunk in ids.chunks(crate::sql::CHUNK) {
            let chunk = &crate::sql::padded(chunk);
            let sql = format!(
                "SELECT id, edition, slug, name FROM tags WHERE id IN ({})",
                crate::sql::placeholders(1, chunk.len())
            );
            let rows: Vec<TagRow> = read!(self, |db| {
                let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()));
                for id in chunk {
                    q = q.bind(*id);
                }
                q.fetch_all(db).await
            })?;
            found.extend(rows.into_iter().map(|r| (r.id, Tag::from(r))));
        }
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
    }

    pub async fn tag_by_slug(&self, edition: &str, slug: &str) -> Result<Tag> {
        let row: TagRow = read!(self, |db| sqlx::query_as(
            "SELECT id, edition, slug, name FROM tags WHERE edition = $1 AND slug = $2"
        )
        .bind(edition)
        .bind(slug)
        .fetch_one(db)
        .await)?;
        Ok(row.into())
    }

    pub async fn create_tag(&self, t: &NewTag) -> Result<Tag> {
        validate_named(&t.name, &t.slug)?;
        let tag = transaction!(self, |conn| {
            check_edition!(conn, &t.edition)?;
            let row: TagRow = sqlx::query_as(
                "INSERT INTO tags (edition, slug, name) VALUES ($1, $2, $3) \
                 RETURNING id, edition, slug, name",
            )
            .bind(&t.edition)
            .bind(&t.slug)
            .bind(t.name.trim())
            .fetch_one(&mut *conn)
            .await?;
            taxonomy_event!(conn, &t.edition)?;
            Tag::from(row)
        });
        Ok(tag)
    }

    pub async fn update_tag(&self, t: &Tag) -> Result<Tag> {
        t.validate()?;
        let tag = transaction!(self, |conn| {
            let row: TagRow = sqlx::query_as(
                "UPDATE tags SET slug = $2, name = $3 WHERE id = $1 \
                 RETURNING id, edition, slug, name",
            )
            .bind(t.id)
            .bind(&t.slug)
            .bind(t.name.trim())
            .fetch_one(&mut *conn)
            .await?;
            taxonomy_event!(conn, &row.edition)?;
            Tag::from(row)
        });
        Ok(tag)
    }

    /// Removes the tag from every article too.
    pub async fn delete_tag(&self, id: i64) -> Result<()> {
        transaction!(self, |conn| {
            let edition: String =
                sqlx::query_scalar("DELETE FROM tags WHERE id = $1 RETURNING edition")
                    .bind(id)
                    .fetch_one(&mut *conn)
                    .await?;
            taxonomy_event!(conn, &edition)?;
        });
        Ok(())
    }

    /// Tags with the most published articles first (ties by name); unused tags are left out.
    pub async fn popular_tags(&self, edition: &str, limit: i64) -> Result<Vec<Tag>> {
        let rows: Vec<TagRow> = read!(self, |db| sqlx::query_as(
            "SELECT t.id, t.edition, t.slug, t.name FROM tags t \
             JOIN article_tags x ON x.tag_id = t.id \
             JOIN articles a ON a.id = x.article_id AND a.status = 'published' \
             WHERE t.edition = $1 GROUP BY t.id, t.edition, t.slug, t.name \
             ORDER BY COUNT(*) DESC, t.name LIMIT $2"
        )
        .bind(edition)
        .bind(limit.clamp(0, 1000))
        .fetch_all(db)
        .await)?;
        Ok(rows.into_iter().map(Tag::from).collect())
    }
}
