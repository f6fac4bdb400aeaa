//! Runs each test on both backends: SQLite in a temporary directory, PostgreSQL in a fresh
//! schema of the server named by `NEWSDESK_TEST_DATABASE_URL`.

use std::future::Future;
use std::str::FromStr;

use anyhow::{Context, bail};
use newsdesk_store::{Backend, Store};
use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection};

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

/// How to reach the test's database directly, for tests that inspect the schema.
#[derive(Clone)]
pub enum Raw {
    Sqlite(std::path::PathBuf),
    Pg(Box<PgConnectOptions>),
}

pub async fn on_each_backend<F, Fut>(name: &str, test: F) -> anyhow::Result<()>
where
    F: Fn(Store, Raw) -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("test.db");
    let sqlite = Store::open_sqlite(&path).await?;
    sqlite.migrate().await?;
    test(sqlite.clone(), Raw::Sqlite(path))
        .await
        .with_context(|| format!("{name} on SQLite"))?;
    sqlite.close().await;

    match pg_url()? {
        None => {
            eprintln!("{name}: PostgreSQL half skipped ({PG_URL_VAR} is not set)");
            Ok(())
        }
        Some(url) => {
            let schema = format!("t_{}_{}", name, rand::random::<u32>());
            let mut admin = PgConnection::connect(&url)
                .await
                .with_context(|| format!("PostgreSQL at {PG_URL_VAR} does not answer"))?;
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA \"{schema}\"")))
                .execute(&mut admin)
                .await?;
            let options = PgConnectOptions::from_str(&url)?.options([("search_path", &schema)]);
            let result = async {
                let pg = Store::open_postgres(options.clone()).await?;
                assert_eq!(pg.backend(), Backend::Postgres);
                pg.migrate().await?;
                let outcome = test(pg.clone(), Raw::Pg(Box::new(options))).await;
                pg.close().await;
                outcome
            }
            .await
            .with_context(|| format!("{name} on PostgreSQL"));
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP SCHEMA \"{schema}\" CASCADE"
            )))
            .execute(&mut admin)
            .await?;
            result
        }
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
