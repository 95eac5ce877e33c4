-- one row per file content quarantined for a cause outside its bytes (unreadable, over the
-- size cap in force), which may have gone since: every run looks at such a file again
-- (bookkeeping of the ingest, not analysis)
CREATE OR REPLACE VIEW retried_files AS
SELECT DISTINCT s.file_id
FROM source_files AS s
JOIN quarantine AS q ON q.file_id = s.file_id AND q.article_id IS NULL
WHERE s.status = 'quarantined' AND q.reason IN ('unreadable', 'too_large');
