-- Static pages (issue 17): About, Contact, Privacy… one set per edition, written in the
-- newsroom and linked from every page's footer.

-- Keyed by (edition, slug): the slug is the page's address, so a page needs no id of its
-- own, and the same slug in two editions is the same page in two languages (hreflang).
CREATE TABLE static_pages (
    edition TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE ON DELETE CASCADE,
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    -- The article body format (Markdown with embeds), rendered by the same renderer.
    body TEXT NOT NULL DEFAULT '',
    -- Raised by every save: a save made from a form older than the page is refused, so
    -- two editors never overwrite each other unawares.
    version BIGINT NOT NULL DEFAULT 1,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    PRIMARY KEY (edition, slug)
);

-- Every saved version (the current one included), so an overwritten text can be found
-- again. Goes with its page: a deleted page leaves nothing to restore into.
CREATE TABLE static_page_revisions (
    edition TEXT NOT NULL,
    slug TEXT NOT NULL,
    version BIGINT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    saved_at TIMESTAMPTZ NOT NULL,
    saved_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    PRIMARY KEY (edition, slug, version),
    FOREIGN KEY (edition, slug) REFERENCES static_pages (edition, slug)
        ON UPDATE CASCADE ON DELETE CASCADE
);
