//! How the newsroom prints a time: one helper for every page, the media library's
//! included, so the same moment reads the same wherever it appears.
//!
//! The rule: a time that belongs to an edition (an article, a page, a newsfeed item) is
//! shown in that edition's zone, anything else (audit log, jobs, tokens, uploads) in UTC;
//! either way it is labelled as English readers of the site see it
//! ([`newsdesk_site::i18n::zone_abbreviation`]: GMT, BST, EET, `GMT+4`, and UTC for UTC).
//! `%Z` alone printed "GMT" for London in the editor while a hard-coded "UTC" followed
//! the same instant on the dashboard.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use minijinja::Value;

/// `at` in zone `tz` (an IANA name; unknown or absent means UTC): `7 Dec 2026 10:30 GMT`.
pub fn label(at: DateTime<Utc>, tz: Option<&str>) -> String {
    let tz: Tz = tz.and_then(|t| t.parse().ok()).unwrap_or(chrono_tz::UTC);
    let local = at.with_timezone(&tz);
    format!(
        "{} {}",
        local.format("%-d %b %Y %H:%M"),
        newsdesk_site::i18n::zone_abbreviation(tz, at)
    )
}

/// The `datetime` template filter: `{{ a.updated_at|datetime(tz) }}`, or without a zone for
/// times that belong to no edition. Anything that is not an RFC 3339 time prints nothing.
pub fn datetime(value: Value, tz: Option<String>) -> String {
    value
        .as_str()
        .and_then(|s| s.parse::<DateTime<Utc>>().ok())
        .map(|at| label(at, tz.as_deref()))
        .unwrap_or_default()
}

/// The `local_input` filter: the value for an `<input type="datetime-local">` in `tz`.
pub fn local_input(value: Value, tz: Option<String>) -> String {
    let Some(at) = value.as_str().and_then(|s| s.parse::<DateTime<Utc>>().ok()) else {
        return String::new();
    };
    let tz: Tz = tz.and_then(|t| t.parse().ok()).unwrap_or(chrono_tz::UTC);
    at.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string()
}

/// The IANA zone of `edition`, for the times of what belongs to it; UTC when the edition
/// is unknown (never an error: a time shown in UTC, labelled so, is still right).
pub async fn edition_zone(state: &newsdesk_site::AppState, edition: &str) -> String {
    match state.store().get_edition(edition).await {
        Ok(e) => e.time_zone,
        Err(_) => "UTC".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn a_zone_is_named_as_the_reading_site_names_it() {
        let winter = at("2026-12-07T10:30:00Z");
        let summer = at("2026-07-07T10:30:00Z");
        assert_eq!(label(winter, None), "7 Dec 2026 10:30 UTC");
        assert_eq!(label(winter, Some("UTC")), "7 Dec 2026 10:30 UTC");
        assert_eq!(label(winter, Some("Europe/London")), "7 Dec 2026 10:30 GMT");
        assert_eq!(label(summer, Some("Europe/London")), "7 Jul 2026 11:30 BST");
        assert_eq!(label(winter, Some("Asia/Dubai")), "7 Dec 2026 14:30 GMT+4");
        assert_eq!(label(winter, Some("Not/AZone")), "7 Dec 2026 10:30 UTC");
    }

    #[test]
    fn the_filter_and_the_helper_agree() {
        let v = Value::from("2026-12-07T10:30:00Z");
        assert_eq!(
            datetime(v.clone(), Some("Europe/London".into())),
            "7 Dec 2026 10:30 GMT"
        );
        assert_eq!(datetime(v, None), "7 Dec 2026 10:30 UTC");
        assert_eq!(datetime(Value::from("yesterday"), None), "");
    }
}
