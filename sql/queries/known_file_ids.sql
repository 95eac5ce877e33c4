-- one row per file content already in the ledger, with its status (but those to be retried:
-- they are read again)
SELECT file_id, status
FROM source_files
WHERE file_id NOT IN (SELECT file_id FROM retried_files);
