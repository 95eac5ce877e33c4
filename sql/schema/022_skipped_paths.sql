-- one row per path under the seeds folder that the last run did not read, with the reason
-- (not a page by its name, a pipe or device, a link leading outside, an unreadable folder):
-- replaced by each run's discovery, so a path that became readable leaves it
CREATE TABLE IF NOT EXISTS skipped_paths (
    path     VARCHAR PRIMARY KEY,
    reason   VARCHAR NOT NULL,
    seen_at  TIMESTAMPTZ NOT NULL
);
