-- one row per canonical actor (person, organisation or place)
CREATE TABLE IF NOT EXISTS actors (
    actor_id  VARCHAR PRIMARY KEY,
    name      VARCHAR NOT NULL,
    type      VARCHAR NOT NULL,   -- person / organization / place
    aliases   VARCHAR[] NOT NULL,
    country   VARCHAR,
    role      VARCHAR,
    source    VARCHAR NOT NULL DEFAULT 'registry'  -- registry / discovered
);
-- a warehouse made before recognised actors were stored: its actors are all the registry's
ALTER TABLE actors ADD COLUMN IF NOT EXISTS source VARCHAR DEFAULT 'registry';
