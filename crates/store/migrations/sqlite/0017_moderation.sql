-- no-transaction
-- Comment moderation (issue 14): the `moderator` role, per-section pre-moderation, the
-- edition's rules and word lists, closed discussions, bans and suspensions.
--
-- SQLite cannot change a CHECK constraint in place, so `accounts` and `api_tokens` are
-- rebuilt (SQLite's documented twelve-step procedure). Foreign keys must be off while the
-- old table is dropped, or ON DELETE CASCADE would empty every table that points at it;
-- the pragma has no effect inside a transaction, hence `no-transaction` and the explicit
-- BEGIN/COMMIT around the work.
PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TEMP TABLE moderation_seq AS SELECT name, seq FROM sqlite_sequence
    WHERE name IN ('accounts', 'api_tokens');

CREATE TABLE accounts_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('reader', 'moderator', 'contributor', 'author', 'editor', 'admin')),
    password_hash TEXT NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    email_confirmed_at TEXT,
    CONSTRAINT accounts_email_key UNIQUE (email)
);
INSERT INTO accounts_new (id, email, name, role, password_hash, disabled, created_at, email_confirmed_at)
    SELECT id, email, name, role, password_hash, disabled, created_at, email_confirmed_at FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_new RENAME TO accounts;

CREATE TABLE api_tokens_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('reader', 'moderator', 'contributor', 'author', 'editor', 'admin')),
    token_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    revoked_at TEXT,
    CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash)
);
INSERT INTO api_tokens_new (id, name, role, token_hash, created_at, created_by, revoked_at)
    SELECT id, name, role, token_hash, created_at, created_by, revoked_at FROM api_tokens;
DROP TABLE api_tokens;
ALTER TABLE api_tokens_new RENAME TO api_tokens;

-- Ids of deleted accounts and tokens are never handed out again (AUTOINCREMENT's promise).
UPDATE sqlite_sequence SET seq = max(seq, (SELECT m.seq FROM moderation_seq m WHERE m.name = sqlite_sequence.name))
    WHERE name IN (SELECT name FROM moderation_seq);
DROP TABLE moderation_seq;

-- Comments in a pre-moderated section are shown only once a moderator approves them.
ALTER TABLE sections ADD COLUMN premoderated BOOLEAN NOT NULL DEFAULT 0;

-- One row per edition that changed the defaults (a missing row means the defaults).
CREATE TABLE moderation_settings (
    edition TEXT PRIMARY KEY REFERENCES editions (code) ON UPDATE CASCADE ON DELETE CASCADE,
    -- Discussions close this many days after first publication; 0 keeps them open.
    close_after_days INTEGER NOT NULL DEFAULT 0,
    -- A reader's comments wait for a moderator until this many were approved; 0: never.
    trust_after INTEGER NOT NULL DEFAULT 0,
    -- Comments from accounts younger than this many minutes are held; 0: never.
    new_account_minutes INTEGER NOT NULL DEFAULT 0,
    -- A comment with more links than this is held.
    max_links INTEGER NOT NULL DEFAULT 2,
    -- One entry per line (see newsdesk_core::wordlist).
    banned_words TEXT NOT NULL DEFAULT '',
    suspect_words TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

-- An article whose discussion a moderator closed by hand (automatic closing is computed
-- from the edition's close_after_days).
CREATE TABLE discussion_closures (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    closed_at TEXT NOT NULL,
    closed_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL
);

-- A reader who may not comment (or chat): for good when `until` is NULL, else suspended.
CREATE TABLE reader_bans (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    until TEXT,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL
);

-- Reports since a moderator last looked: the "reported" queue, and the hide threshold.
ALTER TABLE comments ADD COLUMN open_reports BIGINT NOT NULL DEFAULT 0;
-- Repeat detection: the same reader's recent comments.
CREATE INDEX comments_account_recent ON comments (account_id, created_at);

COMMIT;
PRAGMA foreign_keys = ON;
