//! Subscribers: sign-up (pending until confirmed), confirmation, unsubscribing, counts.

use chrono::{DateTime, Utc};

use super::{Subscriber, SubscriberStatus, split_lists, valid_list};
use crate::Store;
use crate::error::{Result, StoreError};
use crate::sql::now;

const COLS: &str = "s.id, s.email, s.edition, s.status, s.pending_lists, s.account_id, \
     s.created_at, s.confirm_sent_at, s.confirmed_at, \
     COALESCE((SELECT {AGG} FROM subscriber_lists l WHERE l.subscriber_id = s.id), '')";

type Row = (
    i64,
    String,
    String,
    String,
    String,
    Option<i64>,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
    String,
);

fn subscriber(row: Row) -> Result<Subscriber> {
    let (
        id,
        email,
        edition,
        status,
        pending,
        account_id,
        created_at,
        confirm_sent_at,
        confirmed_at,
        lists,
    ) = row;
    Ok(Subscriber {
        id,
        email,
        edition,
        status: SubscriberStatus::parse(&status)
            .ok_or_else(|| StoreError::corrupt("subscriber status", &status))?,
        lists: split_lists(&lists),
        pending_lists: split_lists(&pending),
        account_id,
        created_at,
        confirm_sent_at,
        confirmed_at,
    })
}

/// Addresses are compared without case (the domain is case-insensitive, and no provider
/// of note treats the local part otherwise).
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// How many confirmed subscribers one list of one edition has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListCount {
    pub edition: String,
    pub list: String,
    pub confirmed: i64,
}

impl Store {
    fn subscriber_sql(&self, filter: &str) -> String {
        let agg = match self.backend() {
            crate::Backend::Sqlite => "group_concat(l.list, ' ')",
            crate::Backend::Postgres => "string_agg(l.list, ' ')",
        };
        format!(
            "SELECT {} FROM subscribers s WHERE {filter}",
            COLS.replace("{AGG}", agg)
        )
    }

