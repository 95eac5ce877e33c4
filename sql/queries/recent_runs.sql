-- one row per run, newest first
SELECT
    left(run_id, 12) AS run,
    strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started_utc,
    round(epoch(finished_at - started_at), 1) AS seconds,
    status,
    n_files_seen AS seen,
    n_files_new AS new,
    n_files_skipped AS unchanged,
    n_files_copies AS copies,
    n_files_quarantined AS quarantined,
    n_files_superseded AS superseded,
    n_articles_loaded AS articles,
    n_files_dated_by_mtime AS dated_by_mtime,
    error
FROM ingest_runs
ORDER BY started_at DESC
LIMIT 10;
