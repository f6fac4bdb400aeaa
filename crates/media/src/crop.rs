//! Crops an editor draws: one rectangle per aspect ratio, in the original's pixels.
//!
//! Without one, a crop is the largest window of its aspect around the focal point
//! ([`crop_window`]). That cannot crop tighter than the largest window (a face out of a
//! crowd) nor keep what no window around one point keeps (two people at the far edges of a
//! square): for those the editor draws the rectangle, and it is used exactly.

use std::fmt;

use crate::focus::{CropWindow, Focus, crop_window};
use crate::rendition::CROP_ASPECTS;

/// A rectangle of the original in whole pixels, from its top-left corner, as the server
/// snapped it (see [`fit_crop`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CropRect {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// The narrowest crop taken, unless the photo cannot give that much at the aspect: the
/// smallest width of the rendition ladder, below which every `srcset` image of the crop
/// would be upscaled.
pub const MIN_CROP_WIDTH: u32 = 320;

/// Why a rectangle is refused, worded for the editor who drew it (naming the aspect, as a
/// form or request may carry several); [`CropError::field`] is the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CropError {
    UnsupportedAspect((u32, u32)),
    PastRightEdge {
        aspect: (u32, u32),
        photo_width: u32,
    },
    PastBottomEdge {
        aspect: (u32, u32),
        photo_height: u32,
    },
    WrongAspect {
        aspect: (u32, u32),
        width: u32,
        height: u32,
        wanted: u32,
    },
    TooSmall {
        aspect: (u32, u32),
        min: u32,
    },
}

impl CropError {
    pub fn field(&self) -> &'static str {
        match self {
            CropError::UnsupportedAspect(_) => "aspect",
            CropError::PastRightEdge { .. } | CropError::TooSmall { .. } => "width",
            CropError::PastBottomEdge { .. } | CropError::WrongAspect { .. } => "height",
        }
    }
}

impl fmt::Display for CropError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CropError::UnsupportedAspect((a, b)) => write!(
                f,
                "{a}:{b} is not an aspect the site crops to (16:9, 4:3 and 1:1 are)"
            ),
            CropError::PastRightEdge {
                aspect: (a, b),
                photo_width,
            } => write!(
                f,
                "the {a}:{b} crop reaches past the right edge of the photo ({photo_width} px wide)"
            ),
            CropError::PastBottomEdge {
                aspect: (a, b),
                photo_height,
            } => write!(
                f,
                "the {a}:{b} crop reaches past the bottom edge of the photo ({photo_height} px tall)"
            ),
            CropError::WrongAspect {
                aspect: (a, b),
                width,
                height,
                wanted,
            } => write!(
                f,
                "a {a}:{b} crop {width} px wide is {wanted} px tall, not {height}"
            ),
            CropError::TooSmall {
                aspect: (a, b),
                min,
            } => write!(
                f,
                "the {a}:{b} crop must be at least {min} px wide (narrower, every image of it would be enlarged)"
            ),
        }
    }
}

impl std::error::Error for CropError {}

/// The narrowest width a crop of `aspect` may have in a `width`×`height` photo.
pub fn min_crop_width(width: u32, height: u32, aspect: (u32, u32)) -> u32 {
    let largest = crop_window(width, height, aspect, Focus::CENTRE)
        .width
        .floor() as u32;
    MIN_CROP_WIDTH.min(largest).max(1)
}

/// The height a crop `width` wide has at `aspect`, rounded to the nearest pixel.
fn snapped_height(width: u32, (a, b): (u32, u32)) -> u32 {
    let (a, b) = (u64::from(a.max(1)), u64::from(b));
    u32::try_from((u64::from(width) * b + a / 2) / a).unwrap_or(u32::MAX)
}

