//! The date formats syndication formats ask for, and the one rule for which instants an
//! article's "published" and "modified" are, shared by JSON-LD, Open Graph, feeds and
//! sitemaps so that `dateModified`, `article:modified_time`, `<updated>` and `<lastmod>`
//! are always the same instant.

use chrono::{DateTime, SecondsFormat, Utc};
use newsdesk_core::{Article, Edition};

/// RFC 3339 with an explicit offset (`2026-11-27T09:30:00+03:00`), in the edition's time
/// zone so the offset is the one its readers live in. Never `Z`: Google's article
/// guidelines ask for a time zone, and an offset is unambiguous to every parser.
pub fn rfc3339_in(at: DateTime<Utc>, edition: &Edition) -> String {
    at.with_timezone(&edition.tz())
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// RFC 3339 in UTC with `+00:00`, for places with no edition (sitemap index, feeds of
/// authors who write for several editions).
pub fn rfc3339_utc(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// RFC 822 date as RSS 2.0 wants it (`Fri, 27 Nov 2026 09:30:00 +0000`).
pub fn rfc822(at: DateTime<Utc>) -> String {
    at.to_rfc2822()
}

/// When readers first could see the article (`published_at`, else the first publication,
/// else creation, for callers that render a preview).
pub fn published_at(article: &Article) -> DateTime<Utc> {
    article
        .published_at
        .or(article.first_published_at)
        .unwrap_or(article.created_at)
}

/// The last change readers can see. Publishing may set `published_at` after the last
/// save, and a modified time before the published one is invalid structured data, so
/// the later of the two wins.
pub fn modified_at(article: &Article) -> DateTime<Utc> {
    latest(published_at(article), article.updated_at)
}

pub(crate) fn latest(published: DateTime<Utc>, updated: DateTime<Utc>) -> DateTime<Utc> {
    published.max(updated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use newsdesk_core::Direction;

    fn edition(tz: &str) -> Edition {
        Edition {
            code: "ru".into(),
            name: "Русский".into(),
            direction: Direction::Ltr,
            time_zone: tz.into(),
            is_default: false,
        }
    }

    #[test]
    fn rfc3339_carries_the_editions_offset() {
        let at = Utc
            .with_ymd_and_hms(2026, 11, 27, 9, 30, 0)
            .single()
            .unwrap_or_default();
        assert_eq!(
            rfc3339_in(at, &edition("Europe/Moscow")),
            "2026-11-27T12:30:00+03:00"
        );
        assert_eq!(rfc3339_in(at, &edition("UTC")), "2026-11-27T09:30:00+00:00");
        assert_eq!(rfc3339_utc(at), "2026-11-27T09:30:00+00:00");
        assert_eq!(rfc822(at), "Fri, 27 Nov 2026 09:30:00 +0000");
    }

    #[test]
    fn modified_is_never_before_published() {
        let early = Utc
            .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
            .single()
            .unwrap_or_default();
        let late = Utc
            .with_ymd_and_hms(2026, 1, 2, 0, 0, 0)
            .single()
            .unwrap_or_default();
        assert_eq!(latest(late, early), late);
        assert_eq!(latest(early, late), late);
    }
}
