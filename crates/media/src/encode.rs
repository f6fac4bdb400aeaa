//! Encoding renditions. Re-encoding from decoded pixels is what strips every metadata
//! block (EXIF with GPS, XMP with LocationCreated, IIM): nothing is copied across.

use image::RgbImage;
use jpeg_encoder::{ChromaSubsamplingMethod, ColorType, Encoder as JpegEncoder};

use crate::error::MediaError;

/// JPEG quality for renditions: visually clean on photographs at a third of the size of q95.
pub const JPEG_QUALITY: u8 = 82;

/// WebP quality (libwebp's 0–100 scale). Matches JPEG q82 visually at about 25–35 % fewer
/// bytes on photographs.
pub const WEBP_QUALITY: f32 = 78.0;

/// Baseline JPEG, 4:2:0 below quality 90, with the standard Huffman tables.
///
/// Optimised (image-fitted) Huffman tables would save 5–10 %, but jpeg-encoder 0.7's
/// output with them decodes to wrong colours in zune-jpeg (pure blue comes back green);
/// the test below guards against turning them on again unnoticed.
pub fn jpeg(image: &RgbImage, quality: u8) -> Result<Vec<u8>, MediaError> {
    let (w, h) = image.dimensions();
    let (Ok(w16), Ok(h16)) = (u16::try_from(w), u16::try_from(h)) else {
        return Err(MediaError::Encode(format!(
            "JPEG: {w}×{h} exceeds the format's 65535 pixel limit"
        )));
    };
    let mut out = Vec::with_capacity(image.as_raw().len() / 8);
    let mut encoder = JpegEncoder::new(&mut out, quality);
    encoder.set_chroma_subsampling_method(ChromaSubsamplingMethod::Average);
    encoder
        .encode(image.as_raw(), w16, h16, ColorType::Rgb)
        .map_err(|e| MediaError::Encode(format!("JPEG: {e}")))?;
    Ok(out)
}

/// Lossy WebP through libwebp. The pure-Rust encoders only write lossless WebP, which on
/// photographs comes out several times larger than the JPEG fallback (see the README).
pub fn webp(image: &RgbImage, quality: f32) -> Result<Vec<u8>, MediaError> {
    let (w, h) = image.dimensions();
    if w == 0 || h == 0 || w > 16383 || h > 16383 {
        return Err(MediaError::Encode(format!(
            "WebP: {w}×{h} is outside the format's 1–16383 pixel range"
        )));
    }
    let encoder = webp::Encoder::from_rgb(image.as_raw(), w, h);
    let memory = encoder
        .encode_simple(false, quality)
        .map_err(|e| MediaError::Encode(format!("WebP: {e:?}")))?;
    Ok(memory.to_vec())
}

/// Lossless WebP through the `image` crate; kept for the size comparison in the tests.
pub fn webp_lossless(image: &RgbImage) -> Result<Vec<u8>, MediaError> {
    let mut out = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut out)
        .encode(
            image.as_raw(),
            image.width(),
            image.height(),
            image::ExtendedColorType::Rgb8,
        )
        .map_err(|e| MediaError::Encode(format!("WebP lossless: {e}")))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jpeg_keeps_saturated_colours() {
        for colour in [[0, 0, 255], [255, 0, 0], [0, 255, 0]] {
            let img = RgbImage::from_pixel(64, 64, image::Rgb(colour));
            let bytes = jpeg(&img, JPEG_QUALITY).unwrap_or_default();
            let back = image::load_from_memory(&bytes).map(|d| d.to_rgb8().get_pixel(32, 32).0);
            let back = back.unwrap_or([0, 0, 0]);
            let off: u32 = colour
                .iter()
                .zip(back)
                .map(|(a, b)| u32::from(a.abs_diff(b)))
                .sum();
            assert!(off < 24, "{colour:?} came back as {back:?}");
        }
    }
}
