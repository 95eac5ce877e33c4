-- one row per quarantined file or article, newest first
SELECT strftime(recorded_at, '%Y-%m-%d %H:%M:%S') AS recorded_utc, path, reason, detail
FROM quarantine
ORDER BY recorded_at DESC
LIMIT 20;
