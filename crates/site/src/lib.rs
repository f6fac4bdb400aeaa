#![doc = include_str!("../README.md")]

pub mod account;
pub mod assets;
pub mod cache;
pub mod comments;
pub mod error;
pub mod head;
pub mod i18n;
pub mod live;
pub mod most_read;
pub mod newsletters;
pub mod public;
pub mod router;
pub mod security;
pub mod state;
pub mod syndication;
pub mod templates;
pub mod views;

pub use error::HttpError;
pub use newsdesk_app::AppConfig;

pub use state::AppState;
