//! Resized copies of a photo for responsive `srcset`s, the crops JSON-LD asks for, and
//! the crop ladder that fills the article page's hero frame. Crops are centred on the
//! photo's focal point ([`Focus`]) or cut to the rectangle an editor drew ([`Frame`]).

use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::RgbImage;

use crate::crop::Frame;
use crate::encode;
use crate::error::MediaError;
use crate::focus::{Focus, has_aspect};
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

/// The frame the article page shows its hero photo in. 16:9 because it is the frame the
/// story already has everywhere else (front-page cards, `og:image` and the first JSON-LD
/// image), so a story looks the same on the front, on its page and in a share preview; and
/// because height is what a phone lacks: on a 390 px screen the frame is 201 px tall (3:2
/// would be 239 px), which is what leaves room for the caption and the first paragraph on
/// the first screen. A portrait keeps 38 % of its height, enough for a head and shoulders
/// once the focal point is on the face.
pub const HERO_FRAME: (u32, u32) = (16, 9);

/// Whether a `width`×`height` photo needs a crop ladder for the hero frame: not when it
/// already has the frame's aspect (within 1 %), as its renditions fill the frame whole.
/// (The ladder is told from the JSON-LD 16:9 crop, same aspect, by its WebP files: those
/// crops are JPEG only.)
pub fn needs_frame_ladder(width: u32, height: u32) -> bool {
    !has_aspect(width, height, HERO_FRAME)
}

/// [`needs_frame_ladder`] for a photo whose hero crop is cut as `frame` says: a drawn
/// rectangle always needs its ladder, even on a 16:9 photo, as it keeps less than the whole.
pub fn needs_frame_ladder_framed(width: u32, height: u32, frame: Frame) -> bool {
    matches!(frame, Frame::Rect(_)) || needs_frame_ladder(width, height)
}

/// A centre crop of `bytes` at `aspect`, `width` pixels wide or as wide as the original
/// allows without upscaling, as JPEG (JSON-LD consumers do not all read WebP).
pub fn make_crop(
    bytes: &[u8],
    aspect: (u32, u32),
    width: u32,
) -> Result<EncodedRendition, MediaError> {
    make_crop_at(bytes, aspect, width, Focus::CENTRE)
}

/// [`make_crop`] around `focus` instead of the centre.
pub fn make_crop_at(
    bytes: &[u8],
    aspect: (u32, u32),
    width: u32,
    focus: Focus,
) -> Result<EncodedRendition, MediaError> {
    let image = decode_rgb(bytes, &Limits::default())?;
    crop_of(&image, aspect, width, focus.into())
}

pub(crate) fn crop_of(
    image: &RgbImage,
    aspect: (u32, u32),
    width: u32,
    frame: Frame,
) -> Result<EncodedRendition, MediaError> {
    check_aspect(aspect)?;
    let (w0, h0) = image.dimensions();
    let window = frame.window(w0, h0, aspect);
    let out_w = width.min(window.width.floor() as u32).max(1);
    let out_h = height_at(out_w, aspect);
    let mut resizer = Resizer::new();
    let cropped = resize(
        &mut resizer,
        image,
        Some((window.left, window.top, window.width, window.height)),
        out_w,
        out_h,
    )?;
    Ok(EncodedRendition {
        width: out_w,
        height: out_h,
        content_type: "image/jpeg",
        bytes: encode::jpeg(&cropped, encode::JPEG_QUALITY)?,
    })
}

/// Decode `bytes` and make the crop ladder of [`frame_ladder_of`].
pub fn make_frame_ladder(
    bytes: &[u8],
    aspect: (u32, u32),
    focus: Focus,
) -> Result<Vec<EncodedRendition>, MediaError> {
    let image = decode_rgb(bytes, &Limits::default())?;
    frame_ladder_of(&image, aspect, focus.into(), &WIDTH_LADDER)
}