/// `rect` checked against a `photo_width`×`photo_height` photo and snapped to `aspect`:
/// it must lie inside the photo, be at least [`min_crop_width`] wide, and be within a
/// pixel of the aspect; its height is then made the rounded exact one (moving it up a
/// pixel if that would reach past the bottom edge).
pub fn fit_crop(
    (photo_width, photo_height): (u32, u32),
    aspect: (u32, u32),
    rect: CropRect,
) -> Result<CropRect, CropError> {
    if !CROP_ASPECTS.contains(&aspect) {
        return Err(CropError::UnsupportedAspect(aspect));
    }
    let min = min_crop_width(photo_width, photo_height, aspect);
    if rect.width < min {
        return Err(CropError::TooSmall { aspect, min });
    }
    if u64::from(rect.x) + u64::from(rect.width) > u64::from(photo_width) {
        return Err(CropError::PastRightEdge {
            aspect,
            photo_width,
        });
    }
    let past_bottom = CropError::PastBottomEdge {
        aspect,
        photo_height,
    };
    if u64::from(rect.y) + u64::from(rect.height) > u64::from(photo_height) {
        return Err(past_bottom);
    }
    let exact = f64::from(rect.width) * f64::from(aspect.1) / f64::from(aspect.0);
    let wanted = snapped_height(rect.width, aspect);
    if (f64::from(rect.height) - exact).abs() > 1.0 {
        return Err(CropError::WrongAspect {
            aspect,
            width: rect.width,
            height: rect.height,
            wanted,
        });
    }
    // The snapped height is at most a pixel taller than the one drawn.
    let y = rect
        .y
        .min(photo_height.checked_sub(wanted).ok_or(past_bottom)?);
    Ok(CropRect {
        y,
        height: wanted,
        ..rect
    })
}

/// How one crop's window is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frame {
    /// The largest window of the aspect around the point.
    Focus(Focus),
    /// The editor's rectangle.
    Rect(CropRect),
}

impl From<Focus> for Frame {
    fn from(focus: Focus) -> Self {
        Frame::Focus(focus)
    }
}

impl Frame {
    /// The window in the original's pixels. An editor's rectangle keeps its left edge,
    /// width and top, and takes the exact height of the aspect (its stored height is that,
    /// rounded), so a crop scaled to any width has the aspect; a rectangle that no longer
    /// fits (never stored so, but cheap to guard) is moved and shrunk into the image.
    pub fn window(self, width: u32, height: u32, aspect: (u32, u32)) -> CropWindow {
        let rect = match self {
            Frame::Focus(focus) => return crop_window(width, height, aspect, focus),
            Frame::Rect(rect) => rect,
        };
        let (w0, h0) = (f64::from(width), f64::from(height));
        let (a, b) = (f64::from(aspect.0.max(1)), f64::from(aspect.1.max(1)));
        let largest = crop_window(width, height, aspect, Focus::CENTRE);
        let w = f64::from(rect.width.max(1)).min(largest.width);
        let h = w * b / a;
        CropWindow {
            left: f64::from(rect.x).min(w0 - w).max(0.0),
            top: f64::from(rect.y).min(h0 - h).max(0.0),
            width: w,
            height: h,
        }
    }
}

/// How every crop of a photo is placed: the editor's rectangle for the aspects that have
/// one, the focal point for the others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Framing {
    pub focus: Focus,
    rects: Vec<((u32, u32), CropRect)>,
}

impl Framing {
    pub fn new(focus: Focus) -> Self {
        Framing {
            focus,
            rects: Vec::new(),
        }
    }

    /// With `rect` as the crop of `aspect` (replacing one it had).
    pub fn with_crop(mut self, aspect: (u32, u32), rect: CropRect) -> Self {
        self.rects.retain(|(a, _)| *a != aspect);
        self.rects.push((aspect, rect));
        self
    }

    pub fn frame(&self, aspect: (u32, u32)) -> Frame {
        self.rects
            .iter()
            .find(|(a, _)| *a == aspect)
            .map_or(Frame::Focus(self.focus), |(_, rect)| Frame::Rect(*rect))
    }
}

impl From<Focus> for Framing {
    fn from(focus: Focus) -> Self {
        Framing::new(focus)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: u32, y: u32, width: u32, height: u32) -> CropRect {
        CropRect {
            x,
            y,
            width,
            height,
        }
    }

    #[test]
    fn a_rectangle_inside_the_photo_at_the_aspect_is_kept() {
        let r = rect(100, 200, 1600, 900);
        assert_eq!(fit_crop((2000, 1500), (16, 9), r), Ok(r));
        let square = rect(0, 0, 1500, 1500);
        assert_eq!(fit_crop((2000, 1500), (1, 1), square), Ok(square));
        // The whole width, at the bottom edge.
        let r = rect(0, 375, 2000, 1125);
        assert_eq!(fit_crop((2000, 1500), (16, 9), r), Ok(r));
    }

    #[test]
    fn a_pixel_off_the_aspect_is_snapped() {
        // 801 × 9 / 16 = 450.56: 450 and 451 are both within a pixel; 451 is what is kept.
        for height in [450, 451] {
            assert_eq!(
                fit_crop((2000, 1500), (16, 9), rect(10, 10, 801, height)),
                Ok(rect(10, 10, 801, 451)),
                "{height}"
            );
        }
        assert!(fit_crop((2000, 1500), (16, 9), rect(10, 10, 801, 452)).is_err());
        // Snapping a pixel taller at the bottom edge moves the crop up instead.
        assert_eq!(
            fit_crop((2000, 1500), (4, 3), rect(0, 1050, 601, 450)),
            Ok(rect(0, 1049, 601, 451))
        );
    }

