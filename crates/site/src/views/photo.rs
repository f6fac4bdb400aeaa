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
/// (`c16x9-…` keys, kept for structured data) are left out because their aspect differs.
/// Width and height are the fallback image's, so the browser reserves the right box.
/// Without renditions (not made yet) the original is served as is.
pub fn photo_view(photo: &Photo) -> PhotoView {
    photo_view_sized(photo, "")
}

pub fn photo_view_sized(photo: &Photo, sizes: &str) -> PhotoView {
    let mut renditions: Vec<_> = photo
        .renditions
        .iter()
        .filter(|r| {
            newsdesk_media::keys::crop_aspect(&r.key).is_none() && r.width > 0 && r.height > 0
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
    }
}
