//! Photos as templates print them: `<picture>` sources from the stored renditions.

use newsdesk_core::Photo;
pub use newsdesk_core::body::{PhotoView, PictureSource};

/// The widest rendition the fallback `<img src>` points at: sharp on most screens, and
/// browsers that understand `srcset` pick their own anyway.
const FALLBACK_WIDTH: u32 = 1280;

/// URL of a stored media object.
pub fn media_url(key: &str) -> String {
    format!("/media/{key}")
}

/// A photo ready to print, with `sizes` left empty (set it for the slot it fills).
///
/// Sources: one `<source>` per format (WebP first, then JPEG) listing every width; crops
/// (`c16x9-…`, `c4x3-…`, `c1x1-…` keys, for structured data and the hero frame) are left
/// out because their aspect differs.
/// Width and height are the fallback image's, so the browser reserves the right box.
/// Without renditions (not made yet) the original is served as is.
pub fn photo_view(photo: &Photo) -> PhotoView {
    photo_view_sized(photo, "")
}

pub fn photo_view_sized(photo: &Photo, sizes: &str) -> PhotoView {
    view_of(photo, sizes, None)
}

/// The article's hero, for the page's 16:9 frame: the crop ladder made for it around the
/// photo's focal point (`c16x9-…` keys, with the JSON-LD crop of that aspect among the
/// JPEGs), so `srcset` offers the cropped picture and width and height are the crop's. A
/// photo without a ladder (no WebP crop: JSON-LD crops are JPEG only) falls back to its
/// whole-image renditions, which the stylesheet fits into the frame: a 16:9 photo needs
/// none, and one processed before ladders existed gets one when its job runs again.
pub fn hero_view(photo: &Photo, sizes: &str) -> PhotoView {
    let frame = newsdesk_media::HERO_FRAME;
    let has_ladder = photo.renditions.iter().any(|r| {
        newsdesk_media::keys::crop_aspect(&r.key) == Some(frame)
            && r.content_type == "image/webp"
            && r.width > 0
            && r.height > 0
    });
    view_of(photo, sizes, has_ladder.then_some(frame))
}

