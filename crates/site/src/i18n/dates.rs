//! Dates and times as readers of each edition expect them.
//!
//! Times are stored in UTC and shown in the edition's time zone. Month names come from the
//! language file (`month-1` … `month-12`; genitive forms in Russian) and the order of the
//! parts from `date-long`/`date-time`. Digits stay Latin (0–9) in every edition, Arabic
//! included: that is what the large Arabic news sites print, and it keeps times, scores and
//! figures searchable and copyable. A language that wants native digits changes `digits()`.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::{I18n, args};

/// One moment, ready for a `<time datetime="…">…</time>` element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocalTime {
    /// RFC 3339 with the edition's offset, for the `datetime` attribute and JSON-LD.
    pub datetime: String,
    /// "27 November 2026".
    pub date: String,
    /// "14:05".
    pub time: String,
    /// "27 November 2026, 14:05 GMT".
    pub full: String,
}

/// Parts of a calendar day, for archive headings and links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateParts {
    /// `2026-11-27`.
    pub iso: String,
    /// "27 November 2026".
    pub long: String,
    /// `/2026/11/27`.
    pub path: String,
}

impl I18n {
    /// `at` in time zone `tz`, worded for `lang`.
    pub fn local_time(&self, lang: &str, tz: Tz, at: DateTime<Utc>) -> LocalTime {
        let local = at.with_timezone(&tz);
        let date = self.long_date(lang, local.date_naive());
        let time = digits(lang, &local.format("%H:%M").to_string());
        let zone = zone_label(&local.format("%Z").to_string());
        let full = self.get(
            lang,
            "date-time",
            Some(&args(&[
                ("date", date.clone()),
                ("time", time.clone()),
                ("zone", zone),
            ])),
        );
        LocalTime {
            datetime: local.to_rfc3339(),
            date,
            time,
            full,
        }
    }

    /// "27 November 2026" in `lang`.
    pub fn long_date(&self, lang: &str, day: NaiveDate) -> String {
        let month = self.text(lang, &format!("month-{}", day.month()));
        self.get(
            lang,
            "date-long",
            Some(&args(&[
                ("day", digits(lang, &day.day().to_string())),
                ("month", month),
                ("year", digits(lang, &day.year().to_string())),
            ])),
        )
    }

    /// "26/11" (en), "26.11" (ru): a day in a narrow column.
    pub fn numeric_date(&self, lang: &str, day: NaiveDate) -> String {
        self.get(
            lang,
            "date-numeric",
            Some(&args(&[
                ("day", digits(lang, &day.format("%d").to_string())),
                ("month", digits(lang, &day.format("%m").to_string())),
            ])),
        )
    }

    pub fn date_parts(&self, lang: &str, day: NaiveDate) -> DateParts {
        DateParts {
            iso: day.format("%Y-%m-%d").to_string(),
            long: self.long_date(lang, day),
            path: day.format("/%Y/%m/%d").to_string(),
        }
    }
}

/// Zones without a common abbreviation come as a bare offset (`+04`, `+0530`); readers
/// know those as `GMT+4` and `GMT+5:30`.
fn zone_label(abbreviation: &str) -> String {
    let Some(sign) = abbreviation
        .chars()
        .next()
        .filter(|c| *c == '+' || *c == '-')
    else {
        return abbreviation.to_owned();
    };
    let digits = &abbreviation[1..];
    let (hours, minutes) = digits.split_at(digits.len().min(2));
    let hours = hours.trim_start_matches('0');
    let hours = if hours.is_empty() { "0" } else { hours };
    match minutes.trim_start_matches(':') {
        "" | "00" => format!("GMT{sign}{hours}"),
        m => format!("GMT{sign}{hours}:{m}"),
    }
}

/// The digits policy in one place (see the module docs): Latin digits for every language.
fn digits(_lang: &str, s: &str) -> String {
    s.to_owned()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn shows_the_edition_zone_and_language() {
        let i18n = I18n::load().unwrap();
        let at = Utc.with_ymd_and_hms(2026, 11, 27, 23, 30, 0).unwrap();
        let moscow = i18n.local_time("ru", chrono_tz::Europe::Moscow, at);
        assert_eq!(moscow.datetime, "2026-11-28T02:30:00+03:00");
        assert_eq!(moscow.date, "28 ноября 2026");
        assert_eq!(moscow.time, "02:30");
        let london = i18n.local_time("en", chrono_tz::Europe::London, at);
        assert_eq!(london.full, "27 November 2026, 23:30 GMT");
        let dubai = i18n.local_time("ar", chrono_tz::Asia::Dubai, at);
        assert!(dubai.full.ends_with("03:30 GMT+4"), "{}", dubai.full);
        assert_eq!(zone_label("+0530"), "GMT+5:30");
        assert_eq!(zone_label("-03"), "GMT-3");
        let cairo = i18n.local_time("ar", chrono_tz::Africa::Cairo, at);
        assert!(cairo.date.contains("نوفمبر"), "{}", cairo.date);
    }
}
