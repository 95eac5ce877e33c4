-- the actors the matched articles mention (all but those in $exclude, and only those
-- co-mentioned with one of $with when it is not empty): the $top mentioned in most
-- articles, then one 'other' row (articles mentioning any of the rest)
WITH scope AS (
    SELECT article_id
    FROM matched
    WHERE len($with::VARCHAR[]) = 0
       OR EXISTS (
            SELECT 1
            FROM article_actors AS aa
            WHERE aa.article_id = matched.article_id
              AND list_contains($with::VARCHAR[], aa.actor_id)
        )
),
-- not materialized: writing its millions of rows out cost more than joining twice
pairs AS NOT MATERIALIZED (
    SELECT aa.actor_id, aa.article_id
    FROM scope
    JOIN article_actors AS aa USING (article_id)
    WHERE NOT list_contains($exclude::VARCHAR[], aa.actor_id)
),
ranked AS (
    SELECT actor_id, count(*) AS n, row_number() OVER (ORDER BY count(*) DESC, actor_id) AS rank
    FROM pairs
    GROUP BY actor_id
)
SELECT actors.name AS actor, actors.type, ranked.n AS n_articles, 1 AS n_actors, ranked.rank
FROM ranked
JOIN actors USING (actor_id)
WHERE ranked.rank <= $top
UNION ALL
SELECT 'other', NULL, count(DISTINCT pairs.article_id), count(DISTINCT pairs.actor_id), $top + 1
FROM pairs
JOIN ranked USING (actor_id)
WHERE ranked.rank > $top
HAVING count(*) > 0
ORDER BY rank
