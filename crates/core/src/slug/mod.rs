//! URL slugs: lowercase words joined by hyphens.
//!
//! Two kinds, because they end up in different places:
//!
//! - [`slugify`] makes plain ASCII (sections, tags, authors, static pages): Cyrillic by the
//!   table in [`cyrillic`] («Москва» → `moskva`), any other script through deunicode.
//! - [`article_slug`] does the same, except that words in Arabic script keep their script
//!   (see [`arabic`]): an Arabic headline gives an Arabic slug, as on Arabic news sites.
//!   Such a slug is percent-encoded wherever it is put into a URL ([`url_segment`], used by
//!   `article::article_path`), so every link, redirect, feed and sitemap stays ASCII and
//!   valid; routing decodes it back. An editor who wants Latin types the slug themselves.

pub mod arabic;
pub mod cyrillic;

/// Longest slug, in characters; long headlines are cut at a word boundary.
pub const MAX_SLUG_LEN: usize = 80;

/// Makes an ASCII slug from free text (a section's or author's name, a headline).
pub fn slugify(text: &str) -> String {
    build(text, false)
}

/// Makes an article's slug from its headline: [`slugify`], with Arabic-script words kept.
pub fn article_slug(headline: &str) -> String {
    build(headline, true)
}

fn build(text: &str, keep_arabic: bool) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut end_word = |word: &mut String| {
        if !word.is_empty() {
            words.push(std::mem::take(word));
        }
    };
    for c in text.chars().flat_map(char::to_lowercase) {
        if let Some(d) = arabic::digit(c) {
            word.push(d);
        } else if keep_arabic && arabic::is_letter(c) {
            word.push(c);
        } else if keep_arabic && arabic::is_mark(c) {
            // Inside a word: dropped, the word goes on.
        } else if let Some(latin) = cyrillic::latin(c) {
            word.push_str(latin);
        } else {
            let ascii = if c.is_ascii() {
                c.encode_utf8(&mut [0; 4]).to_owned()
            } else {
                deunicode::deunicode_char(c).unwrap_or("").to_owned()
            };
            for a in ascii.chars() {
                if a.is_ascii_alphanumeric() {
                    word.push(a.to_ascii_lowercase());
                } else {
                    end_word(&mut word);
                }
            }
        }
    }
    end_word(&mut word);
    join_within_limit(&words)
}

/// Words joined by hyphens, stopping before the word that would pass [`MAX_SLUG_LEN`]
/// characters (a first word longer than that is cut); `item` when there are none.
fn join_within_limit(words: &[String]) -> String {
    let mut out = String::new();
    let mut len = 0;
    for word in words {
        let n = word.chars().count();
        if len > 0 && len + 1 + n > MAX_SLUG_LEN {
            break;
        }
        if len > 0 {
            out.push('-');
            len += 1;
        }
        out.extend(word.chars().take(MAX_SLUG_LEN - len));
        len = out.chars().count();
        if len >= MAX_SLUG_LEN {
            break;
        }
    }
    if out.is_empty() {
        "item".to_owned()
    } else {
        out
    }
}

/// The `n`th candidate for a slug made from `base`: `base` itself, then `base-2`,
/// `base-3`… (as WordPress numbers a headline used twice), `base` cut at a hyphen where
/// needed so the whole stays within [`MAX_SLUG_LEN`] characters.
pub fn numbered_slug(base: &str, n: u32) -> String {
    if n <= 1 {
        return base.to_owned();
    }
    let suffix = format!("-{n}");
    let room = MAX_SLUG_LEN.saturating_sub(suffix.len());
    let cut: String = base.chars().take(room).collect();
    let mut stem = cut.as_str();
    if stem.len() < base.len()
        && let Some(at) = stem.rfind('-')
    {
        stem = &stem[..at];
    }
    format!("{}{suffix}", stem.trim_end_matches('-'))
}

