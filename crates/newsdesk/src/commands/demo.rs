use std::time::Duration;

use anyhow::{Context, bail};
use newsdesk_demo::lang::Lang;
use newsdesk_demo::{DemoOptions, LiveFeed};

use crate::cli::{DemoArgs, DemoCommand, DemoLiveArgs, LiveEdition};
use crate::config::{DbConfig, FileConfig};

pub async fn run(args: &DemoArgs, file: &FileConfig) -> anyhow::Result<()> {
    if let Some(DemoCommand::Live(live_args)) = &args.command {
        return live(args, live_args, file).await;
    }
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

/// `newsdesk demo live`: a short item every few seconds in each chosen edition, through
/// the store, which writes each one's outbox event in the same transaction; a running
/// server reads the outbox at least every 2 s (a bus message only makes it sooner), so
/// its live streams and page cache follow without being told.
async fn live(demo: &DemoArgs, args: &DemoLiveArgs, file: &FileConfig) -> anyhow::Result<()> {
    // `newsdesk demo --data DIR live` works as well as `newsdesk demo live --data DIR`.
    let db_args = if args.db.data.is_some() || args.db.database_url.is_some() {
        &args.db
    } else {
        &demo.db
    };
    let db = DbConfig::resolve(db_args, file)?;
    let store = super::open_store(&db).await?;
    let editions: &[Lang] = match args.edition {
        LiveEdition::En => &[Lang::En],
        LiveEdition::Ru => &[Lang::Ru],
        LiveEdition::Ar => &[Lang::Ar],
        LiveEdition::All => &Lang::ALL,
    };
    let mut feed = LiveFeed::new(args.seed, editions);
    feed.keep_existing(&store)
        .await
        .context("cannot read the editions")?;
    if feed.editions().is_empty() {
        bail!("the database has no demo edition to publish in; run `newsdesk demo` first");
    }
    let codes: Vec<&str> = feed.editions().iter().map(|l| l.code()).collect();
    eprintln!(
        "publishing a short item every {} s in {}; Ctrl-C stops",
        args.every,
        codes.join(", ")
    );
    let stop = tokio::signal::ctrl_c();
    tokio::pin!(stop);
    let mut tick = tokio::time::interval(Duration::from_secs(args.every));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = &mut stop => break,
            _ = tick.tick() => match feed.publish(&store).await {
                Ok(items) => {
                    for item in items {
                        let at = item.published_at.unwrap_or(item.created_at);
                        let mark = if item.important { "!" } else { " " };
                        println!(
                            "{} {} n{:<6} {mark} {}",
                            at.format("%H:%M:%S"),
                            item.edition,
                            item.id,
                            item.headline
                        );
                    }
                }
                // A database that went away for a moment: say so and try at the next tick.
                Err(err) => eprintln!("error: {err}"),
            },
        }
    }
    eprintln!("stopped");
    Ok(())
}
