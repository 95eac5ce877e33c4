-- one row per (outlet, actor) for the most covered actors: articles mentioning the actor
WITH top_actors AS (
    SELECT actor_id FROM coverage_by_actor
    ORDER BY n_articles DESC, n_mentions DESC, name
    LIMIT $top
)
SELECT outlet, actor, sum(n_articles)::BIGINT AS n_articles, sum(n_mentions)::BIGINT AS n_mentions
FROM coverage_daily
WHERE actor_id IN (SELECT actor_id FROM top_actors)
GROUP BY outlet, actor;
