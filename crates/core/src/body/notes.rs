//! Finding the first mention of each noted entity in the article's text.
//!
//! Matching is case-insensitive and whole-word with Unicode rules, on a folded copy of
//! the text that remembers where each folded character came from, so a marker can be
//! placed right after the original spelling. Besides lower-casing, folding treats
//! Russian `ё` as `е` and the Arabic alef forms `أ إ آ` as `ا`, because writers use
//! them inconsistently. A table of character boundaries maps folded offsets back to
//! the original text, so folds that change byte lengths (e.g. `İ`) stay exact.
//!
//! The names are folded and indexed once per edition ([`EntityNotes`], shared by every
//! render until the notes change), and each text is scanned once for all of them: folding
//! the names and searching name by name on every render was a tenth of a page miss.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use aho_corasick::AhoCorasick;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::entity::EntityNote;

/// An edition's entity notes with their names prepared for matching.
#[derive(Debug, Default)]
pub struct EntityNotes {
    notes: Vec<EntityNote>,
    /// (folded name, entity id), one per pattern of `finder`.
    names: Vec<(String, i64)>,
    finder: Option<AhoCorasick>,
}

impl EntityNotes {
    pub fn new(notes: Vec<EntityNote>) -> Self {
        let mut names: Vec<(String, i64)> = notes
            .iter()
            .flat_map(|n| n.names.iter().map(move |name| (name, n.entity_id)))
            .map(|(name, id)| (fold(&name.trim().nfc().collect::<String>()).0, id))
            .filter(|(name, _)| !name.is_empty())
            .collect();
        names.sort();
        names.dedup();
        // Only a pathological name list fails to build; it then marks nothing rather than
        // fail the page.
        let finder = AhoCorasick::new(names.iter().map(|(n, _)| n.as_str())).ok();
        Self {
            notes,
            names,
            finder,
        }
    }

    /// Shared, for a [`crate::body::RenderContext`].
    pub fn shared(notes: Vec<EntityNote>) -> Arc<Self> {
        Arc::new(Self::new(notes))
    }

    pub fn notes(&self) -> &[EntityNote] {
        &self.notes
    }
}

impl PartialEq for EntityNotes {
    fn eq(&self, other: &Self) -> bool {
        self.notes == other.notes
    }
}

impl Eq for EntityNotes {}

pub struct NoteMatcher {
    notes: Arc<EntityNotes>,
    marked: HashSet<i64>,
}

/// A first mention: the marker goes at `range.end` of the text it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub range: Range<usize>,
    pub entity_id: i64,
}

impl NoteMatcher {
    pub fn new(notes: Arc<EntityNotes>) -> Self {
        NoteMatcher {
            notes,
            marked: HashSet::new(),
        }
    }

    /// First mentions in `text` of entities not yet marked, in text order. Every
    /// occurrence takes part in longest-match resolution, so a later mention of
    /// "Gazprom Neft" never counts as a first mention of "Gazprom".
    pub fn first_mentions(&mut self, text: &str) -> Vec<Mention> {
        let Some(finder) = &self.notes.finder else {
            return Vec::new();
        };
        if text.is_empty() {
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
        for found in finder.find_overlapping_iter(folded.as_str()) {
            let Some((_, entity_id)) = self.notes.names.get(found.pattern().as_usize()) else {
                continue;
            };
            let (Some(start), Some(end)) = (orig_at(found.start()), orig_at(found.end())) else {
                continue; // inside a character whose lower-case form is several characters
            };
            if is_whole_word(text, start..end) {
                candidates.push(Mention {
                    range: start..end,
                    entity_id: *entity_id,
                });
            }
        }
        candidates.sort_by(|a, b| {
            a.range
                .start
                .cmp(&b.range.start)
                .then(b.range.end.cmp(&a.range.end))
                .then(a.entity_id.cmp(&b.entity_id))
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
        let mut m = NoteMatcher::new(EntityNotes::shared(notes.to_vec()));
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
        let mut m = NoteMatcher::new(EntityNotes::shared(notes.to_vec()));
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
