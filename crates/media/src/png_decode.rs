//! PNG through the `png` crate directly, row by row and 8 bits per sample.
//!
//! The `image` crate decodes a 16-bit RGBA PNG into a buffer of 8 bytes per pixel (800 MB
//! for 10000×10000) before anything can convert it. Here the decoder strips 16-bit samples
//! to 8 as it goes: checking a PNG holds one row at a time, and decoding it for renditions
//! writes each row straight into the 3-byte-per-pixel RGB image the resizer reads.

use std::io::Cursor;

use image::RgbImage;
use image::metadata::Orientation;
use png::{ColorType, Decoder, Reader, Transformations};

use crate::error::MediaError;

/// Room for the decoder's own buffers (a few rows, the inflate window); our output buffer
/// is not counted against it.
const DECODER_BYTES: usize = 64 << 20;

/// What the header and the chunks before the pixels say.
pub(crate) struct PngHeader {
    pub samples: u64,
    pub interlaced: bool,
    pub orientation: Orientation,
}

fn corrupt(e: impl std::fmt::Display) -> MediaError {
    MediaError::Corrupt {
        format: "PNG",
        detail: e.to_string(),
    }
}

fn open(bytes: &[u8]) -> Result<Reader<Cursor<&[u8]>>, MediaError> {
    let mut decoder = Decoder::new_with_limits(
        Cursor::new(bytes),
        png::Limits {
            bytes: DECODER_BYTES,
        },
    );
    // Captions and XMP are read from the raw chunks by `metadata`; the decoder need not
    // inflate text chunks.
    decoder.set_ignore_text_chunk(true);
    decoder.set_transformations(Transformations::normalize_to_color8());
    decoder.read_info().map_err(corrupt)
}

fn orientation(reader: &Reader<Cursor<&[u8]>>) -> Orientation {
    reader
        .info()
        .exif_metadata
        .as_deref()
        .and_then(Orientation::from_exif_chunk)
        .unwrap_or(Orientation::NoTransforms)
}

/// Reads up to the first pixel data.
pub(crate) fn header(bytes: &[u8]) -> Result<PngHeader, MediaError> {
    let reader = open(bytes)?;
    Ok(PngHeader {
        samples: reader.output_color_type().0.samples() as u64,
        interlaced: reader.info().interlaced,
        orientation: orientation(&reader),
    })
}

/// Decodes every row, keeping none: what catches a damaged file.
pub(crate) fn check(bytes: &[u8]) -> Result<Orientation, MediaError> {
    let mut reader = open(bytes)?;
    let orientation = orientation(&reader);
    while reader.next_row().map_err(corrupt)?.is_some() {}
    Ok(orientation)
}

/// The image as RGB, alpha flattened onto white, not yet oriented.
pub(crate) fn decode_rgb(bytes: &[u8]) -> Result<(RgbImage, Orientation), MediaError> {
    let mut reader = open(bytes)?;
    let orientation = orientation(&reader);
    let (width, height) = (reader.info().width, reader.info().height);
    let colour = reader.output_color_type().0;
    let samples = colour.samples();
    let mut out = RgbImage::new(width, height);
    let row_out = width as usize * 3;
    if reader.info().interlaced {
        // Adam7 rows arrive in seven passes; let the decoder assemble the frame (at most
        // 4 bytes per pixel after stripping to 8 bits) and convert it afterwards.
        let size = reader
            .output_buffer_size()
            .ok_or_else(|| corrupt("the image is too large to decode"))?;
        let mut frame = vec![0u8; size];
        let info = reader.next_frame(&mut frame).map_err(corrupt)?;
        let line = info.line_size;
        for (src, dst) in frame.chunks_exact(line).zip(out.chunks_exact_mut(row_out)) {
            to_rgb(colour, &src[..width as usize * samples], dst)?;
        }
    } else {
        let mut rows = out.chunks_exact_mut(row_out);
        while let Some(row) = reader.next_row().map_err(corrupt)? {
            let Some(dst) = rows.next() else {
                return Err(corrupt("more rows than the header declares"));
            };
            to_rgb(colour, row.data(), dst)?;
        }
        if rows.next().is_some() {
            return Err(corrupt("the file ends before the image data does"));
        }
    }
    Ok((out, orientation))
}

/// One row of 8-bit samples into RGB, blending alpha onto white.
fn to_rgb(colour: ColorType, src: &[u8], dst: &mut [u8]) -> Result<(), MediaError> {
    let blend = |c: u8, a: u8| {
        let (c, a) = (u16::from(c), u16::from(a));
        ((c * a + 255 * (255 - a) + 127) / 255) as u8
    };
    let dst = dst.chunks_exact_mut(3);
    match colour {
        ColorType::Grayscale => {
            for (s, d) in src.iter().zip(dst) {
                d.fill(*s);
            }
        }
        ColorType::GrayscaleAlpha => {
            for (s, d) in src.chunks_exact(2).zip(dst) {
                d.fill(blend(s[0], s[1]));
            }
        }
        ColorType::Rgb => {
            for (s, d) in src.chunks_exact(3).zip(dst) {
                d.copy_from_slice(s);
            }
        }
        ColorType::Rgba => {
            for (s, d) in src.chunks_exact(4).zip(dst) {
                d.copy_from_slice(&[blend(s[0], s[3]), blend(s[1], s[3]), blend(s[2], s[3])]);
            }
        }
        ColorType::Indexed => return Err(corrupt("an unexpanded palette")),
    }
    Ok(())
}
