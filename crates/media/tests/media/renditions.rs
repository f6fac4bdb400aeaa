//! Renditions and crops: sizes, formats, and no location leaking out of the original.

use newsdesk_media::{WIDTH_LADDER, make_crop, make_renditions, read_metadata, widths_for};

use crate::support::{plain_jpeg, reference_jpeg};

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn reference_image_gets_every_ladder_width_in_webp_and_jpeg() {
    let renditions = make_renditions(&reference_jpeg(), &WIDTH_LADDER).unwrap();
    let widths: Vec<u32> = renditions.iter().map(|r| r.width).collect();
    // 2000 px wide: every ladder step fits, each in two formats.
    assert_eq!(
        widths,
        [
            320, 320, 480, 480, 640, 640, 960, 960, 1280, 1280, 1600, 1600, 1920, 1920
        ]
    );
    for r in &renditions {
        assert_eq!(r.height, r.width / 2, "2:1 original keeps its aspect");
        let format = image::guess_format(&r.bytes).unwrap();
        let decoded = image::load_from_memory(&r.bytes).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (r.width, r.height));
        match r.content_type {
            "image/webp" => {
                assert_eq!(format, image::ImageFormat::WebP);
                // Lossy VP8, not the lossless VP8L the pure-Rust encoder writes.
                assert_eq!(&r.bytes[12..16], b"VP8 ");
            }
            "image/jpeg" => assert_eq!(format, image::ImageFormat::Jpeg),
            other => panic!("unexpected content type {other}"),
        }
    }
}

#[test]
fn lossy_webp_is_smaller_than_the_jpeg_fallback() {
    let renditions = make_renditions(&reference_jpeg(), &[1280]).unwrap();
    let webp = renditions
        .iter()
        .find(|r| r.content_type == "image/webp")
        .unwrap();
    let jpeg = renditions
        .iter()
        .find(|r| r.content_type == "image/jpeg")
        .unwrap();
    assert!(
        webp.bytes.len() < jpeg.bytes.len(),
        "webp {} jpeg {}",
        webp.bytes.len(),
        jpeg.bytes.len()
    );
}

#[test]
fn small_originals_are_never_upscaled() {
    assert_eq!(widths_for(500, &WIDTH_LADDER), [320, 480]);
    assert_eq!(widths_for(200, &WIDTH_LADDER), [200]);
    let renditions = make_renditions(&plain_jpeg(200, 150), &WIDTH_LADDER).unwrap();
    assert_eq!(renditions.len(), 2);
    assert!(renditions.iter().all(|r| (r.width, r.height) == (200, 150)));
}

#[test]
fn renditions_carry_no_location_or_other_metadata() {
    let original = reference_jpeg();
    // The original does carry them, so the checks below can fail.
    assert!(contains(&original, b"LocationCreated"));
    assert!(contains(&original, b"GPS"));
    let mut outputs = make_renditions(&original, &[320, 1280]).unwrap();
    outputs.push(make_crop(&original, (16, 9), 1200).unwrap());
    for r in outputs {
        for needle in [
            &b"GPS"[..],
            b"LocationCreated",
            b"Exif\0\0",
            b"http://ns.adobe.com/xap",
            b"Photoshop 3.0",
        ] {
            assert!(
                !contains(&r.bytes, needle),
                "{} {}w contains {:?}",
                r.content_type,
                r.width,
                String::from_utf8_lossy(needle)
            );
        }
        let meta = read_metadata(&r.bytes);
        assert!(meta.caption.is_empty() && meta.creator.is_empty() && meta.city.is_empty());
    }
}

#[test]
fn crops_are_centred_at_the_asked_aspect() {
    let original = reference_jpeg(); // 2000×1000
    let c = make_crop(&original, (16, 9), 1200).unwrap();
    assert_eq!(
        (c.width, c.height, c.content_type),
        (1200, 675, "image/jpeg")
    );
    let c = make_crop(&original, (4, 3), 1200).unwrap();
    assert_eq!((c.width, c.height), (1200, 900));
    // A square crop of a 1000 px tall image can be at most 1000 wide.
    let c = make_crop(&original, (1, 1), 1200).unwrap();
    assert_eq!((c.width, c.height), (1000, 1000));
    let decoded = image::load_from_memory(&c.bytes).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (1000, 1000));
    assert!(make_crop(&original, (5, 4), 1200).is_err());
}

#[test]
fn a_crop_takes_the_centre_of_the_picture() {
    // Left third red, middle blue, right third green: a centred square shows only blue.
    let img = image::RgbImage::from_fn(300, 100, |x, _| match x {
        0..100 => image::Rgb([255, 0, 0]),
        100..200 => image::Rgb([0, 0, 255]),
        _ => image::Rgb([0, 255, 0]),
    });
    let mut png = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let crop = make_crop(&png, (1, 1), 100).unwrap();
    let decoded = image::load_from_memory(&crop.bytes).unwrap().to_rgb8();
    let centre = decoded.get_pixel(50, 50).0;
    assert!(
        centre[2] > 200 && centre[0] < 60 && centre[1] < 60,
        "{centre:?}"
    );
}

#[test]
fn lossless_webp_would_be_several_times_larger() {
    // The measurement behind using libwebp: the pure-Rust WebP encoder is lossless only.
    let image =
        newsdesk_media::decode_rgb(&reference_jpeg(), &newsdesk_media::Limits::default()).unwrap();
    let small = image::imageops::resize(&image, 960, 480, image::imageops::FilterType::Triangle);
    let lossless = newsdesk_media::encode_webp_lossless(&small).unwrap();
    let lossy = make_renditions(&reference_jpeg(), &[960]).unwrap();
    let lossy_webp = lossy
        .iter()
        .find(|r| r.content_type == "image/webp")
        .unwrap();
    let jpeg = lossy
        .iter()
        .find(|r| r.content_type == "image/jpeg")
        .unwrap();
    eprintln!(
        "960 px: lossless webp {} B, lossy webp {} B, jpeg q82 {} B",
        lossless.len(),
        lossy_webp.bytes.len(),
        jpeg.bytes.len()
    );
    assert!(lossless.len() > 2 * jpeg.bytes.len());
    assert!(lossy_webp.bytes.len() < jpeg.bytes.len());
}
