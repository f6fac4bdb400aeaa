//! Recognising an image by its first bytes and reading its size from the header.
//!
//! The size is read by hand from the few header bytes that hold it, so a file that claims
//! to be enormous is refused before any decoder allocates a pixel buffer for it.

use crate::error::MediaError;

/// The image formats Newsdesk accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageKind {
    Jpeg,
    Png,
    Webp,
}

impl ImageKind {
    pub fn content_type(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Png => "image/png",
            ImageKind::Webp => "image/webp",
        }
    }

    /// File extension used in storage keys.
    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "jpg",
            ImageKind::Png => "png",
            ImageKind::Webp => "webp",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "JPEG",
            ImageKind::Png => "PNG",
            ImageKind::Webp => "WebP",
        }
    }

    pub(crate) fn image_format(self) -> image::ImageFormat {
        match self {
            ImageKind::Jpeg => image::ImageFormat::Jpeg,
            ImageKind::Png => image::ImageFormat::Png,
            ImageKind::Webp => image::ImageFormat::WebP,
        }
    }
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Identify the format from the content. File names and declared content types are never
/// consulted: they are whatever the uploader's machine made up.
pub fn detect(bytes: &[u8]) -> Result<ImageKind, MediaError> {
    if bytes.is_empty() {
        return Err(MediaError::Empty);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(ImageKind::Jpeg);
    }
    if bytes.starts_with(PNG_SIGNATURE) {
        return Ok(ImageKind::Png);
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Ok(ImageKind::Webp);
    }
    if let Some(format) = isobmff_image_brand(bytes) {
        // The image crate decodes AVIF only through the native dav1d library; HEIC not at all.
        return Err(MediaError::NotSupportedYet { format });
    }
    Err(MediaError::UnsupportedFormat)
}

/// AVIF and HEIC are ISO base media files: a `ftyp` box naming the brand at offset 4.
fn isobmff_image_brand(bytes: &[u8]) -> Option<&'static str> {
    if bytes.len() < 16 || &bytes[4..8] != b"ftyp" {
        return None;
    }
    let box_len = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
    let end = box_len.clamp(16, bytes.len());
    // Major brand at 8..12, then minor version, then compatible brands.
    let brands = std::iter::once(&bytes[8..12]).chain(bytes[16..end].chunks_exact(4));
    let mut heif = false;
    for brand in brands {
        match brand {
            b"avif" | b"avis" => return Some("AVIF"),
            b"heic" | b"heix" | b"heim" | b"heis" | b"mif1" | b"msf1" => heif = true,
            _ => {}
        }
    }
    heif.then_some("HEIC/HEIF")
}

/// Width and height as the header declares them, without decoding pixels.
pub fn header_dimensions(kind: ImageKind, bytes: &[u8]) -> Result<(u32, u32), MediaError> {
    let dims = match kind {
        ImageKind::Png => png_dimensions(bytes),
        ImageKind::Jpeg => crate::jpeg::dimensions(bytes),
        ImageKind::Webp => webp_dimensions(bytes),
    };
    dims.ok_or_else(|| MediaError::Corrupt {
        format: kind.name(),
        detail: "its header does not state the image size".into(),
    })
}

fn be_u32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn le_u24(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 3)?;
    Some(u32::from(s[0]) | u32::from(s[1]) << 8 | u32::from(s[2]) << 16)
}

fn png_dimensions(b: &[u8]) -> Option<(u32, u32)> {
    // The IHDR chunk must come first: length(4) "IHDR" width(4) height(4).
    if b.get(12..16)? != b"IHDR" {
        return None;
    }
    Some((be_u32(b, 16)?, be_u32(b, 20)?))
}

fn webp_dimensions(b: &[u8]) -> Option<(u32, u32)> {
    let chunk = b.get(12..16)?;
    match chunk {
        // Lossy: frame header after a 3-byte frame tag and the 9d 01 2a start code.
        b"VP8 " => {
            if b.get(23..26)? != [0x9d, 0x01, 0x2a] {
                return None;
            }
            let w = u32::from(u16::from_le_bytes([*b.get(26)?, *b.get(27)?]) & 0x3FFF);
            let h = u32::from(u16::from_le_bytes([*b.get(28)?, *b.get(29)?]) & 0x3FFF);
            Some((w, h))
        }
        // Lossless: signature 0x2f, then 14 bits width-1, 14 bits height-1.
        b"VP8L" => {
            if *b.get(20)? != 0x2f {
                return None;
            }
            let bits = u32::from_le_bytes(b.get(21..25)?.try_into().ok()?);
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        // Extended: 24-bit canvas width-1 and height-1.
        b"VP8X" => Some((le_u24(b, 24)? + 1, le_u24(b, 27)? + 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_not_an_image_whatever_its_name() {
        assert!(matches!(
            detect(b"hello, this is not a photo"),
            Err(MediaError::UnsupportedFormat)
        ));
    }

    #[test]
    fn avif_is_refused_by_name() {
        let mut avif = vec![0, 0, 0, 0x1c];
        avif.extend_from_slice(b"ftypavif\0\0\0\0avifmif1miaf");
        let err = detect(&avif)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("AVIF"), "{err}");
    }

    #[test]
    fn png_size_comes_from_ihdr() {
        let mut png = PNG_SIGNATURE.to_vec();
        png.extend_from_slice(&[0, 0, 0, 13]);
        png.extend_from_slice(b"IHDR");
        png.extend_from_slice(&20000u32.to_be_bytes());
        png.extend_from_slice(&300u32.to_be_bytes());
        assert_eq!(
            header_dimensions(ImageKind::Png, &png).ok(),
            Some((20000, 300))
        );
    }
}
