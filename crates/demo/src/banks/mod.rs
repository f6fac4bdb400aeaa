//! Phrase banks: hand-written news language in English, Russian and Arabic.
//!
//! Every list is index-aligned across the three languages (one [`Tri`] or struct per
//! entry), so a story drawn once renders as a faithful translation in each edition; each
//! language is written as its own press writes, not word for word. Slots in braces are
//! filled by [`crate::render`]: `{pct}` and `{pct2}` (percentages), `{money}`, `{num}`
//! (thousands), `{place}` (city, nominative), `{place_loc}` (Russian "в Лондоне"),
//! `{year}`.
//!
//! A section is a handful of [`Beat`]s: kinds of story (a football match, a court
//! ruling, a space mission) with their own actors, tags, photographs and detail, so a
//! derby is tagged Football and pictured in a stadium. What fits every beat of a section
//! (background, reactions, what happens next, outside voices, figures) is kept once per
//! [`NewsBank`].

mod business;
pub mod comments;
pub mod common;
mod culture;
pub mod newsroom;
pub mod opinion;
pub mod photo_text;
mod politics;
mod science;
mod sport;
mod technology;
#[cfg(test)]
mod tests;
mod world;

use std::sync::LazyLock;

use crate::lang::{Gender, Tri, tri};

/// Who does something in a headline. English subjects are all singular institutions or
/// people, so the headline verb is always third person singular.
#[derive(Debug, Clone, Copy)]
pub struct Actor {
    /// Headline form, sentence case: "Central bank".
    pub en_head: &'static str,
    /// Running-text form: "the central bank".
    pub en: &'static str,
    /// Russian nominative.
    pub ru: &'static str,
    pub ru_gender: Gender,
    /// Arabic, definite.
    pub ar: &'static str,
    pub ar_feminine: bool,
    /// A bit naming what sort of actor this is, matched against [`Action::kinds`] so a
    /// court never "posts record sales".
    pub kind: u8,
}

impl Actor {
    pub const fn kind(mut self, kind: u8) -> Self {
        self.kind = kind;
        self
    }

    pub fn can(&self, action: &Action) -> bool {
        self.kind & action.kinds != 0
    }
}

pub const fn actor(
    en_head: &'static str,
    en: &'static str,
    ru: &'static str,
    ru_gender: Gender,
    ar: &'static str,
    ar_feminine: bool,
) -> Actor {
    Actor {
        en_head,
        en,
        ru,
        ru_gender,
        ar,
        ar_feminine,
        kind: 1,
    }
}

/// What the actor did, as a whole predicate with its object already in the right case.
#[derive(Debug, Clone, Copy)]
pub struct Action {
    /// Headline present tense: "raises key rate to {pct}%".
    pub en_head: &'static str,
    /// Running-text past tense: "raised its key interest rate to {pct}%".
    pub en: &'static str,
    /// Russian past tense, masculine, verb first: "повысил ключевую ставку до {pct}%".
    pub ru: &'static str,
    /// Arabic present, masculine, for SVO headlines: "يرفع".
    pub ar_now: &'static str,
    /// Arabic past, masculine, for VSO sentences: "رفع".
    pub ar_past: &'static str,
    /// Arabic object and complements after verb and subject.
    pub ar_rest: &'static str,
    /// The kinds of actor that can do this (a bit mask; all by default).
    pub kinds: u8,
    /// A tag this action adds to its beat's (index into `newsroom::TAGS`).
    pub tag: Option<usize>,
}

impl Action {
    pub const fn only(mut self, kinds: u8) -> Self {
        self.kinds = kinds;
        self
    }

    pub const fn tag(mut self, tag: usize) -> Self {
        self.tag = Some(tag);
        self
    }
}

pub const fn action(
    en_head: &'static str,
    en: &'static str,
    ru: &'static str,
    ar_now: &'static str,
    ar_past: &'static str,
    ar_rest: &'static str,
) -> Action {
    Action {
        en_head,
        en,
        ru,
        ar_now,
        ar_past,
        ar_rest,
        kinds: u8::MAX,
        tag: None,
    }
}

/// A bit mask over action indexes, for [`Beat::lead_fits`].
pub const fn fits(actions: &[usize]) -> u16 {
    let mut mask = 0u16;
    let mut i = 0;
    while i < actions.len() {
        mask |= 1 << actions[i];
        i += 1;
    }
    mask
}

/// What a quoted person is, written after the name ("a former ambassador").
#[derive(Debug, Clone, Copy)]
pub struct Role {
    pub en: &'static str,
    /// Russian nominative; the nouns are common-gender in press usage ("аналитик").
    pub ru: &'static str,
    pub ar_m: &'static str,
    pub ar_f: &'static str,
    /// In a beat: the kinds of actor ([`Actor::kind`]) this person speaks for.
    pub kinds: u8,
}

impl Role {
    pub const fn by(mut self, kinds: u8) -> Self {
        self.kinds = kinds;
        self
    }
}

