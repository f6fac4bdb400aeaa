-- Outbox consumers' cursors, per-job attempt limits. Keep in step with
-- migrations/sqlite/0004_cursors_job_attempts.sql.

-- Where each named outbox consumer (the search indexer, a webhook sender, …) has got to,
-- so it resumes there after a restart and so pruning can see what is still unread. The
-- store never moves a cursor backwards (see set_consumer_cursor).
CREATE TABLE consumer_cursors (
    name TEXT PRIMARY KEY,
    seq BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- The attempt limit is the enqueuer's choice and travels with the row, so changing a job
-- type's policy does not rewrite what is already queued. 8 was the fixed limit before.
-- A constant default: PostgreSQL adds the column without rewriting the table, and
-- instances of the previous release keep inserting jobs without naming it.
ALTER TABLE jobs ADD COLUMN max_attempts INTEGER NOT NULL DEFAULT 8;

-- The operator's "failed jobs" list and count read only what gave up.
CREATE INDEX jobs_failed ON jobs (failed_at DESC, id DESC) WHERE failed_at IS NOT NULL;
