-- Start-up seeds (the demo newsroom): whether one was started and whether it finished, so
-- that an instance killed half-way is noticed and the seed redone instead of a half-built
-- site being served.
CREATE TABLE seeds (
    name TEXT PRIMARY KEY,
    state TEXT NOT NULL CHECK (state IN ('started', 'complete')),
    updated_at TIMESTAMPTZ NOT NULL
);
