//! Article pages: list, editor, preview, revisions, workflow buttons.

pub mod edit;
pub mod form;
pub mod history;
pub mod list;
pub mod preview;
pub mod workflow;
