//! Times the demo generator on a fresh SQLite store:
//! `cargo run --release -p newsdesk-demo --example bench -- ARTICLES [PHOTOS] [DIR]`.
//! Without DIR the store lives in a temporary folder that is removed afterwards.

use std::time::Instant;

use newsdesk_demo::{DemoOptions, generate};
use newsdesk_media::MediaStore;
use newsdesk_store::Store;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let articles: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(1000);
    let photos: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(48);
    let temp = tempfile::tempdir()?;
    let dir = args
        .next()
        .map_or_else(|| temp.path().to_owned(), std::path::PathBuf::from);
    std::fs::create_dir_all(&dir)?;
    let store = Store::open_sqlite(&dir.join("newsdesk.db")).await?;
    store.migrate().await?;
    let media = MediaStore::local(&dir.join("media"))?;
    let started = Instant::now();
    let report = generate(
        &store,
        &media,
        &DemoOptions {
            articles,
            photos,
            ..DemoOptions::default()
        },
    )
    .await?;
    println!("{report}");
    let db = std::fs::metadata(dir.join("newsdesk.db"))?.len();
    println!(
        "wall {:.1} s, database {} MB",
        started.elapsed().as_secs_f64(),
        db / 1_000_000
    );
    Ok(())
}
