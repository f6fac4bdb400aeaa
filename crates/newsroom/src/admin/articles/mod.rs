//! Article pages: list, editor, preview, revisions, workflow buttons.

pub mod autosave;
pub mod edit;
pub mod form;
pub mod history;
pub mod list;
pub mod not_published;
pub mod preview;
pub mod search_preview;
pub mod workflow;
