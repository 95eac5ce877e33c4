-- what the filters offer: the extent of coverage dates and the languages present
SELECT
    min(coverage_date) AS first_date,
    max(coverage_date) AS last_date,
    list(DISTINCT language ORDER BY language) FILTER (WHERE language IS NOT NULL) AS languages,
    count(*) AS n_articles
FROM counted_articles
