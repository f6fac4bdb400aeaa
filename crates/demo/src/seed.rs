//! Seeding the demo newsroom once, however many instances start with `--demo` at once and
//! however the last attempt ended.
//!
//! Everything happens under the store's seed lock ([`Store::seed_lock`]): a second
//! instance waits for the first, then finds the seed complete and skips it. The seed is
//! marked started before its first row and complete after its last, so a seed cut short
//! (a kill, a crash, a full disk) is found marked started by the next run, which removes
//! the articles and photos it left and makes the newsroom again.

use newsdesk_media::MediaStore;
use newsdesk_media::keys::photo_prefix;
use newsdesk_store::{SeedState, Store};

use crate::generate;
use crate::options::{DemoError, DemoOptions, DemoReport};

/// The name of the demo's seed in the store's `seeds` table and lock.
pub const DEMO_SEED: &str = "demo";

/// What [`seed_if_needed`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seeded {
    /// The database was empty: the demo newsroom was made.
    Made(DemoReport),
    /// An earlier seed had stopped half-way: what it left was removed and the newsroom
    /// made again.
    Redone(DemoReport),
    /// The demo was already complete, or the database holds a site of its own.
    Skipped,
}

/// Fills an empty database with the demo newsroom (`serve --demo`), exactly once.
///
/// Safe to call from several instances at once: one seeds while the others wait, then
/// skip. A seed an earlier process left unfinished is removed and redone, never served
/// half-built. A database that has content but no seed record (a real site, or a demo
/// from before seeds were recorded) is left alone.
pub async fn seed_if_needed(
    store: &Store,
    media: &MediaStore,
    opts: &DemoOptions,
) -> Result<Seeded, DemoError> {
    locked(store, |store| async move {
        match store.seed_state(DEMO_SEED).await? {
            Some(SeedState::Complete) => Ok(Seeded::Skipped),
            Some(SeedState::Started) => Ok(Seeded::Redone(redo(store, media, opts).await?)),
            None if store.is_empty().await? => Ok(Seeded::Made(fresh(store, media, opts).await?)),
            None => Ok(Seeded::Skipped),
        }
    })
    .await
}

/// `newsdesk demo`: adds the demo's articles and photos to whatever the database holds,
/// under the same lock and with the same record as [`seed_if_needed`], so that it never
/// runs beside a seed and an unfinished seed is finished first.
pub async fn add_demo(
    store: &Store,
    media: &MediaStore,
    opts: &DemoOptions,
) -> Result<DemoReport, DemoError> {
    locked(store, |store| async move {
        match store.seed_state(DEMO_SEED).await? {
            Some(SeedState::Started) => redo(store, media, opts).await,
            None if store.is_empty().await? => fresh(store, media, opts).await,
            _ => generate(store, media, opts).await,
        }
    })
    .await
}

async fn locked<'a, T, F, Fut>(store: &'a Store, seed: F) -> Result<T, DemoError>
where
    F: FnOnce(&'a Store) -> Fut,
    Fut: Future<Output = Result<T, DemoError>>,
{
    let lock = store.seed_lock(DEMO_SEED).await?;
    let outcome = seed(store).await;
    // On an error the lock goes with it all the same when dropped.
    lock.release().await?;
    outcome
}

async fn fresh(
    store: &Store,
    media: &MediaStore,
    opts: &DemoOptions,
) -> Result<DemoReport, DemoError> {
    tracing::info!("empty database: generating the demo newsroom");
    store.set_seed_state(DEMO_SEED, SeedState::Started).await?;
    let report = generate(store, media, opts).await?;
    store.set_seed_state(DEMO_SEED, SeedState::Complete).await?;
    Ok(report)
}

async fn redo(
    store: &Store,
    media: &MediaStore,
    opts: &DemoOptions,
) -> Result<DemoReport, DemoError> {
    tracing::warn!(
        "the demo newsroom was left half-built by an earlier start; removing what it made \
         and making it again"
    );
    for (id, key) in store.remove_unfinished_seed().await? {
        media.delete(&key).await?;
        media.delete_prefix(&photo_prefix(id)).await?;
    }
    let report = generate(store, media, opts).await?;
    store.set_seed_state(DEMO_SEED, SeedState::Complete).await?;
    Ok(report)
}
