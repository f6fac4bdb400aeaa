//! The credit line printed under a photo, built from the photo's fields as the IPTC Photo
//! Metadata Standard defines them, in the house style `© AGENCY 2023 / PHOTOGRAPHER`.
//!
//! The fields mean different things, so each keeps its role:
//!
//! - the **Copyright Notice** (`dc:rights`, IIM 2:116) is the rights holder's own claim: it
//!   is the one part that carries the ©, and it is printed in its own words (with © put in
//!   front when it has none; a leading "(c)" becomes ©);
//! - the **Credit Line** (`photoshop:Credit`, IIM 2:110) is who the supplier requires to be
//!   credited: printed as is, never with a © of ours, unless the notice already names it;
//! - the **year** is the year the photo was made (`photoshop:DateCreated`, EXIF
//!   `DateTimeOriginal`), stored as the photo's `copyright_year`. It is printed only when
//!   there is no notice: a notice carries its own year, and digits inside other strings
//!   ("2023.2" in a notice) are never read as one;
//! - the **Creator** (`dc:creator`) closes the line after " / ", unless already named.
//!
//! So: with a notice, `{© notice} / {credit} / {creator}`; without one, the house style
//! `© {credit} {year} / {creator}`; parts that are empty or already named are left out.

/// The credit line for a photo's fields; empty when all of them are.
pub fn credit_line(notice: &str, credit: &str, creator: &str, year: Option<i32>) -> String {
    let notice = squeeze(notice);
    let credit = squeeze(credit);
    let creator = squeeze(creator);
    let mut parts: Vec<String> = Vec::new();
    if !notice.is_empty() {
        parts.push(with_mark(&notice));
        if !credit.is_empty() && !names(&parts, &credit) {
            parts.push(credit);
        }
    } else if !credit.is_empty() {
        parts.push(match year {
            Some(year) => format!("© {credit} {year}"),
            None => format!("© {credit}"),
        });
    }
    if !creator.is_empty() && !names(&parts, &creator) {
        parts.push(creator);
    }
    parts.join(" / ")
}

/// The notice with one copyright mark in front: kept as is when it has ©, a leading "(c)"
/// replaced by ©, else "© " added. "Copyright 2023 X" becomes "© Copyright 2023 X", the
/// form agencies print themselves.
fn with_mark(notice: &str) -> String {
    if notice.contains('©') {
        return notice.to_owned();
    }
    match notice.get(..3) {
        Some(head) if head.eq_ignore_ascii_case("(c)") => {
            format!("© {}", notice[3..].trim_start())
        }
        _ => format!("© {notice}"),
    }
}

/// Whether `name` already appears in the line (case-insensitively): an agency's notice
/// "© Reuters 2023" names the credit "REUTERS", a credit "Jane Doe/AFP" the creator.
fn names(parts: &[String], name: &str) -> bool {
    let name = name.to_lowercase();
    parts.iter().any(|p| p.to_lowercase().contains(&name))
}

/// Trimmed, with every run of white space one space (metadata often carries double spaces
/// and line breaks that would otherwise reach the page).
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The year of an IPTC Date Created (`2024-03-22T00:23:02+00:00`, `2024-03-22`, `2024`, or
/// EXIF's `2024:03:22 00:23:02`): the leading four digits when a date separator or nothing
/// follows them, and the year is plausible for a photograph.
pub fn year_of_date_created(date: &str) -> Option<i32> {
    let date = date.trim();
    let digits = date.get(..4)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !matches!(date.as_bytes().get(4), None | Some(b'-' | b':')) {
        return None;
    }
    digits
        .parse::<i32>()
        .ok()
        .filter(|y| (1826..=2200).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_iptc_reference_photo_gets_its_notice_with_the_mark() {
        let line = credit_line(
            "Copyright (Notice) 2023.2 IPTC - www.iptc.org  (ref2023.2)",
            "Credit Line (ref2023.2)",
            "Creator1 (ref2023.2)",
            Some(2024),
        );
        assert_eq!(
            line,
            "© Copyright (Notice) 2023.2 IPTC - www.iptc.org (ref2023.2) / Credit Line (ref2023.2) / Creator1 (ref2023.2)"
        );
    }

    #[test]
    fn without_a_notice_the_credit_carries_the_mark_and_the_year_created() {
        assert_eq!(
            credit_line("", "AFP", "Jane Doe", Some(2023)),
            "© AFP 2023 / Jane Doe"
        );
        assert_eq!(credit_line("", "AFP", "", None), "© AFP");
        assert_eq!(credit_line("", "", "Jane Doe", Some(2023)), "Jane Doe");
        assert_eq!(credit_line("", "", "", Some(2023)), "");
    }

    #[test]
    fn a_notice_is_printed_in_its_own_words_once_marked() {
        // Its own year, not ours; the credit it already names is not repeated.
        assert_eq!(
            credit_line("© Reuters 2026", "REUTERS", "Jane Doe", Some(2025)),
            "© Reuters 2026 / Jane Doe"
        );
        assert_eq!(credit_line("(c) 2021 AFP", "AFP", "", None), "© 2021 AFP");
        assert_eq!(
            credit_line(
                "Copyright 2022 Example Press",
                "Pool",
                "Jane Doe",
                Some(2022)
            ),
            "© Copyright 2022 Example Press / Pool / Jane Doe"
        );
    }

    #[test]
    fn a_creator_already_named_is_not_repeated() {
        assert_eq!(
            credit_line("", "Jane Doe/AFP", "Jane Doe", Some(2023)),
            "© Jane Doe/AFP 2023"
        );
        assert_eq!(
            credit_line("© Jane Doe 2020", "", "jane doe", None),
            "© Jane Doe 2020"
        );
    }

    #[test]
    fn the_year_is_read_from_a_date_created_only() {
        assert_eq!(
            year_of_date_created("2024-03-22T00:23:02+00:00"),
            Some(2024)
        );
        assert_eq!(year_of_date_created("2024:03:22 00:23:02"), Some(2024));
        assert_eq!(year_of_date_created("2024"), Some(2024));
        assert_eq!(year_of_date_created("20240322"), None);
        assert_eq!(year_of_date_created("2023.2"), None);
        assert_eq!(year_of_date_created("0001-01-01"), None);
        assert_eq!(year_of_date_created(""), None);
        assert_eq!(year_of_date_created("ٍ٢٠٢٤"), None);
    }
}
