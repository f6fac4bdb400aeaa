-- Article sitemaps are cut by article id (see store/src/articles/sitemap.rs): a file is one
-- range of this index, and the sitemap index finds the non-empty ranges by hopping through
-- it (a recursive skip scan), so neither reads the edition's whole archive.
CREATE INDEX articles_published_id ON articles (edition, id) WHERE status = 'published';
