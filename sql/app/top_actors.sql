-- the actors the matched articles mention (all but those in $exclude, and only those
-- co-mentioned with one of $with when it is not empty): the $top mentioned in most
-- articles, then one 'other' row (articles mentioning any of the rest; no actor_id).
-- Joined and grouped on the articles' and actors' numbers (article_no, actor_no): on the
-- ids, the same joins over millions of article_actors rows take about twice as long
WITH chosen AS (
    SELECT
        actor_no,
        list_contains($with::VARCHAR[], actor_id) AS is_with,
        list_contains($exclude::VARCHAR[], actor_id) AS is_excluded
    FROM actor_keys
    WHERE list_contains($with::VARCHAR[], actor_id) OR list_contains($exclude::VARCHAR[], actor_id)
),
scope AS (
    SELECT article_no
    FROM matched
    WHERE len($with::VARCHAR[]) = 0
    UNION ALL
    -- a semi join hashes the matched articles once; an EXISTS per article costs a join
    -- per article and a mark column
    SELECT article_no
    FROM matched
    SEMI JOIN (
        SELECT article_no
        FROM article_actors
        SEMI JOIN (SELECT actor_no FROM chosen WHERE is_with) AS with_actors USING (actor_no)
    ) AS co_mentioning USING (article_no)
),
counted AS (
    SELECT aa.actor_no, count(*) AS n
    FROM scope
    JOIN article_actors AS aa USING (article_no)
    ANTI JOIN (SELECT actor_no FROM chosen WHERE is_excluded) AS excluded USING (actor_no)
    GROUP BY aa.actor_no
),
ranked AS (
    SELECT counted.*, actor_keys.actor_id, row_number() OVER (ORDER BY n DESC, actor_id) AS rank
    FROM counted
    JOIN actor_keys USING (actor_no)
),
rest AS (
    SELECT actor_no FROM ranked WHERE rank > $top
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
            SELECT aa.article_no FROM article_actors AS aa SEMI JOIN rest USING (actor_no)
        ) AS mentioning_the_rest USING (article_no)
    ),
    count(*),
    $top + 1,
    NULL
FROM rest
HAVING count(*) > 0
ORDER BY rank
