//! Every bank entry held to the rules the templates rely on.

use std::collections::HashSet;

use super::common::{PLACES, SUBHEADS};
use super::newsroom::TAGS;
use super::opinion::{RHETORIC, THEMES};
use super::photo_text::{ALT, SHOTS, suits};
use super::*;
use crate::lang::ru_past_is_regular;

#[test]
fn every_beat_inflects_and_has_enough_variety() {
    for (s, bank) in NEWS.iter().enumerate() {
        assert!(
            bank.context.len() >= 7 && bank.analysis.len() >= 5,
            "section {s}"
        );
        assert!(
            bank.reactions.len() >= 5 && bank.outlook.len() >= 5,
            "section {s}"
        );
        assert!(
            bank.quotes.len() >= 4 && bank.roles.len() >= 3,
            "section {s}"
        );
        assert!(bank.figures.len() >= 4, "section {s}");
        for beat in bank.beats {
            let name = beat.actors[0].en;
            assert!(beat.actors.len() >= 3 && beat.actions.len() >= 6, "{name}");
            assert!(beat.details.len() >= 5 && beat.quotes.len() >= 3, "{name}");
            assert!(beat.tag < TAGS.len() && !beat.places.is_empty(), "{name}");
            assert_eq!(beat.leads.len(), beat.lead_fits.len(), "{name}");
            assert!(beat.actions.len() <= 16, "{name}");
            for who in beat.actors {
                let n = beat.actions.iter().filter(|a| who.can(a)).count();
                assert!(n >= 1, "{} has no action", who.en);
                assert!(
                    beat.roles.iter().any(|r| r.kinds & who.kind != 0),
                    "{}",
                    who.en
                );
                assert!(
                    beat.quotes.iter().any(|q| q.kinds & who.kind != 0),
                    "{}",
                    who.en
                );
            }
            for (i, a) in beat.actions.iter().enumerate() {
                assert!(!beat.leads_for(i).is_empty(), "no standfirst for {}", a.en);
                assert!(beat.actors.iter().any(|who| who.can(a)), "nobody {}", a.en);
                assert!(ru_past_is_regular(a.ru), "irregular Russian verb: {}", a.ru);
                assert!(a.ar_now.starts_with('ي'), "Arabic present: {}", a.ar_now);
                assert!(!a.ar_past.contains(' '), "one Arabic verb: {}", a.ar_past);
                assert!(a.tag.is_none_or(|t| t < TAGS.len()), "{}", a.en);
            }
            for &kind in beat.shots {
                let fits = beat
                    .places
                    .iter()
                    .any(|p| suits(&SHOTS[kind], PLACES[*p].has));
                assert!(fits, "{name}: no place for shot {kind}");
            }
        }
    }
    for theme in &THEMES {
        let bank = NEWS[theme.section];
        assert!(theme.beat < bank.beats.len() && theme.tag < TAGS.len());
        assert!(theme.headlines.len() >= 2 && theme.arguments.len() >= 8);
    }
    assert_eq!(ALT.len(), newsdesk_media::demo_photo::DemoScene::ALL.len());
}

/// Enough headlines that an edition of the default demo never repeats one, and no two
/// ways of making a headline give the same words.
#[test]
fn headlines_are_many_and_distinct() {
    for (section, combos) in COMBOS.iter().enumerate() {
        let least = if section == OPINION { 20 } else { 40 };
        assert!(combos.len() >= least, "section {section}: {}", combos.len());
        let mut seen = HashSet::new();
        for &(b, a, x) in combos {
            let text = if section == OPINION {
                THEMES[usize::from(b)].headlines[usize::from(a)]
                    .en
                    .to_owned()
            } else {
                let beat = &NEWS[section].beats[usize::from(b)];
                let who = &beat.actors[usize::from(a)];
                format!("{} {}", who.en_head, beat.actions[usize::from(x)].en_head)
            };
            assert!(seen.insert(text.clone()), "twice: {text}");
        }
    }
}

/// Every text of every bank, for the checks below.
fn texts() -> Vec<Tri> {
    let mut all: Vec<Tri> = Vec::new();
    for bank in NEWS {
        for beat in bank.beats {
            for a in beat.actions {
                all.push(tri(a.en, a.ru, a.ar_rest));
                all.push(tri(a.en_head, a.ru, a.ar_now));
            }
            for who in beat.actors {
                all.push(tri(who.en, who.ru, who.ar));
            }
            all.extend(beat.leads.iter().chain(beat.details).copied());
            all.extend(beat.quotes.iter().map(|q| q.text));
            all.extend(beat.roles.iter().map(|r| tri(r.en, r.ru, r.ar_f)));
        }
        for pool in [
            bank.context,
            bank.analysis,
            bank.reactions,
            bank.outlook,
            bank.quotes,
        ] {
            all.extend(pool.iter().copied());
        }
        all.extend(bank.figures.iter().map(|f| f.text));
        all.extend(bank.roles.iter().map(|r| tri(r.en, r.ru, r.ar_m)));
    }
    for theme in &THEMES {
        all.extend(
            theme
                .headlines
                .iter()
                .chain(theme.leads)
                .chain(theme.arguments),
        );
    }
    all.extend(RHETORIC.iter().chain(SUBHEADS.iter().map(|(_, t)| t)));
    all.extend(SHOTS.iter().map(|s| s.caption).chain(ALT.iter().copied()));
    all
}

#[test]
fn slots_are_spelled_right() {
    let known = [
        "{pct}",
        "{pct2}",
        "{money}",
        "{num}",
        "{place}",
        "{place_loc}",
        "{place_gen}",
        "{year}",
        "{tod}",
        "{sky}",
    ];
    for t in texts() {
        for text in [t.en, t.ru, t.ar] {
            let mut rest = text;
            while let Some(start) = rest.find('{') {
                let end = rest[start..].find('}').map(|e| start + e + 1);
                let slot = end.map(|e| &rest[start..e]).unwrap_or(rest);
                assert!(known.contains(&slot), "unknown slot {slot} in {text}");
                rest = &rest[end.unwrap_or(rest.len())..];
            }
            // A Russian sentence never opens with "в Лондоне": it would start lowercase.
            assert!(!text.starts_with("{place_loc}"), "{text}");
        }
    }
}

/// Each language's punctuation: curly quotes in English, «ёлочки» in Russian, the
/// Arabic comma and question mark in Arabic, and never a straight double quote (it
/// would also end an embed's attribute).
#[test]
fn punctuation_is_each_languages_own() {
    for t in texts() {
        for text in [t.en, t.ru, t.ar] {
            assert!(!text.contains('"'), "straight quote in {text}");
        }
        assert!(
            !t.ru.contains('\'') && !t.ru.contains('“'),
            "Russian quotes: {}",
            t.ru
        );
        for mark in [',', '?', ';'] {
            assert!(!t.ar.contains(mark), "Latin {mark:?} in Arabic: {}", t.ar);
        }
        assert!(!t.en.contains('«') && !t.en.contains('،'), "{}", t.en);
    }
    for (i, alt) in ALT.iter().enumerate() {
        let indoor = newsdesk_media::demo_photo::DemoScene::ALL[i].indoor();
        assert_eq!(alt.en.contains("{sky}"), !indoor, "{}", alt.en);
    }
}
