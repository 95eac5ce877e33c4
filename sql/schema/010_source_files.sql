-- one row per distinct file content seen (file_id = sha256 of the bytes)
-- no PRIMARY KEY: its index made every checkpoint of a growing warehouse slower; the load's
-- anti-join keeps file_id unique, and extraction drops a batch's repeated contents
CREATE TABLE IF NOT EXISTS source_files (
    file_id            VARCHAR NOT NULL,
    path               VARCHAR NOT NULL,      -- relative to the seeds folder, first path seen
    size_bytes         BIGINT NOT NULL,
    format             VARCHAR,               -- text / html
    encoding           VARCHAR,
    text_sha256        VARCHAR,               -- the decoded, normalised text: same page, other bytes
    url                VARCHAR,
    captured_at        TIMESTAMPTZ,
    captured_at_source VARCHAR,               -- sidecar / mtime
    first_seen_at      TIMESTAMPTZ NOT NULL,
    run_id             VARCHAR NOT NULL,
    status             VARCHAR NOT NULL,      -- loaded / quarantined / duplicate / superseded
    duplicate_of       VARCHAR,               -- file_id of the file with the same text
    superseded_at      TIMESTAMPTZ
);
