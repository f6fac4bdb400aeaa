//! Authentication shared by the reading site and the newsroom: argon2id password hashes,
//! sessions of two kinds that can never be mistaken for each other ([`SessionKind`]),
//! cookies, CSRF tokens, rate limits, and the real client address behind trusted proxies.
//!
//! What a logged-in person may *do* is not decided here (that is `app::policy`); this crate
//! only says who they are.

pub mod action_limits;
pub mod client_ip;
pub mod cookies;
pub mod csrf;
mod error;
pub mod link;
pub mod password;
pub mod ratelimit;
pub mod session;
pub mod token;

pub use action_limits::{ActionLimit, ReaderLimits};
pub use client_ip::{ClientIp, TrustedProxies};
pub use error::Error;
pub use ratelimit::{Exceeded, LoginLimits};
pub use session::SessionKind;
