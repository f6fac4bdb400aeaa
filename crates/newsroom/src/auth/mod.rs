//! Staff authentication: argon2id passwords, cookie sessions with CSRF tokens, Bearer
//! tokens for the Admin API, login rate limits, one-time set-password links.
//!
//! The Admin API reuses [`ApiActor`] (Bearer token or session) and the same
//! [`middleware::layer`] that the HTML pages sit behind.

pub mod cookies;
pub mod extract;
pub mod login;
pub mod middleware;
pub mod password;
pub mod password_link;
pub mod ratelimit;
pub mod session;
pub mod token;

pub use extract::{ApiActor, ClientIp, Staff};
pub use ratelimit::LoginLimits;
pub use session::CurrentSession;
