-- Readers' comments (issue 14). The text is kept exactly as written; pages escape it.
CREATE TABLE comments (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- NULL once the author's account is gone and they chose to leave their comments.
    account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    -- The top-level comment a reply belongs to; threads are one level deep.
    parent_id BIGINT REFERENCES comments (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('visible', 'pending', 'held', 'rejected', 'deleted')),
    -- Why a comment is held or was rejected (shown to moderators, and to the author).
    reason TEXT NOT NULL DEFAULT '',
    featured BOOLEAN NOT NULL DEFAULT FALSE,
    likes BIGINT NOT NULL DEFAULT 0,
    reports BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL,
    edited_at TIMESTAMPTZ
);
-- A thread page: an article's top-level comments of one status, newest or oldest first.
CREATE INDEX comments_thread ON comments (article_id, status, created_at, id);
CREATE INDEX comments_replies ON comments (parent_id, created_at, id);
CREATE INDEX comments_account ON comments (account_id);
-- The moderation queues: pending, held, reported.
CREATE INDEX comments_queue ON comments (status, created_at);

-- One like and one report per reader and comment.
CREATE TABLE comment_votes (
    comment_id BIGINT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('like', 'report')),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (comment_id, account_id, kind)
);
CREATE INDEX comment_votes_account ON comment_votes (account_id);
