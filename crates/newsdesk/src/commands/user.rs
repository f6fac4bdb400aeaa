use std::io::Read;

use anyhow::{Context, bail};
use newsdesk_core::Role;
use newsdesk_core::account::{normalize_email, validate_password};

use crate::config::DbConfig;

/// `newsdesk user add`: the password comes from standard input so it never appears in
/// the shell history or the process list.
pub async fn add(db: &DbConfig, email: &str, name: &str, role: Role) -> anyhow::Result<()> {
    let email = normalize_email(email)?;
    let mut input = String::new();
    std::io::stdin()
        .take(4096)
        .read_to_string(&mut input)
        .context("cannot read the password from standard input")?;
    let password = input.lines().next().unwrap_or("").to_owned();
    validate_password(&password)?;
    if name.trim().is_empty() {
        bail!("name: must not be empty");
    }
    let hash = newsdesk_newsroom::auth::password::hash_password(&password)
        .await
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
    let store = super::open_store(db).await?;
    let account = store
        .create_account(&email, name.trim(), role, &hash)
        .await
        .context("cannot create the account")?;
    println!(
        "created {} <{}> as {}",
        account.name, account.email, account.role
    );
    Ok(())
}
