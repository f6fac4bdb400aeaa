-- Sign-in state, the audit trail, the outbox and the job queue.

-- Only a hash of the session token is stored, so a leaked database cannot be replayed.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('reader', 'contributor', 'author', 'editor', 'admin')),
    token_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    -- Kept (not deleted) on revoke so the token list shows what existed and when it ended.
    revoked_at TEXT,
    CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash)
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    -- SET NULL: the trail outlives the account; the action stays, the name goes.
    actor INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '{}'
);

-- The outbox: one row per change, written in the transaction that made the change.
-- AUTOINCREMENT (not plain rowid) so a sequence number is never reused even if old
-- events are pruned; consumers resume from the last seq they saw.
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    -- The serialized newsdesk_core::Change.
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Background work. A worker claims a row by setting locked_until (a lease); a crashed
-- worker's job becomes claimable again when the lease runs out.
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    run_at TEXT NOT NULL,
    locked_until TEXT,
    last_error TEXT,
    -- Set when the job gave up after its last attempt; kept for inspection.
    failed_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX jobs_ready ON jobs (run_at, id) WHERE failed_at IS NULL;
