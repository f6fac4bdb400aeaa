//! Finding the first mention of each noted entity in the article's text.
//!
//! Matching is case-insensitive and whole-word with Unicode rules, on a folded copy of
//! the text that remembers where each folded character came from, so a marker can be
//! placed right after the original spelling. Besides lower-casing, folding treats
//! Russian `ё` as `е` and the Arabic alef forms `أ إ آ` as `ا`, because writers use
//! them inconsistently. A table of character boundaries maps folded offsets back to
//! the original text, so folds that change byte lengths (e.g. `İ`) stay exact.

use std::collections::HashSet;
use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::entity::EntityNote;

pub struct NoteMatcher {
    /// (folded name, entity id), longest first so that equal starts prefer the longer name.
    names: Vec<(String, i64)>,
    marked: HashSet<i64>,
}

/// A first mention: the marker goes at `range.end` of the text it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub range: Range<usize>,
    pub entity_id: i64,
}

impl NoteMatcher {
    pub fn new(notes: &[EntityNote]) -> Self {
        let mut names: Vec<(String, i64)> = notes
            .iter()
            .flat_map(|n| n.names.iter().map(move |name| (name, n.entity_id)))
            .map(|(name, id)| (fold(&name.trim().nfc().collect::<String>()).0, id))
            .filter(|(name, _)| !name.is_empty())
            .collect();
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        names.dedup();
        NoteMatcher {
            names,
            marked: HashSet::new(),
        }
    }

    /// First mentions in `text` of entities not yet marked, in text order. Every
    /// occurrence takes part in longest-match resolution, so a later mention of
    /// "Gazprom Neft" never counts as a first mention of "Gazprom".
    pub fn first_mentions(&mut self, text: &str) -> Vec<Mention> {
        if self.names.is_empty() || text.is_empty() {
            return Vec::new();
        }
        let (folded, bounds) = fold(text);
        let orig_at = |folded_pos: usize| -> Option<usize> {
            bounds
                .binary_search_by_key(&folded_pos, |&(f, _)| f)
                .ok()
                .map(|i| bounds[i].1)
        };
        let mut candidates: Vec<Mention> = Vec::new();
        for (name, entity_id) in &self.names {
            for (pos, _) in folded.match_indices(name.as_str()) {
                let (Some(start), Some(end)) = (orig_at(pos), orig_at(pos + name.len())) else {
                    continue; // inside a character whose lower-case form is several characters
                };
                if is_whole_word(text, start..end) {
                    candidates.push(Mention {
                        range: start..end,
                        entity_id: *entity_id,
                    });
                }
            }
        }
        candidates.sort_by(|a, b| {
            a.range
                .start
                .cmp(&b.range.start)
                .then(b.range.end.cmp(&a.range.end))
        });
        let mut taken_until = 0;
        let mut out = Vec::new();
        for m in candidates {
            if m.range.start < taken_until {
                continue;
            }
            taken_until = m.range.end;
            if self.marked.insert(m.entity_id) {
                out.push(m);
            }
        }
        out
    }
}

/// Folded text and, for each original character, (folded byte offset, original byte
/// offset), ending with a sentinel for the end of both strings.
fn fold(text: &str) -> (String, Vec<(usize, usize)>) {
    let mut folded = String::with_capacity(text.len());
    let mut bounds = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        bounds.push((folded.len(), i));
        match c {
            'ё' | 'Ё' => folded.push('е'),
            'أ' | 'إ' | 'آ' => folded.push('ا'),
            c => folded.extend(c.to_lowercase()),
        }
    }
    bounds.push((folded.len(), text.len()));
    (folded, bounds)
}

fn is_word_char(c: char) -> bool {
    // Combining marks (Arabic harakat, accents) and joiners continue a word.
    c.is_alphanumeric() || c == '_' || is_combining_mark(c) || c == '\u{200C}' || c == '\u{200D}'
}

fn is_whole_word(text: &str, range: Range<usize>) -> bool {
    let inner = &text[range.clone()];
    let starts_word = inner.chars().next().is_some_and(is_word_char);
    let ends_word = inner.chars().next_back().is_some_and(is_word_char);
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let glued_before = starts_word && before.is_some_and(is_word_char);
    let glued_after = ends_word && after.is_some_and(is_word_char);
    !glued_before && !glued_after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(id: i64, names: &[&str]) -> EntityNote {
        EntityNote {
            entity_id: id,
            names: names.iter().map(|s| s.to_string()).collect(),
            note: format!("note {id}"),
        }
    }

    fn marked_words(notes: &[EntityNote], text: &str) -> Vec<(String, i64)> {
        let mut m = NoteMatcher::new(notes);
        m.first_mentions(text)
            .into_iter()
            .map(|x| (text[x.range].to_owned(), x.entity_id))
            .collect()
    }

    #[test]
    fn whole_words_only_and_case_insensitive() {
        let notes = [note(1, &["Acme"])];
        assert_eq!(marked_words(&notes, "Acmeville and ACMEs"), vec![]);
        assert_eq!(
            marked_words(&notes, "the ACME board"),
            vec![("ACME".into(), 1)]
        );
    }

    #[test]
    fn longest_name_wins_across_entities() {
        let notes = [note(1, &["Gazprom"]), note(2, &["Gazprom Neft"])];
        assert_eq!(
            marked_words(&notes, "Gazprom Neft said Gazprom Neft and Gazprom agreed"),
            vec![("Gazprom Neft".into(), 2), ("Gazprom".into(), 1)]
        );
    }

    #[test]
    fn first_mention_only_across_calls() {
        let notes = [note(1, &["Acme"])];
        let mut m = NoteMatcher::new(&notes);
        assert_eq!(m.first_mentions("Acme and Acme").len(), 1);
        assert!(m.first_mentions("Acme again").is_empty());
    }

    #[test]
    fn folds_yo_and_alef_and_keeps_offsets_with_expanding_lowercase() {
        let notes = [note(1, &["Пётр"]), note(2, &["أحمد"]), note(3, &["Zeta"])];
        let text = "İİ Петр и احمد, ZETA.";
        assert_eq!(
            marked_words(&notes, text),
            vec![("Петр".into(), 1), ("احمد".into(), 2), ("ZETA".into(), 3)]
        );
    }

    #[test]
    fn a_following_diacritic_continues_the_word() {
        let notes = [note(1, &["كتب"])];
        assert!(marked_words(&notes, "كتب\u{064E} x").is_empty());
    }
}
