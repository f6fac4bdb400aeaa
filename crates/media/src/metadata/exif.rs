//! The few EXIF tags that carry editorial metadata.

use std::io::Cursor;

use exif::{In, Tag, Value};

#[derive(Debug, Default)]
pub struct ExifText {
    pub description: Option<String>,
    pub artist: Option<String>,
    pub copyright: Option<String>,
    /// ISO 8601, from DateTimeOriginal and OffsetTimeOriginal.
    pub date_created: Option<String>,
}

pub fn read(bytes: &[u8]) -> ExifText {
    let Ok(exif) = exif::Reader::new().read_from_container(&mut Cursor::new(bytes)) else {
        return ExifText::default();
    };
    let text = |tag: Tag| {
        let field = exif.get_field(tag, In::PRIMARY)?;
        let Value::Ascii(parts) = &field.value else {
            return None;
        };
        // Copyright may hold "photographer\0editor"; the parts are joined for display.
        let joined = parts
            .iter()
            .map(|p| String::from_utf8_lossy(p).trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" / ");
        (!joined.is_empty()).then_some(joined)
    };
    let date_created = text(Tag::DateTimeOriginal).and_then(|dt| {
        // "YYYY:MM:DD HH:MM:SS"
        let (date, time) = dt.split_once(' ')?;
        let date = date.replace(':', "-");
        if date.len() != 10 || !date.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let offset = text(Tag::OffsetTimeOriginal).unwrap_or_default();
        Some(format!("{date}T{time}{offset}"))
    });
    ExifText {
        description: text(Tag::ImageDescription),
        artist: text(Tag::Artist),
        copyright: text(Tag::Copyright),
        date_created,
    }
}
