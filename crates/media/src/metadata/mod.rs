//! Editorial metadata embedded in photos: XMP, IPTC IIM and EXIF.
//!
//! Where the same field appears in several blocks, XMP wins over IIM and IIM over EXIF,
//! as the IPTC and Metadata Working Group guidelines recommend: XMP is the newest and
//! the only one that is reliably Unicode.

mod container;
mod exif;
mod iim;
mod xmp;

use newsdesk_core::Credit;
use serde::{Deserialize, Serialize};

use crate::format;
use xmp::{NS_DC, NS_IPTC_CORE, NS_PHOTOSHOP, NS_XMP_RIGHTS};

/// The editorial fields of a photo, as supplied by the photographer or agency. Empty
/// strings mean "not supplied".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoMetadata {
    /// dc:description / IIM 2:120 / EXIF ImageDescription.
    pub caption: String,
    /// Iptc4xmpCore:AltTextAccessibility (XMP only).
    pub alt_text: String,
    /// Iptc4xmpCore:ExtDescrAccessibility (XMP only).
    pub extended_description: String,
    /// photoshop:Headline / IIM 2:105.
    pub headline: String,
    /// dc:title / IIM 2:05 (object name).
    pub title: String,
    /// dc:creator / IIM 2:80 / EXIF Artist.
    pub creator: Vec<String>,
    /// photoshop:AuthorsPosition / IIM 2:85.
    pub creator_job_title: String,
    /// photoshop:Credit / IIM 2:110: who must be credited, often the agency.
    pub credit_line: String,
    /// dc:rights / IIM 2:116 / EXIF Copyright.
    pub copyright_notice: String,
    /// photoshop:Source / IIM 2:115.
    pub source: String,
    /// xmpRights:UsageTerms.
    pub usage_terms: String,
    /// ISO 8601 as supplied, possibly only a date: photoshop:DateCreated / IIM 2:55+2:60 /
    /// EXIF DateTimeOriginal.
    pub date_created: Option<String>,
    /// photoshop:City / IIM 2:90.
    pub city: String,
    /// Iptc4xmpCore:Location / IIM 2:92.
    pub sublocation: String,
    /// photoshop:State / IIM 2:95.
    pub province_state: String,
    /// photoshop:Country / IIM 2:101.
    pub country: String,
    /// Iptc4xmpCore:CountryCode / IIM 2:100.
    pub country_code: String,
    /// dc:subject / IIM 2:25.
    pub keywords: Vec<String>,
    /// photoshop:Instructions / IIM 2:40.
    pub instructions: String,
    /// photoshop:TransmissionReference / IIM 2:103.
    pub job_id: String,
    /// photoshop:CaptionWriter / IIM 2:122.
    pub caption_writer: String,
}

/// Read the metadata of a JPEG, PNG or WebP file. Never fails: a file without metadata, or
/// with damaged metadata, gives empty fields.
pub fn read_metadata(bytes: &[u8]) -> PhotoMetadata {
    let Ok(kind) = format::detect(bytes) else {
        return PhotoMetadata::default();
    };
    let x = container::xmp_packet(kind, bytes)
        .map(|p| xmp::parse(&p))
        .unwrap_or_default();
    let i = container::app13_payloads(kind, bytes)
        .into_iter()
        .find_map(iim::from_app13)
        .unwrap_or_default();
    let e = exif::read(bytes);

    let pick = |candidates: [Option<String>; 3]| -> String {
        candidates
            .into_iter()
            .flatten()
            .map(|s| s.trim().to_owned())
            .find(|s| !s.is_empty())
            .unwrap_or_default()
    };
    let xt = |ns: &str, name: &str| x.text(ns, name);
    let list_or = |xmp: Vec<String>, iim: Vec<String>, exif: Option<String>| {
        if !xmp.is_empty() {
            xmp
        } else if !iim.is_empty() {
            iim
        } else {
            exif.into_iter().collect()
        }
    };

    PhotoMetadata {
        caption: pick([xt(NS_DC, "description"), i.get(2, 120), e.description]),
        alt_text: pick([xt(NS_IPTC_CORE, "AltTextAccessibility"), None, None]),
        extended_description: pick([xt(NS_IPTC_CORE, "ExtDescrAccessibility"), None, None]),
        headline: pick([xt(NS_PHOTOSHOP, "Headline"), i.get(2, 105), None]),
        title: pick([xt(NS_DC, "title"), i.get(2, 5), None]),
        creator: list_or(x.list(NS_DC, "creator"), i.all(2, 80), e.artist),
        creator_job_title: pick([xt(NS_PHOTOSHOP, "AuthorsPosition"), i.get(2, 85), None]),
        credit_line: pick([xt(NS_PHOTOSHOP, "Credit"), i.get(2, 110), None]),
        copyright_notice: pick([xt(NS_DC, "rights"), i.get(2, 116), e.copyright]),
        source: pick([xt(NS_PHOTOSHOP, "Source"), i.get(2, 115), None]),
        usage_terms: pick([xt(NS_XMP_RIGHTS, "UsageTerms"), None, None]),
        date_created: Some(pick([
            xt(NS_PHOTOSHOP, "DateCreated"),
            iim_date(i.get(2, 55), i.get(2, 60)),
            e.date_created,
        ]))
        .filter(|d| !d.is_empty()),
        city: pick([xt(NS_PHOTOSHOP, "City"), i.get(2, 90), None]),
        sublocation: pick([xt(NS_IPTC_CORE, "Location"), i.get(2, 92), None]),
        province_state: pick([xt(NS_PHOTOSHOP, "State"), i.get(2, 95), None]),
        country: pick([xt(NS_PHOTOSHOP, "Country"), i.get(2, 101), None]),
        country_code: pick([xt(NS_IPTC_CORE, "CountryCode"), i.get(2, 100), None]),
        keywords: list_or(x.list(NS_DC, "subject"), i.all(2, 25), None),
        instructions: pick([xt(NS_PHOTOSHOP, "Instructions"), i.get(2, 40), None]),
        job_id: pick([
            xt(NS_PHOTOSHOP, "TransmissionReference"),
            i.get(2, 103),
            None,
        ]),
        caption_writer: pick([xt(NS_PHOTOSHOP, "CaptionWriter"), i.get(2, 122), None]),
    }
}

