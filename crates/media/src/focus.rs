//! The focal point of a photo and the crop windows placed around it.
//!
//! A crop of another aspect than the photo's loses part of it; which part is an editor's
//! call (the face in a portrait, not the sky above it). The focal point says where the
//! subject is, and every crop is centred on it as nearly as the photo's edges allow.

/// Where a photo's subject is: fractions of its width and height from the top-left corner.
///
/// Held in thousandths: crop keys carry it (see [`crate::keys::crop_key_at`]), and a key
/// must always name the same bytes, so two points that round alike must crop alike.
/// A thousandth of a 6000 px photo is 6 px, finer than any editor clicks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Focus {
    x: u16,
    y: u16,
}

const SCALE: f64 = 1000.0;

impl Focus {
    /// Where crops were centred before focal points existed, and where they still are
    /// until an editor says otherwise.
    pub const CENTRE: Focus = Focus { x: 500, y: 500 };

    /// A point from fractions, clamped into the photo (a click just outside the preview
    /// means its edge); a fraction that is not a number stays at the centre.
    pub fn new(x: f64, y: f64) -> Focus {
        Focus {
            x: thousandths(x),
            y: thousandths(y),
        }
    }

    /// A point from thousandths (as crop keys write it), clamped to 1000.
    pub fn from_thousandths(x: u16, y: u16) -> Focus {
        Focus {
            x: x.min(1000),
            y: y.min(1000),
        }
    }

    pub fn x(self) -> f64 {
        f64::from(self.x) / SCALE
    }

    pub fn y(self) -> f64 {
        f64::from(self.y) / SCALE
    }

    /// `(x, y)` in thousandths.
    pub fn thousandths(self) -> (u16, u16) {
        (self.x, self.y)
    }

    pub fn is_centre(self) -> bool {
        self == Focus::CENTRE
    }
}

impl Default for Focus {
    fn default() -> Self {
        Focus::CENTRE
    }
}

fn thousandths(fraction: f64) -> u16 {
    if fraction.is_nan() {
        return 500;
    }
    // In 0..=1000 after the clamp, so the cast cannot truncate.
    (fraction.clamp(0.0, 1.0) * SCALE).round() as u16
}

/// A box in the original's pixels; fractional, as the resizer samples between pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CropWindow {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// The largest box of `aspect` inside a `width`×`height` image, centred on `focus` as
/// nearly as the image's edges allow: a subject near an edge moves off-centre in the crop
/// rather than the crop leaving the image.
pub fn crop_window(width: u32, height: u32, aspect: (u32, u32), focus: Focus) -> CropWindow {
    let (aw, ah) = (f64::from(aspect.0.max(1)), f64::from(aspect.1.max(1)));
    let (w, h) = (f64::from(width), f64::from(height));
    let (mut cw, mut ch) = (w, w * ah / aw);
    if ch > h {
        ch = h;
        cw = (h * aw / ah).min(w);
    }
    let place = |centre: f64, size: f64, room: f64| {
        (centre - size / 2.0).clamp(0.0, (room - size).max(0.0))
    };
    CropWindow {
        left: place(focus.x() * w, cw, w),
        top: place(focus.y() * h, ch, h),
        width: cw,
        height: ch,
    }
}

