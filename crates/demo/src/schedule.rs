//! Which story runs in which edition and when: the whole run is planned before anything
//! is written, oldest first, so related-article cards can point back in time.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore};
use rand_chacha::ChaCha8Rng;

use crate::banks::{COMBOS, Combo};
use crate::lang::Lang;
use crate::plan::{self, Story};

/// One article to write: a story in one edition at one time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub story: StorySeed,
    /// The story's number in the plan: the articles of a translation group share it.
    pub story_no: u32,
    pub lang: Lang,
    pub at: DateTime<Utc>,
    /// Index of the story's translation group, when it runs in several editions.
    pub group: Option<usize>,
    /// Seeds the article's own choices (byline, related cards, a correction).
    pub seed: u64,
    pub breaking: bool,
    pub important: bool,
    pub in_newsfeed: bool,
}

/// A story by its seed and the few choices made for the whole plan (its headline, its
/// place and pictures), drawn again for each article written of it: a million-article
/// plan then holds a few bytes per story rather than every drawn story (about 0.6 GB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorySeed {
    pub section: u8,
    /// The headline, unique in each of the story's editions while the section has unused
    /// ones (see [`Headlines`]).
    pub combo: Combo,
    /// Index into `common::PLACES`, set by [`crate::shots`].
    pub place: u8,
    /// The hero photo and the one in the body (indexes into the shot plan).
    pub hero: Option<u16>,
    pub inline: Option<u16>,
    /// A short archive piece (see [`FULL_BODIES`]).
    pub brief: bool,
    pub seed: u64,
}

impl StorySeed {
    /// The story: the same one for every article (translation) that carries this seed.
    pub fn draw(&self) -> Story {
        plan::draw(
            self.seed,
            usize::from(self.section),
            self.combo,
            usize::from(self.place),
            self.inline.is_some(),
            self.brief,
        )
    }
}

#[derive(Debug, Clone, Default)]
pub struct Schedule {
    /// Oldest first.
    pub articles: Vec<Planned>,
    pub groups: usize,
    pub stories: usize,
}

/// Articles that get full-length bodies (350–900 words): the newest, which the site shows
/// most. Older stories of a larger run are briefs of a hundred-odd words, as the demo's
/// articles all were before: the store writes every body twice (the article and its first
/// revision), so full bodies throughout would make a million-article run take about twice
/// as long and its database four times the size.
pub const FULL_BODIES: usize = 20_000;

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
    let mut headlines = Headlines::default();
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
        let seed = rng.next_u64();
        let at = publish_time(rng, now);
        let room = count - out.articles.len() - 1;
        let mut langs = vec![lang];
        if lang == Lang::En && room > 0 && rng.random_bool(TRANSLATED_SHARE) {
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
            langs.extend(targets);
        }
        let story = StorySeed {
            section: u8::try_from(section).unwrap_or(0),
            combo: headlines.pick(rng, section, &langs),
            place: 0,
            hero: None,
            inline: None,
            brief: false,
            seed,
        };
        let story_no = u32::try_from(out.stories).unwrap_or(u32::MAX);
        out.stories += 1;
        let group = (langs.len() > 1).then_some(out.groups);
        out.groups += usize::from(group.is_some());
        out.articles
            .push(article(rng, story, story_no, lang, at, group, now));
        for &target in &langs[1..] {
            // Translations follow the original by an hour or several, never into the future.
            let later = at + Duration::minutes(rng.random_range(45..8 * 60));
            let at = later.min(now - Duration::minutes(1)).max(at);
            out.articles
                .push(article(rng, story, story_no, target, at, group, now));
        }
    }
    // Stable: a translation published at the same instant stays after its original.
    out.articles.sort_by_key(|a| a.at);
    // Beyond the newest articles, stories are briefs.
    let mut newest = vec![usize::MAX; out.stories];
    for (i, a) in out.articles.iter().enumerate() {
        newest[a.story_no as usize] = i;
    }
    let archive = out.articles.len().saturating_sub(FULL_BODIES);
    for a in &mut out.articles {
        a.story.brief = newest[a.story_no as usize] < archive;
    }
    out
}

/// The headlines each edition has run, so a story gets one its editions have not while
/// the section has any left (a million-article run exhausts them, and repeats).
#[derive(Default)]
struct Headlines {
    used: [HashSet<(usize, Combo)>; 3],
    counts: [[usize; 8]; 3],
}

impl Headlines {
    fn pick(&mut self, rng: &mut ChaCha8Rng, section: usize, langs: &[Lang]) -> Combo {
        let all = &COMBOS[section % COMBOS.len()];
        let Some(&drawn) = all.choose(rng) else {
            return (0, 0, 0);
        };
        let fresh_in = |used: &[HashSet<(usize, Combo)>; 3], c: Combo, langs: &[Lang]| {
            langs
                .iter()
                .all(|l| !used[l.index()].contains(&(section, c)))
        };
        let first = langs.first().copied().unwrap_or(Lang::En);
        let combo = if fresh_in(&self.used, drawn, langs)
            || self.counts[first.index()][section % 8] >= all.len()
        {
            drawn
        } else {
            // Free in every edition the story runs in, or else in its own.
            let everywhere: Vec<Combo> = all
                .iter()
                .copied()
                .filter(|c| fresh_in(&self.used, *c, langs))
                .collect();
            let own: Vec<Combo> = all
                .iter()
                .copied()
                .filter(|c| fresh_in(&self.used, *c, &[first]))
                .collect();
            everywhere
                .choose(rng)
                .or_else(|| own.choose(rng))
                .copied()
                .unwrap_or(drawn)
        };
        for l in langs {
            if self.used[l.index()].insert((section, combo)) {
                self.counts[l.index()][section % 8] += 1;
            }
        }
        combo
    }
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
    story_no: u32,
    lang: Lang,
    at: DateTime<Utc>,
    group: Option<usize>,
    now: DateTime<Utc>,
) -> Planned {
    let age = now - at;
    // A column argues; it is never news breaking. The draws are made all the same, so
    // the rest of the plan does not move.
    let drawn = (age < Duration::hours(6) && rng.random_bool(0.15))
        || (age < Duration::hours(48) && rng.random_bool(0.02));
    let breaking = drawn && usize::from(story.section) != crate::banks::OPINION;
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
        story_no,
        lang,
        at,
        group,
        seed: rng.next_u64(),
        breaking,
        important,
        in_newsfeed: true,
    }
}
