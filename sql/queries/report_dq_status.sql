-- one row per check of the most recent run that checked rows, failures first
SELECT check_name, table_name, severity, passed, n_failed, details
FROM latest_dq_results
ORDER BY passed, severity, check_name;
