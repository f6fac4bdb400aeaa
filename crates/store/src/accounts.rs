//! Staff and reader accounts, sign-in sessions and API tokens.

use chrono::{DateTime, Utc};
use newsdesk_core::account::normalize_email;
use newsdesk_core::{Account, Role};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::rows::{AccountRow, parse_role};
use crate::sql::{micros, now};
use crate::types::{ApiToken, Session};

fn check_name(name: &str) -> Result<()> {
    let n = name.trim().chars().count();
    if n == 0 || n > 120 {
        return Err(StoreError::invalid("name", "must be 1 to 120 characters"));
    }
    Ok(())
}

type TokenRow = (
    i64,
    String,
    String,
    DateTime<Utc>,
    Option<i64>,
    Option<DateTime<Utc>>,
);

fn token((id, name, role, created_at, created_by, revoked_at): TokenRow) -> Result<ApiToken> {
    Ok(ApiToken {
        id,
        name,
        role: parse_role(&role)?,
        created_at,
        created_by,
        revoked: revoked_at.is_some(),
    })
}

impl Store {
    /// `Conflict{email}` if the (normalized) email is taken.
    pub async fn create_account(
        &self,
        email: &str,
        name: &str,
        role: Role,
        password_hash: &str,
    ) -> Result<Account> {
        let email = normalize_email(email)?;
        check_name(name)?;
        let row: AccountRow = exec!(self, |db| sqlx::query_as(concat!(
            "INSERT INTO accounts (email, name, role, password_hash, disabled, created_at) \
             VALUES ($1, $2, $3, $4, FALSE, $5) RETURNING ",
            account_cols!()
        ))
        .bind(&email)
        .bind(name.trim())
        .bind(role.as_str())
        .bind(password_hash)
        .bind(now())
        .fetch_one(db)
        .await)?;
        row.into_account()
    }

    pub async fn get_account(&self, id: i64) -> Result<Account> {
        let row: AccountRow = read!(self, |db| sqlx::query_as(concat!(
            "SELECT ",
            account_cols!(),
            " FROM accounts WHERE id = $1"
        ))
        .bind(id)
        .fetch_one(db)
        .await)?;
        row.into_account()
    }

    /// The account and its password hash, for signing in. Disabled accounts are returned
    /// too: the caller says "disabled" rather than "wrong password".
    pub async fn account_by_email(&self, email: &str) -> Result<(Account, String)> {
        let email = normalize_email(email).map_err(|_| StoreError::NotFound)?;
        let (row, hash): (AccountRow, String) = read!(self, |db| {
            let row: AccountRow = sqlx::query_as(concat!(
                "SELECT ",
                account_cols!(),
                " FROM accounts WHERE email = $1"
            ))
            .bind(&email)
            .fetch_one(db)
            .await?;
            let hash: String =
                sqlx::query_scalar("SELECT password_hash FROM accounts WHERE id = $1")
                    .bind(row.id)
                    .fetch_one(db)
                    .await?;
            (row, hash)
        });
        Ok((row.into_account()?, hash))
    }

    /// By name.
    pub async fn list_accounts(&self) -> Result<Vec<Account>> {
        let rows: Vec<AccountRow> = read!(self, |db| sqlx::query_as(concat!(
            "SELECT ",
            account_cols!(),
            " FROM accounts ORDER BY name, id"
        ))
        .fetch_all(db)
        .await)?;
        rows.into_iter().map(AccountRow::into_account).collect()
    }

    pub async fn set_account_role(&self, id: i64, role: Role) -> Result<Account> {
        let row: AccountRow = exec!(self, |db| sqlx::query_as(concat!(
            "UPDATE accounts SET role = $2 WHERE id = $1 RETURNING ",
            account_cols!()
        ))
        .bind(id)
        .bind(role.as_str())
        .fetch_one(db)
        .await)?;
        row.into_account()
    }

    /// Disabling also ends every session of the account, at once.
    pub async fn set_account_disabled(&self, id: i64, disabled: bool) -> Result<Account> {
        let row: AccountRow = transaction!(self, |conn| {
            let row: AccountRow = sqlx::query_as(concat!(
                "UPDATE accounts SET disabled = $2 WHERE id = $1 RETURNING ",
                account_cols!()
            ))
            .bind(id)
            .bind(disabled)
            .fetch_one(&mut *conn)
            .await?;
            if disabled {
                sqlx::query("DELETE FROM sessions WHERE account_id = $1")
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
            }
            row
        });
        row.into_account()
    }

