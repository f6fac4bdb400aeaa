-- The newsroom editor (issue 18): search and social fields per article, and autosaves.

-- Empty means "use the headline / the lead" (see Article::search_title and
-- search_description), so existing articles need no backfill.
ALTER TABLE articles ADD COLUMN seo_title TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN meta_description TEXT NOT NULL DEFAULT '';
-- SET NULL, not the hero's RESTRICT: a draft then falls back to its hero when the photo
-- goes, and a published or scheduled article's use is refused before the delete by
-- article_refs (the social photo is recorded there like the hero).
ALTER TABLE articles ADD COLUMN social_photo_id INTEGER REFERENCES photos (id) ON DELETE SET NULL;
CREATE INDEX articles_social_photo ON articles (social_photo_id);

-- What the editor saved on its own, per staff account: of a saved article (article_id, and
-- the version the form was loaded at), or of a new, never-saved article in an edition
-- (article_id NULL). Never read by the reading site, never published: a person restores
-- one into the form and saves it, through the article's own version check.
CREATE TABLE article_autosaves (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    edition TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE ON DELETE CASCADE,
    article_id INTEGER REFERENCES articles (id) ON DELETE CASCADE,
    base_version INTEGER,
    -- The form's text fields as JSON (newsdesk_store::AutosaveFields).
    fields TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    CHECK ((article_id IS NULL) = (base_version IS NULL))
);
-- One autosave per account and article, and one per account and edition for a new article.
CREATE UNIQUE INDEX article_autosaves_article ON article_autosaves (account_id, article_id)
    WHERE article_id IS NOT NULL;
CREATE UNIQUE INDEX article_autosaves_new ON article_autosaves (account_id, edition)
    WHERE article_id IS NULL;
-- Deleting an article finds its autosaves.
CREATE INDEX article_autosaves_by_article ON article_autosaves (article_id);
