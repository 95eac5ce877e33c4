-- matched articles per period of each outlet in $outlets, every period of the date range
-- present (zero when none), with their share of that outlet's base articles of the period
WITH spine AS (
    SELECT range::DATE AS period
    FROM range(
        date_trunc($period, $date_from::DATE),
        date_trunc($period, $date_to::DATE) + INTERVAL 1 DAY,
        ('1 ' || $period)::INTERVAL
    )
),
base_totals AS (
    SELECT date_trunc($period, coverage_date)::DATE AS period, outlet, count(*) AS n_base
    FROM base
    GROUP BY ALL
),
counts AS (
    SELECT date_trunc($period, coverage_date)::DATE AS period, outlet, count(*) AS n
    FROM matched
    GROUP BY ALL
)
SELECT
    spine.period,
    chosen.outlet AS series,
    coalesce(counts.n, 0)::BIGINT AS n_articles,
    coalesce(counts.n / base_totals.n_base, 0.0) AS share
FROM spine
CROSS JOIN (SELECT unnest($outlets::VARCHAR[]) AS outlet) AS chosen
LEFT JOIN counts ON counts.period = spine.period AND counts.outlet = chosen.outlet
LEFT JOIN base_totals ON base_totals.period = spine.period AND base_totals.outlet = chosen.outlet
ORDER BY series, spine.period
