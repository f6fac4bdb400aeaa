//! Which stored image a consumer gets: the 16:9, 4:3 and 1:1 crops Google asks for in
//! JSON-LD, the large 16:9 share image for Open Graph and Twitter, and the rendition a
//! feed reader shows. URLs are absolute and point at objects the media crate made
//! (`newsdesk_media::process_upload` stores crops among a photo's renditions).

use newsdesk_core::{Photo, Rendition};
use newsdesk_media::keys;
pub use newsdesk_media::{CROP_ASPECTS, CROP_WIDTH};

use super::site::Site;

/// One image a consumer can fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub mime: String,
}

/// The crop of `photo` at `aspect`. A stored rendition of that ratio is preferred (its
/// real size is known); otherwise the crop's conventional key with the size the media
/// crate's centre crop gives for the original.
pub fn crop(site: &Site, photo: &Photo, aspect: (u32, u32)) -> ImageRef {
    if let Some(r) = best_of_ratio(&photo.renditions, aspect) {
        return image_ref(site, r);
    }
    // Renditions not recorded (yet): the key the media crate gives this crop.
    let (width, height) = crop_size(photo.width, photo.height, aspect, CROP_WIDTH);
    ImageRef {
        url: site.media_url(&keys::crop_key(photo.id, aspect, width)),
        width,
        height,
        mime: "image/jpeg".into(),
    }
}

/// The three crops for JSON-LD `image`, 16:9 first.
pub fn jsonld_images(site: &Site, photo: &Photo) -> Vec<ImageRef> {
    CROP_ASPECTS.iter().map(|&a| crop(site, photo, a)).collect()
}

/// The share image (`og:image`, `twitter:image`): the 16:9 crop, which is what
/// `summary_large_image` cards and Facebook link previews display uncropped.
pub fn share_image(site: &Site, photo: &Photo) -> ImageRef {
    crop(site, photo, CROP_ASPECTS[0])
}

/// The image a feed item carries: a JPEG rendition of the whole photo (feed readers
/// seldom read WebP), the smallest at least 1200 px wide, else the largest; the original
/// when there are no renditions.
pub fn feed_image(site: &Site, photo: &Photo) -> ImageRef {
    let jpegs = photo
        .renditions
        .iter()
        .filter(|r| r.content_type == "image/jpeg" && !is_crop_key(&r.key));
    let chosen = pick_width(jpegs);
    match chosen {
        Some(r) => image_ref(site, r),
        None => ImageRef {
            url: site.media_url(&photo.key),
            width: photo.width,
            height: photo.height,
            mime: photo.content_type.clone(),
        },
    }
}

fn image_ref(site: &Site, r: &Rendition) -> ImageRef {
    ImageRef {
        url: site.media_url(&r.key),
        width: r.width,
        height: r.height,
        mime: r.content_type.clone(),
    }
}

/// A rendition key made by the crop step (`…/c16x9-w1200.jpg`): not the whole photo.
fn is_crop_key(key: &str) -> bool {
    keys::crop_aspect(key).is_some()
}

/// Within 1 %: the tolerance the standards tests use for "16:9".
fn has_ratio(width: u32, height: u32, aspect: (u32, u32)) -> bool {
    if width == 0 || height == 0 {
        return false;
    }
    let want = f64::from(aspect.0) / f64::from(aspect.1);
    let got = f64::from(width) / f64::from(height);
    ((got - want) / want).abs() <= 0.01
}

fn best_of_ratio(renditions: &[Rendition], aspect: (u32, u32)) -> Option<&Rendition> {
    let matching: Vec<&Rendition> = renditions
        .iter()
        .filter(|r| has_ratio(r.width, r.height, aspect))
        .collect();
    // Crops are JPEG by design; prefer them to a whole-photo rendition that happens to
    // have the same ratio, then JPEG to WebP.
    let crops = matching
        .iter()
        .copied()
        .filter(|r| keys::crop_aspect(&r.key) == Some(aspect));
    if let Some(r) = pick_width(crops) {
        return Some(r);
    }
    let jpegs = matching
        .iter()
        .copied()
        .filter(|r| r.content_type == "image/jpeg");
    pick_width(jpegs).or_else(|| pick_width(matching.iter().copied()))
}

