//! The newsfeed's short items, per language, and the drawing of one as a draft.

use newsdesk_core::NewsItemDraft;

use super::{wire_ar, wire_en, wire_ru};
use crate::banks::common::{PLACES, Place};
use crate::lang::{Lang, capitalize};

/// One short item: a one-sentence headline and a paragraph. City lines hold `{place}`
/// (the city) or, in Russian, `{place_loc}` ("в Лондоне").
#[derive(Debug, Clone, Copy)]
pub struct Wire {
    pub headline: &'static str,
    pub body: &'static str,
}

pub const fn wire(headline: &'static str, body: &'static str) -> Wire {
    Wire { headline, body }
}

/// Lines that stand alone.
pub fn items(lang: Lang) -> &'static [Wire] {
    match lang {
        Lang::En => &wire_en::ITEMS,
        Lang::Ru => &wire_ru::ITEMS,
        Lang::Ar => &wire_ar::ITEMS,
    }
}

/// Lines about a city, written once per city drawn.
pub fn city(lang: Lang) -> &'static [Wire] {
    match lang {
        Lang::En => &wire_en::CITY,
        Lang::Ru => &wire_ru::CITY,
        Lang::Ar => &wire_ar::CITY,
    }
}

/// The day's one breaking line is one of these.
pub fn breaking(lang: Lang) -> &'static [Wire] {
    match lang {
        Lang::En => &wire_en::BREAKING,
        Lang::Ru => &wire_ru::BREAKING,
        Lang::Ar => &wire_ar::BREAKING,
    }
}

/// Which line: a bank entry, or a city line with the city (an index into [`PLACES`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pick {
    Item(usize),
    City(usize, usize),
    Breaking(usize),
}

/// The line written out for `lang`, slots filled; an unknown index gives `None`.
pub fn draft(lang: Lang, pick: Pick, important: bool) -> Option<NewsItemDraft> {
    let (line, place) = match pick {
        Pick::Item(i) => (items(lang).get(i)?, None),
        Pick::City(i, p) => (city(lang).get(i)?, Some(PLACES.get(p)?)),
        Pick::Breaking(i) => (breaking(lang).get(i)?, None),
    };
    Some(NewsItemDraft {
        edition: lang.code().to_owned(),
        headline: capitalize(&fill(line.headline, lang, place)),
        body: fill(line.body, lang, place),
        link: String::new(),
        important: important && !matches!(pick, Pick::Breaking(_)),
        breaking: matches!(pick, Pick::Breaking(_)),
    })
}

fn fill(text: &str, lang: Lang, place: Option<&Place>) -> String {
    let Some(place) = place else {
        return text.to_owned();
    };
    let name = match lang {
        Lang::En => place.en,
        Lang::Ru => place.ru,
        Lang::Ar => place.ar,
    };
    text.replace("{place_loc}", place.ru_loc)
        .replace("{place}", name)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn letters(text: &str, script: impl Fn(char) -> bool) -> f64 {
        let all: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
        all.iter().filter(|c| script(**c)).count() as f64 / all.len().max(1) as f64
    }

    /// Full stops (and ? !) that end a sentence: followed by a space or the end, so
    /// decimals ("4.5%") do not count.
    fn sentences(text: &str) -> usize {
        let chars: Vec<char> = text.chars().collect();
        (0..chars.len())
            .filter(|&i| matches!(chars[i], '.' | '?' | '!'))
            .filter(|&i| chars.get(i + 1).is_none_or(|c| c.is_whitespace()))
            .count()
    }

    #[test]
    fn every_language_has_forty_distinct_lines_that_validate() {
        for lang in Lang::ALL {
            assert!(items(lang).len() >= 40, "{lang:?}");
            let mut heads = HashSet::new();
            let mut picks: Vec<Pick> = (0..items(lang).len()).map(Pick::Item).collect();
            for i in 0..city(lang).len() {
                picks.extend((0..PLACES.len()).map(|p| Pick::City(i, p)));
            }
            picks.extend((0..breaking(lang).len()).map(Pick::Breaking));
            for pick in picks {
                let d = draft(lang, pick, false).unwrap();
                d.validate().unwrap();
                assert!(heads.insert(d.headline.clone()), "repeated: {}", d.headline);
                let text = format!("{} {}", d.headline, d.body);
                assert!(!text.contains('{') && !text.contains('}'), "{text}");
                assert!(
                    !d.headline.ends_with('.'),
                    "a headline has no full stop: {}",
                    d.headline
                );
                assert!(
                    d.body.ends_with('.') && (1..=3).contains(&sentences(&d.body)),
                    "{}",
                    d.body
                );
                match lang {
                    Lang::Ru => assert!(
                        letters(&text, |c| ('\u{0400}'..='\u{04FF}').contains(&c)) > 0.8,
                        "{text}"
                    ),
                    Lang::Ar => assert!(
                        letters(&text, |c| ('\u{0600}'..='\u{06FF}').contains(&c)) > 0.9,
                        "{text}"
                    ),
                    Lang::En => {
                        assert!(letters(&text, |c| c.is_ascii_alphabetic()) > 0.97, "{text}")
                    }
                }
            }
        }
    }

    #[test]
    fn russian_city_lines_start_with_the_place_in_its_case() {
        let d = draft(Lang::Ru, Pick::City(0, 0), false).unwrap();
        assert_eq!(d.headline, "В Лондоне ливень затопил улицы");
        let d = draft(Lang::Ar, Pick::City(0, 7), false).unwrap();
        assert_eq!(d.headline, "أمطار غزيرة تغمر شوارع القاهرة");
    }
}
