//! Entity notes: organisations (or people) that must carry a legal footnote wherever
//! they are named, e.g. a designation that the law of the edition's country requires.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{ValidationError, Validator};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: i64,
    pub name: String,
    /// Other spellings and inflected forms that count as a mention (e.g. Russian cases).
    pub aliases: Vec<String>,
    /// Note per edition code; an edition without a note shows no asterisk.
    pub notes: BTreeMap<String, String>,
}

/// What the body renderer needs for one edition: the names to find and the note to print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityNote {
    pub entity_id: i64,
    /// Name and aliases; the longest match wins.
    pub names: Vec<String>,
    pub note: String,
}

impl Entity {
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut v = Validator::new();
        v.text(&self.name, "name", 200);
        v.check(
            self.aliases
                .iter()
                .all(|a| !a.trim().is_empty() && a.chars().count() <= 200),
            "aliases",
            "each alias must be 1 to 200 characters",
        );
        v.check(
            self.notes.values().all(|n| n.chars().count() <= 1000),
            "notes",
            "each note must be at most 1000 characters",
        );
        v.finish()
    }

    /// The note for `edition`, if the entity carries one there.
    pub fn note_for(&self, edition: &str) -> Option<EntityNote> {
        let note = self.notes.get(edition)?.trim();
        if note.is_empty() {
            return None;
        }
        let mut names = vec![self.name.clone()];
        names.extend(self.aliases.iter().cloned());
        Some(EntityNote {
            entity_id: self.id,
            names,
            note: note.to_owned(),
        })
    }
}
