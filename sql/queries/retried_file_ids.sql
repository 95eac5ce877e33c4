-- the batch's file contents (batch_file_ids) that were quarantined for a cause outside them
-- (unreadable, over the size cap): read again, not taken as known
SELECT DISTINCT s.file_id
FROM source_files AS s
JOIN batch_file_ids USING (file_id)
JOIN quarantine AS q ON q.file_id = s.file_id AND q.article_id IS NULL
WHERE s.status = 'quarantined' AND list_contains($retried_reasons, q.reason);
