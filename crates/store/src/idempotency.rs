//! Idempotency keys: the rows behind the Admin API's `Idempotency-Key` header.
//!
//! A request's row is inserted before it runs (the primary key on (scope, key) is the lock
//! that turns a concurrent duplicate away), then either completed with the answer to replay
//! or released when the request failed and changed nothing. The store keeps the answer as
//! opaque bytes: sealing it is the caller's business.

use chrono::{DateTime, Utc};

use crate::Store;
use crate::error::Result;
use crate::sql::{micros, now};

/// How long a key is remembered; a key older than this is free again.
pub const IDEMPOTENCY_KEY_TTL: chrono::TimeDelta = chrono::TimeDelta::hours(24);

/// One request carrying an idempotency key.
#[derive(Debug, Clone, Copy)]
pub struct IdempotentRequest<'a> {
    /// Who is asking: keys of different callers never meet.
    pub scope: &'a str,
    pub key: &'a str,
    /// `POST /path`, kept for people reading the table.
    pub request: &'a str,
    /// Identifies the request's content; the same key with another fingerprint is refused.
    pub fingerprint: &'a str,
}

/// What [`Store::reserve_idempotency_key`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reservation {
    /// The key was free and is now held by this request: run it, then complete or release.
    Reserved,
    /// Another request with this key has not finished (or was interrupted) since `since`.
    InProgress { since: DateTime<Utc> },
    /// The key was used with a different request.
    Mismatch,
    /// The key's request finished: replay this answer.
    Done(Vec<u8>),
}

type Row = (String, Option<Vec<u8>>, DateTime<Utc>);

impl Store {
    /// Takes the key for `req`, or says who holds it. A key older than
    /// [`IDEMPOTENCY_KEY_TTL`] counts as free even before it is pruned.
    pub async fn reserve_idempotency_key(&self, req: IdempotentRequest<'_>) -> Result<Reservation> {
        // A row released between our insert and our read is simply tried again; a few
        // rounds are plenty (each needs another request to release the same key).
        for _ in 0..3 {
            let at = now();
            let taken = exec!(self, |db| {
                sqlx::query(
                "INSERT INTO idempotency_keys (scope, idem_key, request, fingerprint, created_at) \
                 VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (scope, idem_key) DO UPDATE SET request = excluded.request, \
                 fingerprint = excluded.fingerprint, response = NULL, \
                 created_at = excluded.created_at, completed_at = NULL \
                 WHERE idempotency_keys.created_at < $6"
            )
            .bind(req.scope)
            .bind(req.key)
            .bind(req.request)
            .bind(req.fingerprint)
            .bind(at)
            .bind(micros(at - IDEMPOTENCY_KEY_TTL))
            .execute(db)
            .await
            .map(|r| r.rows_affected())
            })?;
            if taken == 1 {
                return Ok(Reservation::Reserved);
            }
            // From the writer on SQLite: the row just seen must be visible to this read.
            let row: Option<Row> = exec!(self, |db| sqlx::query_as(
                "SELECT fingerprint, response, created_at FROM idempotency_keys \
                 WHERE scope = $1 AND idem_key = $2"
            )
            .bind(req.scope)
            .bind(req.key)
            .fetch_optional(db)
            .await)?;
            match row {
                None => continue,
                Some((fingerprint, _, _)) if fingerprint != req.fingerprint => {
                    return Ok(Reservation::Mismatch);
                }
                Some((_, Some(response), _)) => return Ok(Reservation::Done(response)),
                Some((_, None, since)) => return Ok(Reservation::InProgress { since }),
            }
        }
        Ok(Reservation::InProgress { since: now() })
    }

    /// Records the answer of the request holding the key; false when it no longer holds it.
    pub async fn complete_idempotency_key(
        &self,
        req: IdempotentRequest<'_>,
        response: &[u8],
    ) -> Result<bool> {
        let n = exec!(self, |db| sqlx::query(
            "UPDATE idempotency_keys SET response = $4, completed_at = $5 \
             WHERE scope = $1 AND idem_key = $2 AND fingerprint = $3 AND response IS NULL"
        )
        .bind(req.scope)
        .bind(req.key)
        .bind(req.fingerprint)
        .bind(response)
        .bind(now())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Frees a key whose request failed without changing anything, so a retry runs again.
    pub async fn release_idempotency_key(&self, req: IdempotentRequest<'_>) -> Result<()> {
        exec!(self, |db| sqlx::query(
            "DELETE FROM idempotency_keys \
             WHERE scope = $1 AND idem_key = $2 AND fingerprint = $3 AND response IS NULL"
        )
        .bind(req.scope)
        .bind(req.key)
        .bind(req.fingerprint)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Deletes keys taken before `older_than`; returns how many went.
    pub async fn prune_idempotency_keys(&self, older_than: DateTime<Utc>) -> Result<u64> {
        let n = exec!(self, |db| sqlx::query(
            "DELETE FROM idempotency_keys WHERE created_at < $1"
        )
        .bind(micros(older_than))
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(n)
    }
}
