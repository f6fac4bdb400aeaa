use anyhow::Context;
use newsdesk_core::Role;

use crate::config::DbConfig;

/// `newsdesk token create`: prints the token once; only its hash is stored.
pub async fn create(db: &DbConfig, name: &str, role: Role) -> anyhow::Result<()> {
    let store = super::open_store(db).await?;
    let token = newsdesk_newsroom::auth::token::new_api_token();
    let hash = newsdesk_newsroom::auth::token::hash_secret(&token);
    let created = store
        .create_api_token(name, role, &hash, None)
        .await
        .context("cannot create the token")?;
    println!("{token}");
    eprintln!(
        "token #{} \"{}\" with role {} — store it now, it will not be shown again",
        created.id, created.name, created.role
    );
    Ok(())
}
