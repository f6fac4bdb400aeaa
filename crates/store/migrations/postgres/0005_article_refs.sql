-- Usage tracking: what each article shows or links. kind 'photo' is its hero photo or a
-- `::photo[N]` embed in its body, kind 'article' a `::related[N]` embed. Every article write
-- replaces its rows in the same transaction; deleting a photo or an article reads them to
-- refuse while a published (or scheduled) article still uses it, naming those articles.
--
-- No foreign key on target_id: it names a photo or an article depending on kind, and a draft
-- may go on naming something deleted since (it is then refused on its next save). Ids are
-- never reused (identity columns), so such a row never counts as a use of something new.
CREATE TABLE article_refs (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('photo', 'article')),
    target_id BIGINT NOT NULL,
    PRIMARY KEY (article_id, kind, target_id)
);
-- "Who uses photo N / article N?" (the primary key serves "what does article N use?").
CREATE INDEX article_refs_target ON article_refs (kind, target_id, article_id);

-- Hero photos are a column, so they are backfilled here. Body embeds need the Markdown
-- parser, which SQL does not have: Store::rebuild_article_refs adds them, and must run once
-- after this migration.
INSERT INTO article_refs (article_id, kind, target_id)
SELECT id, 'photo', hero_photo_id FROM articles WHERE hero_photo_id IS NOT NULL;
