//! Photos and their renditions, with the credit a news agency requires.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{ValidationError, Validator};

/// Who made the photo and who distributes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credit {
    /// The agency or source, e.g. "REUTERS".
    pub agency: String,
    /// The photographer, e.g. "Jane Doe".
    pub creator: String,
}

/// `serde(default)`: a photo's renditions are stored as a JSON array of these, which must
/// keep loading when a field is added.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rendition {
    pub width: u32,
    pub height: u32,
    /// MIME type: `image/webp` or `image/jpeg`.
    pub content_type: String,
    /// Key in media storage.
    pub key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    pub id: i64,
    /// Key of the original in media storage.
    pub key: String,
    pub content_type: String,
    pub width: u32,
    pub height: u32,
    pub byte_size: i64,
    pub caption: String,
    /// What the image shows, for people who cannot see it. Never the caption, never a file name.
    pub alt_text: String,
    pub credit: Credit,
    /// The photo's copyright notice as supplied (IPTC Copyright Notice), e.g. "© Reuters 2023".
    pub copyright_notice: String,
    /// The year the photo was made (IPTC Date Created); printed in the credit line only
    /// when there is no copyright notice (see [`crate::credit`]).
    pub copyright_year: Option<i32>,
    pub created_at: DateTime<Utc>,
    pub renditions: Vec<Rendition>,
}

impl Photo {
    /// The credit line printed under a photo, by the rule in [`crate::credit`].
    pub fn credit_line(&self) -> String {
        crate::credit::credit_line(
            &self.copyright_notice,
            &self.credit.agency,
            &self.credit.creator,
            self.copyright_year,
        )
    }

    /// Alt text is required before an article using the photo can be published.
    pub fn is_publishable(&self) -> bool {
        !self.alt_text.trim().is_empty()
    }

    pub fn validate_text(&self) -> Result<(), ValidationError> {
        validate_photo_text(&self.caption, &self.alt_text, &self.credit)
    }
}

pub fn validate_photo_text(
    caption: &str,
    alt_text: &str,
    credit: &Credit,
) -> Result<(), ValidationError> {
    let mut v = Validator::new();
    v.optional_text(caption, "caption", 2000);
    v.optional_text(alt_text, "alt_text", 500);
    v.optional_text(&credit.agency, "credit_agency", 120);
    v.optional_text(&credit.creator, "credit_creator", 120);
    let alt = alt_text.trim();
    v.check(
        alt.is_empty() || alt != caption.trim(),
        "alt_text",
        "must describe the image, not repeat the caption",
    );
    v.check(
        !looks_like_file_name(alt),
        "alt_text",
        "must describe the image, not name its file",
    );
    v.finish()
}

fn looks_like_file_name(s: &str) -> bool {
    let lower = s.to_lowercase();
    [".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Alt text that describes nothing: empty, or only spaces and invisible characters
/// (zero-width spaces and joiners, soft hyphens, byte-order marks). One rule for the
/// photo form and for publishing, so no spelling of "nothing" gets through either.
pub fn is_blank(alt_text: &str) -> bool {
    alt_text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alt_text_must_not_copy_caption_or_name_a_file() {
        let c = Credit::default();
        assert!(validate_photo_text("A march", "A march", &c).is_err());
        assert!(validate_photo_text("A march", "IMG_0042.JPG", &c).is_err());
        assert!(validate_photo_text("A march", "Protesters walk past parliament", &c).is_ok());
    }
}
