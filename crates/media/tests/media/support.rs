//! Shared fixtures.

use std::path::PathBuf;

pub fn samples_dir() -> PathBuf {
    // The repository's own copies of the sample files: <workspace root>/fixtures (see its README).
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/iptc-photo")
}

pub fn reference_jpeg() -> Vec<u8> {
    let path = samples_dir().join("IPTC-PhotometadataRef-Std2023.2.jpg");
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

pub fn reference_expected() -> serde_json::Value {
    let path = samples_dir().join("IPTC-PhotometadataRef-Std2023.2.expected.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let json: serde_json::Value = serde_json::from_str(&text).expect("expected.json parses");
    json["values"].clone()
}

/// A JPEG with `segments` (marker, payload) inserted right after SOI.
pub fn jpeg_with_segments(base: &[u8], segments: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let mut out = base[..2].to_vec();
    for (marker, payload) in segments {
        out.extend_from_slice(&[0xFF, *marker]);
        let len = u16::try_from(payload.len() + 2).expect("segment fits");
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(payload);
    }
    out.extend_from_slice(&base[2..]);
    out
}

/// A small real JPEG without metadata.
pub fn plain_jpeg(width: u32, height: u32) -> Vec<u8> {
    newsdesk_media::generate_demo_photo(
        1,
        width,
        height,
        newsdesk_media::demo_photo::DemoPalette::Noon,
    )
    .expect("demo photo encodes")
}
