-- Comment moderation (issue 14): the `moderator` role, per-section pre-moderation, the
-- edition's rules and word lists, closed discussions, bans and suspensions.

ALTER TABLE accounts DROP CONSTRAINT accounts_role_check,
    ADD CONSTRAINT accounts_role_check
    CHECK (role IN ('reader', 'moderator', 'contributor', 'author', 'editor', 'admin'));
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_role_check,
    ADD CONSTRAINT api_tokens_role_check
    CHECK (role IN ('reader', 'moderator', 'contributor', 'author', 'editor', 'admin'));

-- Comments in a pre-moderated section are shown only once a moderator approves them.
ALTER TABLE sections ADD COLUMN premoderated BOOLEAN NOT NULL DEFAULT FALSE;

-- One row per edition that changed the defaults (a missing row means the defaults).
CREATE TABLE moderation_settings (
    edition TEXT PRIMARY KEY REFERENCES editions (code) ON UPDATE CASCADE ON DELETE CASCADE,
    -- Discussions close this many days after first publication; 0 keeps them open.
    close_after_days BIGINT NOT NULL DEFAULT 0,
    -- A reader's comments wait for a moderator until this many were approved; 0: never.
    trust_after BIGINT NOT NULL DEFAULT 0,
    -- Comments from accounts younger than this many minutes are held; 0: never.
    new_account_minutes BIGINT NOT NULL DEFAULT 0,
    -- A comment with more links than this is held.
    max_links BIGINT NOT NULL DEFAULT 2,
    -- One entry per line (see newsdesk_core::wordlist).
    banned_words TEXT NOT NULL DEFAULT '',
    suspect_words TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMPTZ NOT NULL
);

-- An article whose discussion a moderator closed by hand (automatic closing is computed
-- from the edition's close_after_days).
CREATE TABLE discussion_closures (
    article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    closed_at TIMESTAMPTZ NOT NULL,
    closed_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL
);

-- A reader who may not comment (or chat): for good when `until` is NULL, else suspended.
CREATE TABLE reader_bans (
    account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    until TIMESTAMPTZ,
    reason TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    created_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL
);

-- Reports since a moderator last looked: the "reported" queue, and the hide threshold.
ALTER TABLE comments ADD COLUMN open_reports BIGINT NOT NULL DEFAULT 0;
-- Repeat detection: the same reader's recent comments.
CREATE INDEX comments_account_recent ON comments (account_id, created_at);
