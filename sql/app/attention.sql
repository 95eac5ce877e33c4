-- matched articles per period for each series in $series: actor ids ($per = 'actor':
-- articles mentioning the actor) or outlets ($per = 'outlet': the outlet's articles), every
-- period of the date range present (zero when none). share: of all base articles of the
-- period (actor), or of the outlet's base articles of the period (outlet)
WITH spine AS (
    SELECT range::DATE AS period
    FROM range(
        date_trunc($period, $date_from::DATE),
        date_trunc($period, $date_to::DATE) + INTERVAL 1 DAY,
        ('1 ' || $period)::INTERVAL
    )
),
chosen AS (
    SELECT key, coalesce(actors.name, key) AS series
    FROM unnest($series::VARCHAR[]) AS s(key)
    LEFT JOIN actors ON $per = 'actor' AND actors.actor_id = s.key
),
keyed AS (
    -- by the articles' and actors' numbers, as sql/app/top_actors.sql
    SELECT date_trunc($period, m.coverage_date)::DATE AS period, keys.actor_id AS key
    FROM matched AS m
    JOIN article_actors AS aa USING (article_no)
    JOIN (
        SELECT actor_no, actor_id FROM actor_keys WHERE list_contains($series::VARCHAR[], actor_id)
    ) AS keys USING (actor_no)
    WHERE $per = 'actor'
    UNION ALL
    SELECT date_trunc($period, coverage_date)::DATE, outlet
    FROM matched
    WHERE $per = 'outlet'
),
counts AS (
    SELECT period, key, count(*) AS n
    FROM keyed
    GROUP BY ALL
),
base_totals AS (
    -- per outlet when the lines are outlets; one total per period when they are actors
    SELECT
        date_trunc($period, coverage_date)::DATE AS period,
        if($per = 'outlet', outlet, NULL) AS outlet,
        count(*) AS n_base
    FROM base
    GROUP BY ALL
)
SELECT
    spine.period,
    chosen.series,
    coalesce(counts.n, 0)::BIGINT AS n_articles,
    coalesce(counts.n / base_totals.n_base, 0.0) AS share
FROM spine
CROSS JOIN chosen
LEFT JOIN counts ON counts.period = spine.period AND counts.key = chosen.key
LEFT JOIN base_totals
  ON base_totals.period = spine.period
 AND base_totals.outlet IS NOT DISTINCT FROM if($per = 'outlet', chosen.key, NULL)
ORDER BY chosen.series, spine.period
