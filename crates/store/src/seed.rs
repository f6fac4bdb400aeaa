//! Seeding a fresh database (the demo newsroom) safely from several instances at once.
//!
//! Whoever seeds holds [`SeedLock`] for the whole seed: the others wait for it, then read
//! the seed's [`SeedState`] and skip a finished one. The state is written before the first
//! row of the seed and again after its last, so a seed whose process died half-way is
//! seen as [`SeedState::Started`] by the next one, which removes what it left and starts
//! again rather than serving a half-built site.

use std::path::PathBuf;

use sqlx::{Connection, PgConnection};

use crate::Store;
use crate::db::Db;
use crate::error::{Result, StoreError};
use crate::sql::now;

/// First key of PostgreSQL's two-key advisory locks for seeds; the second is the hash of
/// the seed's name and schema, so sites in separate schemas of one database do not wait
/// for each other.
const PG_LOCK_CLASS: i32 = 0x6e64_5344; // "ndSD"

/// How far a seed got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedState {
    /// Begun and not (yet) finished: if no one holds the lock, its process died.
    Started,
    Complete,
}

impl SeedState {
    fn as_str(self) -> &'static str {
        match self {
            SeedState::Started => "started",
            SeedState::Complete => "complete",
        }
    }
}

/// Held while a seed runs. Dropping it releases the lock as well (the connection or
/// file closes), so a seed that fails or panics never leaves the others waiting; so does
/// the death of the process.
#[derive(Debug)]
pub struct SeedLock {
    held: Held,
}

#[derive(Debug)]
enum Held {
    // A connection of its own, outside the pool: a session-level advisory lock belongs
    // to the connection, which must neither go back to the pool still holding it nor be
    // needed by the seed's own queries.
    Pg(Box<PgConnection>),
    // SQLite's write lock cannot be held across a seed made of many transactions on the
    // same single-connection writer, so processes agree through a lock file beside the
    // database instead.
    File(std::fs::File),
}

impl SeedLock {
    /// Releases the lock now (dropping it does too, less politely).
    pub async fn release(self) -> Result<()> {
        match self.held {
            Held::Pg(mut conn) => {
                sqlx::query("SELECT pg_advisory_unlock_all()")
                    .execute(&mut *conn)
                    .await?;
                conn.close().await?;
            }
            Held::File(file) => {
                file.unlock().map_err(|e| io_error("unlocking", &e))?;
            }
        }
        Ok(())
    }
}

impl Store {
    /// Waits for, then takes, the lock of seed `name` (PostgreSQL: an advisory lock on a
    /// connection of its own; SQLite: a lock file beside the database).
    pub async fn seed_lock(&self, name: &str) -> Result<SeedLock> {
        match &self.db {
            Db::Pg(pool) => {
                let mut conn = pool.acquire().await?.detach();
                sqlx::query("SELECT pg_advisory_lock($1, hashtext($2 || ':' || current_schema()))")
                    .bind(PG_LOCK_CLASS)
                    .bind(name)
                    .execute(&mut conn)
                    .await?;
                Ok(SeedLock {
                    held: Held::Pg(Box::new(conn)),
                })
            }
            Db::Sqlite { writer, .. } => {
                let mut path = PathBuf::from(writer.connect_options().get_filename());
                let file_name = format!(
                    "{}.seed-{name}.lock",
                    path.file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .unwrap_or_default()
                );
                path.set_file_name(file_name);
                let file = tokio::task::spawn_blocking(move || {
                    let file = std::fs::OpenOptions::new()
                        .create(true)
                        .truncate(false)
                        .write(true)
                        .open(&path)?;
                    file.lock()?;
                    Ok::<_, std::io::Error>(file)
                })
                .await
                .map_err(|e| StoreError::Unavailable(format!("seed lock task: {e}")))?
                .map_err(|e| io_error("taking", &e))?;
                Ok(SeedLock {
                    held: Held::File(file),
                })
            }
        }
    }

    /// How far seed `name` got, or `None` if it was never started.
    pub async fn seed_state(&self, name: &str) -> Result<Option<SeedState>> {
        let state: Option<String> = exec!(self, |db| sqlx::query_scalar(
            "SELECT state FROM seeds WHERE name = $1"
        )
        .bind(name)
        .fetch_optional(db)
        .await)?;
        match state.as_deref() {
            None => Ok(None),
            Some("started") => Ok(Some(SeedState::Started)),
            Some("complete") => Ok(Some(SeedState::Complete)),
            Some(other) => Err(StoreError::corrupt("seed state", other)),
        }
    }

    /// Records how far seed `name` got. Call it with the lock held.
    pub async fn set_seed_state(&self, name: &str, state: SeedState) -> Result<()> {
        exec!(self, |db| sqlx::query(
            "INSERT INTO seeds (name, state, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET state = excluded.state, \
             updated_at = excluded.updated_at"
        )
        .bind(name)
        .bind(state.as_str())
        .bind(now())
        .execute(db)
        .await
        .map(drop))?;
        Ok(())
    }

    /// Removes every article, translation group and photo, in one transaction, and
    /// returns the id and original's key of each photo removed (their files are the
    /// caller's to delete).
    ///
    /// Only for redoing a seed that was [`SeedState::Started`] on an empty database and
    /// never finished: then everything here is the seed's own. Editions, sections, tags,
    /// authors and entities stay; a seed reuses them by slug or name.
    pub async fn remove_unfinished_seed(&self) -> Result<Vec<(i64, String)>> {
        let photos = transaction!(self, |conn| {
            // Articles first: they hold their hero photos with RESTRICT.
            sqlx::query("DELETE FROM articles")
                .execute(&mut *conn)
                .await?;
            sqlx::query("DELETE FROM translation_groups")
                .execute(&mut *conn)
                .await?;
            // The seed's newsfeed items and editors' rooms (article rooms went with the
            // articles).
            sqlx::query("DELETE FROM news_items")
                .execute(&mut *conn)
                .await?;
            sqlx::query("DELETE FROM chat_rooms")
                .execute(&mut *conn)
                .await?;
            let photos: Vec<(i64, String)> = sqlx::query_as("DELETE FROM photos RETURNING id, key")
                .fetch_all(&mut *conn)
                .await?;
            photos
        });
        Ok(photos)
    }
}

fn io_error(doing: &str, error: &std::io::Error) -> StoreError {
    StoreError::Unavailable(format!("{doing} the seed lock file: {error}"))
}
