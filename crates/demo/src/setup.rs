//! Editions, sections, tags, authors and noted entities. Existing ones (matched by slug
//! or name) are reused, so running the demo again only adds articles.

use std::collections::BTreeMap;

use newsdesk_core::{Direction, Edition};
use newsdesk_store::{NewAuthor, NewEntity, NewSection, NewTag, Store, StoreError};

use crate::banks::newsroom::{EDITIONS, NOTED, SECTIONS, TAGS, WRITERS};
use crate::lang::Lang;
use crate::options::DemoError;

/// Store ids of what articles refer to, by language index and bank index.
#[derive(Debug, Clone)]
pub struct Newsroom {
    pub sections: [[i64; 8]; 3],
    pub tags: [[i64; 40]; 3],
    pub writers: [i64; 12],
}

pub async fn newsroom(store: &Store) -> Result<Newsroom, DemoError> {
    let mut room = Newsroom {
        sections: [[0; 8]; 3],
        tags: [[0; 40]; 3],
        writers: [0; 12],
    };
    for (lang, name, zone) in EDITIONS {
        store
            .upsert_edition(&Edition {
                code: lang.code().to_owned(),
                name: name.to_owned(),
                direction: Direction::for_language(lang.code()),
                time_zone: zone.to_owned(),
                is_default: lang == Lang::En,
            })
            .await?;
    }
    for lang in Lang::ALL {
        let edition = lang.code().to_owned();
        for (i, s) in SECTIONS.iter().enumerate() {
            let new = NewSection {
                edition: edition.clone(),
                slug: s.slug.get(lang).to_owned(),
                name: s.name.get(lang).to_owned(),
                position: i32::try_from(i).unwrap_or(i32::MAX),
            };
            room.sections[lang.index()][i] = match store.create_section(&new).await {
                Ok(section) => section.id,
                Err(StoreError::Conflict { .. }) => {
                    store.section_by_slug(&edition, &new.slug).await?.id
                }
                Err(e) => return Err(e.into()),
            };
        }
        for (i, t) in TAGS.iter().enumerate() {
            let new = NewTag {
                edition: edition.clone(),
                slug: t.slug.get(lang).to_owned(),
                name: t.name.get(lang).to_owned(),
            };
            room.tags[lang.index()][i] = match store.create_tag(&new).await {
                Ok(tag) => tag.id,
                Err(StoreError::Conflict { .. }) => {
                    store.tag_by_slug(&edition, &new.slug).await?.id
                }
                Err(e) => return Err(e.into()),
            };
        }
    }
    for (i, w) in WRITERS.iter().enumerate() {
        let new = NewAuthor {
            slug: w.slug.to_owned(),
            name: w.name.to_owned(),
            bio: w.bio.to_owned(),
            photo_id: None,
            account_id: None,
        };
        room.writers[i] = match store.create_author(&new).await {
            Ok(author) => author.id,
            Err(StoreError::Conflict { .. }) => store.author_by_slug(w.slug).await?.id,
            Err(e) => return Err(e.into()),
        };
    }
    let existing = store.list_entities().await?;
    for e in &NOTED {
        if existing.iter().any(|x| x.name == e.en) {
            continue;
        }
        let mut aliases = vec![e.ru.to_owned(), e.ru_gen.to_owned()];
        aliases.extend(e.ru_other.iter().map(|s| (*s).to_owned()));
        aliases.push(e.ar.to_owned());
        let notes: BTreeMap<String, String> = Lang::ALL
            .iter()
            .map(|l| (l.code().to_owned(), e.notes.get(*l).to_owned()))
            .filter(|(_, note)| !note.is_empty())
            .collect();
        store
            .create_entity(&NewEntity {
                name: e.en.to_owned(),
                aliases,
                notes,
            })
            .await?;
    }
    Ok(room)
}
