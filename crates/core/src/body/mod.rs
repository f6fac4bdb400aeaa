//! The article body: Markdown with embeds, rendered to sanitised HTML with entity
//! notes applied. See the crate README for the body format.
//!
//! Rendering is two-step because core does no I/O: [`embeds`] lists what the body
//! refers to, the caller loads those articles and photos into a [`RenderContext`],
//! then [`render`] produces the HTML. Anything missing from the context renders as
//! nothing, so a deleted article or photo never breaks a page.

mod blocks;
mod cards;
mod embed;
pub mod limits;
mod notes;
mod render;
mod sanitize;
mod social;
mod tidy;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use notes::EntityNotes;

pub use embed::{Embed, parse_line as parse_embed_line};
pub use render::{embed_problems, embeds, render};
pub use social::{MAX_URL_LEN, Provider, SocialPost, recognise};

/// The body's HTML allow-list on its own, for other author-written HTML fragments
/// (and for checking that rendered output is stable under it).
pub fn sanitize_html(html: &str) -> String {
    sanitize::sanitize(html)
}

/// Ids the body refers to, each once, in order of first appearance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmbedRefs {
    pub articles: Vec<i64>,
    pub photos: Vec<i64>,
}

/// Everything [`render`] needs besides the Markdown, prepared by the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderContext {
    /// Cards for `::related[id]`, keyed by article id. Unpublished articles must be left out.
    pub related: HashMap<i64, RelatedCard>,
    /// Photos for `::photo[id]`, keyed by photo id.
    pub photos: HashMap<i64, PhotoView>,
    /// Notes for the edition being rendered (see [`crate::Entity::note_for`]), prepared
    /// once and shared by every render of the edition.
    pub entity_notes: std::sync::Arc<EntityNotes>,
    pub labels: Labels,
    /// How `::embed` posts and videos are printed.
    pub embed_style: EmbedStyle,
}

/// Where a body is read, as far as `::embed` cares.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EmbedStyle {
    /// On the site's pages: a video facade or a post card (see the site's embeds.js).
    #[default]
    Page,
    /// In feeds and other formats read elsewhere, where the site's script and styles do
    /// not go: a paragraph with a link to the post.
    Link,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedCard {
    pub url: String,
    pub headline: String,
    /// The date as readers of the edition write it, e.g. "3 March 2026".
    pub published_label: String,
    /// RFC 3339, for `<time datetime>`.
    pub datetime: String,
    pub photo: Option<PhotoView>,
}

/// A photo ready to print: URLs are built by the web layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoView {
    /// Fallback JPEG URL.
    pub src: String,
    /// One entry per format, best first (e.g. WebP).
    pub sources: Vec<PictureSource>,
    /// The `sizes` attribute, e.g. `(min-width: 60em) 40em, 100vw`.
    pub sizes: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
    pub caption: String,
    /// As built by [`crate::credit::credit_line`], e.g. `© AGENCY YEAR / CREATOR`.
    pub credit_line: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PictureSource {
    pub mime: String,
    pub srcset: String,
}

/// The few interface words the body itself prints, in the edition's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Labels {
    /// Above a related-article card, e.g. "Related" / "Читайте также".
    pub related: String,
    /// Accessible name of an entity-note marker, e.g. "Note" (read as "Note 1").
    pub note: String,
    /// The play button of an embedded video, e.g. "Play video".
    pub play_video: String,
    /// The link under an embedded video, e.g. "Watch on {provider}": `{provider}` is
    /// replaced by the provider's name (a brand, the same in every language).
    pub watch_on: String,
    /// The link of an embedded post, e.g. "View this post on {provider}".
    pub view_post: String,
}

impl Default for Labels {
    fn default() -> Self {
        Labels {
            related: "Related".to_owned(),
            note: "Note".to_owned(),
            play_video: "Play video".to_owned(),
            watch_on: "Watch on {provider}".to_owned(),
            view_post: "View this post on {provider}".to_owned(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenderedBody {
    /// Sanitised HTML, safe to insert into the page unescaped.
    pub html: String,
    /// Notes to print under the article, in order of first mention.
    pub notes: Vec<RenderedNote>,
    /// Words of running text (embeds and code excluded), for reading time.
    pub word_count: usize,
    /// Embed lines that rendered nothing (unknown kind, bad id, or missing from the
    /// context), as written, so the newsroom preview can warn the editor.
    pub skipped_embeds: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenderedNote {
    /// The marker text used in the body, e.g. `*` or `2`; the note's anchor is
    /// `note-{entity_id}` and it should link back to `#mark-{entity_id}`.
    pub marker: String,
    pub entity_id: i64,
    pub note: String,
}
