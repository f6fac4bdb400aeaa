use crate::config::DbConfig;

pub async fn run(db: &DbConfig) -> anyhow::Result<()> {
    super::open_store(db).await?;
    println!(
        "database is up to date ({})",
        super::redact(&db.database_url)
    );
    Ok(())
}
