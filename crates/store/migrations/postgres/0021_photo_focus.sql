-- Photo focal points (issue 17): where a photo's subject is, as fractions of its width and
-- height from the top-left corner. Every crop (the article hero's 16:9 frame, the JSON-LD
-- 16:9, 4:3 and 1:1 crops) is centred on it as nearly as the photo's edges allow. The
-- centre until an editor sets one: where crops were always centred before. Columns with a
-- constant default: no table rewrite, and the previous release (which never names them)
-- keeps working beside this one while instances roll.
ALTER TABLE photos ADD COLUMN focus_x DOUBLE PRECISION NOT NULL DEFAULT 0.5
    CHECK (focus_x >= 0 AND focus_x <= 1);
ALTER TABLE photos ADD COLUMN focus_y DOUBLE PRECISION NOT NULL DEFAULT 0.5
    CHECK (focus_y >= 0 AND focus_y <= 1);

-- Photos processed before the hero frame existed lack its crop ladder: their rendition job
-- runs again (it is idempotent and overwrites its keys). A 16:9 photo (within 1 %, the
-- media crate's `needs_frame_ladder`) needs none, and one without renditions yet already
-- has its job queued.
INSERT INTO jobs (kind, payload, run_at, created_at)
SELECT 'renditions', jsonb_build_object('photo_id', id), now(), now()
FROM photos
WHERE renditions <> '[]'::jsonb
  AND 100 * abs(9 * width::bigint - 16 * height::bigint) > 16 * height::bigint
ORDER BY id;
