//! The rules on what an article may point at and on when readers may see it, in one place.
//!
//! Core does no I/O, so each rule takes the article plus [`Facts`]: what the caller looked
//! up about the photos and articles the article refers to. The store loads them in the
//! transaction that writes, so the answer cannot go stale before the write commits.
//!
//! - [`check_references`] applies to every save, drafts included: an embed or hero photo
//!   that points at nothing is a mistake the author should hear about at once.
//! - [`check_publishable`] applies whenever the article is (or is about to be) public:
//!   publishing, scheduling and its publication time, and saving a published article.
//!
//! Both read the body through [`References::of`]; a caller that needs the references anyway
//! (to look the facts up) calls the same rules as [`References::check`] and
//! [`References::check_publishable`] and parses the body once.

use std::collections::{BTreeSet, HashMap};

use crate::article::{ArticleDraft, ArticleStatus};
use crate::body;
use crate::error::{FieldError, ValidationError};

/// What an article refers to, as far as the rules care: what it shows or links (each id
/// once, in order of first appearance), its section and its byline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct References {
    pub hero_photo: Option<i64>,
    /// The photo share cards show instead of the hero.
    pub social_photo: Option<i64>,
    /// `::photo[N]` embeds in the body.
    pub body_photos: Vec<i64>,
    /// `::related[N]` embeds in the body.
    pub related: Vec<i64>,
    pub section: Option<i64>,
    pub authors: Vec<i64>,
}

impl References {
    /// Reads the hero photo and the body's embeds (with the renderer's own parser, so an
    /// embed counts here exactly when it would render).
    pub fn of(draft: &ArticleDraft) -> References {
        let embeds = body::embeds(&draft.body);
        References {
            hero_photo: draft.hero_photo_id,
            social_photo: draft.social_photo_id,
            body_photos: embeds.photos,
            related: embeds.articles,
            section: draft.section_id,
            authors: draft.author_ids.clone(),
        }
    }

    /// Every photo shown, hero first, each once. The social image counts: readers see it
    /// in every share of the article, so it is protected from deletion like the hero.
    pub fn photos(&self) -> Vec<i64> {
        let mut seen = BTreeSet::new();
        self.hero_photo
            .iter()
            .chain(&self.body_photos)
            .chain(&self.social_photo)
            .copied()
            .filter(|id| seen.insert(*id))
            .collect()
    }
}

/// What exists of the photos and articles an article refers to. Ids missing from a map
/// do not exist.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// Alt text of each referenced photo that exists (empty when it has none).
    pub photos: HashMap<i64, String>,
    /// Status of each referenced article that exists.
    pub articles: HashMap<i64, ArticleStatus>,
}

/// The rule for every save: the hero photo and every `::photo[N]` and `::related[N]` embed
/// point at something that exists. Problems in the body are reported on the `body` field,
/// naming the embed.
pub fn check_references(draft: &ArticleDraft, facts: &Facts) -> Result<(), ValidationError> {
    References::of(draft).check(facts)
}

/// The rule for what readers see: everything [`check_references`] asks, plus alt text on
/// every photo shown (hero and body), every related article published (its card would
/// otherwise silently not render), a section and at least one author.
pub fn check_publishable(draft: &ArticleDraft, facts: &Facts) -> Result<(), ValidationError> {
    References::of(draft).check_publishable(facts)
}

impl References {
    /// [`check_references`] for the article these references were read from.
    pub fn check(&self, facts: &Facts) -> Result<(), ValidationError> {
        let mut errors = Vec::new();
        missing(self, facts, &mut errors);
        finish(errors)
    }

    /// [`check_publishable`] for the article these references were read from.
    pub fn check_publishable(&self, facts: &Facts) -> Result<(), ValidationError> {
        let mut errors = Vec::new();
        missing(self, facts, &mut errors);
        let no_alt =
            |id: &i64| matches!(facts.photos.get(id), Some(alt) if crate::media::is_blank(alt));
        if let Some(id) = self.hero_photo.filter(no_alt) {
            errors.push(alt_text_missing("hero_photo_id", id));
        }
        // Share cards carry it as `og:image:alt`, the only text a screen reader gets there.
        if let Some(id) = self.social_photo.filter(no_alt) {
            errors.push(alt_text_missing("social_photo_id", id));
        }
        for id in self.body_photos.iter().filter(|id| no_alt(id)) {
            errors.push(alt_text_missing("body", *id));
        }
        for id in &self.related {
            let state = match facts.articles.get(id) {
                Some(ArticleStatus::Draft) => "it is a draft",
                Some(ArticleStatus::Scheduled) => "it is only scheduled",
                Some(ArticleStatus::Unpublished) => "it was taken down",
                Some(ArticleStatus::Published) | None => continue,
            };
            errors.push(FieldError {
                field: "body",
                message: format!(
                    "related article {id} is not published ({state}); readers would see no \
                     card, so publish it first or remove the embed"
                ),
            });
        }
        if self.section.is_none() {
            errors.push(FieldError {
                field: "section_id",
                message: "must be chosen before publishing".to_owned(),
            });
        }
        if self.authors.is_empty() {
            errors.push(FieldError {
                field: "author_ids",
                message: "needs at least one author before publishing".to_owned(),
            });
        }
        finish(errors)
    }
}

