-- Idempotency-Key (the Admin API): one row per (caller, key). The row is inserted before the
-- request runs, so the primary key is the lock that stops a concurrent duplicate; `response`
-- stays NULL until the answer is recorded. `response` is sealed with a key derived from the
-- caller's credential, which the database never holds: a leaked database does not hand out
-- the secrets some answers carry (a new API token, a set-password link).
CREATE TABLE idempotency_keys (
    -- Who: "t:<api token id>" or "s:<hash of the session token>".
    scope TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    -- "POST /api/v1/admin/articles", for people reading the table.
    request TEXT NOT NULL,
    -- Keyed hash of method, path, content type and body: the same key with another request
    -- is refused.
    fingerprint TEXT NOT NULL,
    response BLOB,
    created_at TEXT NOT NULL,
    completed_at TEXT,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
