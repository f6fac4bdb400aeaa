//! The media library: photo uploads (page and Admin API), their renditions made off the
//! request path, and the pages to find photos and edit their caption, alt text and credit.

pub mod actions;
pub mod body;
pub mod pages;
pub mod render;
pub mod upload;
pub mod worker;

pub use upload::{UploadText, upload};
pub use worker::{run_pending_now, spawn};
