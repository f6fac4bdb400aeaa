//! Photo metadata from the IPTC reference image and from hand-made conflicting blocks.

use newsdesk_media::{PhotoMetadata, read_metadata, suggested_credit};

use crate::support::{jpeg_with_segments, plain_jpeg, reference_expected, reference_jpeg};

#[test]
fn iptc_reference_image_fields_match_exiftool() {
    let meta = read_metadata(&reference_jpeg());
    let want = reference_expected();
    let s = |k: &str| {
        want[k]
            .as_str()
            .unwrap_or_else(|| panic!("{k} in expected.json"))
    };

    assert_eq!(meta.caption, s("XMP-dc:Description"));
    assert_eq!(meta.caption, "The description aka caption (ref2023.2)");
    assert_eq!(meta.alt_text, s("XMP-iptcCore:AltTextAccessibility"));
    assert_eq!(
        meta.extended_description,
        s("XMP-iptcCore:ExtDescrAccessibility")
    );
    assert_eq!(meta.creator, ["Creator1 (ref2023.2)"]);
    assert_eq!(meta.creator_job_title, s("XMP-photoshop:AuthorsPosition"));
    assert_eq!(meta.credit_line, s("XMP-photoshop:Credit"));
    assert_eq!(meta.copyright_notice, s("XMP-dc:Rights"));
    assert_eq!(meta.source, s("XMP-photoshop:Source"));
    assert_eq!(meta.headline, s("XMP-photoshop:Headline"));
    assert_eq!(meta.title, s("XMP-dc:Title"));
    assert_eq!(meta.city, s("XMP-photoshop:City"));
    assert_eq!(meta.sublocation, s("XMP-iptcCore:Location"));
    assert_eq!(meta.province_state, s("XMP-photoshop:State"));
    assert_eq!(meta.country, s("XMP-photoshop:Country"));
    assert_eq!(meta.country_code, "R23");
    assert_eq!(meta.instructions, s("XMP-photoshop:Instructions"));
    assert_eq!(meta.job_id, s("XMP-photoshop:TransmissionReference"));
    assert_eq!(meta.caption_writer, s("XMP-photoshop:CaptionWriter"));
    assert_eq!(meta.usage_terms, s("XMP-xmpRights:UsageTerms"));
    assert_eq!(
        meta.keywords,
        [
            "Keyword1ref2023.2",
            "Keyword2ref2023.2",
            "Keyword3ref2023.2"
        ]
    );
    assert_eq!(
        meta.date_created.as_deref(),
        Some("2024-03-22T00:23:02+00:00")
    );
}

#[test]
fn reference_image_suggests_credit_and_year() {
    let (credit, year) = suggested_credit(&read_metadata(&reference_jpeg()));
    assert_eq!(credit.agency, "Credit Line (ref2023.2)");
    assert_eq!(credit.creator, "Creator1 (ref2023.2)");
    // The year of Date Created (2024-03-22), never "2023" read out of the notice's "2023.2".
    assert_eq!(year, Some(2024));
}

fn xmp_segment(description: &str, creator: &str) -> (u8, Vec<u8>) {
    let packet = format!(
        r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">{description}</rdf:li></rdf:Alt></dc:description><dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#
    );
    let mut payload = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    payload.extend_from_slice(packet.as_bytes());
    (0xE1, payload)
}

fn iim_segment(datasets: &[(u8, u8, &[u8])]) -> (u8, Vec<u8>) {
    let mut iim = Vec::new();
    for (record, ds, value) in datasets {
        iim.extend_from_slice(&[0x1C, *record, *ds]);
        iim.extend_from_slice(&(value.len() as u16).to_be_bytes());
        iim.extend_from_slice(value);
    }
    let mut payload = b"Photoshop 3.0\0".to_vec();
    payload.extend_from_slice(b"8BIM\x04\x04\0\0");
    payload.extend_from_slice(&(iim.len() as u32).to_be_bytes());
    payload.extend_from_slice(&iim);
    if iim.len() % 2 == 1 {
        payload.push(0);
    }
    (0xED, payload)
}

