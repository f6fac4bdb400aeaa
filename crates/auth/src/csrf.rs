//! CSRF tokens. A session carries its own token (every unsafe request of the session must
//! send it back, as the form field `csrf` or the header `X-CSRF-Token`); forms shown before
//! anyone is logged in use a double submit of a pre-session cookie instead.

use http::HeaderMap;

use crate::token::constant_time_eq;

/// The header an API client or a script sends the token in.
pub const HEADER: &str = "x-csrf-token";

/// Whether `sent` (from a form field or [`HEADER`]) is the session's token.
pub fn matches(expected: &str, sent: Option<&str>) -> bool {
    sent.is_some_and(|sent| !expected.is_empty() && constant_time_eq(expected, sent))
}

/// The token in the [`HEADER`] header, if any.
pub fn from_header(headers: &HeaderMap) -> Option<&str> {
    headers.get(HEADER).and_then(|v| v.to_str().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_same_non_empty_token_matches() {
        assert!(matches("abc", Some("abc")));
        assert!(!matches("abc", Some("abd")));
        assert!(!matches("abc", None));
        assert!(!matches("", Some("")));
    }
}
