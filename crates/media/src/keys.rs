//! Storage keys. They are built here from ids, sizes and focal points (numbers) only,
//! never from anything the uploader typed, so a file named `../../etc/passwd.jpg` cannot choose where it lands.
//!
//! Layout for photo 42:
//! - `photos/42/original.jpg` — the upload as received (`.png`, `.webp` likewise);
//! - `photos/42/w640.webp`, `photos/42/w640.jpg` — a rendition 640 px wide;
//! - `photos/42/c16x9-w1200.jpg` — a 16:9 crop 1200 px wide around the centre;
//! - `photos/42/c16x9-f500x300-w640.webp` — a 16:9 crop 640 px wide around the focal point
//!   (0.5, 0.3), in thousandths (the hero frame's ladder is WebP and JPEG; JSON-LD crops
//!   are JPEG);
//! - `photos/42/c16x9-r120x80x1600x900-w640.webp` — the same of the rectangle an editor
//!   drew, in the original's pixels: x, y, width, height.
//!
//! Bytes under a key never change (they are served as immutable for a year), so a crop's
//! key names its focal point or rectangle: moving either writes new files, never new bytes
//! under an old name that browsers and CDNs keep. The centre is left out of the name, so
//! crops made before focal points existed keep their keys.

use crate::crop::{CropRect, Frame};
use crate::focus::Focus;

/// The folder holding everything of one photo; [`crate::MediaStore::delete_prefix`] on it
/// removes the photo.
pub fn photo_prefix(photo_id: i64) -> String {
    format!("photos/{photo_id}/")
}

pub fn original_key(photo_id: i64, extension: &str) -> String {
    format!("photos/{photo_id}/original.{extension}")
}

pub fn rendition_key(photo_id: i64, width: u32, extension: &str) -> String {
    format!("photos/{photo_id}/w{width}.{extension}")
}

/// A JPEG crop around the centre.
pub fn crop_key(photo_id: i64, aspect: (u32, u32), width: u32) -> String {
    crop_key_at(photo_id, aspect, Focus::CENTRE, width, "jpg")
}

/// A crop around `focus`, `extension` being `jpg` or `webp`.
pub fn crop_key_at(
    photo_id: i64,
    aspect: (u32, u32),
    focus: Focus,
    width: u32,
    extension: &str,
) -> String {
    let (a, b) = aspect;
    if focus.is_centre() {
        return format!("photos/{photo_id}/c{a}x{b}-w{width}.{extension}");
    }
    let (x, y) = focus.thousandths();
    format!("photos/{photo_id}/c{a}x{b}-f{x}x{y}-w{width}.{extension}")
}

/// A crop cut as `frame` says, `extension` being `jpg` or `webp`.
pub fn crop_key_framed(
    photo_id: i64,
    aspect: (u32, u32),
    frame: Frame,
    width: u32,
    extension: &str,
) -> String {
    match frame {
        Frame::Focus(focus) => crop_key_at(photo_id, aspect, focus, width, extension),
        Frame::Rect(r) => {
            let (a, b) = aspect;
            format!(
                "photos/{photo_id}/c{a}x{b}-r{}x{}x{}x{}-w{width}.{extension}",
                r.x, r.y, r.width, r.height
            )
        }
    }
}

