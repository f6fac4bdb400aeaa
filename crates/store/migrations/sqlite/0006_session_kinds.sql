-- Staff and reader sessions are distinct kinds: a lookup names the kind it expects, so a
-- reader's session can never act in the newsroom (and a staff session is not a reader's).
ALTER TABLE sessions ADD COLUMN kind TEXT NOT NULL DEFAULT 'staff';
CREATE INDEX sessions_kind ON sessions (kind, account_id);
