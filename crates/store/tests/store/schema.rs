//! Invariants of the schema itself, checked on the migrated database of each backend.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use sqlx::Connection;

use crate::harness::{PgSchema, Raw};

/// Tables whose foreign key to `articles` deliberately does not cascade. None today; a new
/// entry needs a comment in its migration saying why.
const NOT_CASCADING: &[&str] = &[];

store_test!(every_foreign_key_to_articles_cascades, |store, raw| {
    let _ = &store;
    let rows: Vec<(String, String)> = match raw {
        Raw::Sqlite(path) => {
            let mut conn =
                sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display())).await?;
            sqlx::query_as(
                "SELECT m.name, p.on_delete FROM sqlite_master m \
                 JOIN pragma_foreign_key_list(m.name) p WHERE m.type = 'table' \
                 AND p.\"table\" = 'articles'",
            )
            .fetch_all(&mut conn)
            .await?
        }
        Raw::Pg(options) => {
            let mut conn = sqlx::PgConnection::connect_with(&*options).await?;
            sqlx::query_as(
                "SELECT conrelid::regclass::text, \
                 CASE confdeltype WHEN 'c' THEN 'CASCADE' ELSE confdeltype::text END \
                 FROM pg_constraint WHERE contype = 'f' AND confrelid = 'articles'::regclass",
            )
            .fetch_all(&mut conn)
            .await?
        }
    };
    let tables: BTreeSet<&str> = rows.iter().map(|(t, _)| t.as_str()).collect();
    for expected in [
        "article_tags",
        "article_authors",
        "article_old_slugs",
        "revisions",
        "corrections",
        "article_refs",
    ] {
        assert!(
            tables.contains(expected),
            "{expected} should reference articles: {rows:?}"
        );
    }
    for (table, on_delete) in &rows {
        assert!(
            on_delete == "CASCADE" || NOT_CASCADING.contains(&table.as_str()),
            "{table} references articles with ON DELETE {on_delete}"
        );
    }
    Ok(())
});

#[test]
fn both_backends_have_the_same_migration_versions() -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let names = |dir: &str| -> anyhow::Result<Vec<String>> {
        let mut names: Vec<String> = std::fs::read_dir(root.join(dir))?
            .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect::<Result<_, _>>()?;
        names.sort();
        Ok(names)
    };
    let sqlite = names("sqlite")?;
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, names("postgres")?);
    Ok(())
}

/// What the parity test compares. Column types are left out: they differ by dialect on
/// purpose (TEXT times, INTEGER booleans); names, nullability and keys must not.
#[derive(Debug, Default)]
struct Shape {
    tables: BTreeSet<String>,
    /// `table.column`, with ` NOT NULL` when it is.
    columns: BTreeSet<String>,
    /// `table: index` for indexes a migration creates by name (not those behind keys).
    indexes: BTreeSet<String>,
    /// `table PRIMARY KEY (a, b)` or `table UNIQUE (a)`; SQLite forgets constraint names.
    keys: BTreeSet<String>,
    /// `table (a) REFERENCES other (b) ON DELETE … ON UPDATE …`.
    foreign_keys: BTreeSet<String>,
}

/// One column pair of a foreign key, as both catalogs are asked for it.
#[derive(sqlx::FromRow)]
struct FkColumn {
    table: String,
    /// The constraint's name (PostgreSQL) or number (SQLite): groups a key's columns.
    key: String,
    position: i64,
    column: String,
    other: String,
    other_column: String,
    on_delete: String,
    on_update: String,
}

impl Shape {
    fn column(&mut self, table: &str, column: &str, not_null: bool) {
        self.tables.insert(table.to_owned());
        let null = if not_null { " NOT NULL" } else { "" };
        self.columns.insert(format!("{table}.{column}{null}"));
    }

