//! An edition's banned and suspect words, matched against readers' comments.
//!
//! People who want a word past a list change its spelling, not its meaning: capitals,
//! accents, full-width letters, Arabic vowel marks and tatweel, stretched letters. Both
//! the list and the comment are therefore folded the same way before matching, and
//! matching is by whole words, so that banning `ass` does not hold every comment
//! about a class. Folding keeps what tells words apart in the demo languages: Russian
//! `й` stays distinct from `и` (`мой` is not `мои`), while `ё` is written as `е` so often
//! that the two are one letter here.
//!
//! Lists are folded once when parsed; a comment is folded once and then looked up word
//! by word in hash maps, so a long list costs no more per comment than a short one.

use std::borrow::Cow;
use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{canonical_combining_class, is_combining_mark};

use crate::error::{ValidationError, Validator};

/// Most entries in one list: enough for any real list, bounded for memory.
pub const MAX_ENTRIES: usize = 2000;
/// Longest entry, in characters: a phrase, not a paragraph.
pub const MAX_ENTRY_CHARS: usize = 100;

/// Arabic proclitics ("and", "the", "with", "for", "so", "like") are written attached to
/// the next word, so a banned word rarely stands alone; longest first.
const PROCLITICS: [&str; 11] = [
    "وال", "بال", "لل", "فال", "كال", "ال", "و", "ف", "ب", "ل", "ك",
];

/// One list, prepared for matching.
#[derive(Debug, Clone, Default)]
pub struct WordList {
    entries: Vec<Entry>,
    /// First folded word → entries starting with it (all but single-word `*` entries).
    by_first_word: HashMap<String, Vec<usize>>,
    /// Folded stem → single-word `*` entries: a word is looked up by each of its prefixes.
    by_stem: HashMap<String, Vec<usize>>,
    /// Longest stem, in characters: a long word is not looked up by longer prefixes.
    longest_stem: usize,
}

#[derive(Debug, Clone)]
struct Entry {
    /// As the editor wrote it, so the moderator's reason reads like the list.
    written: String,
    words: Vec<String>,
    /// The last word only has to start the comment's word.
    prefix: bool,
}

/// A comment word with the spellings it may stand for.
type Forms<'t> = Vec<Cow<'t, str>>;

impl WordList {
    /// Never fails: lines that hold no word are skipped, since [`validate_word_list`]
    /// already told the editor about them when the list was saved.
    pub fn parse(text: &str) -> WordList {
        let mut list = WordList::default();
        for (_, written) in entry_lines(text) {
            let (body, prefix) = match written.strip_suffix('*') {
                Some(body) => (body, true),
                None => (written, false),
            };
            let folded = fold(body);
            let words: Vec<String> = words(&folded).map(str::to_owned).collect();
            let Some(first) = words.first() else { continue };
            let index = if prefix && words.len() == 1 {
                list.longest_stem = list.longest_stem.max(first.chars().count());
                &mut list.by_stem
            } else {
                &mut list.by_first_word
            };
            index
                .entry(first.clone())
                .or_default()
                .push(list.entries.len());
            list.entries.push(Entry {
                written: written.to_owned(),
                words,
                prefix,
            });
        }
        list
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries that hold a word (comment and blank lines are not counted).
    pub fn entries(&self) -> usize {
        self.entries.len()
    }

    /// The entry, as written, of the earliest match in `text`: the moderator's reason.
    pub fn find<'a>(&'a self, text: &str) -> Option<&'a str> {
        if self.is_empty() {
            return None;
        }
        let folded = fold(text);
        let tokens: Vec<Forms<'_>> = words(&folded).map(forms).collect();
        for (i, token) in tokens.iter().enumerate() {
            let rest = tokens.get(i + 1..).unwrap_or_default();
            for form in token {
                let phrases = self.by_first_word.get(form.as_ref()).into_iter().flatten();
                let stems = stems(form)
                    .take(self.longest_stem)
                    .filter_map(|stem| self.by_stem.get(stem));
                let found = phrases
                    .filter(|&&e| self.entries[e].continues(rest))
                    .chain(stems.flatten())
                    .next();
                if let Some(&e) = found {
                    return Some(&self.entries[e].written);
                }
            }
        }
        None
    }
}

