-- The live newsfeed and chats (issue 15).

-- Highlighted in the newsfeed (breaking is stronger).
ALTER TABLE articles ADD COLUMN important BOOLEAN NOT NULL DEFAULT 0;

-- Short items written for the newsfeed alone: a headline and a paragraph, no page.
CREATE TABLE news_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    edition TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE ON DELETE CASCADE,
    headline TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    -- Where the headline leads (an outside source, a live page); empty: nowhere.
    link TEXT NOT NULL DEFAULT '',
    important BOOLEAN NOT NULL DEFAULT 0,
    breaking BOOLEAN NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'unpublished')),
    published_at TEXT,
    created_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX news_items_feed ON news_items (edition, published_at DESC, id DESC)
    WHERE status = 'published';
CREATE INDEX news_items_recent ON news_items (updated_at);

-- Chat rooms: one per article (made when first opened) and extra rooms editors open.
CREATE TABLE chat_rooms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    edition TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE ON DELETE CASCADE,
    article_id INTEGER UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    open BOOLEAN NOT NULL DEFAULT 1,
    -- One message per this many seconds per reader; 0: off.
    slow_mode_seconds BIGINT NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    last_message_at TEXT
);
CREATE INDEX chat_rooms_edition ON chat_rooms (edition, last_message_at);

CREATE TABLE chat_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    room_id INTEGER NOT NULL REFERENCES chat_rooms (id) ON DELETE CASCADE,
    account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    -- The name shown when it was written (a renamed or deleted account keeps its lines).
    author_name TEXT NOT NULL,
    staff BOOLEAN NOT NULL DEFAULT 0,
    body TEXT NOT NULL,
    -- A suspect word was found: shown, and marked for moderators.
    flagged BOOLEAN NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    deleted_at TEXT,
    deleted_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL
);
CREATE INDEX chat_messages_room ON chat_messages (room_id, id);
CREATE INDEX chat_messages_deleted ON chat_messages (room_id, deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX chat_messages_account ON chat_messages (account_id, created_at);

-- A reader who may not write in one room until a time.
CREATE TABLE chat_mutes (
    room_id INTEGER NOT NULL REFERENCES chat_rooms (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    until TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (room_id, account_id)
);

-- A reader who may not write in any chat: for good when `until` is NULL. (A ban from the
-- discussion, reader_bans, keeps them out of chats too.)
CREATE TABLE chat_bans (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    until TEXT,
    reason TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
