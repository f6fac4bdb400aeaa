//! The newsroom's side of authentication: the staff session layer in front of `/admin`
//! and `/api/v1/admin`, the login and set-password pages, and the extractors that turn a
//! request into an [`Actor`](crate::Actor) ([`Staff`] for pages, [`ApiActor`] for the
//! Admin API). The mechanisms (argon2id, sessions, cookies, CSRF, rate limits, client
//! addresses) are the `newsdesk-auth` crate, shared with the reading site.

pub mod extract;
pub mod login;
pub mod middleware;
pub mod password_link;
pub mod session;

pub use extract::{ApiActor, Staff};
pub use newsdesk_auth::{ClientIp, LoginLimits, cookies, password, ratelimit, token};
pub use session::CurrentSession;
