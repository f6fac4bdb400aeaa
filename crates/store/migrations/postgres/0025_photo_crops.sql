-- Crops an editor draws in the media library (issue 18), one per photo and aspect ratio:
-- a rectangle of the original in pixels from its top-left corner. An aspect without a row
-- is cropped around the photo's focal point (0021) as before. The media crate checks and
-- snaps a rectangle (inside the photo, the aspect's height within a pixel) before it is
-- stored; the store checks it again against the photo's size. A new table: the previous
-- release never reads it and keeps working beside this one while instances roll.
CREATE TABLE photo_crops (
    photo_id BIGINT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    -- `16x9`, `4x3` or `1x1`, as crop keys name aspects.
    aspect TEXT NOT NULL,
    x INTEGER NOT NULL CHECK (x >= 0),
    y INTEGER NOT NULL CHECK (y >= 0),
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    PRIMARY KEY (photo_id, aspect)
);
