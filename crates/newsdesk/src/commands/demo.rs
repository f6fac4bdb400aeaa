use anyhow::Context;
use newsdesk_demo::DemoOptions;

use crate::cli::DemoArgs;
use crate::config::{DbConfig, FileConfig};

pub async fn run(args: &DemoArgs, file: &FileConfig) -> anyhow::Result<()> {
    let db = DbConfig::resolve(&args.db, file)?;
    let store = super::open_store(&db).await?;
    let media = super::serve::media_store(&db)?;
    let opts = DemoOptions {
        articles: args.articles,
        seed: args.seed,
        ..DemoOptions::default()
    };
    let report = newsdesk_demo::add_demo(&store, &media, &opts)
        .await
        .context("demo generation failed")?;
    println!("{report}");
    Ok(())
}
