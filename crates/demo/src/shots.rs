//! Which picture each story gets, decided for the whole plan before any image is made.
//!
//! A shot is one picture: a kind of news photo that fits a beat (a parliament, a
//! stadium), taken in a place. A story with a hero photo takes its shot's place, so the
//! caption names the city of the dateline; translations share the story and so the shot,
//! each edition storing it with a caption in its own language. The stories each front
//! page shows (the newest five and the newest of every section) get shots no other story
//! on that front page has, so a front page never shows a picture twice; the rest reuse
//! the beat's shots. The pool is as large as the front pages need, and at least
//! `DemoOptions::photos` when that is larger (spread over the beats by how many stories
//! they have).

use std::collections::{BTreeMap, BTreeSet};

use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use crate::banks::NEWS;
use crate::banks::common::PLACES;
use crate::banks::newsroom::SECTIONS;
use crate::banks::photo_text::{SHOTS, suits};
use crate::lang::Lang;
use crate::plan::beat_of;
use crate::schedule::Schedule;

/// Articles a front page shows at the top (the site's lead and four beside it).
pub const FRONT_TOP: usize = 5;
/// Share of the other stories that have a hero photo.
const HERO_SHARE: f64 = 0.85;
/// Share of stories with a second photo in the body, where the beat has another shot.
const INLINE_SHARE: f64 = 0.5;

/// A picture to make: index into `photo_text::SHOTS` and into `common::PLACES`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shot {
    pub kind: usize,
    pub place: usize,
    pub beat: (usize, usize),
}

#[derive(Debug, Default)]
pub struct ShotPlan {
    pub shots: Vec<Shot>,
    /// Every (shot, edition) a story uses: each becomes a stored photo.
    pub uses: BTreeSet<(u16, Lang)>,
}

/// What one story gets.
#[derive(Debug, Clone, Copy, Default)]
struct Pictures {
    hero: Option<u16>,
    inline: Option<u16>,
    place: Option<usize>,
}

/// Chooses every story's pictures and place and writes them into the plan's stories.
pub fn plan(rng: &mut ChaCha8Rng, schedule: &mut Schedule, photos: usize) -> ShotPlan {
    let mut shots = ShotPlan::default();
    let mut stories = vec![Pictures::default(); schedule.stories];
    let beat = |a: &crate::schedule::Planned| beat_of(usize::from(a.story.section), a.story.combo);
    if photos > 0 {
        // The front pages, newest story first: each gets a shot its front pages lack.
        let fronts = front_pages(schedule);
        let mut on_front: BTreeMap<u32, Vec<Lang>> = BTreeMap::new();
        for &(i, lang) in &fronts {
            on_front
                .entry(schedule.articles[i].story_no)
                .or_default()
                .push(lang);
        }
        let mut shown: [BTreeSet<u16>; 3] = Default::default();
        for &(i, _) in &fronts {
            let a = &schedule.articles[i];
            let no = a.story_no as usize;
            if stories[no].hero.is_some() {
                continue;
            }
            let langs = on_front.get(&a.story_no).cloned().unwrap_or_default();
            let free: Vec<u16> = of_beat(&shots.shots, beat(a))
                .filter(|s| langs.iter().all(|l| !shown[l.index()].contains(s)))
                .collect();
            let hero = match free.choose(rng) {
                Some(&s) => s,
                None => new_shot(rng, &mut shots.shots, beat(a)),
            };
            for l in langs {
                shown[l.index()].insert(hero);
            }
            stories[no].hero = Some(hero);
        }
        // Every beat the plan has gets a shot, then more up to `photos`.
        let mut counts: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for a in &schedule.articles {
            *counts.entry(beat(a)).or_default() += 1;
        }
        for &b in counts.keys() {
            if of_beat(&shots.shots, b).next().is_none() {
                new_shot(rng, &mut shots.shots, b);
            }
        }
        while shots.shots.len() < photos {
            let need = |b: &(usize, usize), n: &usize| {
                *n as f64 / (of_beat(&shots.shots, *b).count() + 1) as f64
            };
            let Some((&b, _)) = counts
                .iter()
                .max_by(|x, y| need(x.0, x.1).total_cmp(&need(y.0, y.1)))
            else {
                break;
            };
            new_shot(rng, &mut shots.shots, b);
        }
    }
    // Every story, in plan order: a hero (unless a front page already chose it), maybe a
    // second photo, and the place.
    let mut done = vec![false; schedule.stories];
    for a in &schedule.articles {
        let no = a.story_no as usize;
        if std::mem::replace(&mut done[no], true) {
            continue;
        }
        let b = beat(a);
        let own: Vec<u16> = of_beat(&shots.shots, b).collect();
        let story = &mut stories[no];
        if story.hero.is_none() && rng.random_bool(HERO_SHARE) {
            story.hero = own.choose(rng).copied();
        }
        if let Some(hero) = story.hero
            && own.len() > 1
            && rng.random_bool(INLINE_SHARE)
        {
            let others: Vec<u16> = own.iter().copied().filter(|s| *s != hero).collect();
            story.inline = others.choose(rng).copied();
        }
        story.place = Some(match story.hero {
            Some(s) => shots.shots[usize::from(s)].place,
            None => NEWS[b.0].beats[b.1]
                .places
                .choose(rng)
                .copied()
                .unwrap_or(0),
        });
    }
    for a in &mut schedule.articles {
        let story = stories[a.story_no as usize];
        a.story.hero = story.hero;
        a.story.inline = story.inline;
        a.story.place = u8::try_from(story.place.unwrap_or(0)).unwrap_or(0);
        for s in story.hero.into_iter().chain(story.inline) {
            shots.uses.insert((s, a.lang));
        }
    }
    shots
}

