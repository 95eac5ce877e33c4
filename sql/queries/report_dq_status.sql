-- one row per check of the most recent run that checked rows
WITH last_checked_run AS (
    SELECT dq.run_id
    FROM dq_results AS dq
    JOIN ingest_runs AS runs USING (run_id)
    ORDER BY runs.started_at DESC
    LIMIT 1
)
SELECT check_name, table_name, severity, passed, n_failed, details
FROM dq_results
WHERE run_id = (SELECT run_id FROM last_checked_run)
ORDER BY passed, severity, check_name;
