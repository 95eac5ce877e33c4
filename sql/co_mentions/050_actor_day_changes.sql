-- the day/outlet/actor totals catch up in the same way as the pair totals: the derived
-- counted articles they should hold against those they hold (actor_day_sources)
CREATE OR REPLACE TEMP TABLE actor_day_changed AS
SELECT * FROM source_changes(actor_day_sources);  -- sql/schema/125_actor_day_totals.sql

-- (a reset earlier in this transaction may have begun the delta: sql/derive_reset/012)
CREATE TEMP TABLE IF NOT EXISTS actor_day_delta AS
SELECT * FROM actor_day_counts(actor_day_changed) LIMIT 0;

INSERT INTO actor_day_delta SELECT * FROM actor_day_counts(actor_day_changed);

DELETE FROM actor_day_sources AS sources
USING actor_day_changed AS changed
WHERE changed.sign = -1
  AND sources.article_id = changed.article_id
  AND sources.outlet_label = changed.outlet_label;

INSERT INTO actor_day_sources
SELECT article_id, outlet_label FROM actor_day_changed WHERE sign = 1;

DROP TABLE actor_day_changed;
