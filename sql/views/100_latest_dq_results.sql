-- one row per data-quality check of the most recent run that checked any rows
CREATE OR REPLACE VIEW latest_dq_results AS
WITH last_checked_run AS (
    SELECT dq.run_id
    FROM dq_results AS dq
    JOIN ingest_runs AS runs USING (run_id)
    ORDER BY runs.started_at DESC
    LIMIT 1
)
SELECT *
FROM dq_results
WHERE run_id = (SELECT run_id FROM last_checked_run);
