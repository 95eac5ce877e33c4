-- articles per period mentioning each actor in $actors, every period of the date range
-- present (zero when none), with their share of all base articles of that period
WITH spine AS (
    SELECT range::DATE AS period
    FROM range(
        date_trunc($period, $date_from::DATE),
        date_trunc($period, $date_to::DATE) + INTERVAL 1 DAY,
        ('1 ' || $period)::INTERVAL
    )
),
base_totals AS (
    SELECT date_trunc($period, coverage_date)::DATE AS period, count(*) AS n_base
    FROM base
    GROUP BY ALL
),
counts AS (
    SELECT date_trunc($period, m.coverage_date)::DATE AS period, aa.actor_id, count(*) AS n
    FROM matched AS m
    JOIN article_actors AS aa USING (article_id)
    WHERE list_contains($actors::VARCHAR[], aa.actor_id)
    GROUP BY ALL
)
SELECT
    spine.period,
    actors.name AS series,
    coalesce(counts.n, 0)::BIGINT AS n_articles,
    coalesce(counts.n / base_totals.n_base, 0.0) AS share
FROM spine
CROSS JOIN (SELECT unnest($actors::VARCHAR[]) AS actor_id) AS chosen
JOIN actors ON actors.actor_id = chosen.actor_id
LEFT JOIN counts ON counts.period = spine.period AND counts.actor_id = chosen.actor_id
LEFT JOIN base_totals ON base_totals.period = spine.period
ORDER BY series, spine.period
