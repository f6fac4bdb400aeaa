-- Readers register themselves (issue 14): their address must be confirmed before they
-- may comment. Staff accounts, made by an admin, leave it NULL.
ALTER TABLE accounts ADD COLUMN email_confirmed_at TEXT;

-- One-time links sent by email: confirm an address, reset a password, log in by link,
-- confirm a new address. Only the SHA-256 of the link's secret is kept; taking a link
-- deletes it, which makes it single-use.
CREATE TABLE account_links (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('confirm', 'reset', 'magic', 'email')),
    -- What the link carries besides the account: the new address of an email change.
    detail TEXT NOT NULL DEFAULT '',
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX account_links_account ON account_links (account_id, purpose);
CREATE INDEX account_links_expires ON account_links (expires_at);