/// From the whole-image renditions (`crop` = `None`) or the crops of one aspect.
fn view_of(photo: &Photo, sizes: &str, crop: Option<(u32, u32)>) -> PhotoView {
    let mut renditions: Vec<_> = photo
        .renditions
        .iter()
        .filter(|r| {
            newsdesk_media::keys::crop_aspect(&r.key) == crop && r.width > 0 && r.height > 0
        })
        .collect();
    renditions.sort_by_key(|r| r.width);
    let mut sources = Vec::new();
    for mime in ["image/webp", "image/jpeg"] {
        let srcset: Vec<String> = renditions
            .iter()
            .filter(|r| r.content_type == mime)
            .map(|r| format!("{} {}w", media_url(&r.key), r.width))
            .collect();
        if !srcset.is_empty() {
            sources.push(PictureSource {
                mime: mime.to_owned(),
                srcset: srcset.join(", "),
            });
        }
    }
    let jpegs: Vec<_> = renditions
        .iter()
        .copied()
        .filter(|r| r.content_type == "image/jpeg")
        .collect();
    let fallback = jpegs
        .iter()
        .rev()
        .find(|r| r.width <= FALLBACK_WIDTH)
        .or_else(|| jpegs.first())
        .or_else(|| renditions.first())
        .copied();
    let (src, width, height) = match fallback {
        Some(r) => (media_url(&r.key), r.width, r.height),
        // Renditions are still being made: no image rather than the original, which may
        // carry location metadata (and is not served publicly).
        None => (String::new(), photo.width, photo.height),
    };
    PhotoView {
        src,
        sources,
        sizes: sizes.to_owned(),
        width,
        height,
        alt: photo.alt_text.trim().to_owned(),
        caption: photo.caption.trim().to_owned(),
        credit_line: photo.credit_line(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use newsdesk_core::{Credit, Rendition};

    use super::*;

    fn rendition(width: u32, mime: &str, key: &str) -> Rendition {
        Rendition {
            width,
            height: width * 9 / 16,
            content_type: mime.into(),
            key: key.into(),
        }
    }

    #[test]
    fn lists_each_format_with_its_widths_and_sizes_the_fallback() {
        let photo = Photo {
            id: 3,
            key: "photos/3/original.jpg".into(),
            content_type: "image/jpeg".into(),
            width: 4000,
            height: 2250,
            byte_size: 1,
            caption: "Rain over the harbour".into(),
            alt_text: "Boats moored under dark clouds".into(),
            credit: Credit {
                agency: "AFP".into(),
                creator: "Jane Doe".into(),
            },
            copyright_notice: String::new(),
            copyright_year: Some(2026),
            created_at: Utc::now(),
            renditions: vec![
                rendition(640, "image/webp", "photos/3/w640.webp"),
                rendition(640, "image/jpeg", "photos/3/w640.jpg"),
                rendition(1920, "image/jpeg", "photos/3/w1920.jpg"),
                rendition(1280, "image/jpeg", "photos/3/w1280.jpg"),
                rendition(1200, "image/jpeg", "photos/3/c16x9-w1200.jpg"),
            ],
        };
        let view = photo_view(&photo);
        assert_eq!(view.sources[0].mime, "image/webp");
        assert_eq!(
            view.sources[1].srcset,
            "/media/photos/3/w640.jpg 640w, /media/photos/3/w1280.jpg 1280w, /media/photos/3/w1920.jpg 1920w"
        );
        assert_eq!(
            (view.src.as_str(), view.width, view.height),
            ("/media/photos/3/w1280.jpg", 1280, 720)
        );
        assert_eq!(view.credit_line, "© AFP 2026 / Jane Doe");
        // Only the JSON-LD crop, no ladder: the hero falls back to the whole picture.
        assert_eq!(hero_view(&photo, "100vw").sources, view.sources);
    }

    #[test]
    fn the_hero_uses_the_frames_crop_ladder() {
        let r = |width: u32, height: u32, mime: &str, key: &str| Rendition {
            width,
            height,
            content_type: mime.into(),
            key: key.into(),
        };
        let mut photo = Photo {
            id: 4,
            key: "photos/4/original.jpg".into(),
            content_type: "image/jpeg".into(),
            width: 1067,
            height: 1600,
            byte_size: 1,
            caption: String::new(),
            alt_text: "A woman at a lectern".into(),
            credit: Credit::default(),
            copyright_notice: String::new(),
            copyright_year: None,
            created_at: Utc::now(),
            renditions: vec![
                r(640, 960, "image/webp", "photos/4/w640.webp"),
                r(640, 960, "image/jpeg", "photos/4/w640.jpg"),
                r(1067, 600, "image/jpeg", "photos/4/c16x9-f500x300-w1067.jpg"),
                r(1067, 1067, "image/jpeg", "photos/4/c1x1-f500x300-w1067.jpg"),
                r(320, 180, "image/webp", "photos/4/c16x9-f500x300-w320.webp"),
                r(320, 180, "image/jpeg", "photos/4/c16x9-f500x300-w320.jpg"),
                r(960, 540, "image/webp", "photos/4/c16x9-f500x300-w960.webp"),
                r(960, 540, "image/jpeg", "photos/4/c16x9-f500x300-w960.jpg"),
            ],
        };
        let hero = hero_view(&photo, "100vw");
        assert_eq!(
            hero.sources[0].srcset,
            "/media/photos/4/c16x9-f500x300-w320.webp 320w, /media/photos/4/c16x9-f500x300-w960.webp 960w"
        );
        assert_eq!(
            hero.sources[1].srcset,
            "/media/photos/4/c16x9-f500x300-w320.jpg 320w, /media/photos/4/c16x9-f500x300-w960.jpg 960w, /media/photos/4/c16x9-f500x300-w1067.jpg 1067w"
        );
        assert_eq!(
            (hero.src.as_str(), hero.width, hero.height),
            ("/media/photos/4/c16x9-f500x300-w1067.jpg", 1067, 600)
        );
        // Photos in the body keep the whole picture.
        let inline = photo_view_sized(&photo, "100vw");
        assert_eq!(inline.sources[0].srcset, "/media/photos/4/w640.webp 640w");
        assert_eq!((inline.width, inline.height), (640, 960));
        // Before its ladder was made (the JSON-LD crops only): the whole picture.
        photo.renditions.truncate(4);
        assert_eq!(hero_view(&photo, "100vw").src, "/media/photos/4/w640.jpg");
    }
}
