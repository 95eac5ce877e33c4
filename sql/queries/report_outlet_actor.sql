-- the $top largest outlets × the $top most covered actors, every pair present: the share of
-- the outlet's counted articles that mention the actor (zero when none)
WITH outlets AS (
    SELECT outlet_label AS outlet, count(*) AS n_outlet_articles
    FROM counted_articles
    GROUP BY outlet_label
    ORDER BY n_outlet_articles DESC, outlet
    LIMIT $top
),
top_actors AS (
    SELECT actor_id, name AS actor, n_articles
    FROM coverage_by_actor
    WHERE n_articles > 0
    ORDER BY n_articles DESC, n_mentions DESC, name
    LIMIT $top
),
pairs AS (
    SELECT outlet_label AS outlet, actor_id, sum(n_articles) AS n_articles
    FROM actor_day_totals
    WHERE actor_id IN (SELECT actor_id FROM top_actors)
      AND outlet_label IN (SELECT outlet FROM outlets)
    GROUP BY ALL
)
SELECT
    outlets.outlet,
    top_actors.actor,
    coalesce(pairs.n_articles, 0)::BIGINT AS n_articles,
    coalesce(pairs.n_articles, 0) / outlets.n_outlet_articles AS share,
    outlets.n_outlet_articles,
    top_actors.n_articles AS n_actor_articles
FROM outlets
CROSS JOIN top_actors
LEFT JOIN pairs ON pairs.outlet = outlets.outlet AND pairs.actor_id = top_actors.actor_id
ORDER BY outlets.n_outlet_articles DESC, outlets.outlet, top_actors.n_articles DESC, top_actors.actor
