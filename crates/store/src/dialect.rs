//! The statements that differ between SQLite and PostgreSQL, side by side.
//!
//! Everything else in the store is one SQL text for both backends. A query body expanded
//! for either backend asks for its dialect through the connection or pool type it holds.

use sqlx::{PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool};

use crate::sql::placeholders;

pub(crate) trait Dialect {
    /// Taken before writing an outbox row, held to commit, so sequence numbers become
    /// visible in order. SQLite has one writer: nothing to do.
    const LOCK_OUTBOX: Option<&'static str>;
    /// Claims due scheduled articles; `$1` = now, `$2` = updated_at. Returns their ids.
    const CLAIM_DUE_ARTICLES: &'static str;
    /// Moves the translation-group id sequence past ids named explicitly by a bulk import.
    const SYNC_TRANSLATION_GROUP_SEQ: Option<&'static str>;
    /// Claims one job of the kinds `$3..`; `$1` = now, `$2` = lease end.
    fn claim_job(kinds: usize) -> String;
    /// Gives up jobs whose last attempt's lease ran out without a report; `$1` = now,
    /// `$2` = the error to record.
    const GIVE_UP_ABANDONED_JOBS: &'static str;
}

impl Dialect for Sqlite {
    const LOCK_OUTBOX: Option<&'static str> = None;
    // Plain UPDATE … RETURNING: SQLite runs one writer at a time (also across processes),
    // so two instances can never claim the same row.
    const CLAIM_DUE_ARTICLES: &'static str = "UPDATE articles SET status = 'published', \
         first_published_at = COALESCE(first_published_at, published_at), updated_at = $2 \
         WHERE status = 'scheduled' AND published_at <= $1 RETURNING id";
    // AUTOINCREMENT already continues after the largest id ever used.
    const SYNC_TRANSLATION_GROUP_SEQ: Option<&'static str> = None;

    fn claim_job(kinds: usize) -> String {
        format!(
            "UPDATE jobs SET locked_until = $2, attempts = attempts + 1 WHERE id = (\
             SELECT id FROM jobs WHERE failed_at IS NULL AND run_at <= $1 \
             AND (locked_until IS NULL OR locked_until < $1) AND attempts < max_attempts \
             AND kind IN ({}) ORDER BY run_at, id LIMIT 1) \
             RETURNING id, kind, payload, attempts, max_attempts",
            placeholders(3, kinds)
        )
    }
    const GIVE_UP_ABANDONED_JOBS: &'static str = "UPDATE jobs SET locked_until = NULL, \
         failed_at = $1, last_error = CASE WHEN last_error IS NULL THEN $2 \
         ELSE $2 || '; before that: ' || last_error END \
         WHERE failed_at IS NULL AND attempts >= max_attempts AND locked_until < $1";
}

impl Dialect for Postgres {
    // A fixed advisory-lock key for the outbox ("news" in ASCII).
    const LOCK_OUTBOX: Option<&'static str> = Some("SELECT pg_advisory_xact_lock(1852143987)");
    // SKIP LOCKED: several instances run publish_due at once; each takes the rows nobody
    // else holds instead of queueing behind them.
    const CLAIM_DUE_ARTICLES: &'static str = "UPDATE articles SET status = 'published', \
         first_published_at = COALESCE(first_published_at, published_at), updated_at = $2 \
         WHERE id IN (SELECT id FROM articles WHERE status = 'scheduled' AND published_at <= $1 \
         FOR UPDATE SKIP LOCKED) RETURNING id";
    const SYNC_TRANSLATION_GROUP_SEQ: Option<&'static str> = Some(
        "SELECT setval(pg_get_serial_sequence('translation_groups', 'id'), \
         (SELECT COALESCE(MAX(id), 0) + 1 FROM translation_groups), false)",
    );

    fn claim_job(kinds: usize) -> String {
        format!(
            "UPDATE jobs SET locked_until = $2, attempts = attempts + 1 WHERE id = (\
             SELECT id FROM jobs WHERE failed_at IS NULL AND run_at <= $1 \
             AND (locked_until IS NULL OR locked_until < $1) AND attempts < max_attempts \
             AND kind IN ({}) ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) \
             RETURNING id, kind, payload, attempts, max_attempts",
            placeholders(3, kinds)
        )
    }
    // SKIP LOCKED: a claimer never waits for another claimer's sweep of the same rows.
    const GIVE_UP_ABANDONED_JOBS: &'static str = "UPDATE jobs SET locked_until = NULL, \
         failed_at = $1, last_error = CASE WHEN last_error IS NULL THEN $2 \
         ELSE $2 || '; before that: ' || last_error END \
         WHERE id IN (SELECT id FROM jobs WHERE failed_at IS NULL \
         AND attempts >= max_attempts AND locked_until < $1 FOR UPDATE SKIP LOCKED)";
}

/// Maps what a query body holds (connection or pool) to its dialect.
pub(crate) trait OnBackend {
    type Db: Dialect;
}

impl OnBackend for SqliteConnection {
    type Db = Sqlite;
}
impl OnBackend for PgConnection {
    type Db = Postgres;
}
impl OnBackend for SqlitePool {
    type Db = Sqlite;
}
impl OnBackend for PgPool {
    type Db = Postgres;
}

pub(crate) fn lock_outbox<C: OnBackend + ?Sized>(_: &C) -> Option<&'static str> {
    <C::Db as Dialect>::LOCK_OUTBOX
}

pub(crate) fn claim_due_articles<C: OnBackend + ?Sized>(_: &C) -> &'static str {
    <C::Db as Dialect>::CLAIM_DUE_ARTICLES
}

pub(crate) fn sync_translation_group_seq<C: OnBackend + ?Sized>(_: &C) -> Option<&'static str> {
    <C::Db as Dialect>::SYNC_TRANSLATION_GROUP_SEQ
}

pub(crate) fn claim_job<C: OnBackend + ?Sized>(_: &C, kinds: usize) -> String {
    <C::Db as Dialect>::claim_job(kinds)
}

pub(crate) fn give_up_abandoned_jobs<C: OnBackend + ?Sized>(_: &C) -> &'static str {
    <C::Db as Dialect>::GIVE_UP_ABANDONED_JOBS
}
