//! The article body: Markdown with embeds, rendered to sanitised HTML (helper owns this).
