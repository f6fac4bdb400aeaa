//! Password hashing with argon2id (OWASP parameters), run off the async threads.

use std::sync::LazyLock;

use crate::Error;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

/// OWASP Password Storage Cheat Sheet: argon2id, m = 19 MiB, t = 2, p = 1.
fn hasher() -> Result<Argon2<'static>, Error> {
    let params = Params::new(19 * 1024, 2, 1, None)
        .map_err(|e| Error::Hash(format!("argon2 params: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) for `password`.
pub fn hash_password_blocking(password: &str) -> Result<String, Error> {
    let salt = SaltString::generate(&mut OsRng);
    let hash = hasher()?
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| Error::Hash(format!("argon2 hash: {e}")))?;
    Ok(hash.to_string())
}

/// Hashes on the blocking pool: one hash costs tens of milliseconds of CPU.
pub async fn hash_password(password: &str) -> Result<String, Error> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || hash_password_blocking(&password)).await?
}

/// A hash nobody knows the password of. Logins for unknown emails (and for accounts whose
/// stored hash is not a usable password) verify against it, so a wrong email costs the
/// same time as a wrong password and response times do not reveal which accounts exist.
static DUMMY_HASH: LazyLock<Option<String>> = LazyLock::new(|| {
    let secret = crate::token::random_token(32);
    hash_password_blocking(&secret).ok()
});

/// Whether `password` matches `stored`; an unparsable `stored` counts as a mismatch but
/// still costs one full verification.
pub async fn verify_password(password: &str, stored: Option<&str>) -> Result<bool, Error> {
    let password = password.to_owned();
    let stored = stored.map(str::to_owned);
    tokio::task::spawn_blocking(move || verify_blocking(&password, stored.as_deref())).await?
}

fn verify_blocking(password: &str, stored: Option<&str>) -> Result<bool, Error> {
    let argon = hasher()?;
    let real = stored.and_then(|s| PasswordHash::new(s).ok());
    match real {
        Some(hash) => Ok(argon.verify_password(password.as_bytes(), &hash).is_ok()),
        None => {
            if let Some(dummy) = DUMMY_HASH.as_deref()
                && let Ok(hash) = PasswordHash::new(dummy)
            {
                let _ = argon.verify_password(password.as_bytes(), &hash);
            }
            Ok(false)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_owasp_parameters_and_verify() {
        let hash = hash_password_blocking("correct horse battery").unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_blocking("correct horse battery", Some(&hash)).unwrap());
        assert!(!verify_blocking("wrong horse battery", Some(&hash)).unwrap());
        assert!(!verify_blocking("anything", Some("invite:not-a-hash")).unwrap());
        assert!(!verify_blocking("anything", None).unwrap());
    }
}
