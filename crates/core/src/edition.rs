//! Editions: one per language the site publishes in.

use serde::{Deserialize, Serialize};

use crate::error::{ValidationError, Validator};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }

    /// The usual direction of a language's script; an edition may still override it.
    pub fn for_language(code: &str) -> Direction {
        let primary = code.split('-').next().unwrap_or(code);
        match primary {
            "ar" | "he" | "fa" | "ur" | "ps" | "yi" | "dv" | "ku" | "sd" | "ug" => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    pub fn parse(s: &str) -> Option<Direction> {
        match s {
            "ltr" => Some(Direction::Ltr),
            "rtl" => Some(Direction::Rtl),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edition {
    /// BCP 47 language tag, e.g. `en`, `ru`, `ar`, `pt-BR`; also the first path segment.
    pub code: String,
    /// The edition's name in its own language ("English", "Русский", "العربية").
    pub name: String,
    pub direction: Direction,
    /// IANA time zone used to display times, e.g. `Europe/London`.
    pub time_zone: String,
    /// The edition a reader lands on when nothing else says which.
    pub is_default: bool,
}

impl Edition {
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut v = Validator::new();
        v.check(
            is_bcp47(&self.code),
            "code",
            "must be a BCP 47 language tag such as en, ru or pt-BR",
        );
        v.text(&self.name, "name", 100);
        v.check(
            self.time_zone.parse::<chrono_tz::Tz>().is_ok(),
            "time_zone",
            "must be an IANA time zone such as Europe/London",
        );
        v.finish()
    }

    /// The edition's time zone; UTC if the stored name is unknown (validated on write).
    pub fn tz(&self) -> chrono_tz::Tz {
        self.time_zone.parse().unwrap_or(chrono_tz::UTC)
    }

    /// The primary language subtag (`pt` for `pt-BR`).
    pub fn language(&self) -> &str {
        self.code.split('-').next().unwrap_or(&self.code)
    }
}

/// A deliberately small BCP 47 check: language (2–3 letters), optional script (4 letters)
/// and region (2 letters or 3 digits). Enough for edition codes, which double as URL segments.
pub fn is_bcp47(code: &str) -> bool {
    let mut parts = code.split('-');
    let Some(lang) = parts.next() else {
        return false;
    };
    if !(2..=3).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let mut rest: Vec<&str> = parts.collect();
    if let Some(first) = rest.first()
        && first.len() == 4
        && first.bytes().all(|b| b.is_ascii_alphabetic())
    {
        rest.remove(0);
    }
    match rest.as_slice() {
        [] => true,
        [region] => {
            (region.len() == 2 && region.bytes().all(|b| b.is_ascii_uppercase()))
                || (region.len() == 3 && region.bytes().all(|b| b.is_ascii_digit()))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edition(code: &str, tz: &str) -> Edition {
        Edition {
            code: code.into(),
            name: "X".into(),
            direction: Direction::for_language(code),
            time_zone: tz.into(),
            is_default: false,
        }
    }

    #[test]
    fn accepts_real_codes_and_zones() {
        for code in ["en", "ru", "ar", "pt-BR", "zh-Hant", "es-419"] {
            assert!(edition(code, "Europe/London").validate().is_ok(), "{code}");
        }
        assert_eq!(Direction::for_language("ar"), Direction::Rtl);
        assert_eq!(Direction::for_language("en-GB"), Direction::Ltr);
    }

    #[test]
    fn names_every_bad_field() {
        let err = edition("English", "Mars/Olympus")
            .validate()
            .err()
            .map(|e| e.errors.len());
        assert_eq!(err, Some(2));
    }
}
