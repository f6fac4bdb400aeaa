//! Runs each test on both backends: SQLite in a temporary directory, PostgreSQL in a fresh
//! schema of the server named by `NEWSDESK_TEST_DATABASE_URL`.

use std::future::Future;
use std::str::FromStr;

use anyhow::{Context, bail};
use newsdesk_store::{Backend, Store};
use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection};
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};

const PG_URL_VAR: &str = "NEWSDESK_TEST_DATABASE_URL";

/// Defines a `#[tokio::test]` that runs `$body` (an async closure taking a migrated
/// `Store`) once per backend.
macro_rules! store_test {
    ($name:ident, |$store:ident, $raw:ident| $body:block) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $name() -> anyhow::Result<()> {
            $crate::harness::on_each_backend(stringify!($name), |$store, $raw| async move { $body })
                .await
        }
    };
    ($name:ident, |$store:ident| $body:block) => {
        store_test!($name, |$store, _raw| $body);
    };
}

/// How to reach the test's database directly, for tests that inspect the schema or write
/// rows the store API would refuse (e.g. as an older or newer release stored them).
#[derive(Clone)]
pub enum Raw {
    Sqlite(std::path::PathBuf),
    Pg(Box<PgConnectOptions>),
}

/// A connection opened from a [`Raw`].
pub enum RawConn {
    Sqlite(SqliteConnection),
    Pg(PgConnection),
}

impl Raw {
    pub async fn connect(&self) -> anyhow::Result<RawConn> {
        Ok(match self {
            Raw::Sqlite(path) => RawConn::Sqlite(
                SqliteConnection::connect_with(
                    &SqliteConnectOptions::new()
                        .filename(path)
                        .busy_timeout(std::time::Duration::from_secs(5)),
                )
                .await?,
            ),
            Raw::Pg(options) => RawConn::Pg(PgConnection::connect_with(options).await?),
        })
    }
}

/// Runs `$body` with `$conn` bound to a direct connection (`&mut SqliteConnection` or
/// `&mut PgConnection`) to the test's database; the body is written once for both.
macro_rules! with_raw {
    ($raw:expr, |$conn:ident| $body:expr) => {
        match $raw.connect().await? {
            $crate::harness::RawConn::Sqlite(mut c) => {
                let $conn = &mut c;
                $body
            }
            $crate::harness::RawConn::Pg(mut c) => {
                let $conn = &mut c;
                $body
            }
        }
    };
}

pub async fn on_each_backend<F, Fut>(name: &str, test: F) -> anyhow::Result<()>
where
    F: Fn(Store, Raw) -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    let (dir, sqlite, raw) = sqlite_db().await?;
    test(sqlite.clone(), raw)
        .await
        .with_context(|| format!("{name} on SQLite"))?;
    sqlite.close().await;
    drop(dir);

    let Some(pg) = PgSchema::create(name).await? else {
        eprintln!("{name}: PostgreSQL half skipped ({PG_URL_VAR} is not set)");
        return Ok(());
    };
    let result = async {
        let store = pg.store().await?;
        let outcome = test(store.clone(), pg.raw()).await;
        store.close().await;
        outcome
    }
    .await
    .with_context(|| format!("{name} on PostgreSQL"));
    pg.drop().await?;
    result
}

/// A migrated SQLite database in a temporary directory (deleted with the `TempDir`).
pub async fn sqlite_db() -> anyhow::Result<(tempfile::TempDir, Store, Raw)> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("test.db");
    let store = Store::open_sqlite(&path).await?;
    store.migrate().await?;
    Ok((dir, store, Raw::Sqlite(path)))
}

/// A fresh schema on the test PostgreSQL server, so tests run in parallel.
pub struct PgSchema {
    admin: PgConnection,
    schema: String,
    options: PgConnectOptions,
}

impl PgSchema {
    /// None when the PostgreSQL half may be skipped (see [`pg_url`]).
    pub async fn create(name: &str) -> anyhow::Result<Option<PgSchema>> {
        let Some(url) = pg_url()? else {
            return Ok(None);
        };
        let schema = format!("t_{}_{}", name, rand::random::<u32>());
        let mut admin = PgConnection::connect(&url)
            .await
            .with_context(|| format!("PostgreSQL at {PG_URL_VAR} does not answer"))?;
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA \"{schema}\"")))
            .execute(&mut admin)
            .await?;
        let options = PgConnectOptions::from_str(&url)?.options([("search_path", &schema)]);
        Ok(Some(PgSchema {
            admin,
            schema,
            options,
        }))
    }

    /// A store on the schema, migrated.
    pub async fn store(&self) -> anyhow::Result<Store> {
        let pg = Store::open_postgres(self.options.clone()).await?;
        assert_eq!(pg.backend(), Backend::Postgres);
        pg.migrate().await?;
        Ok(pg)
    }

    pub fn raw(&self) -> Raw {
        Raw::Pg(Box::new(self.options.clone()))
    }

    pub async fn drop(mut self) -> anyhow::Result<()> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP SCHEMA \"{}\" CASCADE",
            self.schema
        )))
        .execute(&mut self.admin)
        .await?;
        Ok(())
    }
}

/// The PostgreSQL URL, or None when the PostgreSQL half may be skipped.
fn pg_url() -> anyhow::Result<Option<String>> {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    match std::env::var(PG_URL_VAR) {
        Ok(url) if !url.is_empty() => Ok(Some(url)),
        _ if ci => bail!("CI=true but {PG_URL_VAR} is not set: PostgreSQL tests must run in CI"),
        _ => Ok(None),
    }
}
