-- one row per check that failed in the most recent run that checked any rows
WITH last_checked_run AS (
    SELECT dq.run_id
    FROM dq_results AS dq
    JOIN ingest_runs AS runs USING (run_id)
    ORDER BY runs.started_at DESC
    LIMIT 1
)
SELECT left(run_id, 12) AS run, check_name, table_name, severity, n_failed, details
FROM dq_results
WHERE run_id = (SELECT run_id FROM last_checked_run)
  AND NOT passed
ORDER BY severity, check_name;
