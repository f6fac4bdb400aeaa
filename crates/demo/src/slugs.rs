//! Article slugs, unique per edition as the store requires.
//!
//! A phrase bank repeats itself over thousands of articles, so the same headline comes
//! back; the second one gets `-2`, the third `-3`, as a blog engine would do. Arabic
//! articles take their slug from the story's English headline: a Latin transliteration
//! of Arabic is unreadable to nearly everyone.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use newsdesk_core::slug::{MAX_SLUG_LEN, slugify};

use crate::lang::Lang;

#[derive(Debug, Default)]
pub struct Slugs {
    seen: HashMap<(Lang, String), u32>,
    /// Every slug handed out, by hash: "…-to-5" numbered `-2` must not clash with "…-to-5-2".
    /// Hashes keep a million slugs in 16 MB; two slugs sharing one only skip a free name.
    used: HashSet<u64>,
    /// Editions that held articles before this run: their slugs are unknown here, so every
    /// slug there carries a suffix unique to this run.
    salted: HashMap<Lang, u64>,
}

impl Slugs {
    /// Marks `lang` as already holding articles; `salt` is unique to the run.
    pub fn salt(&mut self, lang: Lang, salt: u64) {
        self.salted.insert(lang, salt);
    }

    /// A slug for `headline` not yet used in `lang`; `serial` tells articles apart.
    pub fn make(&mut self, lang: Lang, headline: &str, serial: usize) -> String {
        let base = slugify(headline);
        loop {
            let count = self.seen.entry((lang, base.clone())).or_insert(0);
            *count += 1;
            let suffix = match self.salted.get(&lang) {
                Some(salt) => Some(format!("{:x}{serial:x}-{count}", salt & 0xffff)),
                None if *count > 1 => Some(count.to_string()),
                None => None,
            };
            let slug = match suffix {
                Some(s) => format!("{}-{s}", cut(&base, MAX_SLUG_LEN - s.len() - 1)),
                None => base.clone(),
            };
            let mut h = DefaultHasher::new();
            (lang, &slug).hash(&mut h);
            if self.used.insert(h.finish()) {
                return slug;
            }
        }
    }
}

/// `slug` cut at a hyphen to at most `max` bytes (slugs are ASCII).
fn cut(slug: &str, max: usize) -> &str {
    if slug.len() <= max {
        return slug;
    }
    let head = &slug[..max];
    match head.rfind('-') {
        Some(i) if i > 0 => &head[..i],
        _ => head,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_core::slug::is_valid_slug;

    #[test]
    fn repeated_headlines_get_numbered() {
        let mut s = Slugs::default();
        assert_eq!(
            s.make(Lang::En, "Central bank holds rates", 0),
            "central-bank-holds-rates"
        );
        assert_eq!(
            s.make(Lang::En, "Central bank holds rates", 1),
            "central-bank-holds-rates-2"
        );
        assert_eq!(
            s.make(Lang::Ru, "Central bank holds rates", 2),
            "central-bank-holds-rates"
        );
    }

    #[test]
    fn suffixes_keep_slugs_valid_and_short() {
        let mut s = Slugs::default();
        s.salt(Lang::En, 0xabcdef);
        let long = "word ".repeat(40);
        for serial in [0, 1, 123_456] {
            let slug = s.make(Lang::En, &long, serial);
            assert!(is_valid_slug(&slug) && slug.len() <= MAX_SLUG_LEN, "{slug}");
        }
    }
}
