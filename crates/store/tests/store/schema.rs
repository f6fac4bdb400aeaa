//! Invariants of the schema itself, checked on the migrated database of each backend.

use std::collections::BTreeSet;
use std::path::Path;

use sqlx::Connection;

use crate::harness::Raw;

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