/// Whether a `width`×`height` image already has `aspect`, within 1 % (the tolerance the
/// standards tests use): such a photo fills the frame whole, and needs no crop for it.
pub fn has_aspect(width: u32, height: u32, aspect: (u32, u32)) -> bool {
    let (w, h) = (u64::from(width), u64::from(height));
    let (a, b) = (u64::from(aspect.0), u64::from(aspect.1));
    // |w/h − a/b| ≤ 1 % of a/b, in integers: 100·|w·b − h·a| ≤ h·a.
    w > 0 && h > 0 && 100 * (w * b).abs_diff(h * a) <= h * a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(w: u32, h: u32, aspect: (u32, u32), x: f64, y: f64) -> (f64, f64, f64, f64) {
        let c = crop_window(w, h, aspect, Focus::new(x, y));
        let r = |v: f64| (v * 100.0).round() / 100.0;
        (r(c.left), r(c.top), r(c.width), r(c.height))
    }

    #[test]
    fn the_centre_gives_the_old_centred_crop() {
        // 16:9 of a 2000×1000 image: full height, 1777.78 wide, 111.11 in from each side.
        assert_eq!(
            window(2000, 1000, (16, 9), 0.5, 0.5),
            (111.11, 0.0, 1777.78, 1000.0)
        );
        assert_eq!(
            window(1000, 1500, (3, 2), 0.5, 0.5),
            (0.0, 416.67, 1000.0, 666.67)
        );
    }

    #[test]
    fn the_window_follows_the_focal_point() {
        // A portrait 1000×1500 in a 3:2 frame: the window (666.67 tall) slides vertically.
        // A face at 30 % from the top: centred on y = 450.
        assert_eq!(
            window(1000, 1500, (3, 2), 0.5, 0.3),
            (0.0, 116.67, 1000.0, 666.67)
        );
        // Horizontal focus cannot move a full-width window.
        assert_eq!(
            window(1000, 1500, (3, 2), 0.1, 0.3),
            window(1000, 1500, (3, 2), 0.9, 0.3)
        );
        // A landscape in a square: the window slides sideways.
        assert_eq!(
            window(3000, 1000, (1, 1), 0.4, 0.5),
            (700.0, 0.0, 1000.0, 1000.0)
        );
    }

    #[test]
    fn the_window_never_leaves_the_image() {
        // Subjects at the very edges and corners: the window stops at the border.
        assert_eq!(
            window(1000, 1500, (3, 2), 0.5, 0.0),
            (0.0, 0.0, 1000.0, 666.67)
        );
        assert_eq!(
            window(1000, 1500, (3, 2), 0.5, 1.0),
            (0.0, 833.33, 1000.0, 666.67)
        );
        assert_eq!(
            window(3000, 1000, (1, 1), 0.0, 0.0),
            (0.0, 0.0, 1000.0, 1000.0)
        );
        assert_eq!(
            window(3000, 1000, (1, 1), 1.0, 1.0),
            (2000.0, 0.0, 1000.0, 1000.0)
        );
        // Near, not at, an edge: clamped too (a window centred at 50 px would start at −450).
        assert_eq!(
            window(3000, 1000, (1, 1), 0.0167, 0.5),
            (0.0, 0.0, 1000.0, 1000.0)
        );
        // An image already of the aspect: the window is the image, wherever the point.
        for (x, y) in [(0.0, 0.0), (0.5, 0.5), (1.0, 0.2)] {
            assert_eq!(window(1500, 1000, (3, 2), x, y), (0.0, 0.0, 1500.0, 1000.0));
        }
        // Every window of every aspect stays inside, whatever the point.
        for (w, h) in [(1, 1), (7, 3000), (3000, 7), (1067, 1600), (1600, 1600)] {
            for aspect in [(16, 9), (4, 3), (1, 1), (3, 2)] {
                for (x, y) in [(0.0, 0.0), (0.3, 0.9), (1.0, 1.0), (0.5, 0.5)] {
                    let c = crop_window(w, h, aspect, Focus::new(x, y));
                    assert!(c.left >= 0.0 && c.top >= 0.0, "{w}×{h} {aspect:?} {c:?}");
                    assert!(c.left + c.width <= f64::from(w) + 1e-9, "{w}×{h} {c:?}");
                    assert!(c.top + c.height <= f64::from(h) + 1e-9, "{w}×{h} {c:?}");
                }
            }
        }
    }

    #[test]
    fn points_are_clamped_and_rounded_to_thousandths() {
        assert_eq!(Focus::new(-0.2, 1.7).thousandths(), (0, 1000));
        assert_eq!(Focus::new(f64::NAN, 0.25).thousandths(), (500, 250));
        assert_eq!(Focus::new(0.12345, 0.6666).thousandths(), (123, 667));
        assert_eq!(Focus::new(0.5, 0.5), Focus::CENTRE);
        assert!(Focus::new(0.5004, 0.4996).is_centre());
        assert_eq!(Focus::from_thousandths(2000, 10).thousandths(), (1000, 10));
    }

    #[test]
    fn aspects_match_within_one_percent() {
        assert!(has_aspect(1500, 1000, (3, 2)));
        assert!(has_aspect(1600, 1067, (3, 2)));
        assert!(has_aspect(1510, 1000, (3, 2)));
        assert!(!has_aspect(1520, 1000, (3, 2)));
        assert!(!has_aspect(1067, 1600, (3, 2)));
        assert!(!has_aspect(1600, 900, (3, 2)));
        assert!(!has_aspect(0, 0, (3, 2)));
    }
}
