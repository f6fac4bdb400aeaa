-- A deleted top-level comment stays in its thread while it has visible replies; the check
-- (`parent_id = ? AND status = 'visible'`) must find them by parent, not walk every visible
-- comment of the site. With both columns in one index the planner takes it even before
-- ANALYZE has gathered statistics (it took the status index and the thread page went from
-- 5 ms to 243 ms with 100 deleted comments among 25,000; BENCHMARKS.md, "Discussion").
CREATE INDEX comments_visible_replies ON comments (parent_id, status);
