-- The lists of a reading page (issue 13) answered from one index each, without reading
-- the table for rows they skip or leave out.
--
-- A section's list filters on the edition too: with the section alone in the index every
-- row of an OFFSET (or of the pager's count) was fetched from the table to check it.
DROP INDEX articles_section_published;
CREATE INDEX articles_section_published ON articles (edition, section_id, published_at DESC, id DESC)
    WHERE status = 'published';
-- The newsfeed column (on every page) and /latest: in_newsfeed was read from the table
-- for each row walked.
CREATE INDEX articles_newsfeed ON articles (edition, in_newsfeed, published_at DESC, id DESC)
    WHERE status = 'published';
