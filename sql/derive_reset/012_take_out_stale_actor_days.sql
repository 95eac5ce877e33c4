-- what those articles (011) held in the totals, taken out by sql/co_mentions/060
CREATE OR REPLACE TEMP TABLE actor_day_delta AS
SELECT * FROM actor_day_counts(stale_actor_day_sources);

DELETE FROM actor_day_sources
WHERE article_id IN (SELECT article_id FROM stale_actor_day_sources);

DROP TABLE stale_actor_day_sources;
