-- one row per flow run
CREATE TABLE IF NOT EXISTS ingest_runs (
    run_id               VARCHAR PRIMARY KEY,
    flow_run_id          VARCHAR,
    started_at           TIMESTAMPTZ NOT NULL,
    finished_at          TIMESTAMPTZ,
    status               VARCHAR NOT NULL,   -- completed / failed / interrupted
    n_files_seen         INTEGER NOT NULL,
    n_files_new          INTEGER NOT NULL,
    n_files_skipped      INTEGER NOT NULL,
    n_files_quarantined  INTEGER NOT NULL,
    n_files_superseded   INTEGER NOT NULL,
    n_files_duplicate    INTEGER NOT NULL,
    n_articles_loaded    INTEGER NOT NULL,
    n_paragraphs_loaded  INTEGER NOT NULL,
    error                VARCHAR
);

-- added with the seeds' sidecars: files of the run dated by their modification time (no
-- sidecar gave a capture time), which dates their relative times by the clock of the copy
ALTER TABLE ingest_runs ADD COLUMN IF NOT EXISTS n_files_dated_by_mtime INTEGER DEFAULT 0;

-- added with path accounting: files whose bytes an earlier file already had, under another
-- name (not counted as unchanged: a first run has none of those)
ALTER TABLE ingest_runs ADD COLUMN IF NOT EXISTS n_files_copies INTEGER DEFAULT 0;

-- added with path accounting: paths not read at all (not pages by name, pipes, links leading
-- outside, unreadable folders), listed in skipped_paths; n_files_seen counts them too
ALTER TABLE ingest_runs ADD COLUMN IF NOT EXISTS n_files_not_read INTEGER DEFAULT 0;