/// The narrowest at least [`CROP_WIDTH`] wide, else the widest.
fn pick_width<'a>(candidates: impl Iterator<Item = &'a Rendition>) -> Option<&'a Rendition> {
    let all: Vec<&Rendition> = candidates.collect();
    let large = all
        .iter()
        .copied()
        .filter(|r| r.width >= CROP_WIDTH)
        .min_by_key(|r| r.width);
    large.or_else(|| all.iter().copied().max_by_key(|r| r.width))
}

/// The size of a centre crop at `aspect` from a `w0`×`h0` original, `width` wide or as
/// wide as the original allows (mirrors `newsdesk_media::rendition::crop_of`, which never
/// upscales).
pub fn crop_size(w0: u32, h0: u32, aspect: (u32, u32), width: u32) -> (u32, u32) {
    let (aw, ah) = (f64::from(aspect.0.max(1)), f64::from(aspect.1.max(1)));
    let (mut cw, ch) = (f64::from(w0), f64::from(w0) * ah / aw);
    if ch > f64::from(h0) {
        cw = f64::from(h0) * aw / ah;
    }
    let out_w = width.min(cw.floor() as u32).max(1);
    let out_h = ((f64::from(out_w) * ah / aw).round() as u32).max(1);
    (out_w, out_h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use newsdesk_core::Credit;

    fn rendition(key: &str, width: u32, height: u32, mime: &str) -> Rendition {
        Rendition {
            width,
            height,
            content_type: mime.into(),
            key: key.into(),
        }
    }

    pub(crate) fn photo(renditions: Vec<Rendition>) -> Photo {
        Photo {
            id: 7,
            key: "photos/7/original.jpg".into(),
            content_type: "image/jpeg".into(),
            width: 3000,
            height: 2000,
            byte_size: 1,
            caption: "c".into(),
            alt_text: "a".into(),
            credit: Credit::default(),
            copyright_notice: String::new(),
            copyright_year: None,
            created_at: Utc::now(),
            renditions,
        }
    }

    #[test]
    fn stored_crops_win_and_have_the_right_ratio() {
        let p = photo(vec![
            rendition("photos/7/w1280.webp", 1280, 853, "image/webp"),
            rendition("photos/7/c16x9-w1200.jpg", 1200, 675, "image/jpeg"),
            rendition("photos/7/c4x3-w1200.jpg", 1200, 900, "image/jpeg"),
            rendition("photos/7/c1x1-w1200.jpg", 1200, 1200, "image/jpeg"),
        ]);
        let site = Site::new("https://n.example", "N");
        let imgs = jsonld_images(&site, &p);
        assert_eq!(
            imgs[0].url,
            "https://n.example/media/photos/7/c16x9-w1200.jpg"
        );
        assert_eq!((imgs[1].width, imgs[1].height), (1200, 900));
        assert_eq!((imgs[2].width, imgs[2].height), (1200, 1200));
        for (img, a) in imgs.iter().zip(CROP_ASPECTS) {
            assert!(has_ratio(img.width, img.height, a));
        }
    }

    #[test]
    fn without_stored_crops_the_conventional_key_and_true_size_are_used() {
        let p = photo(vec![]);
        let site = Site::new("https://n.example", "N");
        let img = crop(&site, &p, (1, 1));
        assert_eq!(img.url, "https://n.example/media/photos/7/c1x1-w1200.jpg");
        assert_eq!((img.width, img.height), (1200, 1200));
        // A small original is never upscaled: 800x600 gives an 800x450 16:9 crop.
        assert_eq!(crop_size(800, 600, (16, 9), 1200), (800, 450));
        assert_eq!(crop_size(800, 600, (1, 1), 1200), (600, 600));
    }

    #[test]
    fn feed_image_is_a_whole_photo_jpeg_not_a_crop() {
        let p = photo(vec![
            rendition("photos/7/c16x9-w1200.jpg", 1200, 675, "image/jpeg"),
            rendition("photos/7/w960.jpg", 960, 640, "image/jpeg"),
            rendition("photos/7/w1280.jpg", 1280, 853, "image/jpeg"),
            rendition("photos/7/w1920.jpg", 1920, 1280, "image/jpeg"),
            rendition("photos/7/w1280.webp", 1280, 853, "image/webp"),
        ]);
        let img = feed_image(&Site::new("https://n.example", "N"), &p);
        assert_eq!(img.url, "https://n.example/media/photos/7/w1280.jpg");
        assert_eq!(img.mime, "image/jpeg");
    }
}