/// IIM date `CCYYMMDD` and time `HHMMSS±HHMM` as ISO 8601.
fn iim_date(date: Option<String>, time: Option<String>) -> Option<String> {
    let d = date?;
    if d.len() != 8 || !d.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut out = format!("{}-{}-{}", &d[0..4], &d[4..6], &d[6..8]);
    if let Some(t) = time.filter(|t| t.len() >= 6 && t.is_char_boundary(6)) {
        let (hms, zone) = t.split_at(6);
        out.push_str(&format!("T{}:{}:{}", &hms[0..2], &hms[2..4], &hms[4..6]));
        if zone.len() == 5 && zone.is_char_boundary(3) {
            out.push_str(&format!("{}:{}", &zone[..3], &zone[3..]));
        }
    }
    Some(out)
}

/// The credit and year to prefill the photo form, each from the IPTC field that means it:
/// the agency is the Credit Line (or else the Source), the creator the photographers'
/// names, and the year that of Date Created. The Copyright Notice is kept whole beside
/// them (`copyright_notice`); no year is ever read out of it, since its digits may be
/// anything ("Copyright (Notice) 2023.2" in IPTC's reference photo).
pub fn suggested_credit(meta: &PhotoMetadata) -> (Credit, Option<i32>) {
    let agency = if meta.credit_line.trim().is_empty() {
        meta.source.trim()
    } else {
        meta.credit_line.trim()
    };
    let credit = Credit {
        agency: agency.to_owned(),
        creator: meta.creator.join(", "),
    };
    let year = meta
        .date_created
        .as_deref()
        .and_then(newsdesk_core::credit::year_of_date_created);
    (credit, year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iim_date_and_time_become_iso() {
        assert_eq!(
            iim_date(Some("20240322".into()), Some("002302+0000".into())).as_deref(),
            Some("2024-03-22T00:23:02+00:00")
        );
    }

    #[test]
    fn credit_prefers_the_credit_line_over_the_source() {
        let meta = PhotoMetadata {
            credit_line: "AFP".into(),
            source: "Agence France-Presse".into(),
            creator: vec!["Jane Doe".into()],
            date_created: Some("2021-05-01".into()),
            ..Default::default()
        };
        let (credit, year) = suggested_credit(&meta);
        assert_eq!(credit.agency, "AFP");
        assert_eq!(credit.creator, "Jane Doe");
        assert_eq!(year, Some(2021));
    }

    #[test]
    fn the_year_comes_from_date_created_never_from_the_notice() {
        let meta = PhotoMetadata {
            copyright_notice: "Copyright (Notice) 2023.2 IPTC".into(),
            date_created: Some("2024-03-22T00:23:02+00:00".into()),
            ..Default::default()
        };
        assert_eq!(suggested_credit(&meta).1, Some(2024));
        let undated = PhotoMetadata {
            copyright_notice: "© Reuters 2023".into(),
            ..Default::default()
        };
        assert_eq!(suggested_credit(&undated).1, None);
    }
}
