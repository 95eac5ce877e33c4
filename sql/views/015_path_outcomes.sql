-- one row per path under the seeds folder, as last looked at: what became of it. loaded
-- (its articles are in `articles`), copy (bytes first read at another path: same_as),
-- duplicate (the same text as a loaded file in other bytes: same_as), quarantined (the
-- reason), superseded, or skipped (not read: the reason)
CREATE OR REPLACE VIEW path_outcomes AS
WITH file_quarantine AS (
    SELECT file_id, arg_max(reason, recorded_at) AS reason
    FROM quarantine
    WHERE article_id IS NULL AND file_id IS NOT NULL
    GROUP BY file_id
)
SELECT
    p.path,
    p.file_id,
    CASE WHEN s.status = 'loaded' AND s.path <> p.path THEN 'copy' ELSE s.status END AS outcome,
    CASE
        WHEN s.status = 'quarantined' THEN q.reason
        WHEN s.status = 'duplicate' THEN 'same text as a loaded file'
        WHEN s.path <> p.path THEN 'same bytes as ' || s.path
    END AS reason,
    CASE
        WHEN s.status = 'duplicate' THEN s.duplicate_of
        WHEN s.path <> p.path THEN s.file_id
    END AS same_as,
    p.seen_at
FROM file_paths AS p
JOIN source_files AS s USING (file_id)
LEFT JOIN file_quarantine AS q USING (file_id)
-- a path the last run passed over is shown as that, whatever it held before
WHERE p.path NOT IN (SELECT path FROM skipped_paths)
UNION ALL
SELECT path, NULL, 'skipped', reason, NULL, seen_at
FROM skipped_paths;
