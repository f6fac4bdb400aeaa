//! The live parts of the demo: a day of short items in every edition's newsfeed, chats
//! with a history under the newest articles and an editors' live-event room, and
//! [`LiveFeed`], which keeps the newsfeeds moving (`newsdesk demo live`).

mod bank;
mod chats;
mod newsfeed;
mod talk;
mod wire_ar;
mod wire_en;
mod wire_ru;

use chrono::{DateTime, Utc};
use newsdesk_core::NewsItem;
use newsdesk_store::Store;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::banks::common::PLACES;
use crate::lang::Lang;
use crate::options::DemoError;
use bank::Pick;

/// What [`fill`] wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Filled {
    pub news_items: usize,
    pub chat_rooms: usize,
    pub chat_messages: usize,
}

/// Fills every edition's newsfeed with the day before `now` and the chats of the newest
/// articles. Run after the articles and the readers exist.
pub async fn fill(
    store: &Store,
    rng: &mut ChaCha8Rng,
    now: DateTime<Utc>,
) -> Result<Filled, DemoError> {
    let mut filled = Filled::default();
    for lang in Lang::ALL {
        filled.news_items += newsfeed::fill_day(store, rng, lang, now).await?;
    }
    let talk = chats::chats(store, rng).await?;
    filled.chat_rooms = talk.rooms;
    filled.chat_messages = talk.messages;
    Ok(filled)
}

/// Publishes short items from the demo's bank, one per edition a call: each edition goes
/// through its whole bank (city lines in a city drawn each time) in a shuffled order
/// before it starts again. About one item in ten is marked important.
#[derive(Debug)]
pub struct LiveFeed {
    rng: ChaCha8Rng,
    editions: Vec<Lang>,
    decks: Vec<Vec<Pick>>,
}

impl LiveFeed {
    /// Publishes in `editions` (in that order); the same seed gives the same items.
    pub fn new(seed: u64, editions: &[Lang]) -> LiveFeed {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(crate::LIVE_FEED_STREAM);
        LiveFeed {
            rng,
            editions: editions.to_vec(),
            decks: vec![Vec::new(); editions.len()],
        }
    }

    pub fn editions(&self) -> &[Lang] {
        &self.editions
    }

    /// Keeps only the editions the store has (the demo may not have been made).
    pub async fn keep_existing(&mut self, store: &Store) -> Result<(), DemoError> {
        let existing = store.list_editions().await?;
        self.editions
            .retain(|lang| existing.iter().any(|e| e.code == lang.code()));
        self.decks = vec![Vec::new(); self.editions.len()];
        Ok(())
    }

    /// The next item's draft for the edition at `index` in [`LiveFeed::editions`].
    pub fn next_draft(&mut self, index: usize) -> Option<newsdesk_core::NewsItemDraft> {
        let lang = *self.editions.get(index)?;
        let deck = self.decks.get_mut(index)?;
        if deck.is_empty() {
            deck.extend((0..bank::items(lang).len()).map(Pick::Item));
            deck.extend((0..bank::city(lang).len()).map(|i| Pick::City(i, 0)));
            deck.shuffle(&mut self.rng);
        }
        let mut pick = deck.pop()?;
        if let Pick::City(line, _) = pick {
            pick = Pick::City(line, self.rng.random_range(0..PLACES.len()));
        }
        let important = self.rng.random_bool(newsfeed::IMPORTANT_SHARE);
        bank::draft(lang, pick, important)
    }

    /// Publishes the next item in every edition, now; returns them as stored.
    pub async fn publish(&mut self, store: &Store) -> Result<Vec<NewsItem>, DemoError> {
        let mut out = Vec::with_capacity(self.editions.len());
        for index in 0..self.editions.len() {
            if let Some(draft) = self.next_draft(index) {
                let (item, _) = store.create_news_item(&draft, true, None).await?;
                out.push(item);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn the_live_feed_goes_through_the_whole_bank_before_repeating() {
        let mut feed = LiveFeed::new(7, &Lang::ALL);
        for (index, lang) in Lang::ALL.into_iter().enumerate() {
            let size = bank::items(lang).len() + bank::city(lang).len();
            let mut heads = HashSet::new();
            let mut important = 0;
            for _ in 0..size {
                let d = feed.next_draft(index).unwrap();
                assert_eq!(d.edition, lang.code());
                assert!(!d.breaking);
                important += usize::from(d.important);
                heads.insert(d.headline);
            }
            assert_eq!(
                heads.len(),
                size,
                "{lang:?}: a line came twice in one round"
            );
            assert!(important > 0 && important < size / 3);
        }
        let again = LiveFeed::new(7, &Lang::ALL).next_draft(0).unwrap();
        assert_eq!(
            again.headline,
            LiveFeed::new(7, &Lang::ALL).next_draft(0).unwrap().headline
        );
    }
}
