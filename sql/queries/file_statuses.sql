-- one row per file content of the batch (batch_file_ids) already in the ledger, with its status
SELECT s.file_id, s.status
FROM source_files AS s
JOIN batch_file_ids USING (file_id);