/// The articles each edition's front page shows, newest first: the newest few, then the
/// newest of each section not among them (as `newsdesk-site` builds it), as (article
/// index, edition).
pub fn front_pages(schedule: &Schedule) -> Vec<(usize, Lang)> {
    let mut fronts = Vec::new();
    for lang in Lang::ALL {
        let mut top = 0;
        let mut sections = [false; SECTIONS.len()];
        for (i, a) in schedule.articles.iter().enumerate().rev() {
            if a.lang != lang {
                continue;
            }
            let section = usize::from(a.story.section) % SECTIONS.len();
            if top < FRONT_TOP {
                top += 1;
                fronts.push((i, lang));
            } else if !sections[section] {
                sections[section] = true;
                fronts.push((i, lang));
            }
            if top == FRONT_TOP && sections.iter().all(|s| *s) {
                break;
            }
        }
    }
    // Newest first across editions, so the first stories choose first.
    fronts.sort_by_key(|&(i, _)| std::cmp::Reverse(i));
    fronts
}

fn of_beat(shots: &[Shot], beat: (usize, usize)) -> impl Iterator<Item = u16> + '_ {
    shots
        .iter()
        .enumerate()
        .filter(move |(_, s)| s.beat == beat)
        .filter_map(|(i, _)| u16::try_from(i).ok())
}

/// A new shot for `beat`: its kinds in turn, in a place of the beat that suits the kind,
/// preferring one none of the beat's shots has yet.
fn new_shot(rng: &mut ChaCha8Rng, shots: &mut Vec<Shot>, beat: (usize, usize)) -> u16 {
    let b = &NEWS[beat.0].beats[beat.1];
    let taken: Vec<&Shot> = shots.iter().filter(|s| s.beat == beat).collect();
    let kind = b.shots[taken.len() % b.shots.len().max(1)];
    let fits: Vec<usize> = b
        .places
        .iter()
        .copied()
        .filter(|p| suits(&SHOTS[kind], PLACES[*p].has))
        .collect();
    let fresh: Vec<usize> = fits
        .iter()
        .copied()
        .filter(|p| taken.iter().all(|s| s.place != *p))
        .collect();
    let place = fresh
        .choose(rng)
        .or_else(|| fits.choose(rng))
        .copied()
        .unwrap_or(0);
    shots.push(Shot { kind, place, beat });
    u16::try_from(shots.len() - 1).unwrap_or(u16::MAX)
}
