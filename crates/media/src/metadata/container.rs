//! Finding the metadata blocks inside JPEG, PNG and WebP files.

use crate::format::ImageKind;
use crate::jpeg;

const XMP_APP1_HEADER: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";

/// The XMP packet as text, if the file carries one.
pub fn xmp_packet(kind: ImageKind, bytes: &[u8]) -> Option<String> {
    let raw = match kind {
        ImageKind::Jpeg => jpeg::app_segments(bytes, 1)
            .find_map(|p| p.strip_prefix(XMP_APP1_HEADER))
            .map(<[u8]>::to_vec),
        ImageKind::Png => png_itxt(bytes, b"XML:com.adobe.xmp"),
        ImageKind::Webp => riff_chunk(bytes, b"XMP ").map(<[u8]>::to_vec),
    }?;
    Some(String::from_utf8_lossy(&raw).into_owned())
}

/// The APP13 payloads (IPTC IIM lives only in JPEG files in practice).
pub fn app13_payloads(kind: ImageKind, bytes: &[u8]) -> Vec<&[u8]> {
    match kind {
        ImageKind::Jpeg => jpeg::app_segments(bytes, 13).collect(),
        _ => Vec::new(),
    }
}

/// The text of an uncompressed iTXt chunk with the given keyword.
fn png_itxt(bytes: &[u8], keyword: &[u8]) -> Option<Vec<u8>> {
    let mut i = 8;
    while i + 12 <= bytes.len() {
        let len = u32::from_be_bytes(bytes[i..i + 4].try_into().ok()?) as usize;
        let kind = &bytes[i + 4..i + 8];
        let data = bytes.get(i + 8..(i + 8).checked_add(len)?)?;
        if kind == b"IEND" {
            return None;
        }
        if kind == b"iTXt"
            && let Some(text) = itxt_text(data, keyword)
        {
            return Some(text.to_vec());
        }
        i += 12 + len;
    }
    None
}

fn itxt_text<'a>(data: &'a [u8], keyword: &[u8]) -> Option<&'a [u8]> {
    let rest = data.strip_prefix(keyword)?.strip_prefix(b"\0")?;
    let (&compressed, rest) = rest.split_first()?;
    if compressed != 0 {
        return None;
    }
    let rest = rest.get(1..)?; // compression method
    let lang_end = rest.iter().position(|&b| b == 0)?;
    let rest = &rest[lang_end + 1..];
    let tkw_end = rest.iter().position(|&b| b == 0)?;
    Some(&rest[tkw_end + 1..])
}

fn riff_chunk<'a>(bytes: &'a [u8], id: &[u8; 4]) -> Option<&'a [u8]> {
    let mut i = 12;
    while i + 8 <= bytes.len() {
        let size = u32::from_le_bytes(bytes[i + 4..i + 8].try_into().ok()?) as usize;
        let data = bytes.get(i + 8..(i + 8).checked_add(size)?)?;
        if &bytes[i..i + 4] == id {
            return Some(data);
        }
        i += 8 + size + (size & 1);
    }
    None
}