    /// Adds keys from (table, kind, constraint, position, column) rows.
    fn keys<'a>(
        &mut self,
        rows: impl IntoIterator<Item = (&'a str, &'a str, &'a str, i64, &'a str)>,
    ) {
        let mut keys: BTreeMap<(&str, &str, &str), BTreeMap<i64, &str>> = BTreeMap::new();
        for (table, kind, name, position, column) in rows {
            keys.entry((table, kind, name))
                .or_default()
                .insert(position, column);
        }
        for ((table, kind, _), columns) in keys {
            let columns: Vec<&str> = columns.into_values().collect();
            self.keys
                .insert(format!("{table} {kind} ({})", columns.join(", ")));
        }
    }

    fn foreign_keys(&mut self, rows: &[FkColumn]) {
        let mut keys: BTreeMap<(&str, &str), Vec<&FkColumn>> = BTreeMap::new();
        for row in rows {
            keys.entry((&row.table, &row.key)).or_default().push(row);
        }
        for mut pairs in keys.into_values() {
            pairs.sort_by_key(|p| p.position);
            let from: Vec<&str> = pairs.iter().map(|p| p.column.as_str()).collect();
            let to: Vec<&str> = pairs.iter().map(|p| p.other_column.as_str()).collect();
            let first = pairs[0];
            self.foreign_keys.insert(format!(
                "{} ({}) REFERENCES {} ({}) ON DELETE {} ON UPDATE {}",
                first.table,
                from.join(", "),
                first.other,
                to.join(", "),
                first.on_delete,
                first.on_update
            ));
        }
    }

    /// The differences, one line each; empty when both have the same shape.
    fn differences(&self, pg: &Shape) -> Vec<String> {
        let mut out = Vec::new();
        for (what, a, b) in [
            ("table", &self.tables, &pg.tables),
            ("column", &self.columns, &pg.columns),
            ("index", &self.indexes, &pg.indexes),
            ("key", &self.keys, &pg.keys),
            ("foreign key", &self.foreign_keys, &pg.foreign_keys),
        ] {
            out.extend(
                a.difference(b)
                    .map(|x| format!("{what} only in SQLite: {x}")),
            );
            out.extend(
                b.difference(a)
                    .map(|x| format!("{what} only in PostgreSQL: {x}")),
            );
        }
        out
    }
}

async fn sqlite_shape(raw: &Raw) -> anyhow::Result<Shape> {
    let Raw::Sqlite(path) = raw else {
        anyhow::bail!("not a SQLite database");
    };
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display())).await?;
    let mut shape = Shape::default();
    // Internal tables (sqlite_sequence) and the migration ledger are not the schema.
    const TABLES: &str = "m.type = 'table' AND m.name NOT LIKE 'sqlite%' \
                          AND m.name <> '_sqlx_migrations'";
    let columns: Vec<(String, String, bool, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT m.name, p.name, p.\"notnull\", p.pk FROM sqlite_master m \
         JOIN pragma_table_info(m.name) p WHERE {TABLES}"
    )))
    .fetch_all(&mut conn)
    .await?;
    for (table, column, not_null, pk) in &columns {
        // PostgreSQL makes key columns NOT NULL; SQLite only says so when declared.
        shape.column(table, column, *not_null || *pk > 0);
    }
    shape.keys(
        columns
            .iter()
            .filter(|c| c.3 > 0)
            .map(|(t, c, _, pk)| (t.as_str(), "PRIMARY KEY", "", *pk, c.as_str())),
    );
    // Named indexes only: sqlite_autoindex_* back keys, compared as keys.
    let indexes: Vec<(String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT m.name, i.name FROM sqlite_master m JOIN sqlite_master i \
         ON i.type = 'index' AND i.tbl_name = m.name AND i.sql IS NOT NULL WHERE {TABLES}"
    )))
    .fetch_all(&mut conn)
    .await?;
    shape
        .indexes
        .extend(indexes.iter().map(|(t, i)| format!("{t}: {i}")));
    let uniques: Vec<(String, String, i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT m.name, l.name, i.seqno, i.name FROM sqlite_master m \
         JOIN pragma_index_list(m.name) l JOIN pragma_index_info(l.name) i \
         WHERE {TABLES} AND l.origin = 'u'"
    )))
    .fetch_all(&mut conn)
    .await?;
    shape.keys(
        uniques
            .iter()
            .map(|(t, name, seq, c)| (t.as_str(), "UNIQUE", name.as_str(), *seq, c.as_str())),
    );
    // Every migration names the referenced columns, so `to` is never NULL.
    let fks: Vec<FkColumn> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT m.name AS \"table\", CAST(f.id AS TEXT) AS key, f.seq AS position, \
         f.\"from\" AS \"column\", f.\"table\" AS other, f.\"to\" AS other_column, \
         f.on_delete, f.on_update \
         FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE {TABLES}"
    )))
    .fetch_all(&mut conn)
    .await?;
    shape.foreign_keys(&fks);
    Ok(shape)
}

