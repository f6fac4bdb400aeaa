//! Editions, sections, tags and entity notes.

use std::collections::BTreeMap;

use newsdesk_core::{Edition, Entity, Section, Tag};
use newsdesk_store::{NewEntity, NewSection, NewTag};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EditionOut {
    /// BCP 47 language tag, also the first path segment: `en`, `ru`, `ar`.
    pub code: String,
    pub name: String,
    /// `ltr` or `rtl`.
    pub direction: String,
    /// IANA time zone times are shown in.
    pub time_zone: String,
    pub is_default: bool,
}

impl From<Edition> for EditionOut {
    fn from(e: Edition) -> Self {
        EditionOut {
            code: e.code,
            name: e.name,
            direction: e.direction.as_str().to_owned(),
            time_zone: e.time_zone,
            is_default: e.is_default,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EditionFilter {
    /// Edition code.
    pub edition: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SectionOut {
    pub id: i64,
    pub edition: String,
    pub slug: String,
    pub name: String,
    /// Order in the edition's navigation.
    pub position: i32,
}

impl From<Section> for SectionOut {
    fn from(s: Section) -> Self {
        SectionOut {
            id: s.id,
            edition: s.edition,
            slug: s.slug,
            name: s.name,
            position: s.position,
        }
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "edition": "en", "slug": "science", "name": "Science", "position": 5 }))]
pub struct CreateSection {
    pub edition: String,
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub position: i32,
}

impl CreateSection {
    pub fn into_new(self) -> NewSection {
        NewSection {
            edition: self.edition,
            slug: self.slug,
            name: self.name,
            position: self.position,
        }
    }
}

/// A section's new name, slug and position (its edition never changes).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "slug": "science", "name": "Science & Health", "position": 4 }))]
pub struct UpdateSection {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub position: i32,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TagOut {
    pub id: i64,
    pub edition: String,
    pub slug: String,
    pub name: String,
}

impl From<Tag> for TagOut {
    fn from(t: Tag) -> Self {
        TagOut {
            id: t.id,
            edition: t.edition,
            slug: t.slug,
            name: t.name,
        }
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "edition": "en", "slug": "climate", "name": "Climate" }))]
pub struct CreateTag {
    pub edition: String,
    pub slug: String,
    pub name: String,
}

impl CreateTag {
    pub fn into_new(self) -> NewTag {
        NewTag {
            edition: self.edition,
            slug: self.slug,
            name: self.name,
        }
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "slug": "climate", "name": "Climate crisis" }))]
pub struct UpdateTag {
    pub slug: String,
    pub name: String,
}

/// An organisation or person whose mentions carry a note (e.g. a legally required label).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EntityOut {
    pub id: i64,
    pub name: String,
    /// Other spellings and inflected forms that count as a mention.
    pub aliases: Vec<String>,
    /// The note per edition code.
    pub notes: BTreeMap<String, String>,
}

impl From<Entity> for EntityOut {
    fn from(e: Entity) -> Self {
        EntityOut {
            id: e.id,
            name: e.name,
            aliases: e.aliases,
            notes: e.notes,
        }
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "name": "Example Foundation",
    "aliases": ["the Example Foundation"],
    "notes": { "en": "The Example Foundation is designated as a foreign agent." }
}))]
pub struct EntityInput {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
}

impl EntityInput {
    pub fn into_new(self) -> NewEntity {
        NewEntity {
            name: self.name,
            aliases: self.aliases,
            notes: self.notes,
        }
    }

    pub fn into_entity(self, id: i64) -> Entity {
        Entity {
            id,
            name: self.name,
            aliases: self.aliases,
            notes: self.notes,
        }
    }
}
