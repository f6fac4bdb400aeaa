//! Which story runs in which edition and when: the whole run is planned before anything
//! is written, oldest first, so related-article cards can point back in time.

use chrono::{DateTime, Duration, Utc};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::lang::Lang;
use crate::plan::{self, Story};

/// One article to write: a story in one edition at one time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub story: StorySeed,
    pub lang: Lang,
    pub at: DateTime<Utc>,
    /// Index of the story's translation group, when it runs in several editions.
    pub group: Option<usize>,
    /// Seeds the article's own choices (byline, photos, related cards).
    pub seed: u64,
    pub breaking: bool,
    pub important: bool,
    pub in_newsfeed: bool,
}

/// A story by its seed, drawn again for each article written of it: a million-article plan
/// then holds 16 bytes per story rather than every drawn story (about 0.6 GB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorySeed {
    section: usize,
    seed: u64,
}

impl StorySeed {
    /// The story: the same one for every article (translation) that carries this seed.
    pub fn draw(&self) -> Story {
        plan::draw(&mut ChaCha8Rng::seed_from_u64(self.seed), self.section)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Schedule {
    /// Oldest first.
    pub articles: Vec<Planned>,
    pub groups: usize,
}

/// How far back the archive reaches.
const ARCHIVE_DAYS: i64 = 120;
/// Share of articles in the last two days: the front page should look alive.
const RECENT_SHARE: f64 = 0.18;
/// Share of English stories also published in Russian and/or Arabic.
const TRANSLATED_SHARE: f64 = 0.2;
/// Section weights in `newsroom::SECTIONS` order; opinion runs less often than news.
const SECTION_WEIGHTS: [u32; 8] = [16, 15, 15, 10, 12, 10, 14, 8];

pub fn schedule(rng: &mut ChaCha8Rng, count: usize, now: DateTime<Utc>) -> Schedule {
    let mut out = Schedule::default();
    let sections: Vec<usize> = SECTION_WEIGHTS
        .iter()
        .enumerate()
        .flat_map(|(i, w)| std::iter::repeat_n(i, *w as usize))
        .collect();
    while out.articles.len() < count {
        let lang = match rng.random_range(0..100) {
            0..56 => Lang::En,
            56..78 => Lang::Ru,
            _ => Lang::Ar,
        };
        let section = sections.choose(rng).copied().unwrap_or(0);
        let story = StorySeed {
            section,
            seed: rng.next_u64(),
        };
        let at = publish_time(rng, now);
        out.articles.push(article(rng, story, lang, at, None, now));

        let room = count - out.articles.len();
        if lang != Lang::En || room == 0 || !rng.random_bool(TRANSLATED_SHARE) {
            continue;
        }
        let mut targets: Vec<Lang> = [Lang::Ru, Lang::Ar]
            .into_iter()
            .filter(|_| rng.random_bool(0.7))
            .collect();
        if targets.is_empty() {
            targets.push(if rng.random_bool(0.5) {
                Lang::Ru
            } else {
                Lang::Ar
            });
        }
        targets.truncate(room);
        let group = out.groups;
        out.groups += 1;
        if let Some(first) = out.articles.last_mut() {
            first.group = Some(group);
        }
        for target in targets {
            // Translations follow the original by an hour or several, never into the future.
            let later = at + Duration::minutes(rng.random_range(45..8 * 60));
            let at = later.min(now - Duration::minutes(1)).max(at);
            out.articles
                .push(article(rng, story, target, at, Some(group), now));
        }
    }
    // Stable: a translation published at the same instant stays after its original.
    out.articles.sort_by_key(|a| a.at);
    out
}

fn publish_time(rng: &mut ChaCha8Rng, now: DateTime<Utc>) -> DateTime<Utc> {
    let two_days = 2 * 24 * 3600;
    let seconds = if rng.random_bool(RECENT_SHARE) {
        rng.random_range(300..two_days)
    } else {
        rng.random_range(two_days..ARCHIVE_DAYS * 24 * 3600)
    };
    now - Duration::seconds(seconds)
}

fn article(
    rng: &mut ChaCha8Rng,
    story: StorySeed,
    lang: Lang,
    at: DateTime<Utc>,
    group: Option<usize>,
    now: DateTime<Utc>,
) -> Planned {
    let age = now - at;
    let breaking = (age < Duration::hours(6) && rng.random_bool(0.15))
        || (age < Duration::hours(48) && rng.random_bool(0.02));
    // Every article is in the newsfeed (as on a real site); a few recent ones are marked
    // important. One draw either way, so the rest of the plan stays what it was.
    let important = !breaking
        && rng.random_bool(if age < Duration::hours(48) {
            0.12
        } else {
            0.03
        });
    Planned {
        story,
        lang,
        at,
        group,
        seed: rng.next_u64(),
        breaking,
        important,
        in_newsfeed: true,
    }
}