fn missing(refs: &References, facts: &Facts, errors: &mut Vec<FieldError>) {
    if let Some(id) = refs.hero_photo
        && !facts.photos.contains_key(&id)
    {
        errors.push(FieldError {
            field: "hero_photo_id",
            message: format!("photo {id} does not exist"),
        });
    }
    if let Some(id) = refs.social_photo
        && !facts.photos.contains_key(&id)
    {
        errors.push(FieldError {
            field: "social_photo_id",
            message: format!("photo {id} does not exist"),
        });
    }
    for id in refs
        .body_photos
        .iter()
        .filter(|id| !facts.photos.contains_key(id))
    {
        errors.push(FieldError {
            field: "body",
            message: format!("photo {id} in the body does not exist"),
        });
    }
    for id in refs
        .related
        .iter()
        .filter(|id| !facts.articles.contains_key(id))
    {
        errors.push(FieldError {
            field: "body",
            message: format!("related article {id} in the body does not exist"),
        });
    }
}

fn alt_text_missing(field: &'static str, id: i64) -> FieldError {
    FieldError {
        field,
        message: format!("photo {id} has no alt text; add it in the media library"),
    }
}

fn finish(errors: Vec<FieldError>) -> Result<(), ValidationError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ValidationError { errors })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_list_hero_and_body_photos_once_hero_first() {
        let draft = ArticleDraft {
            hero_photo_id: Some(7),
            body: "::photo[3]\n\n::related[9]\n\n::photo[7]\n\n`::photo[4]`".into(),
            ..ArticleDraft::default()
        };
        let refs = References::of(&draft);
        assert_eq!(refs.body_photos, vec![3, 7]);
        assert_eq!(refs.related, vec![9]);
        assert_eq!(refs.photos(), vec![7, 3]);
    }

    #[test]
    fn the_social_photo_is_a_reference_that_must_exist_and_have_alt_text() {
        let draft = ArticleDraft {
            hero_photo_id: Some(7),
            social_photo_id: Some(8),
            section_id: Some(1),
            author_ids: vec![1],
            ..ArticleDraft::default()
        };
        let refs = References::of(&draft);
        assert_eq!(refs.photos(), vec![7, 8]);
        let missing = refs.check(&Facts {
            photos: HashMap::from([(7, "A harbour".to_owned())]),
            ..Facts::default()
        });
        assert_eq!(
            missing.unwrap_err().errors[0].field,
            "social_photo_id",
            "a social image that does not exist is refused on every save"
        );
        let no_alt = Facts {
            photos: HashMap::from([(7, "A harbour".to_owned()), (8, " ".to_owned())]),
            ..Facts::default()
        };
        assert!(refs.check(&no_alt).is_ok(), "drafts may wait for alt text");
        let errors = refs.check_publishable(&no_alt).unwrap_err().errors;
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field, "social_photo_id");
    }

    #[test]
    fn alt_text_of_invisible_characters_is_no_alt_text() {
        let draft = ArticleDraft {
            hero_photo_id: Some(7),
            body: "::photo[3]".into(),
            ..ArticleDraft::default()
        };
        let refs = References::of(&draft);
        let facts = |alt: &str| Facts {
            photos: HashMap::from([(7, alt.to_owned()), (3, "A harbour at dusk".to_owned())]),
            ..Facts::default()
        };
        for blank in [
            "",
            "   ",
            "\u{200B}\u{200B}",
            "\u{FEFF}",
            "\u{00AD} \u{2060}",
        ] {
            let errors = refs.check_publishable(&facts(blank)).unwrap_err();
            assert!(
                errors.errors.iter().any(|e| e.field == "hero_photo_id"),
                "{blank:?} passed as alt text: {errors:?}"
            );
        }
        let errors = refs.check_publishable(&facts("Fishing boats")).err();
        assert!(
            errors.is_none_or(|e| e.errors.iter().all(|e| e.field != "hero_photo_id")),
            "real alt text refused"
        );
    }
}