impl Entry {
    /// Whether the words after the first one follow in `rest`.
    fn continues(&self, rest: &[Forms<'_>]) -> bool {
        let tail = self.words.get(1..).unwrap_or_default();
        tail.len() <= rest.len()
            && tail.iter().zip(rest).enumerate().all(|(j, (word, forms))| {
                let stem = self.prefix && j + 1 == tail.len();
                forms
                    .iter()
                    .any(|f| f == word || (stem && f.starts_with(word.as_str())))
            })
    }
}

/// Checks a list as an editor saves it; `field` is the form field ("banned_words",
/// "suspect_words"). Each kind of problem is reported once, at its first line, so a
/// pasted list with a thousand bad lines does not bury the form.
pub fn validate_word_list(field: &'static str, text: &str) -> Result<(), ValidationError> {
    let mut v = Validator::new();
    let control = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t');
    v.check(
        !text.chars().any(control),
        field,
        "must not contain control characters",
    );
    let problems = [
        format!("must be at most {MAX_ENTRY_CHARS} characters"),
        "must contain a letter or a digit".to_owned(),
        "may have `*` only at its end".to_owned(),
    ];
    let mut reported = [false; 3];
    let mut count = 0;
    for (n, entry) in entry_lines(text) {
        count += 1;
        let bad = [
            entry.chars().count() > MAX_ENTRY_CHARS,
            words(&fold(entry)).next().is_none(),
            entry.strip_suffix('*').unwrap_or(entry).contains('*'),
        ];
        for (k, message) in problems.iter().enumerate() {
            if bad[k] && !reported[k] {
                reported[k] = true;
                v.check(false, field, format!("line {n}: an entry {message}"));
            }
        }
    }
    let message = format!("must have at most {MAX_ENTRIES} entries");
    v.check(count <= MAX_ENTRIES, field, message);
    v.finish()
}

/// Non-blank lines but `#` notes, trimmed, with their line numbers for the editor.
fn entry_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let lines = text.lines().map(str::trim).zip(1..);
    lines
        .filter(|(l, _)| !l.is_empty() && !l.starts_with('#'))
        .map(|(l, n)| (n, l))
}

/// Lower case, compatibility forms (full-width letters, ligatures) spelt out, diacritics
/// and invisible characters dropped, and letter variants that writers mix folded together.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars = text.chars().flat_map(char::to_lowercase).nfkd();
    // Compatibility forms may spell out capitals (`℡`), hence the second lower-casing.
    for c in chars.flat_map(char::to_lowercase) {
        if c == '\u{0306}' && out.ends_with('и') {
            // `й` is its own letter, not `и` with an accent: put it back together.
            out.pop();
            out.push('й');
        } else if !is_dropped(c) {
            out.push(match c {
                'ς' => 'σ',
                '\u{0671}'..='\u{0673}' => '\u{0627}', // alef wasla, wavy hamza → alef
                '\u{0649}' | '\u{06CC}' => '\u{064A}', // alef maksura, Persian yeh → yeh
                '\u{0629}' => '\u{0647}',              // ta marbuta → heh
                '\u{06A9}' => '\u{0643}',              // Persian keheh → kaf
                c => c,
            });
        }
    }
    out
}