    #[test]
    fn rectangles_outside_off_aspect_or_too_small_are_refused() {
        let photo = (2000, 1500);
        let err = |r: CropRect, aspect| fit_crop(photo, aspect, r).err();
        assert_eq!(
            err(rect(500, 0, 1600, 900), (16, 9)),
            Some(CropError::PastRightEdge {
                aspect: (16, 9),
                photo_width: 2000
            })
        );
        assert_eq!(
            err(rect(0, 700, 1600, 900), (16, 9)),
            Some(CropError::PastBottomEdge {
                aspect: (16, 9),
                photo_height: 1500
            })
        );
        let wrong = err(rect(0, 0, 1600, 1000), (16, 9));
        assert_eq!(
            wrong,
            Some(CropError::WrongAspect {
                aspect: (16, 9),
                width: 1600,
                height: 1000,
                wanted: 900
            })
        );
        assert_eq!(
            wrong.map(|e| e.to_string()).as_deref(),
            Some("a 16:9 crop 1600 px wide is 900 px tall, not 1000")
        );
        assert_eq!(
            err(rect(0, 0, 319, 179), (16, 9)),
            Some(CropError::TooSmall {
                aspect: (16, 9),
                min: 320
            })
        );
        assert_eq!(
            err(rect(0, 0, 0, 0), (1, 1)).map(|e| e.field()),
            Some("width")
        );
        assert_eq!(
            err(rect(0, 0, 1500, 1000), (3, 2)),
            Some(CropError::UnsupportedAspect((3, 2)))
        );
        // Coordinates that would overflow are outside, not a panic.
        assert_eq!(
            err(rect(u32::MAX, 0, 400, 225), (16, 9)).map(|e| e.field()),
            Some("width")
        );
        // Snapped taller than the photo: no room for the crop at that width.
        assert_eq!(
            fit_crop((1600, 899), (16, 9), rect(0, 0, 1600, 899)),
            Err(CropError::PastBottomEdge {
                aspect: (16, 9),
                photo_height: 899
            })
        );
    }

    #[test]
    fn a_small_photo_allows_its_largest_crop() {
        // 200 × 300: the largest 16:9 crop is 200 px wide, narrower than the usual minimum.
        assert_eq!(min_crop_width(200, 300, (16, 9)), 200);
        assert_eq!(
            fit_crop((200, 300), (16, 9), rect(0, 50, 200, 113)),
            Ok(rect(0, 50, 200, 113))
        );
        assert!(fit_crop((200, 300), (16, 9), rect(0, 50, 160, 90)).is_err());
        assert_eq!(min_crop_width(4000, 3000, (1, 1)), MIN_CROP_WIDTH);
    }

    #[test]
    fn the_window_of_a_rectangle_is_the_rectangle_at_the_exact_aspect() {
        let w = Frame::Rect(rect(100, 200, 801, 451)).window(2000, 1500, (16, 9));
        assert_eq!((w.left, w.top, w.width), (100.0, 200.0, 801.0));
        assert!((w.height - 450.5625).abs() < 1e-9);
        // At the bottom edge the exact height may be a fraction taller than the stored one:
        // the window moves up by that fraction rather than leave the image.
        let w = Frame::Rect(rect(0, 1051, 599, 449)).window(2000, 1500, (4, 3));
        assert!((w.top + w.height - 1500.0).abs() < 1e-9, "{w:?}");
        // The focal point's window is as before.
        let focus = Focus::new(0.5, 0.3);
        assert_eq!(
            Frame::Focus(focus).window(1000, 1500, (3, 2)),
            crop_window(1000, 1500, (3, 2), focus)
        );
    }

    #[test]
    fn a_framing_gives_each_aspect_its_rectangle_or_the_point() {
        let focus = Focus::new(0.2, 0.4);
        let square = rect(0, 0, 1000, 1000);
        let framing = Framing::new(focus)
            .with_crop((1, 1), rect(5, 5, 900, 900))
            .with_crop((1, 1), square);
        assert_eq!(framing.frame((1, 1)), Frame::Rect(square));
        assert_eq!(framing.frame((16, 9)), Frame::Focus(focus));
        assert_eq!(Framing::from(focus), Framing::new(focus));
    }
}
