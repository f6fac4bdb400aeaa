//! Checking an upload before anything is stored: format by content, size limits from the
//! header, then a full decode under memory limits to catch damaged files.

use std::io::Cursor;

use image::metadata::Orientation;
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

/// The most memory a decode of one image takes at once, from its header alone: what a
/// [`crate::DecodeBudget`] is asked for before any pixel is allocated. Generous rather
/// than tight: it counts each phase's buffers (the decoder's output, its working data,
/// the 8-bit RGB copy, the rotated copy) and takes the largest phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeCost {
    pub kind: ImageKind,
    pub width: u32,
    pub height: u32,
    /// Peak bytes of [`inspect`].
    pub inspect: u64,
    /// Peak bytes of [`decode_rgb`].
    pub render: u64,
}

impl DecodeCost {
    pub fn peak(&self, stage: crate::budget::Stage) -> u64 {
        match stage {
            crate::budget::Stage::Inspect => self.inspect,
            crate::budget::Stage::Render => self.render,
        }
    }
}

/// Slack for what no formula above sees: decoder tables, the inflate window, the input
/// copy the JPEG decoder makes.
const OVERHEAD: u64 = 8 << 20;

/// The header checks of [`inspect`], then the cost of decoding, without decoding.
pub fn decode_cost(bytes: &[u8], limits: &Limits) -> Result<DecodeCost, MediaError> {
    let (kind, (width, height)) = check_header(bytes, limits)?;
    let px = u64::from(width) * u64::from(height);
    let rgb = px * 3;
    // Rotating by 90° copies the RGB image; the other orientations work in place, but the
    // orientation of a JPEG or WebP is not known before its decoder runs.
    let rotate = |o: Orientation| if swaps_sides(o) { 2 * rgb } else { rgb };
    let (inspect, render) = match kind {
        ImageKind::Png => {
            let header = crate::png_decode::header(bytes)?;
            let frame = if header.interlaced {
                px * header.samples
            } else {
                0
            };
            // Checking keeps a row or the interlaced frame; decoding writes rows into the
            // RGB image (after the frame, when interlaced), then maybe rotates it.
            (frame, (frame + rgb).max(rotate(header.orientation)))
        }
        ImageKind::Jpeg => {
            let (components, progressive) = crate::jpeg::frame(bytes).unwrap_or((4, true));
            // Output of up to 4 samples (CMYK before conversion); a progressive file also
            // keeps every DCT coefficient (2 bytes per sample) until the last scan.
            let decode = px * 4 + if progressive { px * 2 * components } else { 0 };
            (decode, decode.max(px + rgb).max(2 * rgb))
        }
        ImageKind::Webp => {
            // RGBA output plus the YUV planes of a lossy frame; then the RGBA image and
            // its flattened RGB copy; then the rotation.
            let decode = px * 4 + px * 3 / 2;
            (decode, decode.max(px * 4 + rgb).max(2 * rgb))
        }
    };
    Ok(DecodeCost {
        kind,
        width,
        height,
        inspect: inspect + OVERHEAD,
        render: render + OVERHEAD,
    })
}

fn swaps_sides(o: Orientation) -> bool {
    matches!(
        o,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// Validate an upload by its content. Cheap checks run first: the byte size, the magic
/// bytes, then the pixel count the header declares. Only then is the image decoded, which
/// is what catches truncated and corrupt files; no pixels are kept, and a PNG is checked
/// one row at a time.
pub fn inspect(bytes: &[u8], limits: &Limits) -> Result<Inspected, MediaError> {
    let (kind, (width, height)) = check_header(bytes, limits)?;
    let orientation = match kind {
        ImageKind::Png => crate::png_decode::check(bytes)?,
        ImageKind::Jpeg | ImageKind::Webp => decode_other(kind, bytes, limits)?.1,
    };
    let (width, height) = if swaps_sides(orientation) {
        (height, width)
    } else {
        (width, height)
    };
    Ok(Inspected {
        kind,
        content_type: kind.content_type(),
        width,
        height,
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

/// JPEG and WebP through the `image` crate (8 bits per sample already), not yet oriented.
fn decode_other(
    kind: ImageKind,
    bytes: &[u8],
    limits: &Limits,
) -> Result<(DynamicImage, Orientation), MediaError> {
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
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let image = DynamicImage::from_decoder(decoder).map_err(|e| corrupt(e.to_string()))?;
    Ok((image, orientation))
}

/// Decode an upload for processing: validated as in [`inspect`], alpha flattened onto
/// white (renditions are JPEG and opaque WebP), oriented as the camera meant it.
pub fn decode_rgb(bytes: &[u8], limits: &Limits) -> Result<RgbImage, MediaError> {
    let (kind, _) = check_header(bytes, limits)?;
    let (rgb, orientation) = match kind {
        ImageKind::Png => crate::png_decode::decode_rgb(bytes)?,
        ImageKind::Jpeg | ImageKind::Webp => {
            let (image, orientation) = decode_other(kind, bytes, limits)?;
            (flatten_onto_white(image), orientation)
        }
    };
    if orientation == Orientation::NoTransforms {
        return Ok(rgb);
    }
    let mut image = DynamicImage::ImageRgb8(rgb);
    image.apply_orientation(orientation);
    Ok(image.into_rgb8())
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
