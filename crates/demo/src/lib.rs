#![doc = include_str!("../README.md")]

mod banks;
mod discussion;
mod draft;
mod insert;
pub mod lang;
mod live;
mod options;
mod photos;
mod plan;
mod reads;
mod render;
mod schedule;
mod seed;
mod setup;
mod shots;
mod slugs;
#[cfg(test)]
mod tests;

use std::time::Instant;

use newsdesk_media::MediaStore;
use newsdesk_store::Store;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

pub use discussion::READER_PASSWORD;
pub use live::LiveFeed;
pub use options::{DemoError, DemoOptions, DemoReport};
pub use seed::{DEMO_SEED, Seeded, add_demo, seed_if_needed};

/// Independent random streams: the pictures' light and credits do not move the articles.
/// (The photo count does: a story with a hero photo is set where its photo was taken.)
const PHOTO_STREAM: u64 = 1;
const ARTICLE_STREAM: u64 = 2;
const DISCUSSION_STREAM: u64 = 3;
const LIVE_STREAM: u64 = 4;
/// `newsdesk demo live`'s own stream ([`LiveFeed`]).
const LIVE_FEED_STREAM: u64 = 5;
/// The most read lists' day of views.
const READS_STREAM: u64 = 6;

/// Fills `store` (and `media`) with the demo newsroom described in the crate docs.
/// Neither locked nor recorded: a program that may run beside another instance, or be
/// stopped half-way, calls [`seed_if_needed`] or [`add_demo`] instead.
///
/// The same `opts.seed` and `opts.now` on an empty store produce the same content. On a
/// store that already holds the demo, editions, sections, tags, authors and entities are
/// reused and the articles and photos are added.
pub async fn generate(
    store: &Store,
    media: &MediaStore,
    opts: &DemoOptions,
) -> Result<DemoReport, DemoError> {
    let started = Instant::now();
    let room = setup::newsroom(store).await?;

    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    rng.set_stream(ARTICLE_STREAM);
    let mut plan = schedule::schedule(&mut rng, opts.articles, opts.now);
    let shots = shots::plan(&mut rng, &mut plan, opts.photos);

    let mut photo_rng = ChaCha8Rng::seed_from_u64(opts.seed);
    photo_rng.set_stream(PHOTO_STREAM);
    let pool = photos::pool(store, media, &mut photo_rng, opts, &shots).await?;

    let inserted = insert::insert(store, &room, &pool, &plan, opts).await?;

    let mut talk_rng = ChaCha8Rng::seed_from_u64(opts.seed);
    talk_rng.set_stream(DISCUSSION_STREAM);
    let talk = discussion::discussion(store, &mut talk_rng).await?;

    let mut live_rng = ChaCha8Rng::seed_from_u64(opts.seed);
    live_rng.set_stream(LIVE_STREAM);
    let live = live::fill(store, &mut live_rng, opts.now).await?;

    // A day of readers, so the most read lists are not empty.
    let mut reads_rng = ChaCha8Rng::seed_from_u64(opts.seed);
    reads_rng.set_stream(READS_STREAM);
    reads::fill(store, &mut reads_rng, opts.now).await?;

    Ok(DemoReport {
        editions: banks::newsroom::EDITIONS.len(),
        sections: room.sections.iter().map(|s| s.len()).sum(),
        tags: room.tags.iter().map(|t| t.len()).sum(),
        authors: room.writers.len(),
        entities: banks::newsroom::NOTED.len(),
        articles: inserted.articles,
        translation_groups: plan.groups,
        corrections: inserted.corrections,
        photos: pool.len(),
        readers: talk.readers,
        comments: talk.comments,
        news_items: live.news_items,
        chat_rooms: live.chat_rooms,
        chat_messages: live.chat_messages,
        elapsed: started.elapsed(),
    })
}
