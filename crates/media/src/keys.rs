//! Storage keys. They are built here from ids and sizes only, never from anything the
//! uploader typed, so a file named `../../etc/passwd.jpg` cannot choose where it lands.
//!
//! Layout for photo 42:
//! - `photos/42/original.jpg` — the upload as received (`.png`, `.webp` likewise);
//! - `photos/42/w640.webp`, `photos/42/w640.jpg` — a rendition 640 px wide;
//! - `photos/42/c16x9-w1200.jpg` — a 16:9 centre crop 1200 px wide (crops are JPEG).

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

pub fn crop_key(photo_id: i64, aspect: (u32, u32), width: u32) -> String {
    format!("photos/{photo_id}/c{}x{}-w{width}.jpg", aspect.0, aspect.1)
}

/// The aspect of a crop key (`…/c16x9-w1200.jpg` → `(16, 9)`); `None` for renditions and
/// originals. Lets the JSON-LD builder pick crops out of a photo's rendition list.
pub fn crop_aspect(key: &str) -> Option<(u32, u32)> {
    let file = key.rsplit('/').next()?;
    let spec = file.strip_prefix('c')?.split('-').next()?;
    let (a, b) = spec.split_once('x')?;
    Some((a.parse().ok()?, b.parse().ok()?))
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
}
