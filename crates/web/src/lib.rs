#![doc = include_str!("../README.md")]

pub mod config;
pub mod error;
pub mod router;
pub mod state;

pub use config::WebConfig;
pub use error::AppError;
pub use router::router;
pub use state::AppState;
