-- Newsdesk content schema, PostgreSQL flavour. Keep in step with migrations/sqlite/0001_content.sql:
-- the same tables, columns and constraint meanings, only the dialect differs.
--
-- Times are TIMESTAMPTZ (UTC instants); ids are BIGINT identities; JSON is JSONB.
-- Migrations must stay compatible with the previous release while several instances
-- roll: add (expand) first, remove (contract) in a later release.

CREATE TABLE editions (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('ltr', 'rtl')),
    time_zone TEXT NOT NULL,
    is_default BOOLEAN NOT NULL DEFAULT FALSE
);
-- At most one edition is the default; upsert_edition clears the flag elsewhere first.
CREATE UNIQUE INDEX editions_one_default ON editions (is_default) WHERE is_default;

CREATE TABLE accounts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('reader', 'contributor', 'author', 'editor', 'admin')),
    password_hash TEXT NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL,
    -- Emails are stored normalized (lowercase, trimmed), so a plain unique key suffices.
    CONSTRAINT accounts_email_key UNIQUE (email)
);

CREATE TABLE sections (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Removing an edition removes its navigation, but see articles.edition: not its articles.
    edition TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE ON DELETE CASCADE,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT sections_slug_key UNIQUE (edition, slug)
);

CREATE TABLE tags (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    edition TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE ON DELETE CASCADE,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    CONSTRAINT tags_slug_key UNIQUE (edition, slug)
);

CREATE TABLE photos (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key TEXT NOT NULL,
    content_type TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    byte_size BIGINT NOT NULL,
    caption TEXT NOT NULL DEFAULT '',
    alt_text TEXT NOT NULL DEFAULT '',
    credit_agency TEXT NOT NULL DEFAULT '',
    credit_creator TEXT NOT NULL DEFAULT '',
    copyright_notice TEXT NOT NULL DEFAULT '',
    copyright_year INTEGER,
    -- Renditions are always read and replaced as a whole with their photo: a JSON array
    -- of {width, height, content_type, key} avoids a join on every image shown.
    renditions JSONB NOT NULL DEFAULT '[]',
    uploaded_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    -- Lowercased caption + credit, so the photo picker's search is case-insensitive in
    -- every script (SQLite's LIKE folds ASCII only; PG keeps the same column so both agree).
    search_text TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX photos_created ON photos (created_at DESC, id DESC);

CREATE TABLE authors (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    bio TEXT NOT NULL DEFAULT '',
    photo_id BIGINT REFERENCES photos (id) ON DELETE SET NULL,
    account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    CONSTRAINT authors_slug_key UNIQUE (slug)
);

CREATE TABLE entities (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    -- JSON array of strings; always loaded whole with the entity.
    aliases JSONB NOT NULL DEFAULT '[]',
    CONSTRAINT entities_name_key UNIQUE (name)
);

CREATE TABLE entity_notes (
    entity_id BIGINT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    edition TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE ON DELETE CASCADE,
    note TEXT NOT NULL,
    PRIMARY KEY (entity_id, edition)
);
CREATE INDEX entity_notes_edition ON entity_notes (edition);