/// EXIF APP1 with IFD0 ImageDescription (270) and Artist (315), big-endian.
fn exif_segment(description: &str, artist: &str) -> (u8, Vec<u8>) {
    let strings = [(270u16, description), (315u16, artist)];
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    let entries = strings.len() as u16;
    tiff.extend_from_slice(&entries.to_be_bytes());
    let mut data_offset = 8 + 2 + 12 * u32::from(entries) + 4;
    let mut data = Vec::new();
    for (tag, text) in strings {
        let mut value = text.as_bytes().to_vec();
        value.push(0);
        tiff.extend_from_slice(&tag.to_be_bytes());
        tiff.extend_from_slice(&2u16.to_be_bytes()); // ASCII
        tiff.extend_from_slice(&(value.len() as u32).to_be_bytes());
        tiff.extend_from_slice(&data_offset.to_be_bytes());
        data_offset += value.len() as u32;
        data.extend(value);
    }
    tiff.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
    tiff.extend(data);
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend(tiff);
    (0xE1, payload)
}

#[test]
fn xmp_wins_over_iim_and_iim_over_exif() {
    let base = plain_jpeg(64, 48);
    let all = jpeg_with_segments(
        &base,
        &[
            exif_segment("exif caption", "Exif Artist"),
            xmp_segment("xmp caption", "Xmp Creator"),
            iim_segment(&[
                (2, 120, b"iim caption"),
                (2, 80, b"Iim Byline"),
                (2, 110, b"IIM AGENCY"),
            ]),
        ],
    );
    let meta = read_metadata(&all);
    assert_eq!(meta.caption, "xmp caption");
    assert_eq!(meta.creator, ["Xmp Creator"]);
    assert_eq!(
        meta.credit_line, "IIM AGENCY",
        "fields absent from XMP fall back to IIM"
    );

    let no_xmp = jpeg_with_segments(
        &base,
        &[
            exif_segment("exif caption", "Exif Artist"),
            iim_segment(&[(2, 120, b"iim caption")]),
        ],
    );
    let meta = read_metadata(&no_xmp);
    assert_eq!(meta.caption, "iim caption");
    assert_eq!(
        meta.creator,
        ["Exif Artist"],
        "no IIM by-line, so EXIF Artist"
    );

    let exif_only = jpeg_with_segments(&base, &[exif_segment("exif caption", "Exif Artist")]);
    assert_eq!(read_metadata(&exif_only).caption, "exif caption");
}

#[test]
fn iim_honours_the_utf8_marker() {
    let base = plain_jpeg(32, 32);
    let utf8 = "Zoë Müller";
    let with_marker = jpeg_with_segments(
        &base,
        &[iim_segment(&[(1, 90, b"\x1b%G"), (2, 80, utf8.as_bytes())])],
    );
    assert_eq!(read_metadata(&with_marker).creator, [utf8]);
    let latin1 = jpeg_with_segments(&base, &[iim_segment(&[(2, 80, b"Zo\xeb M\xfcller")])]);
    assert_eq!(read_metadata(&latin1).creator, [utf8]);
}

#[test]
fn files_without_metadata_give_empty_fields() {
    assert_eq!(read_metadata(&plain_jpeg(32, 32)), PhotoMetadata::default());
    assert_eq!(read_metadata(b"not an image"), PhotoMetadata::default());
}

#[test]
fn damaged_files_never_panic_the_readers() {
    let photo = jpeg_with_segments(
        &plain_jpeg(48, 32),
        &[
            exif_segment("exif caption", "Exif Artist"),
            xmp_segment("xmp caption", "Xmp Creator"),
            iim_segment(&[(2, 120, b"iim caption"), (2, 80, b"Byline")]),
        ],
    );
    let limits = newsdesk_media::Limits::default();
    // Every truncation point in the metadata-heavy header, and a spread of byte flips.
    let header_end = photo.len().min(1200);
    for cut in 0..header_end {
        let _ = read_metadata(&photo[..cut]);
        let _ = newsdesk_media::inspect(&photo[..cut], &limits);
    }
    for (i, at) in (2..header_end).step_by(7).enumerate() {
        let mut bad = photo.clone();
        bad[at] ^= [0xFF, 0x80, 0x01, 0x7F][i % 4];
        let _ = read_metadata(&bad);
        let _ = newsdesk_media::inspect(&bad, &limits);
    }
    assert_eq!(read_metadata(&photo).caption, "xmp caption");
}
