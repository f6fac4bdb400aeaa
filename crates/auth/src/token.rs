//! Random secrets and their stored form: only a SHA-256 of a secret ever reaches the database,
//! so a leaked database does not hand out live sessions or API tokens.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Prefix of Admin API tokens, so secret scanners and people recognise them.
pub const API_TOKEN_PREFIX: &str = "nd_";

/// `bytes` random bytes from the OS generator, URL-safe base64 without padding.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rng().fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

/// Hex SHA-256 of a secret: what sessions and tokens are stored and looked up by.
pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// A fresh Admin API token (`nd_` + 32 random bytes).
pub fn new_api_token() -> String {
    format!("{API_TOKEN_PREFIX}{}", random_token(32))
}

/// Comparison whose time does not depend on where two secrets first differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_hash_to_hex() {
        let a = random_token(32);
        assert_eq!(a.len(), 43);
        assert_ne!(a, random_token(32));
        assert!(new_api_token().starts_with("nd_"));
        assert_eq!(hash_secret("x").len(), 64);
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "ab"));
    }
}
