//! Store integration tests: one binary, every test on SQLite and PostgreSQL.

#[macro_use]
mod harness;
mod fixtures;

mod account_links;
mod accounts;
mod article_page;
mod articles;
mod autosaves;
mod bulk;
mod comments;
mod compat;
mod connect;
mod idempotency;
mod jobs;
mod lists;
mod media;
mod moderation;
mod newsletters;
mod outbox;
mod outbox_consumers;
mod page_queries;
mod photo_crops;
mod photo_focus;
mod publishing;
mod reads;
mod rules;
mod schema;
mod search_fields;
mod static_pages;
mod taxonomy;
