-- one row per path of the batch (batch_paths) that the ledger knows: the file content it
-- held before this batch
SELECT p.path, p.file_id
FROM file_paths AS p
JOIN batch_paths USING (path);
