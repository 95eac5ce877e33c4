-- one row: the most recent run's counts
SELECT * FROM ingest_runs ORDER BY started_at DESC LIMIT 1;
