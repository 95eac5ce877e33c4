-- the matched articles' outlets: the $top largest, then one 'other' row for the rest
WITH counts AS (
    SELECT outlet, count(*) AS n
    FROM matched
    GROUP BY outlet
),
ranked AS (
    SELECT *, row_number() OVER (ORDER BY n DESC, outlet) AS rank
    FROM counts
)
SELECT
    if(rank <= $top, outlet, 'other') AS outlet,
    sum(n)::BIGINT AS n_articles,
    count(*) AS n_outlets,
    min(rank) AS rank
FROM ranked
GROUP BY ALL
ORDER BY rank
