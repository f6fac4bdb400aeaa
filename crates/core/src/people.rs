//! Authors: the public staff profiles bylines link to.

use serde::{Deserialize, Serialize};

use crate::error::{ValidationError, Validator};
use crate::slug::is_valid_slug;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub bio: String,
    pub photo_id: Option<i64>,
    /// The staff account behind the byline, if the author logs in.
    pub account_id: Option<i64>,
}

impl Author {
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut v = Validator::new();
        v.text(&self.name, "name", 120);
        v.check(
            is_valid_slug(&self.slug),
            "slug",
            "must be lowercase letters, digits and single hyphens",
        );
        v.optional_text(&self.bio, "bio", 2000);
        v.finish()
    }
}
