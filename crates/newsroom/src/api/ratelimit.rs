//! A request budget per credential (API token or session): a runaway script gets 429s
//! instead of starving the newsroom. Requests without credentials are refused with 401 by
//! the handlers at no cost, so they are not counted here.

use std::num::NonZeroU32;
use std::sync::LazyLock;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use http::HeaderValue;
use http::header::{AUTHORIZATION, RETRY_AFTER};
use newsdesk_site::HttpError;

use crate::api::error::ApiError;
use crate::auth::cookies::{SESSION_COOKIE, read};
use crate::auth::token::hash_secret;

/// Requests a credential may make in a burst; the budget refills at this many a minute.
/// An importer posting a story a second stays far below; a loop without a pause does not.
pub const PER_MINUTE: u32 = 600;
/// Keyed limiters keep an entry per key seen; past this many, idle ones are dropped.
const PRUNE_ABOVE: usize = 10_000;

static LIMITER: LazyLock<DefaultKeyedRateLimiter<String>> = LazyLock::new(|| {
    let n = NonZeroU32::new(PER_MINUTE).unwrap_or(NonZeroU32::MIN);
    RateLimiter::keyed(Quota::per_minute(n))
});

/// The bucket of a request: a hash of its token or session cookie (never the secret itself).
fn credential(req: &Request) -> Option<String> {
    if let Some(value) = req.headers().get(AUTHORIZATION) {
        return Some(format!(
            "t:{}",
            hash_secret(&String::from_utf8_lossy(value.as_bytes()))
        ));
    }
    read(req.headers(), SESSION_COOKIE).map(|cookie| format!("s:{}", hash_secret(&cookie)))
}

pub async fn layer(req: Request, next: Next) -> Response {
    if let Some(key) = credential(&req) {
        if LIMITER.len() > PRUNE_ABOVE {
            LIMITER.retain_recent();
        }
        if LIMITER.check_key(&key).is_err() {
            let mut response = ApiError(HttpError::RateLimited).into_response();
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from_static("60"));
            return response;
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_is_per_credential_and_runs_out() {
        let key = "t:unit-test".to_owned();
        let admitted = (0..PER_MINUTE + 50)
            .take_while(|_| LIMITER.check_key(&key).is_ok())
            .count();
        assert!(
            admitted >= PER_MINUTE as usize && admitted < PER_MINUTE as usize + 50,
            "{admitted}"
        );
        assert!(LIMITER.check_key(&"t:another".to_owned()).is_ok());
    }
}
