//! Links to the things an article belongs to.

use newsdesk_core::{Author, Edition, Section, Tag};
use serde::Serialize;

/// Number of section accent colours in the stylesheet (`[data-accent="0"]` … ).
pub const ACCENTS: i32 = 6;

#[derive(Debug, Clone, Serialize)]
pub struct SectionLink {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub href: String,
    /// Index of the section's accent colour.
    pub accent: i32,
}

#[derive(Debug, Clone, Serialize)]
pub struct TagLink {
    pub id: i64,
    pub name: String,
    pub href: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuthorLink {
    pub id: i64,
    pub name: String,
    pub href: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EditionLink {
    pub code: String,
    pub name: String,
    pub href: String,
    pub current: bool,
}

/// Sections keep their colour when reordered only if positions stay; good enough, and it
/// needs no extra column.
pub fn accent_for(section: &Section) -> i32 {
    section.position.rem_euclid(ACCENTS)
}

impl SectionLink {
    pub fn new(section: &Section) -> Self {
        Self {
            id: section.id,
            slug: section.slug.clone(),
            name: section.name.clone(),
            href: format!("/{}/section/{}", section.edition, section.slug),
            accent: accent_for(section),
        }
    }
}

impl TagLink {
    pub fn new(tag: &Tag) -> Self {
        Self {
            id: tag.id,
            name: tag.name.clone(),
            href: format!("/{}/tag/{}", tag.edition, tag.slug),
        }
    }
}

impl AuthorLink {
    /// Authors write for every edition; the link keeps the reader in theirs.
    pub fn new(author: &Author, edition: &str) -> Self {
        Self {
            id: author.id,
            name: author.name.clone(),
            href: format!("/{edition}/author/{}", author.slug),
        }
    }
}

/// An article's published version in another edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranslationLink {
    pub code: String,
    pub href: String,
}

impl EditionLink {
    pub fn new(edition: &Edition, current: &str) -> Self {
        Self {
            code: edition.code.clone(),
            name: edition.name.clone(),
            href: format!("/{}", edition.code),
            current: edition.code == current,
        }
    }

    /// A reader switching edition on a translated story wants the story, not the other
    /// edition's front page; an edition without a version of it keeps its front.
    pub fn follow(&mut self, translations: &[TranslationLink]) {
        if let Some(t) = translations.iter().find(|t| t.code == self.code) {
            self.href.clone_from(&t.href);
        }
    }
}

#[cfg(test)]
mod tests {
    use newsdesk_core::Direction;

    use super::*;

    #[test]
    fn the_switcher_follows_a_translation_and_keeps_fronts_otherwise() {
        let edition = |code: &str| Edition {
            code: code.into(),
            name: code.into(),
            direction: Direction::for_language(code),
            time_zone: "UTC".into(),
            is_default: false,
        };
        let translations = [TranslationLink {
            code: "ar".into(),
            href: "/ar/2026/11/27/story-9".into(),
        }];
        let mut links: Vec<EditionLink> = ["en", "ru", "ar"]
            .iter()
            .map(|c| EditionLink::new(&edition(c), "en"))
            .collect();
        for link in &mut links {
            link.follow(&translations);
        }
        let hrefs: Vec<&str> = links.iter().map(|l| l.href.as_str()).collect();
        assert_eq!(hrefs, ["/en", "/ru", "/ar/2026/11/27/story-9"]);
    }
}