/// The crop of `image` at `aspect` cut as `frame` says, as WebP and JPEG at each of
/// `widths` the crop allows without upscaling, smallest first: a `srcset` of the cropped
/// picture.
pub(crate) fn frame_ladder_of(
    image: &RgbImage,
    aspect: (u32, u32),
    frame: Frame,
    widths: &[u32],
) -> Result<Vec<EncodedRendition>, MediaError> {
    check_aspect(aspect)?;
    let (w0, h0) = image.dimensions();
    let window = frame.window(w0, h0, aspect);
    let crop = Some((window.left, window.top, window.width, window.height));
    let mut resizer = Resizer::new();
    let mut out = Vec::new();
    for width in widths_for(window.width.floor() as u32, widths) {
        let resized = resize(&mut resizer, image, crop, width, height_at(width, aspect))?;
        out.extend(encode_both(&resized)?);
    }
    Ok(out)
}

fn check_aspect(aspect: (u32, u32)) -> Result<(), MediaError> {
    if CROP_ASPECTS.contains(&aspect) || aspect == HERO_FRAME {
        Ok(())
    } else {
        Err(MediaError::UnsupportedAspect(aspect.0, aspect.1))
    }
}

/// The height of a crop `width` wide at `aspect`, rounded: within half a pixel of it.
fn height_at(width: u32, aspect: (u32, u32)) -> u32 {
    let (a, b) = (u64::from(aspect.0.max(1)), u64::from(aspect.1));
    let h = (u64::from(width) * b + a / 2) / a;
    u32::try_from(h).unwrap_or(u32::MAX).max(1)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Left third red, middle blue, right third green.
    fn stripes() -> RgbImage {
        RgbImage::from_fn(300, 100, |x, _| match x {
            0..100 => image::Rgb([255, 0, 0]),
            100..200 => image::Rgb([0, 0, 255]),
            _ => image::Rgb([0, 255, 0]),
        })
    }

    fn centre_of(r: &EncodedRendition) -> [u8; 3] {
        let decoded = image::load_from_memory(&r.bytes).unwrap().to_rgb8();
        decoded.get_pixel(r.width / 2, r.height / 2).0
    }

    #[test]
    fn a_crop_keeps_the_focal_point_in_view() {
        let image = stripes();
        let at = |x: f64| crop_of(&image, (1, 1), 100, Focus::new(x, 0.5).into()).unwrap();
        let [r, g, b] = centre_of(&at(0.5));
        assert!(b > 200 && r < 60 && g < 60, "centre: {r} {g} {b}");
        // A subject on the left edge: the window stops at the edge, the red third.
        let [r, g, b] = centre_of(&at(0.0));
        assert!(r > 200 && g < 60 && b < 60, "left: {r} {g} {b}");
        let [r, g, b] = centre_of(&at(0.9));
        assert!(g > 200 && r < 60 && b < 60, "right: {r} {g} {b}");
    }

    #[test]
    fn the_ladder_is_the_cropped_picture_at_each_width() {
        // 300×100 in 16:9: a 177.8×100 window; the ladder stops below 177 px.
        let image = stripes();
        let ladder = frame_ladder_of(
            &image,
            HERO_FRAME,
            Focus::new(0.0, 0.5).into(),
            &[64, 120, 320],
        )
        .unwrap();
        let sizes: Vec<_> = ladder
            .iter()
            .map(|r| (r.width, r.height, r.content_type))
            .collect();
        assert_eq!(
            sizes,
            [
                (64, 36, "image/webp"),
                (64, 36, "image/jpeg"),
                (120, 68, "image/webp"),
                (120, 68, "image/jpeg"),
            ]
        );
        for r in &ladder {
            let decoded = image::load_from_memory(&r.bytes).unwrap();
            assert_eq!((decoded.width(), decoded.height()), (r.width, r.height));
        }
        // Focused on the left edge, the window starts in the red third and ends in the
        // blue one (120 px of the ladder are 177.8 of the original).
        let decoded = image::load_from_memory(&ladder[3].bytes).unwrap().to_rgb8();
        let [r, _, b] = decoded.get_pixel(30, 34).0;
        assert!(r > 200 && b < 60, "{r} {b}");
        let [r, _, b] = decoded.get_pixel(110, 34).0;
        assert!(b > 200 && r < 60, "{r} {b}");
        assert!(frame_ladder_of(&image, (5, 4), Focus::CENTRE.into(), &[64]).is_err());
    }

    /// Red top-left, blue top-right, green bottom-left, yellow bottom-right, split at
    /// (200, 150).
    fn quadrants() -> RgbImage {
        RgbImage::from_fn(400, 300, |x, y| match (x < 200, y < 150) {
            (true, true) => image::Rgb([255, 0, 0]),
            (false, true) => image::Rgb([0, 0, 255]),
            (true, false) => image::Rgb([0, 255, 0]),
            (false, false) => image::Rgb([255, 255, 0]),
        })
    }

    fn rect(x: u32, y: u32, width: u32, height: u32) -> Frame {
        Frame::Rect(crate::crop::CropRect {
            x,
            y,
            width,
            height,
        })
    }

    fn pixel(r: &EncodedRendition, x: u32, y: u32) -> [u8; 3] {
        let decoded = image::load_from_memory(&r.bytes).unwrap().to_rgb8();
        assert_eq!(decoded.dimensions(), (r.width, r.height));
        decoded.get_pixel(x, y).0
    }

    #[test]
    fn a_drawn_rectangle_is_cut_exactly() {
        let image = quadrants();
        // Wholly inside the yellow quadrant, though the focal point would centre the square
        // on the whole picture: every pixel is yellow.
        let square = crop_of(&image, (1, 1), crate::CROP_WIDTH, rect(230, 170, 120, 120)).unwrap();
        assert_eq!((square.width, square.height), (120, 120));
        for (x, y) in [(0, 0), (119, 0), (0, 119), (119, 119), (60, 60)] {
            let [r, g, b] = pixel(&square, x, y);
            assert!(r > 200 && g > 200 && b < 60, "({x}, {y}): {r} {g} {b}");
        }
        // Across the red and blue quadrants from x = 100: the border lands at 100 px in.
        let wide = crop_of(&image, (16, 9), crate::CROP_WIDTH, rect(100, 10, 200, 113)).unwrap();
        assert_eq!((wide.width, wide.height), (200, 113));
        let [r, _, b] = pixel(&wide, 94, 50);
        assert!(r > 200 && b < 60, "left of the border: {r} {b}");
        let [r, _, b] = pixel(&wide, 106, 50);
        assert!(b > 200 && r < 60, "right of the border: {r} {b}");
        // The ladder of the same rectangle: the exact aspect at each width, same content.
        let ladder = frame_ladder_of(&image, (16, 9), rect(100, 10, 200, 113), &[64, 160]).unwrap();
        let sizes: Vec<_> = ladder.iter().map(|r| (r.width, r.height)).collect();
        assert_eq!(sizes, [(64, 36), (64, 36), (160, 90), (160, 90)]);
        let jpeg = &ladder[3];
        let [r, _, b] = pixel(jpeg, 70, 45);
        assert!(r > 200 && b < 60, "{r} {b}");
        let [r, _, b] = pixel(jpeg, 90, 45);
        assert!(b > 200 && r < 60, "{r} {b}");
    }

    #[test]
    fn only_photos_off_the_frame_need_a_ladder() {
        assert!(!needs_frame_ladder(1920, 1080));
        assert!(!needs_frame_ladder(1600, 900));
        assert!(!needs_frame_ladder(1000, 563));
        for (w, h) in [(1067, 1600), (1600, 1600), (3000, 2000), (1600, 1200)] {
            assert!(needs_frame_ladder(w, h), "{w}×{h}");
        }
        // A drawn rectangle keeps less than a 16:9 photo's whole: it needs its ladder.
        assert!(needs_frame_ladder_framed(1600, 900, rect(0, 0, 800, 450)));
        assert!(!needs_frame_ladder_framed(1600, 900, Focus::CENTRE.into()));
    }
}
