//! Connecting: the URL picks the backend at run time.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::error::{Result, StoreError};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// How long a statement waits for SQLite's write lock before giving up with "busy".
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);
const SQLITE_READERS: u32 = 4;
const PG_MAX_CONNECTIONS: u32 = 10;
/// Prepared statements kept per connection (sqlx's default is 100). A reading page's miss
/// runs a few dozen distinct texts (IN lists come in power-of-two lengths, see
/// `sql::padded`); with the newsroom's filters on top, 100 could evict them, and on
/// PostgreSQL re-preparing costs a round trip.
const STATEMENT_CACHE: usize = 400;
/// How long a request waits for a free connection before the store answers Unavailable.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub(crate) enum Db {
    /// SQLite allows one writer at a time: a single-connection writer pool queues writes in
    /// the process instead of failing them with "database is locked"; readers run beside it
    /// thanks to WAL.
    Sqlite {
        writer: SqlitePool,
        reader: SqlitePool,
    },
    Pg(PgPool),
}

/// The store: cheap to clone (pools are reference-counted).
#[derive(Clone)]
pub struct Store {
    pub(crate) db: Db,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend())
            .finish_non_exhaustive()
    }
}

/// The migration that created `article_refs`.
const ARTICLE_REFS_MIGRATION: i64 = 5;

impl Store {
    /// Opens `sqlite:///abs/path.db`, `sqlite://relative.db` or `postgres://…`.
    /// Anything else is an error naming the scheme, never a database created somewhere else.
    pub async fn connect(url: &str) -> Result<Store> {
        let Some((scheme, rest)) = url.split_once("://") else {
            return Err(StoreError::config(format!(
                "database URL {:?} has no scheme; expected sqlite://<path> or postgres://…",
                redact(url)
            )));
        };
        match scheme {
            "sqlite" => {
                if rest.is_empty() || rest.contains('?') || rest == ":memory:" {
                    return Err(StoreError::config(format!(
                        "database URL {url:?}: expected sqlite:///absolute/path.db or sqlite://relative.db \
                         (no options, no in-memory database)"
                    )));
                }
                Store::open_sqlite(Path::new(rest)).await
            }
            "postgres" | "postgresql" => {
                let options = PgConnectOptions::from_str(url).map_err(|e| {
                    StoreError::config(format!("database URL {:?}: {e}", redact(url)))
                })?;
                Store::open_postgres(options).await
            }
            other => Err(StoreError::config(format!(
                "unsupported database URL scheme {other:?}; use sqlite:// or postgres://"
            ))),
        }
    }

    /// Opens (creating if missing) the SQLite database at `path`. Its directory must exist:
    /// a missing one is far more often a typo than a wish.
    pub async fn open_sqlite(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.is_dir()
        {
            return Err(StoreError::config(format!(
                "directory {} for the SQLite database does not exist",
                dir.display()
            )));
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(SQLITE_BUSY_TIMEOUT)
            .foreign_keys(true)
            .statement_cache_capacity(STATEMENT_CACHE);
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options.clone().create_if_missing(true))
            .await?;
        // Opened after the writer so the file exists and is already in WAL mode. Read-only:
        // a write sent to a reader by mistake fails loudly instead of racing the writer.
        let reader = SqlitePoolOptions::new()
            .max_connections(SQLITE_READERS)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options.create_if_missing(false).read_only(true))
            .await?;
        Ok(Store {
            db: Db::Sqlite { writer, reader },
        })
    }

    /// Opens a PostgreSQL pool from options (used by `connect`, and by tests that need a
    /// `search_path`).
    pub async fn open_postgres(options: PgConnectOptions) -> Result<Store> {
        let pool = PgPoolOptions::new()
            .max_connections(PG_MAX_CONNECTIONS)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options.statement_cache_capacity(STATEMENT_CACHE))
            .await?;
        Ok(Store { db: Db::Pg(pool) })
    }

    /// Applies the embedded migrations for this backend. Safe to run from several
    /// instances at once: sqlx takes a lock (PostgreSQL advisory lock; SQLite's write lock).
    pub async fn migrate(&self) -> Result<()> {
        let had_refs = self.migration_applied(ARTICLE_REFS_MIGRATION).await;
        match &self.db {
            Db::Sqlite { writer, .. } => SQLITE_MIGRATIONS.run(writer).await?,
            Db::Pg(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        if !had_refs {
            // SQL cannot read embeds out of Markdown bodies, so the migration that made
            // `article_refs` filled in hero photos only; the rest is filled in here, once.
            let articles = self.rebuild_article_refs().await?;
            tracing::info!(articles, "article references rebuilt");
        }
        Ok(())
    }

    /// Refreshes SQLite's planner statistics where they are missing or stale (`PRAGMA
    /// optimize`, which SQLite asks long-lived connections to run now and then; it limits
    /// its own work). Without statistics the planner guesses, and once chose a status index
    /// that made a thread page walk every comment of the site. PostgreSQL's autovacuum
    /// keeps its statistics itself: nothing to do there.
    pub async fn optimize(&self) -> Result<()> {
        if let Db::Sqlite { writer, .. } = &self.db {
            sqlx::query("PRAGMA optimize").execute(writer).await?;
        }
        Ok(())
    }

    /// Whether migration `version` had been applied (false on a fresh database).
    async fn migration_applied(&self, version: i64) -> bool {
        let sql = "SELECT COUNT(*) FROM _sqlx_migrations WHERE version = $1 AND success";
        let found: std::result::Result<i64, sqlx::Error> = match &self.db {
            Db::Sqlite { writer, .. } => {
                sqlx::query_scalar(sql)
                    .bind(version)
                    .fetch_one(writer)
                    .await
            }
            Db::Pg(pool) => sqlx::query_scalar(sql).bind(version).fetch_one(pool).await,
        };
        found.is_ok_and(|n| n > 0)
    }

    pub fn backend(&self) -> Backend {
        match self.db {
            Db::Sqlite { .. } => Backend::Sqlite,
            Db::Pg(_) => Backend::Postgres,
        }
    }

    /// No edition yet: a fresh database (`serve --demo` fills it).
    pub async fn is_empty(&self) -> Result<bool> {
        let n: i64 = read!(self, |db| sqlx::query_scalar(
            "SELECT COUNT(*) FROM editions"
        )
        .fetch_one(db)
        .await)?;
        Ok(n == 0)
    }

    /// Closes every pool, waiting for connections in use to be returned.
    pub async fn close(&self) {
        match &self.db {
            Db::Sqlite { writer, reader } => {
                reader.close().await;
                writer.close().await;
            }
            Db::Pg(pool) => pool.close().await,
        }
    }
}

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}