async fn pg_shape(raw: &Raw) -> anyhow::Result<Shape> {
    let Raw::Pg(options) = raw else {
        anyhow::bail!("not a PostgreSQL database");
    };
    let mut conn = sqlx::PgConnection::connect_with(options).await?;
    let mut shape = Shape::default();
    let columns: Vec<(String, String, bool)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, is_nullable = 'NO' \
         FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut conn)
    .await?;
    for (table, column, not_null) in &columns {
        shape.column(table, column, *not_null);
    }
    // Indexes that back a primary key or unique constraint are compared as keys.
    let indexes: Vec<(String, String)> = sqlx::query_as(
        "SELECT t.relname::text, i.relname::text FROM pg_index x \
         JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid \
         JOIN pg_namespace n ON n.oid = t.relnamespace \
         WHERE n.nspname = current_schema() AND t.relname <> '_sqlx_migrations' \
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c \
                         WHERE c.conindid = x.indexrelid AND c.contype IN ('p', 'u'))",
    )
    .fetch_all(&mut conn)
    .await?;
    shape
        .indexes
        .extend(indexes.iter().map(|(t, i)| format!("{t}: {i}")));
    let keys: Vec<(String, String, String, i64, String)> = sqlx::query_as(
        "SELECT t.relname::text, \
         CASE c.contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END, \
         c.conname::text, k.ord, a.attname::text \
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid \
         JOIN pg_namespace n ON n.oid = t.relnamespace \
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord) \
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum \
         WHERE n.nspname = current_schema() AND c.contype IN ('p', 'u') \
         AND t.relname <> '_sqlx_migrations'",
    )
    .fetch_all(&mut conn)
    .await?;
    shape.keys(keys.iter().map(|(t, kind, name, ord, c)| {
        (t.as_str(), kind.as_str(), name.as_str(), *ord, c.as_str())
    }));
    let fks: Vec<FkColumn> = sqlx::query_as(
        "SELECT t.relname::text AS table, c.conname::text AS key, k.ord AS position, \
         a.attname::text AS column, r.relname::text AS other, ra.attname::text AS other_column, \
         CASE c.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' \
              WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' ELSE 'SET DEFAULT' END \
              AS on_delete, \
         CASE c.confupdtype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' \
              WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' ELSE 'SET DEFAULT' END \
              AS on_update \
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid \
         JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_class r ON r.oid = c.confrelid \
         CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(attnum, refnum, ord) \
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum \
         JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = k.refnum \
         WHERE n.nspname = current_schema() AND c.contype = 'f'",
    )
    .fetch_all(&mut conn)
    .await?;
    shape.foreign_keys(&fks);
    Ok(shape)
}

/// Both migration folders build the same tables, columns, indexes and keys (primary,
/// unique and foreign, with their ON DELETE / ON UPDATE). Runs both
/// backends in one test so it can compare them (the PostgreSQL half follows the harness:
/// skipped without a server, required under CI=true).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_migration_folders_build_the_same_schema() -> anyhow::Result<()> {
    let (_dir, sqlite, raw) = crate::harness::sqlite_db().await?;
    sqlite.close().await;
    let lite = sqlite_shape(&raw).await?;
    assert!(lite.tables.contains("articles") && lite.indexes.contains("jobs: jobs_ready"));
    assert!(
        lite.keys.contains("articles UNIQUE (edition, slug)"),
        "{:?}",
        lite.keys
    );
    assert!(
        lite.foreign_keys.contains(
            "revisions (article_id) REFERENCES articles (id) ON DELETE CASCADE ON UPDATE NO ACTION"
        ),
        "{:?}",
        lite.foreign_keys
    );

    let Some(schema) = PgSchema::create("parity").await? else {
        eprintln!("migration parity: PostgreSQL half skipped (no test server configured)");
        return Ok(());
    };
    let result = async {
        let pg = schema.store().await?;
        pg.close().await;
        pg_shape(&schema.raw()).await
    }
    .await;
    schema.drop().await?;
    let differences = lite.differences(&result?);
    for line in &differences {
        eprintln!("migration parity: {line}");
    }
    assert!(
        differences.is_empty(),
        "the SQLite and PostgreSQL migrations differ:\n{}",
        differences.join("\n")
    );
    Ok(())
}
