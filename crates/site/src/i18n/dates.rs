//! Dates and times as readers of each edition expect them.
//!
//! Times are stored in UTC and shown in the edition's time zone. Month names come from the
//! language file (`month-1` … `month-12`; genitive forms in Russian) and the order of the
//! parts from `date-long`/`date-time`. Digits stay Latin (0–9) in every edition, Arabic
//! included: that is what the large Arabic news sites print, and it keeps times, scores and
//! figures searchable and copyable. A language that wants native digits changes `digits()`.
//!
//! The zone after a time is worded by the language file too (`date-zone`), from the
//! edition's IANA zone: Russian sites write «МСК», Arabic ones «بتوقيت القاهرة», English
//! ones the abbreviation (GMT, EET); a zone a file does not name is an offset from GMT.

use chrono::{DateTime, Datelike, NaiveDate, Offset, SecondsFormat, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::{I18n, args};

/// One moment, ready for a `<time datetime="…">…</time>` element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocalTime {
    /// RFC 3339 with the edition's offset, to the second, for the `datetime` attribute
    /// (HTML allows at most three fractional digits; stored times carry six).
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
        let zone = self.zone(lang, tz, at);
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
            datetime: local.to_rfc3339_opts(SecondsFormat::Secs, false),
            date,
            time,
            full,
        }
    }

    /// The zone `tz` at `at` as readers of `lang` name it ("GMT", "МСК", "بتوقيت القاهرة").
    pub fn zone(&self, lang: &str, tz: Tz, at: DateTime<Utc>) -> String {
        let local = at.with_timezone(&tz);
        let seconds = local.offset().fix().local_minus_utc();
        self.get(
            lang,
            "date-zone",
            Some(&args(&[
                ("abbr", zone_abbreviation(tz, at)),
                // Fluent variant keys cannot hold "/": `Europe-Moscow`.
                ("zone", tz.name().replace('/', "-")),
                ("offset", offset_label(seconds)),
            ])),
        )
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

/// The zone `tz` at `at` as English readers name it: its abbreviation (GMT, BST, EET, UTC
/// for UTC itself), or `GMT+4` where the zone has none. English pages print it after a
/// time (`date-zone`), and the newsroom prints it after every time it shows, so both name
/// a zone the same way.
pub fn zone_abbreviation(tz: Tz, at: DateTime<Utc>) -> String {
    zone_label(&at.with_timezone(&tz).format("%Z").to_string())
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

/// `+3`, `-3:30`, or nothing for GMT itself: what follows "GMT" in a label.
fn offset_label(seconds: i32) -> String {
    if seconds == 0 {
        return String::new();
    }
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    match (minutes / 60, minutes % 60) {
        (h, 0) => format!("{sign}{h}"),
        (h, m) => format!("{sign}{h}:{m:02}"),
    }
}

/// The digits policy in one place (see the module docs): Latin digits for every language.
fn digits(_lang: &str, s: &str) -> String {
    s.to_owned()
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Timelike};

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
        assert!(
            dubai.full.ends_with("03:30 بتوقيت الإمارات"),
            "{}",
            dubai.full
        );
        assert_eq!(zone_label("+0530"), "GMT+5:30");
        assert_eq!(zone_label("-03"), "GMT-3");
        let cairo = i18n.local_time("ar", chrono_tz::Africa::Cairo, at);
        assert!(cairo.date.contains("نوفمبر"), "{}", cairo.date);
    }

    #[test]
    fn datetime_attributes_stop_at_the_second() {
        let i18n = I18n::load().unwrap();
        let at = Utc
            .with_ymd_and_hms(2026, 11, 27, 9, 5, 7)
            .unwrap()
            .with_nanosecond(123_456_000)
            .unwrap();
        let t = i18n.local_time("en", chrono_tz::Europe::London, at);
        assert_eq!(t.datetime, "2026-11-27T09:05:07+00:00");
        let t = i18n.local_time("ar", chrono_tz::Africa::Cairo, at);
        assert_eq!(t.datetime, "2026-11-27T11:05:07+02:00");
    }

    #[test]
    fn zones_are_named_in_the_readers_script() {
        let i18n = I18n::load().unwrap();
        let winter = Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0).unwrap();
        let summer = Utc.with_ymd_and_hms(2026, 7, 15, 12, 0, 0).unwrap();
        let zone = |lang, tz, at| i18n.zone(lang, tz, at);
        for at in [winter, summer] {
            assert_eq!(zone("ru", chrono_tz::Europe::Moscow, at), "МСК");
            assert_eq!(zone("ar", chrono_tz::Africa::Cairo, at), "بتوقيت القاهرة");
        }
        assert_eq!(zone("en", chrono_tz::Africa::Cairo, winter), "EET");
        assert_eq!(zone("en", chrono_tz::Europe::London, summer), "BST");
        assert_eq!(zone("ru", chrono_tz::Asia::Yekaterinburg, winter), "МСК+2");
        // A zone a language file does not name: its offset from GMT, in the reader's words.
        assert_eq!(
            zone("ar", chrono_tz::Asia::Kolkata, winter),
            "بتوقيت غرينتش+5:30"
        );
        assert_eq!(zone("ar", chrono_tz::UTC, winter), "بتوقيت غرينتش");
        assert_eq!(zone("ru", chrono_tz::America::New_York, winter), "GMT-5");
        // The date and time line of an article in each demo edition carries no Latin zone.
        let line = i18n.local_time("ar", chrono_tz::Africa::Cairo, winter).full;
        assert!(!line.chars().any(|c| c.is_ascii_alphabetic()), "{line}");
        let line = i18n
            .local_time("ru", chrono_tz::Europe::Moscow, winter)
            .full;
        assert!(!line.chars().any(|c| c.is_ascii_alphabetic()), "{line}");
    }
}
