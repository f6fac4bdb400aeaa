use anyhow::Context;
use newsdesk_app::actions::tokens;
use newsdesk_core::Role;

use crate::config::DbConfig;

/// `newsdesk token create`: prints the token once; only its hash is stored. With
/// `for_account` (`--for EMAIL`) the token belongs to that staff account and acts with its
/// role and ownership (see [`tokens::issue_for`]); without it, it belongs to no account
/// and `role` is required (clap enforces that).
pub async fn create(
    db: &DbConfig,
    name: &str,
    role: Option<Role>,
    for_account: Option<&str>,
) -> anyhow::Result<()> {
    let store = super::open_store(db).await?;
    let result = match (for_account, role) {
        (Some(email), role) => tokens::issue_for(&store, name, role, email).await,
        (None, Some(role)) => tokens::issue(&store, name, role, None).await,
        (None, None) => anyhow::bail!("--role is required without --for"),
    };
    let created = match result {
        Ok(created) => created,
        // The operator reads the reason as such ("the account … is disabled"), not a
        // field name and a debug dump.
        Err(newsdesk_app::Error::Invalid(v)) => {
            let reasons: Vec<String> = v.errors.into_iter().map(|e| e.message).collect();
            anyhow::bail!("cannot create the token: {}", reasons.join("; "));
        }
        Err(err) => return Err(err).context("cannot create the token"),
    };
    println!("{}", created.secret);
    match (for_account, created.token.created_by) {
        (Some(email), Some(_)) => eprintln!(
            "token #{} \"{}\" for {} with role {} — store it now, it will not be shown again",
            created.token.id,
            created.token.name,
            email.trim().to_lowercase(),
            created.token.role
        ),
        _ => eprintln!(
            "token #{} \"{}\" with role {} — store it now, it will not be shown again",
            created.token.id, created.token.name, created.token.role
        ),
    }
    Ok(())
}
