-- Newsdesk content schema, SQLite flavour. Keep in step with migrations/postgres/0001_content.sql:
-- the same tables, columns and constraint meanings, only the dialect differs.
--
-- Times are TEXT in RFC 3339 UTC with a fixed "+00:00" offset and at most microsecond
-- precision (the store truncates every time it writes). For such strings lexical order is
-- time order, so ORDER BY and range comparisons on these columns are correct.
-- Booleans are INTEGER 0/1 (declared BOOLEAN so sqlx decodes them as bool).

CREATE TABLE editions (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('ltr', 'rtl')),
    time_zone TEXT NOT NULL,
    is_default BOOLEAN NOT NULL DEFAULT 0
);
-- At most one edition is the default; upsert_edition clears the flag elsewhere first.
CREATE UNIQUE INDEX editions_one_default ON editions (is_default) WHERE is_default = 1;

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('reader', 'contributor', 'author', 'editor', 'admin')),
    password_hash TEXT NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    -- Emails are stored normalized (lowercase, trimmed), so a plain unique key suffices.
    CONSTRAINT accounts_email_key UNIQUE (email)
);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- Removing an edition removes its navigation, but see articles.edition: not its articles.
    edition TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE ON DELETE CASCADE,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT sections_slug_key UNIQUE (edition, slug)
);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    edition TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE ON DELETE CASCADE,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    CONSTRAINT tags_slug_key UNIQUE (edition, slug)
);

CREATE TABLE photos (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    content_type TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    byte_size INTEGER NOT NULL,
    caption TEXT NOT NULL DEFAULT '',
    alt_text TEXT NOT NULL DEFAULT '',
    credit_agency TEXT NOT NULL DEFAULT '',
    credit_creator TEXT NOT NULL DEFAULT '',
    copyright_notice TEXT NOT NULL DEFAULT '',
    copyright_year INTEGER,
    -- Renditions are always read and replaced as a whole with their photo: a JSON array
    -- of {width, height, content_type, key} avoids a join on every image shown.
    renditions TEXT NOT NULL DEFAULT '[]',
    uploaded_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    -- Lowercased caption + credit, so the photo picker's search is case-insensitive in
    -- every script (SQLite's LIKE folds ASCII only).
    search_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX photos_created ON photos (created_at DESC, id DESC);

CREATE TABLE authors (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    bio TEXT NOT NULL DEFAULT '',
    photo_id INTEGER REFERENCES photos (id) ON DELETE SET NULL,
    account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    CONSTRAINT authors_slug_key UNIQUE (slug)
);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    -- JSON array of strings; always loaded whole with the entity.
    aliases TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT entities_name_key UNIQUE (name)
);

CREATE TABLE entity_notes (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    edition TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE ON DELETE CASCADE,
    note TEXT NOT NULL,
    PRIMARY KEY (entity_id, edition)
);
CREATE INDEX entity_notes_edition ON entity_notes (edition);