/// Whether `slug` is a valid ASCII slug (what [`slugify`] produces): lowercase letters,
/// digits and single hyphens inside.
pub fn is_valid_slug(slug: &str) -> bool {
    valid_with(slug, |c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

/// Whether `slug` is a valid article slug (what [`article_slug`] produces): as
/// [`is_valid_slug`], with Arabic-script letters allowed too.
pub fn is_valid_article_slug(slug: &str) -> bool {
    valid_with(slug, |c| {
        c.is_ascii_lowercase() || c.is_ascii_digit() || arabic::is_letter(c)
    })
}

fn valid_with(slug: &str, letter: impl Fn(char) -> bool) -> bool {
    !slug.is_empty()
        && slug.chars().count() <= MAX_SLUG_LEN
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug.chars().all(|c| c == '-' || letter(c))
}

/// `slug` as one URL path segment: ASCII letters, digits and `-._~` as they are, every
/// other byte percent-encoded (uppercase hex, RFC 3986). An ASCII slug comes out
/// unchanged; «الميناء» becomes `%D8%A7%D9%84…`.
pub fn url_segment(slug: &str) -> String {
    let mut out = String::with_capacity(slug.len());
    for b in slug.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterates_latin_and_cyrillic() {
        assert_eq!(
            slugify("Parliament passes budget, 2027!"),
            "parliament-passes-budget-2027"
        );
        assert_eq!(
            slugify("Москва готовится к зиме"),
            "moskva-gotovitsya-k-zime"
        );
        assert_eq!(
            slugify("Объявлен съезд в Хабаровске"),
            "obyavlen-sezd-v-khabarovske"
        );
        assert_eq!(slugify("Ёлки и щётки"), "yolki-i-shchyotki");
        assert_eq!(slugify("Café déjà vu"), "cafe-deja-vu");
        assert_eq!(slugify("!!!"), "item");
        // The ASCII kind never keeps Arabic letters.
        assert!(is_valid_slug(&slugify("البرلمان يقر الميزانية")));
    }

    #[test]
    fn arabic_headlines_keep_their_script() {
        let slug = article_slug("افتتاح جسر الميناء بعد عامين من الإصلاح");
        assert_eq!(slug, "افتتاح-جسر-الميناء-بعد-عامين-من-الإصلاح");
        assert!(is_valid_article_slug(&slug));
        assert!(
            !is_valid_slug(&slug),
            "never where an ASCII slug is required"
        );
        // Vowel marks and the kashida go, punctuation separates, digits become 0-9.
        assert_eq!(article_slug("مُحَمَّد، والـــعالم ٢٠٢٦؟"), "محمد-والعالم-2026");
        // Latin words in an Arabic headline are slugged as usual; other headlines as before.
        assert_eq!(article_slug("ناسا تطلق Artemis 3"), "ناسا-تطلق-artemis-3");
        assert_eq!(article_slug("Москва готовится"), "moskva-gotovitsya");
    }

    #[test]
    fn long_arabic_headlines_are_cut_in_characters_at_a_word() {
        let slug = article_slug(&"الميناء ".repeat(30));
        assert!(slug.chars().count() <= MAX_SLUG_LEN, "{slug}");
        assert!(!slug.ends_with('-') && is_valid_article_slug(&slug));
        for n in [2, 10, 1000] {
            let s = numbered_slug(&slug, n);
            assert!(is_valid_article_slug(&s), "{s}");
            assert!(s.ends_with(&format!("-{n}")), "{s}");
        }
    }

    #[test]
    fn url_segments_are_ascii_and_unchanged_for_ascii_slugs() {
        assert_eq!(url_segment("budget-day-2"), "budget-day-2");
        assert_eq!(url_segment("جسر"), "%D8%AC%D8%B3%D8%B1");
        assert!(url_segment(&article_slug("افتتاح جسر الميناء")).is_ascii());
    }

    #[test]
    fn numbered_slugs_stay_valid_and_short() {
        assert_eq!(numbered_slug("budget-day", 1), "budget-day");
        assert_eq!(numbered_slug("budget-day", 2), "budget-day-2");
        let long = slugify(&"headline ".repeat(20));
        for n in [2, 10, 1000] {
            let s = numbered_slug(&long, n);
            assert!(is_valid_slug(&s), "{s}");
            assert!(s.ends_with(&format!("-{n}")), "{s}");
        }
        assert_ne!(numbered_slug(&long, 2), numbered_slug(&long, 3));
    }

    #[test]
    fn long_text_is_cut_at_a_word() {
        let s = slugify(&"word ".repeat(40));
        assert!(s.len() <= MAX_SLUG_LEN && !s.ends_with('-'));
        let one = slugify(&"x".repeat(200));
        assert_eq!(one.len(), MAX_SLUG_LEN);
    }
}
