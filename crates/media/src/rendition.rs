//! Resized copies of a photo for responsive `srcset`s, and centre crops for JSON-LD.

use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::RgbImage;

use crate::encode;
use crate::error::MediaError;
use crate::inspect::{Limits, decode_rgb};

/// The widths renditions are made at. Fixed so that CDN caches and `srcset`s line up
/// across all photos.
pub const WIDTH_LADDER: [u32; 7] = [320, 480, 640, 960, 1280, 1600, 1920];

/// One encoded rendition, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodedRendition {
    pub width: u32,
    pub height: u32,
    /// `image/webp` or `image/jpeg`.
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

impl EncodedRendition {
    pub fn extension(&self) -> &'static str {
        if self.content_type == "image/webp" {
            "webp"
        } else {
            "jpg"
        }
    }
}

/// The widths from `widths` that do not upscale an image `original_width` wide. When the
/// original is narrower than all of them, its own width is the one rendition.
pub fn widths_for(original_width: u32, widths: &[u32]) -> Vec<u32> {
    let mut out: Vec<u32> = widths
        .iter()
        .copied()
        .filter(|&w| w > 0 && w <= original_width)
        .collect();
    out.sort_unstable();
    out.dedup();
    if out.is_empty() {
        out.push(original_width.max(1));
    }
    out
}

/// Decode `bytes` (validated with default [`Limits`]) and make a WebP and a JPEG at each
/// width of `widths` that the original allows, smallest first.
pub fn make_renditions(bytes: &[u8], widths: &[u32]) -> Result<Vec<EncodedRendition>, MediaError> {
    let image = decode_rgb(bytes, &Limits::default())?;
    renditions_of(&image, widths)
}

pub(crate) fn renditions_of(
    image: &RgbImage,
    widths: &[u32],
) -> Result<Vec<EncodedRendition>, MediaError> {
    let (w0, h0) = image.dimensions();
    let mut resizer = Resizer::new();
    let mut out = Vec::new();
    for width in widths_for(w0, widths) {
        let height = scaled_height(w0, h0, width);
        let resized = resize(&mut resizer, image, None, width, height)?;
        out.extend(encode_both(&resized)?);
    }
    Ok(out)
}

/// The aspect ratios structured-data consumers ask for (Google's article guidelines).
pub const CROP_ASPECTS: [(u32, u32); 3] = [(16, 9), (4, 3), (1, 1)];

/// A centre crop of `bytes` at `aspect`, `width` pixels wide or as wide as the original
/// allows without upscaling, as JPEG (JSON-LD consumers do not all read WebP).
pub fn make_crop(
    bytes: &[u8],
    aspect: (u32, u32),
    width: u32,
) -> Result<EncodedRendition, MediaError> {
    let image = decode_rgb(bytes, &Limits::default())?;
    crop_of(&image, aspect, width)
}

pub(crate) fn crop_of(
    image: &RgbImage,
    aspect: (u32, u32),
    width: u32,
) -> Result<EncodedRendition, MediaError> {
    if !CROP_ASPECTS.contains(&aspect) {
        return Err(MediaError::UnsupportedAspect(aspect.0, aspect.1));
    }
    let (w0, h0) = image.dimensions();
    let (aw, ah) = (f64::from(aspect.0), f64::from(aspect.1));
    // The largest centred box of the wanted aspect inside the original.
    let (mut cw, mut ch) = (f64::from(w0), f64::from(w0) * ah / aw);
    if ch > f64::from(h0) {
        ch = f64::from(h0);
        cw = ch * aw / ah;
    }
    let left = (f64::from(w0) - cw) / 2.0;
    let top = (f64::from(h0) - ch) / 2.0;
    let out_w = width.min(cw.floor() as u32).max(1);
    let out_h = ((f64::from(out_w) * ah / aw).round() as u32).max(1);
    let mut resizer = Resizer::new();
    let cropped = resize(&mut resizer, image, Some((left, top, cw, ch)), out_w, out_h)?;
    Ok(EncodedRendition {
        width: out_w,
        height: out_h,
        content_type: "image/jpeg",
        bytes: encode::jpeg(&cropped, encode::JPEG_QUALITY)?,
    })
}

fn scaled_height(w0: u32, h0: u32, width: u32) -> u32 {
    let h = (u64::from(h0) * u64::from(width) + u64::from(w0) / 2) / u64::from(w0.max(1));
    u32::try_from(h).unwrap_or(u32::MAX).max(1)
}

fn resize(
    resizer: &mut Resizer,
    src: &RgbImage,
    crop: Option<(f64, f64, f64, f64)>,
    width: u32,
    height: u32,
) -> Result<RgbImage, MediaError> {
    if crop.is_none() && src.dimensions() == (width, height) {
        return Ok(src.clone());
    }
    let mut dst = RgbImage::new(width, height);
    let mut options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    if let Some((left, top, w, h)) = crop {
        options = options.crop(left, top, w, h);
    }
    resizer
        .resize(src, &mut dst, &options)
        .map_err(|e| MediaError::Resize(e.to_string()))?;
    Ok(dst)
}

fn encode_both(image: &RgbImage) -> Result<[EncodedRendition; 2], MediaError> {
    let (width, height) = image.dimensions();
    Ok([
        EncodedRendition {
            width,
            height,
            content_type: "image/webp",
            bytes: encode::webp(image, encode::WEBP_QUALITY)?,
        },
        EncodedRendition {
            width,
            height,
            content_type: "image/jpeg",
            bytes: encode::jpeg(image, encode::JPEG_QUALITY)?,
        },
    ])
}
