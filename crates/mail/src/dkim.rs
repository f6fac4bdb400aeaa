//! DKIM (RFC 6376): every message the [`crate::Mailer`] formats is signed with the
//! configured key, by lettre's signer, so a receiver can tell it really comes from the
//! signing domain and was not changed on the way.
//!
//! - The key is a PEM file: RSA (PKCS#1 `BEGIN RSA PRIVATE KEY`, or PKCS#8 `BEGIN PRIVATE
//!   KEY` as `openssl genpkey` writes it), at least 1024 bits (RFC 8301; 2048 is the usual
//!   size), or Ed25519 (PKCS#8, RFC 8463: few verifiers know it yet, so publish an RSA
//!   key too if you use one). lettre reads PKCS#1 and raw Ed25519 seeds only, so PKCS#8
//!   keys are converted here.
//! - Canonicalization is relaxed/relaxed: relays that re-fold headers or change trailing
//!   white space do not break the signature.
//! - The signature covers [`SIGNED_HEADERS`]. RFC 8058 §4 requires it to cover both
//!   `List-Unsubscribe` and `List-Unsubscribe-Post`, so that nobody can add a one-click
//!   unsubscribe to a message that had none. A listed header the message does not carry
//!   still goes into `h=` and is hashed as absent (RFC 6376 §5.4), which verifies and also
//!   keeps anyone from adding it later.

use std::path::PathBuf;

use lettre::message::dkim::{
    DkimCanonicalization, DkimCanonicalizationType, DkimConfig, DkimSigningAlgorithm,
    DkimSigningKey,
};
use lettre::message::header::HeaderName;
use rsa::RsaPrivateKey;
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::pkcs8::{DecodePrivateKey, LineEnding, PrivateKeyInfo, SecretDocument};
use rsa::traits::PublicKeyParts;

use crate::MailError;

/// What the DKIM signature says and signs with (`dkim_domain`, `dkim_selector`,
/// `dkim_key`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DkimSettings {
    /// `d=`, e.g. `news.example.com`. For DMARC it must be the From address's domain or a
    /// parent of it.
    pub domain: String,
    /// `s=`: receivers look the public key up at `<selector>._domainkey.<domain>`.
    pub selector: String,
    /// The PEM private key file (RSA PKCS#1 or PKCS#8, Ed25519 PKCS#8).
    pub key_path: PathBuf,
}

/// The headers the signature covers, in this order.
pub const SIGNED_HEADERS: &[&str] = &[
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "MIME-Version",
    "Content-Type",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
];

/// rsaEncryption and id-Ed25519, the algorithms of a PKCS#8 key we can sign with.
const RSA_OID: &str = "1.2.840.113549.1.1.1";
const ED25519_OID: &str = "1.3.101.112";

/// Reads and checks the key; every error names the setting at fault.
pub(crate) fn load(settings: &DkimSettings) -> Result<DkimConfig, MailError> {
    let bad = |setting: &'static str, message: String| MailError::Config { setting, message };
    let domain = settings.domain.trim();
    if !is_dns_name(domain) {
        return Err(bad(
            "dkim_domain",
            format!("{domain:?} is not a domain name; expected e.g. \"news.example.com\""),
        ));
    }
    let selector = settings.selector.trim();
    if !is_dns_name(selector) {
        return Err(bad(
            "dkim_selector",
            format!("{selector:?} is not a selector; expected a DNS label such as \"news2026\""),
        ));
    }
    let path = &settings.key_path;
    let pem = std::fs::read_to_string(path).map_err(|e| {
        bad(
            "dkim_key",
            format!("cannot read the private key {}: {e}", path.display()),
        )
    })?;
    let key = signing_key(&pem)
        .map_err(|message| bad("dkim_key", format!("{}: {message}", path.display())))?;
    let headers = SIGNED_HEADERS
        .iter()
        .map(|h| HeaderName::new_from_ascii_str(h))
        .collect();
    Ok(DkimConfig::new(
        selector.to_owned(),
        domain.to_owned(),
        key,
        headers,
        DkimCanonicalization {
            header: DkimCanonicalizationType::Relaxed,
            body: DkimCanonicalizationType::Relaxed,
        },
    ))
}

/// Letters, digits, hyphens and underscores in dot-separated labels: nothing that could
/// end a tag (`;`) or the header.
fn is_dns_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

fn signing_key(pem: &str) -> Result<DkimSigningKey, String> {
    let pem = pem.trim();
    let expected = "expected a PEM RSA (PKCS#1 or PKCS#8) or Ed25519 (PKCS#8) private key";
    if pem.starts_with("-----BEGIN RSA PRIVATE KEY-----") {
        let key = rsa::pkcs1::DecodeRsaPrivateKey::from_pkcs1_pem(pem)
            .map_err(|e| format!("not a valid RSA private key ({e})"))?;
        return rsa_key(&key);
    }
    let (label, document) =
        SecretDocument::from_pem(pem).map_err(|e| format!("not a PEM file ({e}); {expected}"))?;
    if label != "PRIVATE KEY" {
        return Err(format!("a PEM \"{label}\"; {expected}"));
    }
    let info = PrivateKeyInfo::try_from(document.as_bytes())
        .map_err(|e| format!("not a PKCS#8 private key ({e}); {expected}"))?;
    match info.algorithm.oid.to_string().as_str() {
        RSA_OID => {
            let key = RsaPrivateKey::from_pkcs8_der(document.as_bytes())
                .map_err(|e| format!("not a valid RSA private key ({e})"))?;
            rsa_key(&key)
        }
        ED25519_OID => {
            // The PKCS#8 payload is CurvePrivateKey (RFC 8410): an OCTET STRING holding
            // the 32-byte seed, which is what lettre takes (in base64).
            let seed = match info.private_key {
                [0x04, 0x20, seed @ ..] if seed.len() == 32 => seed,
                _ => return Err("an Ed25519 key whose seed is not 32 bytes".to_owned()),
            };
            let encoded = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, seed);
            DkimSigningKey::new(&encoded, DkimSigningAlgorithm::Ed25519)
                .map_err(|e| format!("not a valid Ed25519 key ({e})"))
        }
        other => Err(format!("a key of algorithm {other}; {expected}")),
    }
}

fn rsa_key(key: &RsaPrivateKey) -> Result<DkimSigningKey, String> {
    // Verifiers ignore signatures made with shorter keys (RFC 8301 §3.2), and lettre's
    // signer panics on a key too short for a SHA-256 PKCS#1 v1.5 signature.
    let bits = key.size() * 8;
    if bits < 1024 {
        return Err(format!(
            "a {bits}-bit RSA key; verifiers need at least 1024 bits (2048 is usual)"
        ));
    }
    let pkcs1 = key
        .to_pkcs1_pem(LineEnding::LF)
        .map_err(|e| format!("cannot re-encode the RSA key ({e})"))?;
    DkimSigningKey::new(&pkcs1, DkimSigningAlgorithm::Rsa)
        .map_err(|e| format!("not a valid RSA private key ({e})"))
}
