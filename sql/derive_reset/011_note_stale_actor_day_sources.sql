-- articles derived with an older registry leave the day/outlet/actor totals with the actors
-- they had (012; their article_actors rows go next, 015); they come back once derived again
-- (sql/co_mentions/050)
CREATE OR REPLACE TEMP TABLE stale_actor_day_sources AS
SELECT sources.article_id, sources.outlet_label, -1 AS sign
FROM actor_day_sources AS sources
WHERE sources.article_id IN (
    SELECT article_id FROM actor_derivations WHERE registry_version <> $version
);