    /// Replaces the account's password hash (a new password, or a set-password link) and
    /// ends every session of the account in the same transaction: whoever held one of them
    /// may be the reason the password changed.
    pub async fn set_password_hash(&self, id: i64, hash: &str) -> Result<()> {
        let done = transaction!(self, |conn| {
            let done = sqlx::query("UPDATE accounts SET password_hash = $2 WHERE id = $1")
                .bind(id)
                .bind(hash)
                .execute(&mut *conn)
                .await?
                .rows_affected();
            sqlx::query("DELETE FROM sessions WHERE account_id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?;
            done
        });
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Stores a session of `kind` (`staff` or `reader`) under the hash of its token (never
    /// the token itself).
    pub async fn create_session(
        &self,
        kind: &str,
        token_hash: &str,
        account_id: i64,
        csrf_token: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        exec!(self, |db| {
            sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, csrf_token, expires_at, created_at, kind) \
             VALUES ($1, $2, $3, $4, $5, $6)"
        )
        .bind(token_hash)
        .bind(account_id)
        .bind(csrf_token)
        .bind(micros(expires_at))
        .bind(now())
        .bind(kind)
        .execute(db)
        .await
        .map(|r| r.rows_affected())
        })?;
        Ok(())
    }

    /// The live session of `kind` and its account; NotFound when missing, of another kind,
    /// expired, or the account is disabled. The kind is part of the lookup so that a
    /// reader's token can never open a staff session, whatever cookie it arrives in.
    pub async fn session(&self, kind: &str, token_hash: &str) -> Result<(Session, Account)> {
        let (session, row): ((i64, String, DateTime<Utc>), AccountRow) = read!(self, |db| {
            let session: (i64, String, DateTime<Utc>) = sqlx::query_as(
                "SELECT s.account_id, s.csrf_token, s.expires_at FROM sessions s \
                 JOIN accounts a ON a.id = s.account_id \
                 WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.disabled = FALSE \
                 AND s.kind = $3",
            )
            .bind(token_hash)
            .bind(now())
            .bind(kind)
            .fetch_one(db)
            .await?;
            let row: AccountRow = sqlx::query_as(concat!(
                "SELECT ",
                account_cols!(),
                " FROM accounts WHERE id = $1"
            ))
            .bind(session.0)
            .fetch_one(db)
            .await?;
            (session, row)
        });
        let (account_id, csrf_token, expires_at) = session;
        Ok((
            Session {
                account_id,
                csrf_token,
                expires_at,
            },
            row.into_account()?,
        ))
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        exec!(self, |db| sqlx::query(
            "DELETE FROM sessions WHERE token_hash = $1"
        )
        .bind(token_hash)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Removes expired sessions (a periodic job); returns how many.
    pub async fn delete_expired_sessions(&self) -> Result<u64> {
        let done = exec!(self, |db| sqlx::query(
            "DELETE FROM sessions WHERE expires_at <= $1"
        )
        .bind(now())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(done)
    }

    pub async fn create_api_token(
        &self,
        name: &str,
        role: Role,
        token_hash: &str,
        created_by: Option<i64>,
    ) -> Result<ApiToken> {
        check_name(name)?;
        let row: TokenRow = exec!(self, |db| sqlx::query_as(
            "INSERT INTO api_tokens (name, role, token_hash, created_at, created_by) \
             VALUES ($1, $2, $3, $4, $5) \
             RETURNING id, name, role, created_at, created_by, revoked_at"
        )
        .bind(name.trim())
        .bind(role.as_str())
        .bind(token_hash)
        .bind(now())
        .bind(created_by)
        .fetch_one(db)
        .await)?;
        token(row)
    }

    /// The token with this hash; NotFound if unknown or revoked.
    pub async fn api_token(&self, token_hash: &str) -> Result<ApiToken> {
        let row: TokenRow = read!(self, |db| sqlx::query_as(
            "SELECT id, name, role, created_at, created_by, revoked_at FROM api_tokens \
             WHERE token_hash = $1 AND revoked_at IS NULL"
        )
        .bind(token_hash)
        .fetch_one(db)
        .await)?;
        token(row)
    }

    /// A live token with what its creator's account allows now, in one query: `None` for a
    /// token made by the CLI (no account), else the account's current role and whether it
    /// is disabled.
    pub async fn api_token_with_creator(
        &self,
        token_hash: &str,
    ) -> Result<(ApiToken, Option<(Role, bool)>)> {
        type Row = (
            i64,
            String,
            String,
            DateTime<Utc>,
            Option<i64>,
            Option<DateTime<Utc>>,
            Option<String>,
            Option<bool>,
        );
        let row: Row = read!(self, |db| sqlx::query_as(
            "SELECT t.id, t.name, t.role, t.created_at, t.created_by, t.revoked_at, \
             a.role, a.disabled FROM api_tokens t LEFT JOIN accounts a ON a.id = t.created_by \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL"
        )
        .bind(token_hash)
        .fetch_one(db)
        .await)?;
        let (id, name, role, created_at, created_by, revoked_at, creator_role, disabled) = row;
        let token = token((id, name, role, created_at, created_by, revoked_at))?;
        let creator = match (creator_role, disabled) {
            (Some(role), Some(disabled)) => Some((parse_role(&role)?, disabled)),
            _ => None,
        };
        Ok((token, creator))
    }

    /// Newest first, revoked ones included.
    pub async fn list_api_tokens(&self) -> Result<Vec<ApiToken>> {
        let rows: Vec<TokenRow> = read!(self, |db| sqlx::query_as(
            "SELECT id, name, role, created_at, created_by, revoked_at FROM api_tokens \
             ORDER BY id DESC"
        )
        .fetch_all(db)
        .await)?;
        rows.into_iter().map(token).collect()
    }

    pub async fn revoke_api_token(&self, id: i64) -> Result<()> {
        let done = exec!(self, |db| sqlx::query(
            "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1"
        )
        .bind(id)
        .bind(now())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }
}
