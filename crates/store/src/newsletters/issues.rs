//! Issues: one message to one list, stored once; its deliveries are made in the same
//! transaction, one per confirmed subscriber of the list whose address is not suppressed.

use chrono::{DateTime, Utc};

use super::{Issue, valid_list};
use crate::Store;
use crate::error::{Result, StoreError};
use crate::sql::now;

/// What an editor (or the digest scheduler) sends.
#[derive(Debug, Clone)]
pub struct NewIssue {
    pub edition: String,
    pub list: String,
    /// `digest` or `breaking`.
    pub kind: String,
    /// One issue per key, ever: `digest:en:2026-12-06`, `breaking:article:42`.
    pub dedupe_key: String,
    pub subject: String,
    pub html: String,
    pub text: String,
    pub created_by: Option<i64>,
}

/// An issue with how its deliveries stand, for the newsroom's send log.
#[derive(Debug, Clone, PartialEq)]
pub struct IssueSummary {
    pub id: i64,
    pub edition: String,
    pub list: String,
    pub kind: String,
    pub subject: String,
    pub status: String,
    pub recipients: i64,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub counts: super::DeliveryCounts,
}

const COLS: &str = "id, edition, list, kind, dedupe_key, subject, html, text, status, \
     recipients, created_at, finished_at";

type Row = (
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
);

fn issue(row: Row) -> Issue {
    let (
        id,
        edition,
        list,
        kind,
        dedupe_key,
        subject,
        html,
        text,
        status,
        recipients,
        created_at,
        finished_at,
    ) = row;
    Issue {
        id,
        edition,
        list,
        kind,
        dedupe_key,
        subject,
        html,
        text,
        status,
        recipients,
        created_at,
        finished_at,
    }
}

impl Store {
    /// Stores an issue and queues a delivery for each recipient. `None` when an issue with
    /// the same dedupe key exists already (the digest of that day was made by another
    /// instance, the alert for that article went): nothing is sent twice.
    pub async fn create_issue(&self, new: &NewIssue) -> Result<Option<Issue>> {
        if !valid_list(&new.list) {
            return Err(StoreError::invalid("list", "not a newsletter list"));
        }
        if !matches!(new.kind.as_str(), "digest" | "breaking") {
            return Err(StoreError::invalid("kind", "digest or breaking"));
        }
        let at = now();
        let made = transaction!(self, |conn| {
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO newsletter_issues (edition, list, kind, dedupe_key, subject, html, \
                 text, status, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 'sending', $8, $9) \
                 ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
            )
            .bind(&new.edition)
            .bind(&new.list)
            .bind(&new.kind)
            .bind(&new.dedupe_key)
            .bind(&new.subject)
            .bind(&new.html)
            .bind(&new.text)
            .bind(new.created_by)
            .bind(at)
            .fetch_optional(&mut *conn)
            .await?;
            match id {
                None => None,
                Some(id) => {
                    let recipients = sqlx::query(
                        "INSERT INTO newsletter_deliveries (issue_id, subscriber_id, email, \
                         status, updated_at) \
                         SELECT $1, s.id, s.email, 'queued', $4 FROM subscribers s \
                         JOIN subscriber_lists l ON l.subscriber_id = s.id AND l.list = $3 \
                         WHERE s.edition = $2 AND s.status = 'confirmed' \
                         AND NOT EXISTS (SELECT 1 FROM mail_suppressions m WHERE m.email = s.email)",
                    )
                    .bind(id)
                    .bind(&new.edition)
                    .bind(&new.list)
                    .bind(at)
                    .execute(&mut *conn)
                    .await?
                    .rows_affected();
                    let recipients = i64::try_from(recipients).unwrap_or(i64::MAX);
                    sqlx::query("UPDATE newsletter_issues SET recipients = $2 WHERE id = $1")
                        .bind(id)
                        .bind(recipients)
                        .execute(&mut *conn)
                        .await?;
                    Some(id)
                }
            }
        });
        match made {
            Some(id) => Ok(Some(self.issue(id).await?)),
            None => Ok(None),
        }
    }

    pub async fn issue(&self, id: i64) -> Result<Issue> {
        let sql = format!("SELECT {COLS} FROM newsletter_issues WHERE id = $1");
        let row: Row = read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(id)
            .fetch_one(db)
            .await)?;
        Ok(issue(row))
    }

    /// Whether an issue with this key exists (a breaking alert already sent).
    pub async fn issue_exists(&self, dedupe_key: &str) -> Result<bool> {
        let found: Option<i64> = read!(self, |db| sqlx::query_scalar(
            "SELECT id FROM newsletter_issues WHERE dedupe_key = $1"
        )
        .bind(dedupe_key)
        .fetch_optional(db)
        .await)?;
        Ok(found.is_some())
    }

    /// The newest issues first, with their delivery counts.
    pub async fn list_issues(
        &self,
        edition: Option<&str>,
        limit: i64,
    ) -> Result<Vec<IssueSummary>> {
        let sql = format!(
            "SELECT {COLS} FROM newsletter_issues WHERE ($1 IS NULL OR edition = $1) \
             ORDER BY created_at DESC, id DESC LIMIT {}",
            limit.clamp(1, 500)
        );
        let rows: Vec<Row> = read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(edition)
            .fetch_all(db)
            .await)?;
        let ids: Vec<i64> = rows.iter().map(|row| row.0).collect();
        let mut counts = self.delivery_counts_of(&ids).await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let i = issue(row);
            let counts = counts.remove(&i.id).unwrap_or_default();
            out.push(IssueSummary {
                id: i.id,
                edition: i.edition,
                list: i.list,
                kind: i.kind,
                subject: i.subject,
                status: i.status,
                recipients: i.recipients,
                created_at: i.created_at,
                finished_at: i.finished_at,
                counts,
            });
        }
        Ok(out)
    }

    /// Marks issues whose every delivery is settled as sent; returns how many.
    pub async fn finish_issues(&self) -> Result<u64> {
        let done = exec!(self, |db| sqlx::query(
            "UPDATE newsletter_issues SET status = 'sent', finished_at = $1 \
             WHERE status = 'sending' AND NOT EXISTS (SELECT 1 FROM newsletter_deliveries d \
             WHERE d.issue_id = newsletter_issues.id AND d.status IN ('queued', 'sending'))"
        )
        .bind(now())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(done)
    }
}