/// Diacritics (every mark that combines over or under a letter: accents, `ё`'s dots,
/// harakat and the hamza of `أ إ ؤ ئ`), tatweel, and invisible characters that only
/// serve to split a word for the eye of a filter. Spacing vowel signs of Indic scripts
/// (combining class 0) are kept: there they are letters.
fn is_dropped(c: char) -> bool {
    canonical_combining_class(c) != 0
        || matches!(c,
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{00AD}' | '\u{034F}'
            | '\u{061C}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Words of folded text: maximal runs of letters, digits and the marks still left.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c)))
        .filter(|w| !w.is_empty())
}

/// The word itself, with stretched letters squeezed (`stuuupid`, `asssss`), and for an
/// Arabic word each of these without an attached proclitic.
fn forms(word: &str) -> Forms<'_> {
    let mut forms = vec![Cow::Borrowed(word)];
    if let Some(single) = squeeze(word, 1) {
        forms.extend(squeeze(word, 2).map(Cow::Owned));
        forms.push(Cow::Owned(single));
    }
    if word.chars().all(is_arabic) {
        let bare: Vec<String> = forms
            .iter()
            .flat_map(|f| PROCLITICS.iter().filter_map(|p| f.strip_prefix(p)))
            .filter(|rest| !rest.is_empty())
            .map(str::to_owned)
            .collect();
        forms.extend(bare.into_iter().map(Cow::Owned));
    }
    forms
}

/// `keep` copies of every run of three or more identical letters, or `None` if there is
/// no such run. No normal word in the demo languages has one; digits are left alone.
fn squeeze(word: &str, keep: usize) -> Option<String> {
    let mut out = String::with_capacity(word.len());
    let mut changed = false;
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        let mut run = 1;
        while chars.next_if_eq(&c).is_some() {
            run += 1;
        }
        if run >= 3 && c.is_alphabetic() {
            changed = true;
            run = keep;
        }
        out.extend(std::iter::repeat_n(c, run));
    }
    changed.then_some(out)
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}')
}

