-- Sign-in state, the audit trail, the outbox and the job queue.

-- Only a hash of the session token is stored, so a leaked database cannot be replayed.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('reader', 'contributor', 'author', 'editor', 'admin')),
    token_hash TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    created_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    -- Kept (not deleted) on revoke so the token list shows what existed and when it ended.
    revoked_at TIMESTAMPTZ,
    CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash)
);

CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    -- SET NULL: the trail outlives the account; the action stays, the name goes.
    actor BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    details JSONB NOT NULL DEFAULT '{}'
);

-- The outbox: one row per change, written in the transaction that made the change.
-- Sequence numbers are never reused; consumers resume from the last seq they saw. An
-- identity alone could commit out of order under concurrent writers (seq 7 visible before
-- seq 6), so writers take dialect::LOCK_OUTBOX before inserting: seqs commit in order.
CREATE TABLE events (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    -- The serialized newsdesk_core::Change.
    payload JSONB NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- Background work. A worker claims a row by setting locked_until (a lease); a crashed
-- worker's job becomes claimable again when the lease runs out.
CREATE TABLE jobs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    payload JSONB NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    run_at TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ,
    last_error TEXT,
    -- Set when the job gave up after its last attempt; kept for inspection.
    failed_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX jobs_ready ON jobs (run_at, id) WHERE failed_at IS NULL;
