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

-- a compact number per actor id, the key the app's actor rankings group article_actors by
-- (integers group and join about twice as fast as the ids). Kept apart from `actors`, whose
-- registry rows are replaced on every run, so that a number never changes: an id keeps the
-- one it first got, even while no article mentions it. No PRIMARY KEY (see 030_articles.sql):
-- only new ids are added (sql/schema/075_article_actors.sql, actor_totals)
CREATE SEQUENCE IF NOT EXISTS actor_numbers;
CREATE TABLE IF NOT EXISTS actor_keys (
    actor_id  VARCHAR NOT NULL,
    actor_no  INTEGER NOT NULL DEFAULT nextval('actor_numbers')
);