pub const fn role(
    en: &'static str,
    ru: &'static str,
    ar_m: &'static str,
    ar_f: &'static str,
) -> Role {
    Role {
        en,
        ru,
        ar_m,
        ar_f,
        kinds: u8::MAX,
    }
}

/// Words said for a beat's actors, without closing punctuation, by the kinds of actor
/// ([`Actor::kind`]) they fit: a union leader does not speak for the carmaker.
#[derive(Debug, Clone, Copy)]
pub struct Said {
    pub text: Tri,
    pub kinds: u8,
}

impl Said {
    pub const fn by(mut self, kinds: u8) -> Self {
        self.kinds = kinds;
        self
    }
}

pub const fn said(en: &'static str, ru: &'static str, ar: &'static str) -> Said {
    Said {
        text: tri(en, ru, ar),
        kinds: u8::MAX,
    }
}

/// One kind of story within a section.
#[derive(Debug)]
pub struct Beat {
    /// The tag every story of the beat carries (index into `newsroom::TAGS`).
    pub tag: usize,
    /// Pictures that fit (indexes into `photo_text::SHOTS`).
    pub shots: &'static [usize],
    /// Where such stories happen (indexes into `common::PLACES`).
    pub places: &'static [usize],
    pub actors: &'static [Actor],
    pub actions: &'static [Action],
    /// Standfirsts: one sentence on why the story matters.
    pub leads: &'static [Tri],
    /// For each standfirst, the actions it fits (a bit per index into `actions`).
    pub lead_fits: &'static [u16],
    /// Sentences of detail that fit any story of the beat.
    pub details: &'static [Tri],
    /// What people on the actors' side say.
    pub quotes: &'static [Said],
    /// Who says it, each for the kinds of actor they speak for.
    pub roles: &'static [Role],
}

impl Beat {
    /// Standfirsts that fit action `action`.
    pub fn leads_for(&self, action: usize) -> Vec<usize> {
        (0..self.leads.len())
            .filter(|&i| {
                self.lead_fits
                    .get(i)
                    .is_some_and(|m| m & (1 << action) != 0)
            })
            .collect()
    }
}

/// How a figure's number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Tenths of a percent.
    Pct,
    /// Millions of dollars.
    Money,
    Thousands,
    Plain,
}

/// A line of a "By the numbers" box: a number (drawn from `lo..=hi` per story) and what
/// it counts. The text avoids counted nouns ("the number of…", "столько…"), so no
/// language has to agree a noun with the number.
#[derive(Debug, Clone, Copy)]
pub struct Figure {
    pub unit: Unit,
    pub lo: u32,
    pub hi: u32,
    pub text: Tri,
}

pub const fn figure(
    unit: Unit,
    lo: u32,
    hi: u32,
    en: &'static str,
    ru: &'static str,
    ar: &'static str,
) -> Figure {
    Figure {
        unit,
        lo,
        hi,
        text: tri(en, ru, ar),
    }
}

/// The language of one news section.
#[derive(Debug)]
pub struct NewsBank {
    pub beats: &'static [Beat],
    /// Background that fits any story of the section.
    pub context: &'static [Tri],
    /// Why it matters.
    pub analysis: &'static [Tri],
    pub reactions: &'static [Tri],
    /// What happens next.
    pub outlook: &'static [Tri],
    /// What outside voices (analysts, critics) say, without closing punctuation.
    pub quotes: &'static [Tri],
    pub roles: &'static [Role],
    pub figures: &'static [Figure],
}

/// The news sections in navigation order; Opinion (the eighth) has its own bank.
pub static NEWS: [&NewsBank; 7] = [
    &world::BANK,
    &politics::BANK,
    &business::BANK,
    &science::BANK,
    &technology::BANK,
    &culture::BANK,
    &sport::BANK,
];

/// Index of the Opinion section in [`newsroom::SECTIONS`].
pub const OPINION: usize = 7;

/// What a headline is made of: (beat, actor, action) in a news section, (theme, line, 0)
/// in Opinion.
pub type Combo = (u8, u8, u8);

/// Every headline each section can run, in a fixed order: the schedule hands them out so
/// that an edition does not repeat a headline while it has unused ones.
pub static COMBOS: LazyLock<[Vec<Combo>; 8]> = LazyLock::new(|| {
    let mut all: [Vec<Combo>; 8] = Default::default();
    for (section, bank) in NEWS.iter().enumerate() {
        for (b, beat) in bank.beats.iter().enumerate() {
            for (a, who) in beat.actors.iter().enumerate() {
                for (x, what) in beat.actions.iter().enumerate() {
                    if who.can(what) {
                        all[section].push((small(b), small(a), small(x)));
                    }
                }
            }
        }
    }
    for (t, theme) in opinion::THEMES.iter().enumerate() {
        for line in 0..theme.headlines.len() {
            all[OPINION].push((small(t), small(line), 0));
        }
    }
    all
});

fn small(i: usize) -> u8 {
    u8::try_from(i).unwrap_or(u8::MAX)
}
