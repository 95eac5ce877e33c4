-- one row per article that coverage counts: current (its file not superseded), and one copy
-- per same-outlet near-duplicate cluster (the first captured); two outlets running the same
-- story each count, since each chose to run it
CREATE OR REPLACE VIEW counted_articles AS
WITH current_articles AS (
    SELECT *
    FROM articles
    WHERE is_current
),
ranked AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY coalesce(near_duplicate_group, article_id)
            ORDER BY captured_at, article_id
        ) AS copy_rank
    FROM current_articles
)
SELECT * EXCLUDE (copy_rank), coalesce(outlet, 'unknown') AS outlet_label
FROM ranked
WHERE copy_rank = 1;
