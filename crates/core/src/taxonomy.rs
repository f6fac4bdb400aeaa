//! Sections and tags: how an edition's articles are grouped.

use serde::{Deserialize, Serialize};

use crate::error::{ValidationError, Validator};
use crate::slug::is_valid_slug;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub id: i64,
    pub edition: String,
    pub slug: String,
    pub name: String,
    /// Order on the front page and in the navigation (ascending).
    pub position: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub id: i64,
    pub edition: String,
    pub slug: String,
    pub name: String,
}

/// Shared rules for anything that has a name and a slug.
pub fn validate_named(name: &str, slug: &str) -> Result<(), ValidationError> {
    let mut v = Validator::new();
    v.text(name, "name", 120);
    v.check(
        is_valid_slug(slug),
        "slug",
        "must be lowercase letters, digits and single hyphens",
    );
    v.finish()
}

impl Section {
    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_named(&self.name, &self.slug)
    }
}

impl Tag {
    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_named(&self.name, &self.slug)
    }
}
