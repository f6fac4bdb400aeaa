//! Word count and reading time, by one rule that the newsroom's editor repeats in
//! JavaScript (`crates/newsroom/static/word-count.js`): change both together.
//!
//! A word is a run of non-space characters holding at least one letter or digit of any
//! script (`char::is_alphanumeric`, which JavaScript spells `[\p{Alphabetic}\p{N}]`), so
//! Arabic and Cyrillic words count like Latin ones and stray punctuation (`—`, `#`, `**`)
//! does not.

/// Adult silent reading speed for non-fiction, the figure newsrooms commonly quote.
pub const WORDS_PER_MINUTE: usize = 230;

/// Words in running text.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Words in an article body as stored (Markdown with embeds): embed lines (`::photo[3]`,
/// `::related[7]`, `::quote[…]`) are blocks, not running text, so they are left out.
pub fn body_words(source: &str) -> usize {
    source
        .lines()
        .filter(|line| !line.trim_start().starts_with("::"))
        .map(count_words)
        .sum()
}

/// Whole minutes to read `words`, rounded up so a short piece reads "1 min", never "0".
pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(WORDS_PER_MINUTE)
}

/// What the editor's status line says: "523 words · 3 min read".
pub fn reading_label(words: usize) -> String {
    let noun = if words == 1 { "word" } else { "words" };
    if words == 0 {
        format!("0 {noun}")
    } else {
        format!("{words} {noun} · {} min read", reading_minutes(words))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_every_script_count_and_punctuation_does_not() {
        assert_eq!(count_words("The vote came — shortly before dawn."), 6);
        assert_eq!(count_words("Парламент принял бюджет"), 3);
        assert_eq!(count_words("صوّت البرلمان على الميزانية"), 4);
        assert_eq!(count_words("## Heading **bold** 2026"), 3);
        assert_eq!(count_words("  \n\t "), 0);
    }

    #[test]
    fn embed_lines_are_not_words() {
        let body =
            "First paragraph here.\n\n::photo[12]\n\n  ::quote[Said words]{cite=\"X\"}\n\nEnd.";
        assert_eq!(body_words(body), 4);
    }

    #[test]
    fn reading_time_rounds_up_at_230_words_a_minute() {
        assert_eq!(reading_minutes(0), 0);
        assert_eq!(reading_minutes(1), 1);
        assert_eq!(reading_minutes(230), 1);
        assert_eq!(reading_minutes(231), 2);
        assert_eq!(reading_minutes(900), 4);
        assert_eq!(reading_label(900), "900 words · 4 min read");
        assert_eq!(reading_label(1), "1 word · 1 min read");
        assert_eq!(reading_label(0), "0 words");
    }
}