    pub async fn subscriber(&self, id: i64) -> Result<Subscriber> {
        let sql = self.subscriber_sql("s.id = $1");
        let row: Row = read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(id)
            .fetch_one(db)
            .await)?;
        subscriber(row)
    }

    pub async fn subscriber_by_email(&self, edition: &str, email: &str) -> Result<Subscriber> {
        let sql = self.subscriber_sql("s.edition = $1 AND s.email = $2");
        let row: Row = read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(edition)
            .bind(normalise_email(email))
            .fetch_one(db)
            .await)?;
        subscriber(row)
    }

    /// Every subscription of one address (all editions), for the reader's account page.
    pub async fn subscriptions_of(&self, email: &str) -> Result<Vec<Subscriber>> {
        let sql = self.subscriber_sql("s.email = $1 ORDER BY s.edition");
        let rows: Vec<Row> = read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(normalise_email(email))
            .fetch_all(db)
            .await)?;
        rows.into_iter().map(subscriber).collect()
    }

    /// Records a sign-up for `lists`. A new, pending or unsubscribed address becomes
    /// pending; a confirmed one keeps what it has. Either way the lists wait in
    /// `pending_lists` until the confirmation link is opened, so nothing is ever sent to an
    /// address on someone else's say-so.
    pub async fn sign_up(
        &self,
        edition: &str,
        email: &str,
        lists: &[String],
        account_id: Option<i64>,
    ) -> Result<Subscriber> {
        if lists.is_empty() || !lists.iter().all(|l| valid_list(l)) {
            return Err(StoreError::invalid(
                "lists",
                "choose digest, breaking or section:{slug}",
            ));
        }
        self.edition_exists(edition).await?;
        let email = normalise_email(email);
        let wanted = split_lists(&lists.join(" ")).join(" ");
        let at = now();
        transaction!(self, |conn| {
            sqlx::query(
                "INSERT INTO subscribers (email, edition, status, pending_lists, account_id, \
                 created_at) VALUES ($1, $2, 'pending', $3, $4, $5) \
                 ON CONFLICT (email, edition) DO UPDATE SET \
                 pending_lists = excluded.pending_lists, \
                 account_id = COALESCE(subscribers.account_id, excluded.account_id), \
                 status = CASE WHEN subscribers.status = 'confirmed' THEN 'confirmed' \
                 ELSE 'pending' END, \
                 created_at = CASE WHEN subscribers.status = 'confirmed' \
                 THEN subscribers.created_at ELSE excluded.created_at END",
            )
            .bind(&email)
            .bind(edition)
            .bind(&wanted)
            .bind(account_id)
            .bind(at)
            .execute(&mut *conn)
            .await?;
        });
        self.subscriber_by_email(edition, &email).await
    }

    /// Notes that a confirmation message went out (to pace repeats to one address).
    pub async fn note_confirmation_sent(&self, id: i64) -> Result<()> {
        exec!(self, |db| sqlx::query(
            "UPDATE subscribers SET confirm_sent_at = $2 WHERE id = $1"
        )
        .bind(id)
        .bind(now())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Opens the confirmation link: the pending lists join the confirmed ones.
    pub async fn confirm_subscriber(&self, id: i64) -> Result<Subscriber> {
        let before = self.subscriber(id).await?;
        let at = now();
        transaction!(self, |conn| {
            for list in &before.pending_lists {
                sqlx::query(
                    "INSERT INTO subscriber_lists (subscriber_id, list) VALUES ($1, $2) \
                     ON CONFLICT DO NOTHING",
                )
                .bind(id)
                .bind(list)
                .execute(&mut *conn)
                .await?;
            }
            sqlx::query(
                "UPDATE subscribers SET status = 'confirmed', pending_lists = '', \
                 confirmed_at = COALESCE(confirmed_at, $2), unsubscribed_at = NULL \
                 WHERE id = $1",
            )
            .bind(id)
            .bind(at)
            .execute(&mut *conn)
            .await?;
        });
        self.subscriber(id).await
    }

    /// Unsubscribes from every list of the edition at once, and skips what is still queued
    /// for the address: one click, immediate.
    pub async fn unsubscribe(&self, id: i64) -> Result<Subscriber> {
        let at = now();
        transaction!(self, |conn| {
            let changed = sqlx::query(
                "UPDATE subscribers SET status = 'unsubscribed', pending_lists = '', \
                 unsubscribed_at = $2 WHERE id = $1",
            )
            .bind(id)
            .bind(at)
            .execute(&mut *conn)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(StoreError::NotFound);
            }
            sqlx::query("DELETE FROM subscriber_lists WHERE subscriber_id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?;
            sqlx::query(
                "UPDATE newsletter_deliveries SET status = 'skipped', \
                 error = 'unsubscribed', updated_at = $2 \
                 WHERE subscriber_id = $1 AND status = 'queued'",
            )
            .bind(id)
            .bind(at)
            .execute(&mut *conn)
            .await?;
        });
        self.subscriber(id).await
    }

    /// Forgets sign-ups nobody confirmed since `before`.
    pub async fn expire_pending_subscribers(&self, before: DateTime<Utc>) -> Result<u64> {
        let removed = exec!(self, |db| sqlx::query(
            "DELETE FROM subscribers WHERE status = 'pending' AND created_at < $1"
        )
        .bind(before)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(removed)
    }

    /// Confirmed subscribers per list (all editions when `None`).
    pub async fn list_counts(&self, edition: Option<&str>) -> Result<Vec<ListCount>> {
        let rows: Vec<(String, String, i64)> = read!(self, |db| sqlx::query_as(
            "SELECT s.edition, l.list, COUNT(*) FROM subscriber_lists l \
             JOIN subscribers s ON s.id = l.subscriber_id \
             WHERE s.status = 'confirmed' AND ($1 IS NULL OR s.edition = $1) \
             GROUP BY s.edition, l.list ORDER BY s.edition, l.list"
        )
        .bind(edition)
        .fetch_all(db)
        .await)?;
        Ok(rows
            .into_iter()
            .map(|(edition, list, confirmed)| ListCount {
                edition,
                list,
                confirmed,
            })
            .collect())
    }

    /// Confirmed subscribers of one list, by id after `after`: pages for a CSV export of
    /// any size.
    pub async fn list_subscribers(
        &self,
        edition: &str,
        list: &str,
        after: i64,
        limit: i64,
    ) -> Result<Vec<Subscriber>> {
        let sql = self.subscriber_sql(&format!(
            "s.edition = $1 AND s.status = 'confirmed' AND s.id > $3 AND EXISTS \
             (SELECT 1 FROM subscriber_lists l WHERE l.subscriber_id = s.id AND l.list = $2) \
             ORDER BY s.id LIMIT {}",
            limit.clamp(1, 10_000)
        ));
        let rows: Vec<Row> = read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(edition)
            .bind(list)
            .bind(after)
            .fetch_all(db)
            .await)?;
        rows.into_iter().map(subscriber).collect()
    }

    /// Never writes to `email` again (a hard bounce, a complaint); what is queued for it is
    /// failed. True when it was not suppressed before.
    pub async fn suppress_email(&self, email: &str, reason: &str) -> Result<bool> {
        let email = normalise_email(email);
        let at = now();
        let added = transaction!(self, |conn| {
            let added = sqlx::query(
                "INSERT INTO mail_suppressions (email, reason, created_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (email) DO NOTHING",
            )
            .bind(&email)
            .bind(reason)
            .bind(at)
            .execute(&mut *conn)
            .await?
            .rows_affected();
            sqlx::query(
                "UPDATE newsletter_deliveries SET status = 'failed', error = $2, updated_at = $3 \
                 WHERE email = $1 AND status = 'queued'",
            )
            .bind(&email)
            .bind(format!("suppressed: {reason}"))
            .bind(at)
            .execute(&mut *conn)
            .await?;
            added > 0
        });
        Ok(added)
    }

    pub async fn is_suppressed(&self, email: &str) -> Result<bool> {
        let found: Option<i64> = read!(self, |db| sqlx::query_scalar(
            "SELECT 1 FROM mail_suppressions WHERE email = $1"
        )
        .bind(normalise_email(email))
        .fetch_optional(db)
        .await)?;
        Ok(found.is_some())
    }
}
