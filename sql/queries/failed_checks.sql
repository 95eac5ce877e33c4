-- one row per check that failed in the most recent run that checked any rows
SELECT left(run_id, 12) AS run, check_name, table_name, severity, n_failed, details
FROM latest_dq_results
WHERE NOT passed
ORDER BY severity, check_name;
