-- a path that holds an earlier content again makes that content current again
UPDATE source_files
SET status = 'loaded', superseded_at = NULL
WHERE file_id IN (SELECT file_id FROM incoming_reinstated) AND status = 'superseded';
