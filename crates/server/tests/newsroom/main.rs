//! The newsroom's integration tests: one binary (link time on 2 cores), one module per
//! area. Every test boots the real application on a fresh SQLite file.

#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

mod admin_assets;
mod api_articles;
mod api_matrix;
mod api_openapi;
mod api_search_fields;
mod api_support;
mod articles;
mod auth;
mod autosave;
mod body_limits;
mod embeds;
mod idempotency;
mod jobs;
mod live_admin;
mod management;
mod matrix;
mod media_crops;
mod media_focus;
mod media_pages;
mod media_upload;
mod newsletters_admin;
mod photo_credits;
mod photo_ownership;
mod preview_limits;
mod publish_races;
mod publish_warning;
mod refusal_messages;
mod revisions;
mod slugs;
mod static_pages;
mod support;
mod time_zones;
mod tokens_for;
mod workflow;
