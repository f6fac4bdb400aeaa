//! Walking the marker segments of a JPEG file, up to the first scan.

/// One marker segment: its marker byte and its payload (after the 2-byte length).
#[derive(Debug, Clone, Copy)]
pub struct Segment<'a> {
    pub marker: u8,
    pub payload: &'a [u8],
}

/// The header segments of a JPEG file and where its first scan's data begins.
#[derive(Debug, Default)]
pub struct Header<'a> {
    pub segments: Vec<Segment<'a>>,
    /// Offset of the byte after the SOS segment, if one was reached.
    pub scan_data: Option<usize>,
}

/// Parse the segments before the image data. Stops quietly at anything malformed: callers
/// treat a missing segment as "not there", and the decoder judges the file itself.
pub fn header(b: &[u8]) -> Header<'_> {
    let mut out = Header::default();
    if !b.starts_with(&[0xFF, 0xD8]) {
        return out;
    }
    let mut i = 2;
    while i + 1 < b.len() {
        if b[i] != 0xFF {
            break;
        }
        let marker = b[i + 1];
        if marker == 0xFF {
            // Fill byte.
            i += 1;
            continue;
        }
        if marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            i += 2;
            continue;
        }
        if marker == 0xD9 {
            break;
        }
        let Some(len) = b
            .get(i + 2..i + 4)
            .map(|l| usize::from(u16::from_be_bytes([l[0], l[1]])))
        else {
            break;
        };
        if len < 2 || i + 2 + len > b.len() {
            break;
        }
        let payload = &b[i + 4..i + 2 + len];
        out.segments.push(Segment { marker, payload });
        i += 2 + len;
        if marker == 0xDA {
            out.scan_data = Some(i);
            break;
        }
    }
    out
}

/// Width and height from the start-of-frame segment.
pub fn dimensions(b: &[u8]) -> Option<(u32, u32)> {
    header(b).segments.iter().find_map(|s| {
        let is_sof = (0xC0..=0xCF).contains(&s.marker) && !matches!(s.marker, 0xC4 | 0xC8 | 0xCC);
        if !is_sof || s.payload.len() < 5 {
            return None;
        }
        let height = u32::from(u16::from_be_bytes([s.payload[1], s.payload[2]]));
        let width = u32::from(u16::from_be_bytes([s.payload[3], s.payload[4]]));
        Some((width, height))
    })
}

/// The component count and whether the frame is progressive (SOF2, SOF6, SOF10, SOF14),
/// from the start-of-frame segment: what decoding it will cost.
pub fn frame(b: &[u8]) -> Option<(u64, bool)> {
    header(b).segments.iter().find_map(|s| {
        let is_sof = (0xC0..=0xCF).contains(&s.marker) && !matches!(s.marker, 0xC4 | 0xC8 | 0xCC);
        if !is_sof {
            return None;
        }
        let components = u64::from(*s.payload.get(5)?);
        Some((components, matches!(s.marker, 0xC2 | 0xC6 | 0xCA | 0xCE)))
    })
}

/// A complete JPEG has an end-of-image marker after its first scan. Inside entropy-coded
/// data a 0xFF byte is always followed by 0x00 or a marker, so `FF D9` found there is the
/// real end. Segments are walked first so that an EXIF thumbnail's own end marker, which
/// lies inside APP1, is not mistaken for it.
pub fn is_complete(b: &[u8]) -> bool {
    match header(b).scan_data {
        Some(start) => b[start..].windows(2).any(|w| w == [0xFF, 0xD9]),
        None => false,
    }
}

/// The payloads of the APPn segments (`0xE0 + n`).
pub fn app_segments(b: &[u8], n: u8) -> impl Iterator<Item = &[u8]> {
    header(b)
        .segments
        .into_iter()
        .filter(move |s| s.marker == 0xE0 + n)
        .map(|s| s.payload)
}
