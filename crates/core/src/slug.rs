//! URL slugs: lowercase ASCII words joined by hyphens, transliterated from any script
//! so that links survive copy-paste into mail and chat clients.

/// Longest slug we generate; long headlines are cut at a word boundary.
pub const MAX_SLUG_LEN: usize = 80;

/// Makes a slug from free text (a headline, a name).
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut out = String::with_capacity(ascii.len());
    for word in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() + 1 > MAX_SLUG_LEN && !out.is_empty() {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out.truncate(MAX_SLUG_LEN);
    if out.is_empty() {
        "item".to_owned()
    } else {
        out
    }
}

/// The `n`th candidate for a slug made from `base`: `base` itself, then `base-2`,
/// `base-3`… (as WordPress numbers a headline used twice), `base` cut at a hyphen where
/// needed so the whole stays within [`MAX_SLUG_LEN`].
pub fn numbered_slug(base: &str, n: u32) -> String {
    if n <= 1 {
        return base.to_owned();
    }
    let suffix = format!("-{n}");
    let room = MAX_SLUG_LEN.saturating_sub(suffix.len());
    let mut end = base.len().min(room);
    while !base.is_char_boundary(end) {
        end -= 1;
    }
    let mut stem = &base[..end];
    if stem.len() < base.len()
        && let Some(cut) = stem.rfind('-')
    {
        stem = &stem[..cut];
    }
    format!("{}{suffix}", stem.trim_end_matches('-'))
}

/// Whether `slug` is already a valid slug (what `slugify` would produce).
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= MAX_SLUG_LEN
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterates_every_script() {
        assert_eq!(
            slugify("Parliament passes budget, 2027!"),
            "parliament-passes-budget-2027"
        );
        assert_eq!(
            slugify("Москва готовится к зиме"),
            "moskva-gotovitsia-k-zime"
        );
        assert!(is_valid_slug(&slugify("البرلمان يقر الميزانية")));
        assert_eq!(slugify("!!!"), "item");
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
    }
}
