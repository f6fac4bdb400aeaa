//! One-time links sent to a reader by email, and what they change.
//!
//! The link's secret never reaches the store: only its SHA-256 (the caller hashes). Taking
//! a link deletes its row in the same statement that reads it, so two clicks racing on one
//! link cannot both succeed.

use chrono::{DateTime, Utc};
use newsdesk_core::Account;

use crate::Store;
use crate::error::{Result, StoreError};
use crate::rows::AccountRow;
use crate::sql::{micros, now};

/// What a link is for; each kind is taken only by the page made for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkPurpose {
    /// Confirms the address a reader registered with.
    Confirm,
    /// Sets a new password.
    Reset,
    /// Logs in without a password.
    Magic,
    /// Confirms a new address; the link's detail holds it.
    Email,
}

impl LinkPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::Confirm => "confirm",
            LinkPurpose::Reset => "reset",
            LinkPurpose::Magic => "magic",
            LinkPurpose::Email => "email",
        }
    }
}

/// A link that was taken: whose it is and what it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakenLink {
    pub account_id: i64,
    pub detail: String,
}

impl Store {
    /// Stores a link for `account_id`. Earlier links of the same purpose stay valid until
    /// they expire or one of them is taken (see [`Store::take_account_link`]).
    pub async fn create_account_link(
        &self,
        token_hash: &str,
        account_id: i64,
        purpose: LinkPurpose,
        detail: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        exec!(self, |db| {
            sqlx::query(
            "INSERT INTO account_links (token_hash, account_id, purpose, detail, expires_at, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)"
        )
        .bind(token_hash)
        .bind(account_id)
        .bind(purpose.as_str())
        .bind(detail)
        .bind(micros(expires_at))
        .bind(now())
        .execute(db)
        .await
        .map(|r| r.rows_affected())
        })?;
        Ok(())
    }

    /// Takes (deletes and returns) the live link `token_hash` of `purpose`, and every other
    /// link of that purpose for the same account: one reset link used ends the others.
    /// `NotFound` when there is none, it has expired, or it is of another purpose.
    pub async fn take_account_link(
        &self,
        token_hash: &str,
        purpose: LinkPurpose,
    ) -> Result<TakenLink> {
        let taken: Option<(i64, String)> = transaction!(self, |conn| {
            let row: Option<(i64, String)> = sqlx::query_as(
                "DELETE FROM account_links WHERE token_hash = $1 AND purpose = $2 \
                 AND expires_at > $3 RETURNING account_id, detail",
            )
            .bind(token_hash)
            .bind(purpose.as_str())
            .bind(now())
            .fetch_optional(&mut *conn)
            .await?;
            if let Some((account_id, _)) = &row {
                sqlx::query("DELETE FROM account_links WHERE account_id = $1 AND purpose = $2")
                    .bind(account_id)
                    .bind(purpose.as_str())
                    .execute(&mut *conn)
                    .await?;
            }
            row
        });
        let (account_id, detail) = taken.ok_or(StoreError::NotFound)?;
        Ok(TakenLink { account_id, detail })
    }

    /// Marks the account's address confirmed (once: a second confirmation keeps the first
    /// time) and returns the account.
    pub async fn confirm_email(&self, account_id: i64) -> Result<Account> {
        let row: AccountRow = exec!(self, |db| sqlx::query_as(concat!(
            "UPDATE accounts SET email_confirmed_at = COALESCE(email_confirmed_at, $2) \
             WHERE id = $1 RETURNING ",
            account_cols!()
        ))
        .bind(account_id)
        .bind(now())
        .fetch_one(db)
        .await)?;
        row.into_account()
    }

    /// Moves the account to a new (confirmed) address. `Conflict{email}` when another
    /// account has taken it since the link was sent.
    pub async fn set_account_email(&self, account_id: i64, email: &str) -> Result<Account> {
        let email = newsdesk_core::account::normalize_email(email)?;
        let row: AccountRow = exec!(self, |db| sqlx::query_as(concat!(
            "UPDATE accounts SET email = $2, email_confirmed_at = $3 WHERE id = $1 RETURNING ",
            account_cols!()
        ))
        .bind(account_id)
        .bind(&email)
        .bind(now())
        .fetch_one(db)
        .await)?;
        row.into_account()
    }

    /// Deletes the account; its sessions and links go with it, and what it made elsewhere
    /// (audit entries, uploads) keeps no reference to it.
    pub async fn delete_account(&self, account_id: i64) -> Result<()> {
        let done = exec!(self, |db| sqlx::query("DELETE FROM accounts WHERE id = $1")
            .bind(account_id)
            .execute(db)
            .await
            .map(|r| r.rows_affected()))?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Removes expired links (the periodic sweep); returns how many.
    pub async fn delete_expired_account_links(&self) -> Result<u64> {
        let done = exec!(self, |db| sqlx::query(
            "DELETE FROM account_links WHERE expires_at <= $1"
        )
        .bind(now())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(done)
    }
}
