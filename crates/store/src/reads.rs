//! Most read: page views per article and hour. The site counts views in memory and adds
//! them here in batches (see `newsdesk_site::most_read`), so a busy article costs one
//! upsert per flush, not one write per reader.

use chrono::{DateTime, DurationRound, TimeDelta, Utc};

use crate::error::{Result, StoreError};
use crate::sql::Arg;
use crate::{ArticleSummary, Store};

/// The longest most-read list a caller may ask for.
pub const MAX_MOST_READ: i64 = 50;

/// The hour a view at `at` is counted in.
pub fn hour_of(at: DateTime<Utc>) -> DateTime<Utc> {
    at.duration_trunc(TimeDelta::hours(1)).unwrap_or(at)
}

impl Store {
    /// Adds `counts` (article id, views) to the hour of `at`. Ids that are not a published
    /// article (a forged beacon, an article unpublished meanwhile) are ignored.
    pub async fn add_article_reads(&self, counts: &[(i64, i64)], at: DateTime<Utc>) -> Result<()> {
        if counts.is_empty() {
            return Ok(());
        }
        let hour = hour_of(at);
        transaction!(self, |conn| {
            for &(id, reads) in counts {
                sqlx::query(
                    "INSERT INTO article_reads (article_id, edition, hour, reads) \
                     SELECT a.id, a.edition, $2, $3 FROM articles a \
                     WHERE a.id = $1 AND a.status = 'published' \
                     ON CONFLICT (article_id, hour) DO UPDATE \
                     SET reads = article_reads.reads + excluded.reads",
                )
                .bind(id)
                .bind(hour)
                .bind(reads)
                .execute(&mut *conn)
                .await?;
            }
            Ok::<(), sqlx::Error>(())
        })?;
        Ok(())
    }

    /// The edition's most read published articles since `since`, most read first.
    pub async fn most_read(
        &self,
        edition: &str,
        since: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<ArticleSummary>> {
        if !(0..=MAX_MOST_READ).contains(&limit) {
            return Err(StoreError::invalid(
                "limit",
                format!("the most read list holds 0 to {MAX_MOST_READ} articles"),
            ));
        }
        let sql = concat!(
            "SELECT ",
            summary_cols!(),
            " FROM (SELECT article_id, SUM(reads) AS n FROM article_reads \
              WHERE edition = $1 AND hour >= $2 GROUP BY article_id) r \
             JOIN articles a ON a.id = r.article_id \
             WHERE a.status = 'published' ORDER BY r.n DESC, a.id DESC LIMIT $3"
        );
        let args = [
            Arg::Text(edition.to_owned()),
            Arg::Time(hour_of(since)),
            Arg::Int(limit),
        ];
        read!(self, |db| load_summaries!(db, sql, args))
    }

    /// Forgets the hours before `before`; the number of rows removed.
    pub async fn prune_article_reads(&self, before: DateTime<Utc>) -> Result<u64> {
        let n = exec!(self, |db| sqlx::query(
            "DELETE FROM article_reads WHERE hour < $1"
        )
        .bind(hour_of(before))
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(n)
    }
}
