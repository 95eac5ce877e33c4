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
-- only new ids are added, by new_actor_keys
CREATE TABLE IF NOT EXISTS actor_keys (
    actor_id  VARCHAR NOT NULL,
    actor_no  INTEGER NOT NULL
);

-- the rows of actor_keys for the actor ids of ids_table it does not hold yet, numbered on
-- from the highest (sql/load/057, sql/derive/010, 075_article_actors.sql)
CREATE OR REPLACE MACRO new_actor_keys(ids_table) AS TABLE
SELECT
    actor_id,
    (SELECT coalesce(max(actor_no), 0) FROM actor_keys) + row_number() OVER (ORDER BY actor_id)
        AS actor_no
FROM (SELECT DISTINCT actor_id FROM query_table(ids_table)) AS named
ANTI JOIN actor_keys USING (actor_id);