/// The aspect of a crop key (`…/c16x9-w1200.jpg` → `(16, 9)`); `None` for renditions and
/// originals. Lets the JSON-LD builder pick crops out of a photo's rendition list.
pub fn crop_aspect(key: &str) -> Option<(u32, u32)> {
    let file = key.rsplit('/').next()?;
    let spec = file.strip_prefix('c')?.split('-').next()?;
    let (a, b) = spec.split_once('x')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// The focal point a crop key was made around (the centre when it names none); `None`
/// for crops of a drawn rectangle, renditions, originals and anything else.
pub fn crop_focus(key: &str) -> Option<Focus> {
    match crop_frame(key)? {
        Frame::Focus(focus) => Some(focus),
        Frame::Rect(_) => None,
    }
}

/// How a crop key was cut: around a focal point (the centre when it names none) or to a
/// drawn rectangle; `None` for renditions, originals and anything else.
pub fn crop_frame(key: &str) -> Option<Frame> {
    crop_aspect(key)?;
    let file = key.rsplit('/').next()?;
    let spec = file.split('-').nth(1)?;
    if let Some(point) = spec.strip_prefix('f') {
        let (x, y) = point.split_once('x')?;
        return Some(Frame::Focus(Focus::from_thousandths(
            x.parse().ok()?,
            y.parse().ok()?,
        )));
    }
    if let Some(rect) = spec.strip_prefix('r') {
        let mut n = rect.split('x').map(str::parse::<u32>);
        let (Some(Ok(x)), Some(Ok(y)), Some(Ok(width)), Some(Ok(height)), None) =
            (n.next(), n.next(), n.next(), n.next(), n.next())
        else {
            return None;
        };
        return Some(Frame::Rect(CropRect {
            x,
            y,
            width,
            height,
        }));
    }
    spec.starts_with('w').then_some(Frame::Focus(Focus::CENTRE))
}

/// The content type a stored key is served with, from the extension we gave it.
pub fn content_type_for_key(key: &str) -> Option<&'static str> {
    match key.rsplit('.').next()? {
        "jpg" | "jpeg" => Some("image/jpeg"),
        "png" => Some("image/png"),
        "webp" => Some("image/webp"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crops_are_told_apart_from_renditions_by_key() {
        assert_eq!(crop_aspect(&crop_key(7, (16, 9), 1200)), Some((16, 9)));
        assert_eq!(crop_aspect(&rendition_key(7, 640, "webp")), None);
        assert_eq!(crop_aspect(&original_key(7, "jpg")), None);
    }

    #[test]
    fn a_crop_key_names_its_focal_point_unless_it_is_the_centre() {
        assert_eq!(crop_key(7, (16, 9), 1200), "photos/7/c16x9-w1200.jpg");
        let focus = Focus::new(0.5, 0.3);
        let key = crop_key_at(7, (16, 9), focus, 640, "webp");
        assert_eq!(key, "photos/7/c16x9-f500x300-w640.webp");
        assert_eq!(crop_aspect(&key), Some((16, 9)));
        assert_eq!(crop_focus(&key), Some(focus));
        assert_eq!(crop_focus(&crop_key(7, (16, 9), 1200)), Some(Focus::CENTRE));
        assert_eq!(
            crop_key_at(7, (1, 1), Focus::CENTRE, 640, "jpg"),
            "photos/7/c1x1-w640.jpg"
        );
        assert_eq!(crop_focus(&rendition_key(7, 640, "jpg")), None);
        assert_eq!(content_type_for_key(&key), Some("image/webp"));
    }

    #[test]
    fn a_crop_key_names_the_drawn_rectangle() {
        let rect = CropRect {
            x: 120,
            y: 80,
            width: 1600,
            height: 900,
        };
        let key = crop_key_framed(7, (16, 9), Frame::Rect(rect), 640, "webp");
        assert_eq!(key, "photos/7/c16x9-r120x80x1600x900-w640.webp");
        assert_eq!(crop_aspect(&key), Some((16, 9)));
        assert_eq!(crop_frame(&key), Some(Frame::Rect(rect)));
        assert_eq!(crop_focus(&key), None);
        // Another rectangle, another key: a key never names other bytes.
        let moved = CropRect { x: 121, ..rect };
        assert_ne!(
            crop_key_framed(7, (16, 9), Frame::Rect(moved), 640, "webp"),
            key
        );
        let focus = Focus::new(0.5, 0.3);
        assert_eq!(
            crop_key_framed(7, (16, 9), Frame::Focus(focus), 640, "webp"),
            crop_key_at(7, (16, 9), focus, 640, "webp")
        );
        assert_eq!(
            crop_frame("photos/7/c1x1-w640.jpg"),
            Some(Frame::Focus(Focus::CENTRE))
        );
        for bad in [
            "photos/7/c16x9-r1x2x3-w640.jpg",
            "photos/7/c16x9-r1x2x3x4x5-w640.jpg",
            "photos/7/c16x9-rAx2x3x4-w640.jpg",
            "photos/7/c16x9-q1-w640.jpg",
            "photos/7/w640.jpg",
        ] {
            assert_eq!(crop_frame(bad), None, "{bad}");
        }
    }
}
