-- one row per article whose mentions, quotes and name candidates are derived, and the
-- registry version they were derived with (a newer registry re-derives them)
CREATE TABLE IF NOT EXISTS actor_derivations (
    article_id        VARCHAR PRIMARY KEY,
    registry_version  VARCHAR NOT NULL,
    derived_at        TIMESTAMPTZ NOT NULL
);
