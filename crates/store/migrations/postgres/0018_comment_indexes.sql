-- A deleted top-level comment stays in its thread while it has visible replies; the check
-- (`parent_id = ? AND status = 'visible'`) must find them by parent, not walk every visible
-- comment of the site. With both columns in one index the planner takes it even before
-- ANALYZE has gathered statistics (it took the status index and the thread page went from
-- 5 ms to 243 ms with 100 deleted comments among 25,000; BENCHMARKS.md, "Discussion").
CREATE INDEX comments_visible_replies ON comments (parent_id, status);

-- The first page of a thread, newest first (what every open article page polls), read in
-- index order: `ORDER BY featured DESC, created_at DESC, id DESC` is this index backwards,
-- so the page stops after 21 rows instead of sorting the whole thread (0.06 ms instead of
-- 18 ms for a 20,000-comment thread in the sqlite3 shell).
CREATE INDEX comments_thread_newest ON comments (article_id, featured, created_at, id);
