-- one row per path under the seeds folder: what it held when last looked at, so an
-- unchanged file (same size and modification time) is skipped without being read
CREATE TABLE IF NOT EXISTS file_paths (
    path        VARCHAR PRIMARY KEY,
    file_id     VARCHAR NOT NULL,
    size_bytes  BIGINT NOT NULL,
    mtime_ns    BIGINT NOT NULL,
    seen_at     TIMESTAMPTZ NOT NULL
);
