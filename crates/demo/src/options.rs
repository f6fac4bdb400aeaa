//! What the caller asks for and what it gets back.

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Utc};

/// How big a demo newsroom to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOptions {
    /// Articles across all editions (about half English, a quarter each Russian and Arabic).
    pub articles: usize,
    /// The same seed and the same `now` give the same newsroom, byte for byte.
    pub seed: u64,
    /// Pictures generated as real images, at least: there are always enough for every
    /// front page to show each picture once (0 makes none at all). Each is stored once
    /// per edition that uses it, with a caption in that edition's language.
    pub photos: usize,
    /// Publication times are spread over the four months before this instant, with a
    /// share in its last two days, so the site looks alive whenever it is started.
    pub now: DateTime<Utc>,
    /// The longer side of each generated photo in pixels; 1920 gives the site its full
    /// `srcset` ladder.
    pub photo_long_edge: u32,
    /// Largest number of articles per `insert_published_articles` call.
    pub batch_size: usize,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            articles: 300,
            seed: 1,
            photos: 48,
            now: Utc::now(),
            photo_long_edge: 1920,
            batch_size: 1000,
        }
    }
}

/// What was made, for the CLI to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoReport {
    pub editions: usize,
    pub sections: usize,
    pub tags: usize,
    pub authors: usize,
    pub entities: usize,
    pub articles: usize,
    /// Stories published in more than one edition.
    pub translation_groups: usize,
    pub corrections: usize,
    /// Photos stored: one per picture and edition that uses it.
    pub photos: usize,
    /// Readers and comments of the demo discussion.
    pub readers: usize,
    pub comments: usize,
    /// Short items in the newsfeeds (a day of them per edition).
    pub news_items: usize,
    /// Chat rooms given a history, and the messages in them.
    pub chat_rooms: usize,
    pub chat_messages: usize,
    pub elapsed: Duration,
}

impl fmt::Display for DemoReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "demo newsroom: {} editions, {} sections, {} tags, {} authors, {} noted entities, \
             {} photos, {} articles ({} stories in several editions, {} corrections), \
             {} readers, {} comments, {} newsfeed items, {} chat rooms with {} messages \
             in {:.1} s",
            self.editions,
            self.sections,
            self.tags,
            self.authors,
            self.entities,
            self.photos,
            self.articles,
            self.translation_groups,
            self.corrections,
            self.readers,
            self.comments,
            self.news_items,
            self.chat_rooms,
            self.chat_messages,
            self.elapsed.as_secs_f64()
        )
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("storing the demo newsroom: {0}")]
    Store(#[from] newsdesk_store::StoreError),
    #[error("making the demo photos: {0}")]
    Media(#[from] newsdesk_media::MediaError),
    #[error("a demo photo task failed: {0}")]
    Task(String),
    #[error("hashing the demo readers' password: {0}")]
    Password(String),
}
