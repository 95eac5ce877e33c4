-- the batch's file contents (batch_file_ids) to be retried: read again, not taken as known
SELECT file_id
FROM retried_files
JOIN batch_file_ids USING (file_id);
