-- one row per file content already in the ledger, with its status (but those quarantined
-- for a cause outside them: they are read again)
WITH retried AS (
    -- contents quarantined for a cause outside them, which may have gone since: read again
    SELECT s.file_id
    FROM source_files AS s
    JOIN quarantine AS q ON q.file_id = s.file_id AND q.article_id IS NULL
    WHERE s.status = 'quarantined' AND list_contains($retried_reasons, q.reason)
)
SELECT file_id, status
FROM source_files
WHERE file_id NOT IN (SELECT file_id FROM retried);
