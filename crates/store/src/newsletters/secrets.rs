//! Site-wide secrets, made once by whichever instance asks first and shared by all.

use rand::RngCore;

use crate::Store;
use crate::error::Result;
use crate::sql::now;

impl Store {
    /// The secret named `name` (32 random bytes, hex), made on first use. Two instances
    /// asking at once both get the one that was stored first.
    pub async fn site_secret(&self, name: &str) -> Result<String> {
        // Read first: after the first call this is a read on the reader pool, no write.
        let known: Option<String> = read!(self, |db| sqlx::query_scalar(
            "SELECT value FROM site_secrets WHERE name = $1"
        )
        .bind(name)
        .fetch_optional(db)
        .await)?;
        if let Some(value) = known {
            return Ok(value);
        }
        let mut bytes = [0_u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        let fresh: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        exec!(self, |db| sqlx::query(
            "INSERT INTO site_secrets (name, value, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO NOTHING"
        )
        .bind(name)
        .bind(&fresh)
        .bind(now())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        let value: String = exec!(self, |db| sqlx::query_scalar(
            "SELECT value FROM site_secrets WHERE name = $1"
        )
        .bind(name)
        .fetch_one(db)
        .await)?;
        Ok(value)
    }
}
