-- Most read (issue 17): page views per article and hour, counted on the server from the
-- article page's beacon (no cookie, nothing about the reader). Hours older than a week are
-- pruned; the list reads the last 24.
CREATE TABLE article_reads (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    edition TEXT NOT NULL,
    hour TIMESTAMPTZ NOT NULL,
    reads BIGINT NOT NULL,
    PRIMARY KEY (article_id, hour)
);
CREATE INDEX article_reads_edition_hour ON article_reads (edition, hour);
