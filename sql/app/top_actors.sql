-- the actors the matched articles mention (all but those in $exclude, and only those
-- co-mentioned with one of $with when it is not empty): the $top mentioned in most
-- articles, then one 'other' row (articles mentioning any of the rest; no actor_id)
WITH scope AS (
    SELECT article_id
    FROM matched
    WHERE len($with::VARCHAR[]) = 0
    UNION ALL
    -- a semi join hashes the matched articles once; an EXISTS per article costs a join
    -- per article and a mark column
    SELECT article_id
    FROM matched
    SEMI JOIN (
        SELECT article_id FROM article_actors WHERE list_contains($with::VARCHAR[], actor_id)
    ) AS co_mentioning USING (article_id)
),
ranked AS (
    SELECT aa.actor_id, count(*) AS n, row_number() OVER (ORDER BY count(*) DESC, aa.actor_id) AS rank
    FROM scope
    JOIN article_actors AS aa USING (article_id)
    WHERE NOT list_contains($exclude::VARCHAR[], aa.actor_id)
    GROUP BY aa.actor_id
),
rest AS (
    SELECT actor_id FROM ranked WHERE rank > $top
)
SELECT
    actors.name AS actor, actors.type, ranked.n AS n_articles, 1 AS n_actors, ranked.rank,
    ranked.actor_id
FROM ranked
JOIN actors USING (actor_id)
WHERE ranked.rank <= $top
UNION ALL
SELECT
    'other',
    NULL,
    -- the scope's articles with a row for one of the rest, as a semi join: counting the
    -- distinct articles of the rest's actor-article pairs hashed every pair
    (
        SELECT count(*)
        FROM scope
        SEMI JOIN (
            SELECT aa.article_id FROM article_actors AS aa SEMI JOIN rest USING (actor_id)
        ) AS mentioning_the_rest USING (article_id)
    ),
    count(*),
    $top + 1,
    NULL
FROM rest
HAVING count(*) > 0
ORDER BY rank
