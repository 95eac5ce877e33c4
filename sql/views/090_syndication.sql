-- one row per story run by more than one outlet (a cross-outlet near-duplicate cluster)
CREATE OR REPLACE VIEW syndication AS
SELECT
    story_group AS story_id,
    count(*) AS n_articles,
    count(DISTINCT outlet_label) AS n_outlets,
    list(DISTINCT outlet_label ORDER BY outlet_label) AS outlets,
    list(DISTINCT wire ORDER BY wire) FILTER (WHERE wire IS NOT NULL) AS wires,
    min(coverage_date) AS first_date,
    max(coverage_date) AS last_date,
    arg_min(title, captured_at) AS title
FROM (SELECT *, coalesce(outlet, 'unknown') AS outlet_label FROM articles) AS current_articles
WHERE is_current AND story_group IS NOT NULL
GROUP BY story_group
HAVING count(DISTINCT outlet_label) > 1;
