//! Entity notes: names that must carry a legal footnote in some editions.

use std::collections::{BTreeMap, HashMap};

use newsdesk_core::{Change, Entity, EntityNote};
use sqlx::types::Json;

use crate::Store;
use crate::error::{Result, StoreError};
use crate::types::NewEntity;

type EntityRow = (i64, String, Json<Vec<String>>);
type NoteRow = (i64, String, String);

fn assemble(rows: Vec<EntityRow>, notes: Vec<NoteRow>) -> Vec<Entity> {
    let mut by_entity: HashMap<i64, BTreeMap<String, String>> = HashMap::new();
    for (entity, edition, note) in notes {
        by_entity.entry(entity).or_default().insert(edition, note);
    }
    rows.into_iter()
        .map(|(id, name, aliases)| Entity {
            id,
            name,
            aliases: aliases.0,
            notes: by_entity.remove(&id).unwrap_or_default(),
        })
        .collect()
}

/// Evaluates to `Result<()>`: replaces the notes of entity `$id` with `$notes`
/// (empty notes are dropped: no note means no asterisk).
macro_rules! write_notes {
    ($conn:ident, $id:expr, $notes:expr) => {
        async {
            sqlx::query("DELETE FROM entity_notes WHERE entity_id = $1")
                .bind($id)
                .execute(&mut *$conn)
                .await?;
            for (edition, note) in $notes.iter().filter(|(_, n)| !n.trim().is_empty()) {
                let known: i64 =
                    sqlx::query_scalar("SELECT COUNT(*) FROM editions WHERE code = $1")
                        .bind(edition)
                        .fetch_one(&mut *$conn)
                        .await?;
                if known == 0 {
                    return Err(StoreError::invalid(
                        "notes",
                        format!("no edition {edition}"),
                    ));
                }
                sqlx::query(
                    "INSERT INTO entity_notes (entity_id, edition, note) VALUES ($1, $2, $3)",
                )
                .bind($id)
                .bind(edition)
                .bind(note.trim())
                .execute(&mut *$conn)
                .await?;
            }
            Ok(())
        }
        .await
    };
}

impl Store {
    /// By name.
    pub async fn list_entities(&self) -> Result<Vec<Entity>> {
        let (rows, notes): (Vec<EntityRow>, Vec<NoteRow>) = read!(self, |db| {
            let rows = sqlx::query_as("SELECT id, name, aliases FROM entities ORDER BY name, id")
                .fetch_all(db)
                .await?;
            let notes = sqlx::query_as("SELECT entity_id, edition, note FROM entity_notes")
                .fetch_all(db)
                .await?;
            (rows, notes)
        });
        Ok(assemble(rows, notes))
    }

    pub async fn get_entity(&self, id: i64) -> Result<Entity> {
        let (row, notes): (EntityRow, Vec<NoteRow>) = read!(self, |db| {
            let row = sqlx::query_as("SELECT id, name, aliases FROM entities WHERE id = $1")
                .bind(id)
                .fetch_one(db)
                .await?;
            let notes = sqlx::query_as(
                "SELECT entity_id, edition, note FROM entity_notes WHERE entity_id = $1",
            )
            .bind(id)
            .fetch_all(db)
            .await?;
            (row, notes)
        });
        assemble(vec![row], notes).pop().ok_or(StoreError::NotFound)
    }

    pub async fn create_entity(&self, e: &NewEntity) -> Result<Entity> {
        let mut entity = Entity {
            id: 0,
            name: e.name.trim().to_owned(),
            aliases: e.aliases.iter().map(|a| a.trim().to_owned()).collect(),
            notes: e.notes.clone(),
        };
        entity.validate()?;
        entity.id = transaction!(self, |conn| {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO entities (name, aliases) VALUES ($1, $2) RETURNING id",
            )
            .bind(&entity.name)
            .bind(Json(&entity.aliases))
            .fetch_one(&mut *conn)
            .await?;
            write_notes!(conn, id, &entity.notes)?;
            insert_event!(conn, Change::Taxonomy { edition: None })?;
            id
        });
        self.get_entity(entity.id).await
    }

    pub async fn update_entity(&self, e: &Entity) -> Result<Entity> {
        e.validate()?;
        let aliases: Vec<String> = e.aliases.iter().map(|a| a.trim().to_owned()).collect();
        transaction!(self, |conn| {
            let done = sqlx::query("UPDATE entities SET name = $2, aliases = $3 WHERE id = $1")
                .bind(e.id)
                .bind(e.name.trim())
                .bind(Json(&aliases))
                .execute(&mut *conn)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            write_notes!(conn, e.id, &e.notes)?;
            insert_event!(conn, Change::Taxonomy { edition: None })?;
        });
        self.get_entity(e.id).await
    }

    pub async fn delete_entity(&self, id: i64) -> Result<()> {
        transaction!(self, |conn| {
            let done = sqlx::query("DELETE FROM entities WHERE id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            insert_event!(conn, Change::Taxonomy { edition: None })?;
        });
        Ok(())
    }

    /// What the body renderer of `edition` needs: every entity with a note there.
    pub async fn entity_notes(&self, edition: &str) -> Result<Vec<EntityNote>> {
        // One query: the entity and its note for this edition come in the same row.
        let rows: Vec<(i64, String, Json<Vec<String>>, String)> = read!(self, |db| {
            sqlx::query_as(
                "SELECT e.id, e.name, e.aliases, n.note FROM entities e \
                 JOIN entity_notes n ON n.entity_id = e.id WHERE n.edition = $1 ORDER BY e.name",
            )
            .bind(edition)
            .fetch_all(db)
            .await
        })?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, name, aliases, note)| {
                Entity {
                    id,
                    name,
                    aliases: aliases.0,
                    notes: BTreeMap::from([(edition.to_owned(), note)]),
                }
                .note_for(edition)
            })
            .collect())
    }
}
