//! Stories of every section drawn with many seeds, written out in each language and held
//! to what a news article needs: length, headings that introduce what follows, quotes,
//! no sentence twice.

use std::collections::HashSet;

use chrono::NaiveDate;
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::banks::common::SUBHEADS;
use crate::banks::{COMBOS, OPINION};
use crate::lang::Lang;
use crate::plan::draw;
use crate::render::{EmbedIds, render};

/// Words as a reader counts them: prose, headings, lists and pull quotes; embed lines
/// other than quotes render as cards, not text.
fn words(body: &str) -> usize {
    body.lines()
        .filter(|l| !l.starts_with("::related") && !l.starts_with("::photo"))
        .flat_map(str::split_whitespace)
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn samples(per_section: u64) -> impl Iterator<Item = (usize, crate::plan::Story)> {
    let mut rng = ChaCha8Rng::seed_from_u64(17);
    let mut out = Vec::new();
    for (section, combos) in COMBOS.iter().enumerate() {
        for _ in 0..per_section {
            let combo = combos[rng.random_range(0..combos.len())];
            let place = rng.random_range(0..crate::banks::common::PLACES.len());
            let story = draw(
                rng.next_u64(),
                section,
                combo,
                place,
                rng.random_bool(0.3),
                false,
            );
            out.push((section, story));
        }
    }
    out.into_iter()
}

#[test]
fn bodies_run_350_to_900_words_in_every_language() {
    let date = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let embeds = EmbedIds {
        related: vec![11, 12],
        photo: Some((5, "A caption.".to_owned())),
    };
    for lang in Lang::ALL {
        let (mut least, mut most, mut total, mut n) = (usize::MAX, 0, 0, 0);
        for (section, story) in samples(300) {
            let text = render(&story, lang, date, 2026, &embeds);
            let count = words(&text.body);
            assert!(
                (350..=900).contains(&count),
                "{lang:?} section {section}: {count} words\n{}",
                text.body
            );
            (least, most, total, n) = (least.min(count), most.max(count), total + count, n + 1);
        }
        println!("{lang:?}: {least}..{most} words, {} on average", total / n);
    }
}

#[test]
fn headings_introduce_what_follows_and_nothing_repeats() {
    let date = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let numbers: Vec<&str> = SUBHEADS
        .iter()
        .filter(|(kind, _)| *kind == crate::banks::common::Subhead::Numbers)
        .flat_map(|(_, t)| [t.en, t.ru, t.ar])
        .collect();
    let mut with_figures = 0;
    for (section, story) in samples(200) {
        for lang in Lang::ALL {
            let text = render(&story, lang, date, 2026, &EmbedIds::default());
            let blocks: Vec<&str> = text.body.split("\n\n").collect();
            let mut seen = HashSet::new();
            for (i, block) in blocks.iter().enumerate() {
                if let Some(heading) = block.strip_prefix("## ") {
                    let next = blocks.get(i + 1).copied().unwrap_or("");
                    assert!(
                        !next.is_empty() && !next.starts_with("## "),
                        "{}",
                        text.body
                    );
                    let is_numbers = numbers.contains(&heading);
                    assert_eq!(is_numbers, next.starts_with("- **"), "{}", text.body);
                    with_figures += usize::from(is_numbers);
                }
                if block.starts_with("::") || block.starts_with("- ") {
                    continue;
                }
                for sentence in block.split_inclusive(['.', '?', '؟']) {
                    let sentence = sentence.trim();
                    if sentence.len() > 25 {
                        assert!(seen.insert(sentence), "twice: {sentence}\n{}", text.body);
                    }
                }
            }
            let quote = match lang {
                Lang::En => "“",
                _ => "«",
            };
            assert!(
                text.body.contains(quote),
                "a voice in every story: {}",
                text.body
            );
            if section != OPINION {
                assert!(text.body.matches("## ").count() >= 3, "{}", text.body);
            }
        }
    }
    assert!(with_figures > 100, "figures in {with_figures} bodies");
}
