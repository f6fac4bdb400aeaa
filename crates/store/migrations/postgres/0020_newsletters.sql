-- Newsletters (issue 16): subscribers with double opt-in, the messages sent to a list
-- (issues), one delivery row per recipient and message, addresses that bounced.

-- A key made once per site, shared by every instance: signs confirm and unsubscribe links.
CREATE TABLE site_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- One address in one edition. Lists it receives are in subscriber_lists; lists asked for
-- but not yet confirmed wait in pending_lists (space-separated) until the link is opened.
CREATE TABLE subscribers (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL,
    edition TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
    pending_lists TEXT NOT NULL DEFAULT '',
    account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    confirm_sent_at TIMESTAMPTZ,
    confirmed_at TIMESTAMPTZ,
    unsubscribed_at TIMESTAMPTZ,
    UNIQUE (email, edition)
);
CREATE INDEX subscribers_pending ON subscribers (created_at) WHERE status = 'pending';
CREATE INDEX subscribers_account ON subscribers (account_id);

CREATE TABLE subscriber_lists (
    subscriber_id BIGINT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    list TEXT NOT NULL,
    PRIMARY KEY (subscriber_id, list)
);
CREATE INDEX subscriber_lists_list ON subscriber_lists (list, subscriber_id);

-- One message to one list: its content is stored once, the unsubscribe link filled in per
-- recipient. dedupe_key makes "never twice" a constraint (digest:en:2026-12-06,
-- breaking:article:42).
CREATE TABLE newsletter_issues (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    edition TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE ON DELETE CASCADE,
    list TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('digest', 'breaking')),
    dedupe_key TEXT NOT NULL UNIQUE,
    subject TEXT NOT NULL,
    html TEXT NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('sending', 'sent')),
    recipients BIGINT NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ
);
CREATE INDEX newsletter_issues_edition ON newsletter_issues (edition, created_at);

-- queued → sending (claimed by a sender) → sent (recorded just before the message's final
-- dot: never sent again) or failed; skipped when the reader left before it went.
CREATE TABLE newsletter_deliveries (
    issue_id BIGINT NOT NULL REFERENCES newsletter_issues (id) ON DELETE CASCADE,
    subscriber_id BIGINT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'skipped')),
    attempts BIGINT NOT NULL DEFAULT 0,
    error TEXT NOT NULL DEFAULT '',
    claimed_at TIMESTAMPTZ,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (issue_id, subscriber_id)
);
CREATE INDEX newsletter_deliveries_todo ON newsletter_deliveries (status, issue_id, subscriber_id)
    WHERE status IN ('queued', 'sending');

-- Addresses never written to again (a hard bounce, a complaint).
CREATE TABLE mail_suppressions (
    email TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
