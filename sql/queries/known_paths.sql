-- one row per path: what discovery compares a file's size and mtime against (a path whose
-- content was quarantined for a cause outside it is left out: it is looked at again)
WITH retried AS (
    -- contents quarantined for a cause outside them, which may have gone since: read again
    SELECT s.file_id
    FROM source_files AS s
    JOIN quarantine AS q ON q.file_id = s.file_id AND q.article_id IS NULL
    WHERE s.status = 'quarantined' AND list_contains($retried_reasons, q.reason)
)
SELECT path, file_id, size_bytes, mtime_ns
FROM file_paths
WHERE file_id NOT IN (SELECT file_id FROM retried);