/// Every non-empty prefix of a word, shortest first, for `*` entries.
fn stems(word: &str) -> impl Iterator<Item = &str> {
    word.char_indices()
        .skip(1)
        .map(|(i, _)| i)
        .chain([word.len()])
        .map(|i| &word[..i])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts that `list` finds something in each `|`-separated text of `hits` and
    /// nothing in those of `misses`.
    fn check(list: &str, hits: &str, misses: &str) {
        let list = WordList::parse(list);
        for text in hits.split('|').filter(|t| !t.is_empty()) {
            assert!(list.find(text).is_some(), "{list:?} should match {text:?}");
        }
        for text in misses.split('|').filter(|t| !t.is_empty()) {
            assert_eq!(list.find(text), None, "{list:?} should not match {text:?}");
        }
    }

    #[test]
    fn english_folds_case_accents_full_width_and_matches_whole_words() {
        check(
            "idiot",
            "You IDIOT!|an ídiot|i\u{301}dio\u{308}t|ＩＤＩＯＴ|id\u{200B}iot",
            "idiom",
        );
        check("filthy", "ﬁlthy lies", "");
        check("ass", "what an ass-hat|Ass!", "a class on assessment");
        check("idiot", "", "idiots and idiotic");
        check("idiot*", "idiotic|IDIOTS", "an idiom");
    }

    #[test]
    fn stretched_letters_are_squeezed_but_doubles_kept() {
        check("stupid\nass\ncool", "stuuuupid|asssss|cooooool", "stuupid");
        check("10", "", "1000");
        check("غبي", "غبييييي", "");
    }

    #[test]
    fn russian_folds_yo_keeps_short_i_and_matches_whole_words() {
        check("чёрт", "Черт возьми", "");
        check("черт", "ЧЁРТ", "");
        check("мой", "МОЙ|мои\u{306}", "мои");
        check("мои", "", "мой");
        check("дурак", "Сам дурак!", "с дураками");
        check("дурак*", "с дураками", "");
        check("идиот*", "идиотский", "неидиот");
    }

    #[test]
    fn arabic_drops_harakat_and_tatweel_and_folds_letter_variants() {
        check("غبي", "أنت غَبِيّ|غبـــي|غبى|غبی", "");
        check("أحمق", "احمق|إحمق|آحمق", "");
        check("غبية", "غبيه", "");
        check("کلب", "كلب", "");
    }

    #[test]
    fn arabic_proclitics_need_the_exact_word_after_them() {
        check("غبي", "والغبي|الغبي|للغبي|بغبي", "غبيان|والغبيان|ذغبي");
        check("غبي*", "والغبيان", "");
        check("idiot", "", "وidiot");
    }

    #[test]
    fn phrases_span_line_breaks_and_punctuation() {
        check("shut up", "Just SHUT\u{2014}up!", "shut it up|shut");
        check("полный идиот", "Ты полный,\n идиот.", "полный и идиот");
        check("полный идиот*", "полные? нет, полный идиотизм", "");
        check("كلب غبي", "الكلب\nالغبي", "");
    }

    #[test]
    fn lists_skip_comments_and_blanks_and_report_entries_as_written() {
        let list = WordList::parse("# insults\n\n  Идиот*  \n   \n#idiot\nПолный  Дурак\n*\n");
        assert_eq!((list.entries(), list.is_empty()), (2, false));
        assert_eq!(list.find("вы идиоты"), Some("Идиот*"));
        assert_eq!(list.find("полный\nдурак"), Some("Полный  Дурак"));
        assert_eq!(list.find("idiot"), None);
        assert_eq!(WordList::parse("b\na").find("a b"), Some("a"));
        assert!(WordList::parse("# nothing\n\n").is_empty());
        assert_eq!(WordList::default().find("anything"), None);
    }

    #[test]
    fn a_full_list_finds_a_word_at_the_end_of_a_long_comment() {
        let letters = ['к', 'л', 'м', 'н', 'п'];
        let list: String = (0..MAX_ENTRIES)
            .map(|n| {
                let word: String = (0..5).map(|k| letters[(n / 5usize.pow(k)) % 5]).collect();
                word + if n % 3 == 0 { "*\n" } else { "\n" }
            })
            .chain(["конец света\n".to_owned()])
            .collect();
        let list = WordList::parse(&list);
        let comment = "обычный текст без слов из списка ".repeat(90) + "конец, света";
        assert_eq!(list.find(&comment), Some("конец света"));
        assert_eq!(list.find(&"просто слова ".repeat(230)), None);
    }

    #[test]
    fn validation_reports_each_problem_once_with_its_field() {
        let errors = |text: &str| match validate_word_list("suspect_words", text) {
            Ok(()) => Vec::new(),
            Err(e) => e.errors.into_iter().map(|e| (e.field, e.message)).collect(),
        };
        let first = |text: &str| {
            errors(text)
                .first()
                .map(|e| e.1.clone())
                .unwrap_or_default()
        };
        assert!(errors("# c\n\nидиот*\nполный дурак\n").is_empty());
        assert!(errors(&("слово\n".repeat(MAX_ENTRIES) + &"# note\n".repeat(10))).is_empty());
        let too_many = errors(&"слово\n".repeat(MAX_ENTRIES + 1));
        assert_eq!(
            too_many,
            [("suspect_words", "must have at most 2000 entries".into())]
        );
        assert!(errors(&"ж".repeat(MAX_ENTRY_CHARS)).is_empty());
        let long = format!("ok\n{}", "ж".repeat(MAX_ENTRY_CHARS + 1));
        assert_eq!(
            first(&long),
            "line 2: an entry must be at most 100 characters"
        );
        assert_eq!(first("bell\u{7}"), "must not contain control characters");
        assert_eq!(
            first("ok\n*"),
            "line 2: an entry must contain a letter or a digit"
        );
        assert_eq!(
            first("id*ot"),
            "line 1: an entry may have `*` only at its end"
        );
        assert_eq!(errors("!!\n?? \n").len(), 1);
        assert!(validate_word_list("banned_words", "#\n").is_ok());
    }
}
