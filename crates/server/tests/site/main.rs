//! Integration tests of the reading site: one test binary, one module per concern.
//! Every test boots the real router on a fresh SQLite store with a small newsroom.

mod support;

mod arabic_slugs;
mod article_refs;
mod busy_day;
mod cache_keys;
mod caching;
mod comments;
mod hero_frame;
mod i18n_keys;
mod links;
mod moderation;
mod most_read;
mod pages;
mod readers;
mod search_fields;
mod snapshot;
mod static_pages;
mod syndication;
mod translations;
mod validators;
mod xss;
