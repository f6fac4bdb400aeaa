//! Phrase banks: hand-written news language in English, Russian and Arabic.
//!
//! Every list is index-aligned across the three languages (one [`Tri`] or struct per
//! entry), so a story drawn once renders as a faithful translation in each edition. Slots
//! in braces are filled by [`crate::render`]: `{pct}`, `{money}`, `{num}` (thousands),
//! `{place}` (city, nominative), `{place_loc}` (Russian "в Лондоне"), `{year}`.

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
mod world;

use crate::lang::{Gender, Tri};

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
}

impl Action {
    pub const fn only(mut self, kinds: u8) -> Self {
        self.kinds = kinds;
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
    }
}

/// A bit mask over action indexes, for [`NewsBank::lead_fits`].
pub const fn fits(actions: &[usize]) -> u16 {
    let mut mask = 0u16;
    let mut i = 0;
    while i < actions.len() {
        mask |= 1 << actions[i];
        i += 1;
    }
    mask
}

impl NewsBank {
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

/// What a quoted person is, written after the name ("a former ambassador").
#[derive(Debug, Clone, Copy)]
pub struct Role {
    pub en: &'static str,
    /// Russian nominative; the nouns are common-gender in press usage ("аналитик").
    pub ru: &'static str,
    pub ar_m: &'static str,
    pub ar_f: &'static str,
}

pub const fn role(
    en: &'static str,
    ru: &'static str,
    ar_m: &'static str,
    ar_f: &'static str,
) -> Role {
    Role { en, ru, ar_m, ar_f }
}

/// The language of one news section.
#[derive(Debug)]
pub struct NewsBank {
    pub actors: &'static [Actor],
    pub actions: &'static [Action],
    /// Standfirsts: one sentence on why the story matters.
    pub leads: &'static [Tri],
    /// For each standfirst, the actions it fits (a bit per index into `actions`).
    pub lead_fits: &'static [u16],
    /// Background sentences.
    pub context: &'static [Tri],
    /// Quotations without closing punctuation.
    pub quotes: &'static [Tri],
    pub reactions: &'static [Tri],
    pub roles: &'static [Role],
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ru_past_is_regular;

    #[test]
    fn every_bank_inflects_and_has_enough_variety() {
        for bank in NEWS {
            assert!(bank.actors.len() >= 5 && bank.actions.len() >= 6);
            assert!(!bank.leads.is_empty() && bank.context.len() >= 4);
            assert!(bank.quotes.len() >= 4 && !bank.reactions.is_empty());
            assert!(bank.roles.len() >= 3);
            for who in bank.actors {
                let n = bank.actions.iter().filter(|a| who.can(a)).count();
                assert!(n >= 2, "{} has only {n} actions", who.en);
            }
            assert_eq!(bank.leads.len(), bank.lead_fits.len());
            assert!(bank.actions.len() <= 16);
            for (i, a) in bank.actions.iter().enumerate() {
                assert!(!bank.leads_for(i).is_empty(), "no standfirst for {}", a.en);
                assert!(bank.actors.iter().any(|who| who.can(a)), "nobody {}", a.en);
                assert!(ru_past_is_regular(a.ru), "irregular Russian verb: {}", a.ru);
                assert!(a.ar_now.starts_with('ي'), "Arabic present: {}", a.ar_now);
                assert!(!a.ar_past.contains(' '), "one Arabic verb: {}", a.ar_past);
            }
        }
    }

    #[test]
    fn slots_are_spelled_right() {
        let known = [
            "{pct}",
            "{money}",
            "{num}",
            "{place}",
            "{place_loc}",
            "{year}",
        ];
        let mut texts: Vec<&str> = Vec::new();
        for bank in NEWS {
            for a in bank.actions {
                texts.extend([a.en_head, a.en, a.ru, a.ar_rest]);
            }
            for t in bank
                .leads
                .iter()
                .chain(bank.context)
                .chain(bank.quotes)
                .chain(bank.reactions)
            {
                texts.extend([t.en, t.ru, t.ar]);
            }
        }
        for text in texts {
            let mut rest = text;
            while let Some(start) = rest.find('{') {
                let end = rest[start..].find('}').map(|e| start + e + 1);
                let slot = end.map(|e| &rest[start..e]).unwrap_or(rest);
                assert!(known.contains(&slot), "unknown slot {slot} in {text}");
                rest = &rest[end.unwrap_or(rest.len())..];
            }
        }
    }
}
