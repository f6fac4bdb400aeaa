//! Body renderer tests, as modules of one test binary (one link step).

mod embeds;
mod limits;
mod notes;
mod props;
mod safety;
mod social;

use std::collections::HashMap;

use newsdesk_core::EntityNote;
use newsdesk_core::body::{Labels, PhotoView, PictureSource, RelatedCard, RenderContext};

pub fn photo(id: i64) -> PhotoView {
    PhotoView {
        src: format!("/media/{id}/1200.jpg"),
        sources: vec![PictureSource {
            mime: "image/webp".into(),
            srcset: format!("/media/{id}/600.webp 600w, /media/{id}/1200.webp 1200w"),
        }],
        sizes: "(min-width: 60em) 40em, 100vw".into(),
        width: 1200,
        height: 800,
        alt: "Firefighters spray water on a burning warehouse at night".into(),
        caption: "The warehouse fire on Tuesday".into(),
        credit_line: "© REUTERS 2026 / Jane Doe".into(),
    }
}

pub fn related(id: i64) -> RelatedCard {
    RelatedCard {
        url: format!("/en/news/2026/11/{id}-council-votes"),
        headline: "Council votes to rebuild the <old> harbour".into(),
        published_label: "3 November 2026".into(),
        datetime: "2026-11-03T09:30:00Z".into(),
        photo: Some(photo(7)),
    }
}

pub fn note(id: i64, names: &[&str], note: &str) -> EntityNote {
    EntityNote {
        entity_id: id,
        names: names.iter().map(|s| s.to_string()).collect(),
        note: note.into(),
    }
}

pub fn ctx() -> RenderContext {
    RenderContext {
        related: HashMap::from([(123, related(123))]),
        photos: HashMap::from([(45, photo(45))]),
        entity_notes: Default::default(),
        labels: Labels::default(),
        embed_style: Default::default(),
    }
}

pub fn ctx_with_notes(notes: Vec<EntityNote>) -> RenderContext {
    RenderContext {
        entity_notes: newsdesk_core::body::EntityNotes::shared(notes),
        ..ctx()
    }
}
