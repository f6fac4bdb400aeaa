//! Uploads refused by content, each with a message a person can act on.

use std::time::Instant;

use newsdesk_media::{ImageKind, Limits, MediaError, inspect};

use crate::support::{plain_jpeg, reference_jpeg};

fn refused(bytes: &[u8], limits: &Limits) -> MediaError {
    match inspect(bytes, limits) {
        Ok(ok) => panic!("accepted: {ok:?}"),
        Err(e) => {
            assert!(e.is_client_error(), "{e} should be the uploader's error");
            e
        }
    }
}

#[test]
fn real_photos_are_accepted_with_their_size() {
    let ok = inspect(&reference_jpeg(), &Limits::default()).expect("reference image is valid");
    assert_eq!(
        (ok.kind, ok.width, ok.height),
        (ImageKind::Jpeg, 2000, 1000)
    );
    assert_eq!(ok.content_type, "image/jpeg");

    let img = image::RgbaImage::from_pixel(30, 20, image::Rgba([10, 20, 30, 128]));
    let mut png = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let ok = inspect(&png, &Limits::default()).unwrap();
    assert_eq!((ok.kind, ok.width, ok.height), (ImageKind::Png, 30, 20));
}

#[test]
fn a_text_file_named_jpg_is_refused() {
    // The name never reaches `inspect`: only the content is judged.
    let err = refused(
        b"Dear editor,\nplease find attached...\n",
        &Limits::default(),
    );
    assert!(matches!(err, MediaError::UnsupportedFormat));
    assert!(err.to_string().contains("not a JPEG, PNG or WebP"), "{err}");
}

#[test]
fn a_truncated_jpeg_is_refused() {
    let full = reference_jpeg();
    let half = &full[..full.len() / 2];
    let err = refused(half, &Limits::default());
    assert!(
        matches!(err, MediaError::Corrupt { format: "JPEG", .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("damaged or incomplete"), "{err}");

    // Also a small JPEG cut just before its end marker.
    let small = plain_jpeg(200, 100);
    let err = refused(&small[..small.len() - 40], &Limits::default());
    assert!(matches!(err, MediaError::Corrupt { .. }), "{err:?}");
}

/// A PNG whose header claims `width`×`height`, with one tiny IDAT: a decoder that trusted
/// the header would allocate width×height×4 bytes before finding out.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        // The CRC is wrong on purpose; refusal must come before anything checks it.
        out.extend_from_slice(&[0, 0, 0, 0]);
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]); // 8-bit RGBA
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IDAT", &[0x78, 0x9c, 0x03, 0x00]);
    chunk(&mut png, b"IEND", &[]);
    png
}

#[test]
fn a_decompression_bomb_is_refused_from_its_header() {
    let bomb = png_claiming(20_000, 20_000);
    let started = Instant::now();
    let err = refused(&bomb, &Limits::default());
    let elapsed = started.elapsed();
    assert!(
        matches!(
            err,
            MediaError::TooManyPixels {
                width: 20_000,
                height: 20_000,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("20000×20000"), "{err}");
    // Decoding 400 megapixels would take seconds and 1.6 GB; reading a header takes nothing.
    assert!(elapsed.as_millis() < 200, "took {elapsed:?}");
}

#[test]
fn an_oversized_body_is_refused_before_anything_else() {
    let limits = Limits {
        max_bytes: 1000,
        ..Limits::default()
    };
    let photo = plain_jpeg(300, 200);
    assert!(photo.len() > 1000);
    let err = refused(&photo, &limits);
    assert!(
        matches!(err, MediaError::TooLarge { max: 1000, .. }),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("largest accepted upload is 1000 bytes"),
        "{err}"
    );
}

#[test]
fn avif_and_heic_are_refused_as_not_supported() {
    let mut avif = vec![0, 0, 0, 0x1c];
    avif.extend_from_slice(b"ftypavif\0\0\0\0avifmif1miaf");
    avif.extend_from_slice(&[0; 64]);
    let err = refused(&avif, &Limits::default());
    assert!(
        err.to_string().contains("AVIF images are not supported"),
        "{err}"
    );

    let mut heic = vec![0, 0, 0, 0x18];
    heic.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
    heic.extend_from_slice(&[0; 64]);
    let err = refused(&heic, &Limits::default());
    assert!(err.to_string().contains("HEIC"), "{err}");
}

#[test]
fn a_png_with_damaged_pixels_is_refused() {
    let img = image::RgbImage::from_fn(64, 64, |x, y| image::Rgb([x as u8 * 4, y as u8 * 4, 90]));
    let mut png = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let idat = png.windows(4).position(|w| w == b"IDAT").unwrap();
    for b in &mut png[idat + 8..idat + 40] {
        *b ^= 0x5A;
    }
    let err = refused(&png, &Limits::default());
    assert!(
        matches!(err, MediaError::Corrupt { format: "PNG", .. }),
        "{err:?}"
    );
}

#[test]
fn an_empty_upload_is_refused() {
    assert!(matches!(
        refused(b"", &Limits::default()),
        MediaError::Empty
    ));
}

/// Re-wrap a simple lossy WebP as an extended (VP8X) file carrying an XMP chunk.
fn webp_with_xmp(simple: &[u8], width: u32, height: u32, xmp: &str) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, id: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(id);
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(data);
        if data.len() % 2 == 1 {
            out.push(0);
        }
    }
    let mut body = b"WEBP".to_vec();
    let mut vp8x = vec![0b0000_0100, 0, 0, 0]; // XMP flag
    vp8x.extend_from_slice(&(width - 1).to_le_bytes()[..3]);
    vp8x.extend_from_slice(&(height - 1).to_le_bytes()[..3]);
    chunk(&mut body, b"VP8X", &vp8x);
    body.extend_from_slice(&simple[12..]); // the VP8 chunk as it was
    chunk(&mut body, b"XMP ", xmp.as_bytes());
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend(body);
    out
}

#[test]
fn webp_uploads_are_accepted_and_their_xmp_read() {
    let renditions = newsdesk_media::make_renditions(&plain_jpeg(400, 300), &[400]).unwrap();
    let simple = &renditions
        .iter()
        .find(|r| r.content_type == "image/webp")
        .unwrap()
        .bytes;
    let ok = inspect(simple, &Limits::default()).unwrap();
    assert_eq!((ok.kind, ok.width, ok.height), (ImageKind::Webp, 400, 300));

    let xmp = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="EPA"/></rdf:RDF></x:xmpmeta>"#;
    let extended = webp_with_xmp(simple, 400, 300, xmp);
    let ok = inspect(&extended, &Limits::default()).unwrap();
    assert_eq!((ok.width, ok.height), (400, 300));
    assert_eq!(newsdesk_media::read_metadata(&extended).credit_line, "EPA");

    let bomb = webp_with_xmp(simple, 16_000, 16_000, xmp);
    assert!(matches!(
        refused(&bomb, &Limits::default()),
        MediaError::TooManyPixels { .. }
    ));
}
