-- Articles and everything hanging off them. Every foreign key pointing at articles
-- cascades: tags, bylines, old slugs, revisions and corrections mean nothing without
-- their article. The outbox (events) deliberately has no foreign key: the event telling
-- caches that an article was deleted must outlive it.

-- Ids for translation groups. Articles telling the same story in several editions share
-- one; a table (rather than reusing an article id) keeps a group alive when any member goes.
CREATE TABLE translation_groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- RESTRICT: deleting an edition must not silently take its published archive with it.
    edition TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE ON DELETE RESTRICT,
    translation_group INTEGER REFERENCES translation_groups (id) ON DELETE SET NULL,
    slug TEXT NOT NULL,
    headline TEXT NOT NULL,
    -- Lowercased headline for case-insensitive search in any script (see photos.search_text).
    headline_folded TEXT NOT NULL,
    lead TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    -- RESTRICT: a published page must not lose its image behind an editor's back;
    -- delete_photo reports Conflict{photo_in_use} instead.
    hero_photo_id INTEGER REFERENCES photos (id) ON DELETE RESTRICT,
    -- SET NULL: removing a section keeps its articles (they just leave the section page).
    section_id INTEGER REFERENCES sections (id) ON DELETE SET NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'published', 'unpublished')),
    published_at TEXT,
    first_published_at TEXT,
    updated_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    in_newsfeed BOOLEAN NOT NULL DEFAULT 1,
    breaking BOOLEAN NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    CONSTRAINT articles_slug_key UNIQUE (edition, slug)
);
-- Reading queries: fronts, archives, feeds and "next article" walk published articles of an
-- edition newest first; partial indexes keep drafts out of them.
CREATE INDEX articles_published ON articles (edition, published_at DESC, id DESC)
    WHERE status = 'published';
CREATE INDEX articles_section_published ON articles (section_id, published_at DESC, id DESC)
    WHERE status = 'published';
-- publish_due scans only what is waiting.
CREATE INDEX articles_scheduled ON articles (published_at) WHERE status = 'scheduled';
-- The newsroom's lists: everything, most recently edited first.
CREATE INDEX articles_updated ON articles (updated_at DESC, id DESC);
CREATE INDEX articles_created_by ON articles (created_by);
CREATE INDEX articles_translation_group ON articles (translation_group);
CREATE INDEX articles_hero_photo ON articles (hero_photo_id);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag_id)
);
-- Tag pages: articles by tag.
CREATE INDEX article_tags_tag ON article_tags (tag_id, article_id);

CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
    -- Byline order as the editor set it.
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id)
);
-- Author pages: articles by author.
CREATE INDEX article_authors_author ON article_authors (author_id, article_id);

-- Slugs an article had before; requests for them redirect to the current URL.
CREATE TABLE article_old_slugs (
    edition TEXT NOT NULL,
    slug TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (edition, slug)
);
CREATE INDEX article_old_slugs_article ON article_old_slugs (article_id);

CREATE TABLE revisions (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    -- The whole ArticleDraft as JSON: restoring a revision needs exactly what was saved,
    -- even after tags or sections it named are gone.
    draft TEXT NOT NULL,
    PRIMARY KEY (article_id, number)
);

CREATE TABLE corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    text TEXT NOT NULL,
    created_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL
);
CREATE INDEX corrections_article ON corrections (article_id, created_at);
