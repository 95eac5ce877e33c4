-- one row per (coverage_date, actor) for the most covered actors: articles mentioning them
WITH top_actors AS (
    SELECT actor_id FROM coverage_by_actor
    WHERE type = 'person'
    ORDER BY n_articles DESC, n_mentions DESC, name
    LIMIT $top
)
SELECT coverage_date, actor, sum(n_articles)::BIGINT AS n_articles
FROM coverage_daily
WHERE actor_id IN (SELECT actor_id FROM top_actors)
GROUP BY coverage_date, actor
ORDER BY coverage_date, actor;
