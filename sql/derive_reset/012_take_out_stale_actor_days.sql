-- what those articles (011) held in the totals, taken out by sql/co_mentions/060
CREATE OR REPLACE TEMP TABLE actor_day_delta AS
SELECT
    coverage_date,
    outlet_label,
    actor_id,
    -n_articles AS n_articles,
    -n_paragraphs AS n_paragraphs,
    -n_mentions AS n_mentions
FROM actor_day_counts(stale_actor_day_sources);

DELETE FROM actor_day_sources
WHERE article_id IN (SELECT article_id FROM stale_actor_day_sources);

DROP TABLE stale_actor_day_sources;
