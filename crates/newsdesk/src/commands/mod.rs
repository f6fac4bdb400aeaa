//! One module per subcommand.

mod demo;
mod mail;
mod migrate;
mod serve;
mod token;
mod user;

use anyhow::Context;
use newsdesk_store::Store;

use crate::cli::{Cli, Command, MailCommand, TokenCommand, UserCommand};
use crate::config::{DbConfig, FileConfig, check_environment};

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    check_environment(std::env::vars().map(|(k, _)| k))?;
    let file = FileConfig::load(cli.config.as_deref())?;
    match cli.command {
        Command::Serve(args) => serve::run(&args, &file).await,
        Command::Migrate(args) => migrate::run(&DbConfig::resolve(&args, &file)?).await,
        Command::Demo(args) => demo::run(&args, &file).await,
        Command::User(UserCommand::Add {
            db,
            email,
            name,
            role,
        }) => user::add(&DbConfig::resolve(&db, &file)?, &email, &name, role.into()).await,
        Command::Token(TokenCommand::Create {
            db,
            name,
            role,
            for_account,
        }) => {
            token::create(
                &DbConfig::resolve(&db, &file)?,
                &name,
                role.map(Into::into),
                for_account.as_deref(),
            )
            .await
        }
        Command::Mail(MailCommand::Ingest { db }) => {
            mail::ingest(&DbConfig::resolve(&db, &file)?).await
        }
    }
}

/// Opens the database and brings its schema up to date.
pub async fn open_store(db: &DbConfig) -> anyhow::Result<Store> {
    let store = Store::connect(&db.database_url)
        .await
        .with_context(|| format!("cannot open database {}", redact(&db.database_url)))?;
    store.migrate().await.context("database migration failed")?;
    Ok(store)
}

/// Credentials in a URL (password, token) hidden, for logs and error messages. The bus
/// crate's helper, so every URL is redacted the same way.
pub use newsdesk_bus::config::redact_url as redact;
