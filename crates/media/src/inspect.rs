//! Checking an upload before anything is stored: format by content, size limits from the
//! header, then a full decode under memory limits to catch damaged files.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageReader, RgbImage};

use crate::error::MediaError;
use crate::format::{self, ImageKind};

/// What an upload may weigh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted body, in bytes.
    pub max_bytes: usize,
    /// Largest accepted width × height. A decoded pixel costs 3–4 bytes (up to 8 for
    /// 16-bit PNG), so this bounds the memory a decode can take.
    pub max_pixels: u64,
}

impl Default for Limits {
    /// 30 MiB and 50 megapixels: more than any press camera produces (a 45 MP full-frame
    /// JPEG is around 20 MB), far less than a decompression bomb asks for.
    fn default() -> Self {
        Limits {
            max_bytes: 30 * 1024 * 1024,
            max_pixels: 50_000_000,
        }
    }
}

impl Limits {
    fn decoder_limits(&self) -> image::Limits {
        let mut limits = image::Limits::default();
        let side = u32::try_from(self.max_pixels).unwrap_or(u32::MAX);
        limits.max_image_width = Some(side);
        limits.max_image_height = Some(side);
        // 8 bytes per pixel (16-bit RGBA) plus room for the decoder's own buffers.
        limits.max_alloc = Some(self.max_pixels.saturating_mul(8).saturating_add(64 << 20));
        limits
    }
}

/// An upload that passed inspection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inspected {
    pub kind: ImageKind,
    /// `image/jpeg`, `image/png` or `image/webp`.
    pub content_type: &'static str,
    /// Width as displayed, after the EXIF orientation is applied.
    pub width: u32,
    /// Height as displayed, after the EXIF orientation is applied.
    pub height: u32,
    pub byte_size: usize,
}

/// Validate an upload by its content. Cheap checks run first: the byte size, the magic
/// bytes, then the pixel count the header declares. Only then is the image decoded, which
/// is what catches truncated and corrupt files.
pub fn inspect(bytes: &[u8], limits: &Limits) -> Result<Inspected, MediaError> {
    let (kind, _) = check_header(bytes, limits)?;
    let image = decode_checked(kind, bytes, limits)?;
    Ok(Inspected {
        kind,
        content_type: kind.content_type(),
        width: image.width(),
        height: image.height(),
        byte_size: bytes.len(),
    })
}

/// The checks that need no decoding; returns the format and the declared size.
pub(crate) fn check_header(
    bytes: &[u8],
    limits: &Limits,
) -> Result<(ImageKind, (u32, u32)), MediaError> {
    if bytes.len() > limits.max_bytes {
        return Err(MediaError::TooLarge {
            size: bytes.len(),
            max: limits.max_bytes,
        });
    }
    let kind = format::detect(bytes)?;
    let (width, height) = format::header_dimensions(kind, bytes)?;
    if width == 0 || height == 0 {
        return Err(MediaError::ZeroSize { width, height });
    }
    let pixels = u64::from(width) * u64::from(height);
    if pixels > limits.max_pixels {
        return Err(MediaError::TooManyPixels {
            width,
            height,
            pixels,
            max: limits.max_pixels,
        });
    }
    Ok((kind, (width, height)))
}

/// Header checks, then a full decode, oriented as the camera meant it.
pub(crate) fn decode_checked(
    kind: ImageKind,
    bytes: &[u8],
    limits: &Limits,
) -> Result<DynamicImage, MediaError> {
    let corrupt = |detail: String| MediaError::Corrupt {
        format: kind.name(),
        detail,
    };
    if kind == ImageKind::Jpeg && !crate::jpeg::is_complete(bytes) {
        // The JPEG decoder fills a cut-off scan with grey rather than failing; a photo
        // missing its lower half must not be published.
        return Err(corrupt("the file ends before the image data does".into()));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), kind.image_format());
    reader.limits(limits.decoder_limits());
    let mut decoder = reader.into_decoder().map_err(|e| corrupt(e.to_string()))?;
    let orientation = decoder.orientation().ok();
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| corrupt(e.to_string()))?;
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }
    Ok(image)
}

/// Decode an upload for processing: validated as in [`inspect`], alpha flattened onto
/// white (renditions are JPEG and opaque WebP).
pub fn decode_rgb(bytes: &[u8], limits: &Limits) -> Result<RgbImage, MediaError> {
    let (kind, _) = check_header(bytes, limits)?;
    let image = decode_checked(kind, bytes, limits)?;
    Ok(flatten_onto_white(image))
}

pub(crate) fn flatten_onto_white(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    let (w, h) = rgba.dimensions();
    let mut out = RgbImage::new(w, h);
    for (src, dst) in rgba.pixels().zip(out.pixels_mut()) {
        let [r, g, b, a] = src.0;
        let a = u16::from(a);
        let blend = |c: u8| ((u16::from(c) * a + 255 * (255 - a) + 127) / 255) as u8;
        dst.0 = [blend(r), blend(g), blend(b)];
    }
    out
}
